/**
 * One access-log line per request, written when the answer is done (or the
 * client left), with the correlation id. The path is logged without its query
 * string: API keys may travel there.
 */
import type { Logger } from 'pino';
import type { RequestContext } from '../pipeline/request-context';

export function logAccess(logger: Logger, ctx: RequestContext, status: number, ms: number): void {
  logger.info(
    {
      correlationId: ctx.correlationId,
      method: ctx.req.method,
      path: ctx.target?.path ?? ctx.req.url?.split('?', 1)[0],
      route: ctx.op?.label,
      version: ctx.api?.version,
      status,
      ms: Math.round(ms * 100) / 100,
      consumer: ctx.identity.consumerId,
      upstreamStatus: ctx.upstreamStatus,
      upstreamError: ctx.upstreamError,
      outcome: ctx.outcome,
    },
    'request',
  );
}
