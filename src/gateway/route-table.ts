/**
 * The live route table: immutable once built, replaced as a whole by one
 * assignment. A request captures the table it started with, so a reload never
 * changes validators, limits or upstreams under an in-flight request.
 */
import type { OperationPolicies } from '../policies';
import type { PathRouter } from './routing/path-router';
import type { Upstream } from './upstream/upstream';

export interface RouteOperation {
  api: ApiRoute;
  policies: OperationPolicies;
  id: string;
  method: string;
  template: string;
  /** `domain/api/v1 /shipments/{id}`: the metrics and log label. */
  label: string;
  /** Label, method and version: what usage is counted under, prepared at build (a reload may serve a newer minor under the same label). */
  usageKey: string;
  /** Header names carrying API keys: stripped before proxying (the upstream gets the identity instead). */
  apiKeyHeaders: readonly string[];
  /** Query names carrying API keys: removed from the forwarded query string. */
  apiKeyQuery: readonly string[];
}

export interface RouteMethods {
  byMethod: Map<string, RouteOperation>;
  /** Allow header for 405 answers, prepared at build. */
  allow: string;
}

export interface ApiRoute {
  /** `domain/api/v{major}` */
  key: string;
  domain: string;
  api: string;
  version: string;
  major: number;
  deprecated: boolean;
  /** Absent: the domain has no upstream and operations answer mocks. */
  upstream?: Upstream;
  /** An upstream is configured but unusable (bad URL): answers 503. */
  upstreamInvalid: boolean;
  /** Flat [name, value, ...] added to every answer: Deprecation, Sunset, Link. */
  lifecycleHeaders: readonly string[];
  /** `domain/api@version`: the x-charter-api value sent upstream, prepared at build. */
  forwardLabel: string;
  router: PathRouter<RouteMethods>;
}

export class RouteTable {
  constructor(
    readonly apis: ReadonlyMap<string, ApiRoute>,
    readonly builtAt: Date,
  ) {}

  static empty(): RouteTable {
    return new RouteTable(new Map(), new Date(0));
  }

  /** `segments` are the decoded path segments; the first three name the API. */
  find(segments: readonly string[]): ApiRoute | undefined {
    if (segments.length < 3) {
      return undefined;
    }
    return this.apis.get(`${segments[0]}/${segments[1]}/${segments[2]}`);
  }
}
