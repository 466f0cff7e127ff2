/**
 * One global filter, written against Fastify's reply, turns every error into RFC
 * 9457 problem+json: CharterError through the catalogue, Nest HttpExceptions and
 * Fastify's own errors (body too large, bad content type) by status, and anything
 * unknown into a logged, generic 500 that leaks no internals.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { currentCorrelationId } from '../logging/correlation';
import { CharterError } from './charter.error';
import { PROBLEM_CONTENT_TYPE, type ProblemBody, type ProblemCode, problemBody } from './problem-catalogue';

const BY_STATUS: Record<number, ProblemCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export interface ProblemAnswer {
  body: ProblemBody;
  headers: Record<string, string>;
  unexpected: boolean;
}

export function toProblem(exception: unknown, instance?: string): ProblemAnswer {
  const correlationId = currentCorrelationId();
  if (exception instanceof CharterError) {
    return {
      body: problemBody(exception.code, exception.message, { instance, correlationId, ...exception.extensions }),
      headers: exception.headers,
      unexpected: false,
    };
  }
  const status = statusOf(exception);
  const code = status !== undefined ? BY_STATUS[status] : undefined;
  if (code) {
    const headers: Record<string, string> = code === 'UNAUTHENTICATED' ? { 'www-authenticate': 'Bearer realm="charter"' } : {};
    return { body: problemBody(code, detailOf(exception), { instance, correlationId }), headers, unexpected: false };
  }
  return {
    body: problemBody('INTERNAL_ERROR', 'An unexpected error occurred; it has been logged with this correlation id.', {
      instance,
      correlationId,
    }),
    headers: {},
    unexpected: true,
  };
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) {
    return exception.getStatus();
  }
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function detailOf(exception: unknown): string {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'object' && response && 'message' in response) {
      const message = response.message;
      return Array.isArray(message) ? message.join('; ') : String(message);
    }
    return exception.message;
  }
  return (exception as Error).message;
}

export function sendProblem(reply: FastifyReply, answer: Pick<ProblemAnswer, 'body' | 'headers'>): void {
  void reply
    .status(answer.body.status)
    .headers({ ...answer.headers, 'content-type': PROBLEM_CONTENT_TYPE })
    .send(answer.body);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const answer = toProblem(exception, request?.url);
    if (answer.unexpected) {
      this.logger.error({ err: exception, url: request?.url }, 'unhandled error');
    }
    sendProblem(reply, answer);
  }
}
