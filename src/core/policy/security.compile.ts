/**
 * Security schemes and requirements from the contract. Bearer JWT, oauth2 and
 * openIdConnect all mean "a JWT the domain's verifier accepts, with these scopes";
 * apiKey means a consumer key. Anything else (basic, mutualTLS) cannot be checked
 * by the gateway and is kept as `unsupported`, so a requirement naming it fails
 * closed instead of being skipped.
 */
import type { Issue } from '../report/issue';
import { escapePointerSegment } from '../report/source-ref';
import type { SecurityRequirementPlan, SecuritySchemePlan } from './policy-plan';
import { isObject, resolveObject, type JsonObject } from './ref-resolver';

export function compileSecuritySchemes(document: JsonObject, warnings: Issue[]): Record<string, SecuritySchemePlan> {
  const schemes: Record<string, SecuritySchemePlan> = {};
  const components = isObject(document.components) ? document.components : {};
  const declared = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, raw] of Object.entries(declared)) {
    const pointer = `/components/securitySchemes/${escapePointerSegment(name)}`;
    const resolved = resolveObject(document, raw, pointer);
    const scheme = resolved ? compileScheme(name, resolved.value) : { type: 'unsupported' as const, name, reason: 'unresolvable $ref' };
    if (scheme.type === 'unsupported') {
      warnings.push({ code: 'UNSUPPORTED_POLICY', message: `security scheme "${name}": ${scheme.reason}; requirements naming it always fail`, source: { pointer } });
    }
    schemes[name] = scheme;
  }
  return schemes;
}

function compileScheme(name: string, scheme: JsonObject): SecuritySchemePlan {
  const type = typeof scheme.type === 'string' ? scheme.type : '';
  if (type === 'http') {
    const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
    if (httpScheme === 'bearer') {
      return { type: 'jwt', name };
    }
    return { type: 'unsupported', name, reason: `http scheme "${httpScheme}" is not checked by the gateway` };
  }
  if (type === 'oauth2' || type === 'openIdConnect') {
    return { type: 'jwt', name };
  }
  if (type === 'apiKey') {
    const where = scheme.in;
    const paramName = typeof scheme.name === 'string' ? scheme.name : '';
    if ((where === 'header' || where === 'query' || where === 'cookie') && paramName !== '') {
      return { type: 'apiKey', name, in: where, paramName: where === 'header' ? paramName.toLowerCase() : paramName };
    }
    return { type: 'unsupported', name, reason: 'apiKey scheme needs `in` (header, query, cookie) and `name`' };
  }
  return { type: 'unsupported', name, reason: `scheme type "${type}" is not checked by the gateway` };
}

/**
 * `security` of the operation, else of the document; `[]` (or none) means open.
 * A requirement naming an undeclared scheme is kept (it will fail closed) and warned.
 */
export function compileRequirements(
  value: unknown,
  pointer: string,
  schemes: Record<string, SecuritySchemePlan>,
  warnings: Issue[],
): SecurityRequirementPlan[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const requirements: SecurityRequirementPlan[] = [];
  value.forEach((requirement, index) => {
    if (!isObject(requirement)) {
      return;
    }
    const entries = Object.entries(requirement).map(([scheme, scopes]) => {
      if (!schemes[scheme]) {
        warnings.push({ code: 'UNSUPPORTED_POLICY', message: `security requirement names undeclared scheme "${scheme}"; it always fails`, source: { pointer: `${pointer}/${index}` } });
      }
      return { scheme, scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [] };
    });
    requirements.push({ schemes: entries });
  });
  return requirements;
}
