/**
 * Route match: checks the request target (see request-target.ts), finds the API
 * by `/{domain}/{api}/v{major}`, then the operation by path template and method.
 * 404 for an unknown path, 405 with Allow for a method the contract lacks; HEAD
 * falls back to GET as HTTP allows. Deprecated versions get their lifecycle
 * headers on every answer from here on, rejections included.
 */
import { parseQuery, parseRequestTarget } from '../routing/request-target';
import type { RequestContext } from './request-context';
import { DONE, NEXT, PRIORITY, type GatewayRuntime, type Stage, type StageOutcome } from './stage';

export class RouteStage implements Stage {
  readonly name = 'route';
  readonly priority = PRIORITY.route;

  constructor(private readonly runtime: GatewayRuntime) {}

  run(ctx: RequestContext): StageOutcome {
    const parsed = parseRequestTarget(ctx.req.url ?? '');
    if (!parsed.ok) {
      ctx.reject('MALFORMED_REQUEST', parsed.reason);
      return DONE;
    }
    ctx.target = parsed.target;
    const api = ctx.table.find(parsed.target.segments);
    if (!api) {
      ctx.reject('NOT_FOUND', 'no published API version is served at this path');
      return DONE;
    }
    ctx.api = api;
    if (api.lifecycleHeaders.length > 0) {
      ctx.answerHeaders.push(...api.lifecycleHeaders);
    }
    const match = api.router.match(parsed.target.segments, 3);
    if (!match) {
      ctx.reject('NOT_FOUND', `${api.domain}/${api.api} v${api.major} has no operation at this path`);
      return DONE;
    }
    const method = ctx.req.method ?? 'GET';
    const op = match.value.byMethod.get(method) ?? (method === 'HEAD' ? match.value.byMethod.get('GET') : undefined);
    if (!op) {
      ctx.reject('METHOD_NOT_ALLOWED', `${method} is not an operation of this path`, { headers: ['allow', match.value.allow] });
      return DONE;
    }
    ctx.op = op;
    ctx.pathParams = match.params;
    const query = parseQuery(parsed.target.query, this.runtime.limits.maxQueryParams);
    if (!query.ok) {
      ctx.reject('MALFORMED_REQUEST', query.reason);
      return DONE;
    }
    ctx.query = query.query;
    return NEXT;
  }
}
