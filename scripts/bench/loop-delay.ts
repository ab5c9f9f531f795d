import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Loaded into the benchmark API's process (node --import) when it is started with an IPC channel: the
 * main thread's event-loop delay over a window the benchmark opens ('loop-delay:reset') and closes
 * ('loop-delay:report'). A read that waits behind synchronous work (an import parsing its next batch)
 * waits this long before its handler even runs, whatever the database does.
 */
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns: number) => ns / 1e6;
process.on('message', (message) => {
  if (message === 'loop-delay:reset') histogram.reset();
  else if (message === 'loop-delay:report')
    process.send?.({ loopDelay: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) } });
});
// The channel must not keep the API alive once it is told to stop.
process.channel?.unref();
