/**
 * Last stage: send the request to the domain's upstream, or, when the domain has
 * none, answer the operation's prepared mock (x-charter-mock: true) so the
 * embedded demo works end to end without backends.
 */
import type { RequestContext } from './request-context';
import { UpstreamProxy } from '../upstream/proxy';
import { DONE, PRIORITY, type GatewayRuntime, type Stage, type StageOutcome } from './stage';

export class DispatchStage implements Stage {
  readonly name = 'dispatch';
  readonly priority = PRIORITY.dispatch;
  private readonly proxy: UpstreamProxy;

  constructor(runtime: GatewayRuntime) {
    this.proxy = new UpstreamProxy(runtime);
  }

  run(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
    const api = ctx.api!;
    // No extra `.then(() => DONE)`: forward settles with DONE itself, one promise less per request.
    if (api.upstream) {
      return this.proxy.forward(ctx, api.upstream);
    }
    if (api.upstreamInvalid) {
      ctx.reject('SERVICE_UNAVAILABLE', `the upstream of domain "${api.domain}" is misconfigured`);
      return DONE;
    }
    this.mock(ctx);
    return DONE;
  }

  private mock(ctx: RequestContext): void {
    const mock = ctx.op!.policies.mock;
    ctx.outcome = 'mock';
    const headers = ['x-charter-mock', 'true', 'x-correlation-id', ctx.correlationId, 'content-length', String(mock.body.length)];
    if (mock.contentType) {
      headers.push('content-type', mock.contentType);
    }
    for (const h of ctx.answerHeaders) {
      headers.push(h);
    }
    ctx.res.writeHead(mock.status, headers);
    // An unread request body is discarded by node:http once the answer is done.
    if (ctx.req.method === 'HEAD') {
      ctx.res.end();
    } else {
      ctx.res.end(mock.body);
    }
  }
}
