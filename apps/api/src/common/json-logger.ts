import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '@ringwatch/config';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured logs: one JSON object per line on stdout, so a log shipper needs no parsing rules.
 * `context` (Nest's word) is written as `module`, the name every Ringwatch error message starts with.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  /** For callers outside Nest (the run command, scripts) that want the same format with extra fields. */
  event(level: LogLevel, module: string, msg: string, fields: Record<string, unknown> = {}): void {
    if (ORDER[level] < ORDER[this.level]) return;
    this.write(JSON.stringify({ time: new Date().toISOString(), level, module, msg, ...fields }));
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (ORDER[level] < ORDER[this.level]) return;
    // Nest passes the context as the last string argument, and a stack trace before it for errors.
    const args = [...rest];
    const module = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : 'app';
    const fields: Record<string, unknown> = {};
    if (typeof args[0] === 'string' && args[0].includes('\n    at ')) fields.stack = args.shift();
    if (args.length > 0) fields.extra = args;
    if (message instanceof Error) {
      this.event(level, module, message.message, { ...fields, stack: message.stack });
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...more } = message as Record<string, unknown>;
      this.event(level, module, typeof msg === 'string' ? msg : '', { ...more, ...fields });
    } else {
      this.event(level, module, String(message), fields);
    }
  }
}
