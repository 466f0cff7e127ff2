/**
 * Correlation id: the client's x-correlation-id when it is a sane token (so it
 * cannot forge log lines), else a new UUID. It goes upstream, into the answer
 * and into the access log line.
 */
import { acceptCorrelationId, CORRELATION_HEADER } from '../../platform/logging/correlation';
import type { RequestContext } from './request-context';
import { NEXT, PRIORITY, type Stage, type StageOutcome } from './stage';

export class CorrelationStage implements Stage {
  readonly name = 'correlation';
  readonly priority = PRIORITY.correlation;

  run(ctx: RequestContext): StageOutcome {
    ctx.correlationId = acceptCorrelationId(ctx.req.headers[CORRELATION_HEADER]);
    // Contracts may declare the header required (domain.yaml correlation.required):
    // the gateway supplies it, so validation sees the id the upstream will get.
    ctx.req.headers[CORRELATION_HEADER] = ctx.correlationId;
    return NEXT;
  }
}
