import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody } from '@ringwatch/wire';
import type { Request, Response } from 'express';
import type { AuditEntry } from '../audit/audit-entry';
import type { JsonLogger } from './json-logger';

/** Methods that change state: a 403 on one of them is a refused action, and is audited. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Base class of domain errors; each subclass states the HTTP status it maps to. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details?: unknown;
  /** Sent as Retry-After (a 429 or 503 saying when to come back). */
  readonly retryAfterSeconds?: number;
}

/**
 * Error bodies stay small whatever the request: a body with 60,000 unknown keys once came back as a
 * 709 KB error naming every key. At most this many details, each string cut to this many characters.
 */
export const MAX_ERROR_DETAILS = 20;
export const MAX_ERROR_TEXT = 300;

function cut(text: string): string {
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}… (${text.length - MAX_ERROR_TEXT} more characters)` : text;
}

function capDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cut(value);
  if (depth > 3 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ERROR_DETAILS).map((v) => capDetails(v, depth + 1));
    return value.length > MAX_ERROR_DETAILS ? [...kept, { field: '(more)', reason: `${value.length - MAX_ERROR_DETAILS} more problems not listed` }] : kept;
  }
  const entries = Object.entries(value).slice(0, MAX_ERROR_DETAILS);
  return Object.fromEntries(entries.map(([k, v]) => [cut(k), capDetails(v, depth + 1)]));
}

/**
 * Errors Express's own middleware raises (the body parser's "entity too large", "malformed JSON"):
 * http-errors with a 4xx status meant to be shown. They are not Nest exceptions, and answered 500.
 */
interface ExposedHttpError {
  status: number;
  type?: string;
  expose: true;
  message: string;
}
function isExposedHttpError(e: unknown): e is ExposedHttpError {
  const x = e as Partial<ExposedHttpError> | null;
  return typeof x === 'object' && x !== null && x.expose === true && typeof x.status === 'number' && x.status >= 400 && x.status < 500;
}

/** One error shape for every failure, whatever threw it. Internal errors are logged, never echoed. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: JsonLogger,
    /** Turns infrastructure errors into domain errors (a lost database into a 503) before they are answered. */
    private readonly translate: (exception: unknown) => DomainError | undefined = () => undefined,
    /**
     * Records a refused action: a 403 on a state-changing route, from the guard (the role lacks the
     * permission) or a service (four eyes, another brand). Written before the answer leaves, so the
     * trail has it by the time the caller knows.
     */
    private readonly refused?: (entry: AuditEntry) => Promise<void>,
  ) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = this.translate(thrown) ?? thrown;
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string; user?: { sub: string } }>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception);
    if (req.id !== undefined) body.error.requestId = req.id;
    // A domain error is expected (a 503 while the database is away is logged once, by its monitor).
    if (body.error.status >= 500 && !(exception instanceof DomainError)) {
      this.logger.event('error', 'http', 'unhandled error', {
        requestId: req.id,
        error: exception instanceof Error ? exception.message : String(exception),
        stack: exception instanceof Error ? exception.stack : undefined,
      });
    }
    body.error.message = cut(body.error.message);
    if (body.error.details !== undefined) body.error.details = capDetails(body.error.details);
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(exception.retryAfterSeconds));
    const send = () => void res.status(body.error.status).json(body);
    if (body.error.status !== 403 || !STATE_CHANGING.has(req.method) || req.user === undefined || this.refused === undefined) return send();
    const path = (req.originalUrl ?? req.url).split('?')[0]!.slice(0, 300);
    this.refused({
      actor: req.user.sub,
      action: 'access.refused',
      target: `route:${req.method} ${path}`,
      after: { reason: body.error.message },
      requestId: req.id ?? null,
    })
      .catch((error: unknown) =>
        this.logger.event('error', 'http', 'refused action not audited', { requestId: req.id, error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(send);
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
    if (isExposedHttpError(exception)) {
      const status = exception.status;
      const message =
        status === 413 ? 'request body too large' : exception.type === 'entity.parse.failed' ? 'request body is not valid JSON' : exception.message;
      return { error: { status, code: HttpStatus[status]?.toLowerCase() ?? 'error', message } };
    }
    return { error: { status: 500, code: 'internal_error', message: 'internal error' } };
  }
}
