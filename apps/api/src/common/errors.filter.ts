import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody } from '@ringwatch/wire';
import type { Request, Response } from 'express';
import type { JsonLogger } from './json-logger';

/** Base class of domain errors; each subclass states the HTTP status it maps to. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details?: unknown;
  /** Sent as Retry-After (a 429 or 503 saying when to come back). */
  readonly retryAfterSeconds?: number;
}

/** One error shape for every failure, whatever threw it. Internal errors are logged, never echoed. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception);
    if (req.id !== undefined) body.error.requestId = req.id;
    if (body.error.status >= 500) {
      this.logger.event('error', 'http', 'unhandled error', {
        requestId: req.id,
        error: exception instanceof Error ? exception.message : String(exception),
        stack: exception instanceof Error ? exception.stack : undefined,
      });
    }
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(exception.retryAfterSeconds));
    res.status(body.error.status).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { error: { status: exception.status, code: exception.code, message: exception.message, details: exception.details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const body = typeof response === 'string' ? { message: response } : (response as { message?: unknown; fields?: unknown });
      const message = String(body.message ?? exception.message);
      return { error: { status, code: HttpStatus[status]?.toLowerCase() ?? 'error', message, ...(body.fields ? { details: body.fields } : {}) } };
    }
    return { error: { status: 500, code: 'internal_error', message: 'internal error' } };
  }
}
