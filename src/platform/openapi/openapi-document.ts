/**
 * The OpenAPI description of Charter's own HTTP API, from the @nestjs/swagger
 * decorators: served at /docs and written to contracts/charter/ by
 * `npm run contracts:sync`. Both go through createOpenApiDocument, so what the
 * service serves is what governance checked.
 *
 * The order of keys is fixed here (paths and component names sorted, operation
 * fields in a reading order, responses by status) rather than left to the order
 * modules and decorators happen to register in: regenerating after a refactor
 * that changes nothing outside gives the same bytes.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The contract version of the registry API, kept by hand. `charter check` gates
 * contracts/charter/registry.openapi.yaml like any contract: a breaking change
 * needs a major bump here, an additive one a minor bump, any other change a patch.
 */
export const REGISTRY_API_VERSION = '1.1.0';

/** The owning team, as named in contracts/charter/domain.yaml. */
const REGISTRY_API_OWNER = 'platform';

const TAGS: ReadonlyArray<[string, string]> = [
  ['domains', 'Domains (one per domain.yaml) and the catalogue of their APIs'],
  ['versions', 'Publishing contract versions, their documents, lifecycle and changelogs'],
  ['consumers', 'Gateway consumers and their API keys'],
  ['usage', 'Gateway traffic per API, operation and consumer'],
  ['audit', 'The append-only log of every registry write'],
  ['health', 'Liveness and readiness of the control plane'],
];

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Charter registry API')
    .setDescription(
      'The control plane of Charter: domains, APIs and their contract versions, lifecycle and changelogs, ' +
        'gateway consumers and usage, and the audit log. Calls carry a bearer token whose `role` claim ' +
        '(reader, publisher, admin) and, for publishers, `domains` claim say what they may do. ' +
        'Every error is RFC 9457 application/problem+json with a stable `type` per kind.',
    )
    .setVersion(REGISTRY_API_VERSION)
    .addExtension('x-owner', REGISTRY_API_OWNER, 'info')
    .addServer('/', 'This control plane (PORT, default 8080)')
    // Named `bearer`, what @ApiBearerAuth() (in ApiRegistryController) refers to.
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A registry token (`charter token`, or your identity provider).' });
  for (const [name, description] of TAGS) {
    builder.addTag(name, description);
  }
  const config = builder.build();
  // DocumentBuilder starts with an empty contact; the owner is x-owner instead.
  delete config.info.contact;
  return orderDocument(SwaggerModule.createDocument(app, config));
}

const TOP_LEVEL = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const OPERATION = ['tags', 'summary', 'description', 'operationId', 'parameters', 'requestBody', 'responses', 'security', 'deprecated'];

/** Fixed order for the keys it names, then the rest sorted (extensions included). */
function ordered<T extends object>(value: T, first: readonly string[]): T {
  const rest = Object.keys(value).filter((k) => !first.includes(k));
  const keys = [...first.filter((k) => k in value), ...rest.sort()];
  return Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]])) as T;
}

function sortedByKey<T>(record: Record<string, T>, map: (value: T) => T = (v) => v): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, map(record[k])]),
  );
}

function orderDocument(doc: OpenAPIObject): OpenAPIObject {
  const paths = sortedByKey(doc.paths, (item) => {
    const methods = ordered(item, METHODS);
    for (const method of METHODS) {
      const op = (methods as Record<string, object | undefined>)[method];
      if (op) {
        const operation = ordered(op, OPERATION);
        const responses = (operation as { responses?: Record<string, unknown> }).responses;
        if (responses) {
          (operation as { responses: Record<string, unknown> }).responses = sortedByKey(responses);
        }
        (methods as Record<string, unknown>)[method] = operation;
      }
    }
    return methods;
  });
  const components = doc.components
    ? sortedByKey(doc.components as Record<string, Record<string, unknown>>, (section) => sortedByKey(section))
    : undefined;
  // Tags keep the reading order of TAGS above.
  return ordered({ ...doc, paths, ...(components ? { components } : {}) }, TOP_LEVEL);
}
