/**
 * Which kind of contract a document is, from its `openapi` / `asyncapi` field.
 * The supported versions are exactly those we hold an official JSON Schema for.
 */
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import { quote } from './issues';
import type { ContractKind } from './types';

export const SUPPORTED_ASYNCAPI_VERSIONS: readonly string[] = [
  '2.0.0',
  '2.1.0',
  '2.2.0',
  '2.3.0',
  '2.4.0',
  '2.5.0',
  '2.6.0',
  '3.0.0',
  '3.1.0',
];
export const SUPPORTED_SPEC_VERSIONS_TEXT = `OpenAPI 3.0.x and 3.1.x, AsyncAPI ${SUPPORTED_ASYNCAPI_VERSIONS.join(', ')}`;

export function detectContractKind(data: unknown): Result<{ kind: ContractKind; specVersion: string }> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(at('NOT_AN_OBJECT', `a contract must be a mapping at the top level, found ${typeName(data)}`, ''));
  }
  const doc = data as Record<string, unknown>;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(doc, key);
  if (has('openapi') && has('asyncapi')) {
    return fail(at('UNKNOWN_FORMAT', 'a document cannot be both OpenAPI (`openapi`) and AsyncAPI (`asyncapi`)', ''));
  }
  if (has('openapi')) {
    const v = doc.openapi;
    if (typeof v === 'string' && /^3\.[01]\.\d+$/.test(v)) {
      return ok({ kind: 'openapi', specVersion: v });
    }
    return fail(unsupported('openapi', v));
  }
  if (has('asyncapi')) {
    const v = doc.asyncapi;
    if (typeof v === 'string' && SUPPORTED_ASYNCAPI_VERSIONS.includes(v)) {
      return ok({ kind: 'asyncapi', specVersion: v });
    }
    return fail(unsupported('asyncapi', v));
  }
  if (has('swagger')) {
    return fail(
      at(
        'UNSUPPORTED_SPEC_VERSION',
        `Swagger ${quote(doc.swagger)} is not supported (supported: ${SUPPORTED_SPEC_VERSIONS_TEXT}); convert it to OpenAPI 3 first`,
        '/swagger',
      ),
    );
  }
  return fail(at('UNKNOWN_FORMAT', 'not an OpenAPI or AsyncAPI document: no `openapi` or `asyncapi` field', ''));
}

function unsupported(field: 'openapi' | 'asyncapi', value: unknown): Issue {
  const hint = typeof value === 'string' ? '' : ' (write the version as a quoted string such as "3.1.0")';
  const name = field === 'openapi' ? 'OpenAPI' : 'AsyncAPI';
  return at(
    'UNSUPPORTED_SPEC_VERSION',
    `${name} version ${quote(value)} is not supported${hint}; supported: ${SUPPORTED_SPEC_VERSIONS_TEXT}`,
    `/${field}`,
  );
}

function at(code: Issue['code'], message: string, pointer: string): Issue {
  return { code, message, source: { pointer } };
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) {
    return 'an empty document';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return `a ${typeof value}`;
}
