import { ConfigError, loadConfig } from '@ringwatch/config';
import { LocalNeo4jError, Neo4jConnectionError, MigrationError } from '@ringwatch/neo4j';
import { JsonLogger } from './common/json-logger';
import { StartupError, startRingwatch } from './runtime';

/** Errors whose message is the whole story: printed plainly, no stack trace. */
const EXPECTED = [ConfigError, LocalNeo4jError, Neo4jConnectionError, MigrationError, StartupError];

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = new JsonLogger(config.log.level);
  const running = await startRingwatch(config, logger);
  logger.event('info', 'ringwatch', 'ready', { url: running.url, docs: `${running.url}/docs`, neo4j: running.neo4jUri });
  process.stderr.write(`\nRingwatch is running: ${running.url}  (API docs: ${running.url}/docs). Ctrl-C stops it.\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'ringwatch', 'stopping', { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.event('error', 'ringwatch', 'unclean stop', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (EXPECTED.some((kind) => error instanceof kind)) {
    process.stderr.write(`\n${(error as Error).message}\n\n`);
  } else {
    process.stderr.write(`\nRingwatch failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
