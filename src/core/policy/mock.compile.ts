/**
 * Chooses what a mocked operation answers: the lowest declared 2xx (else `2XX`,
 * else `default`, else 200), its JSON media type if any, and a body from the
 * contract's `example`, first `examples` entry, the schema's example, or a sample
 * made from the schema, in that order.
 */
import { escapePointerSegment } from '../report/source-ref';
import type { MockPlan } from './policy-plan';
import { isObject, resolveObject, resolveRef, type JsonObject } from './ref-resolver';
import { sampleFromSchema } from './schema-sampler';

export function isJsonMediaType(mediaType: string): boolean {
  const type = mediaType.split(';', 1)[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

export function compileMock(document: JsonObject, responses: unknown, pointer: string): MockPlan {
  if (!isObject(responses)) {
    return { status: 200, source: 'none' };
  }
  const keys = Object.keys(responses);
  const explicit = keys.filter((k) => /^2\d\d$/.test(k)).sort();
  const key = explicit[0] ?? keys.find((k) => k.toUpperCase() === '2XX') ?? keys.find((k) => k === 'default');
  if (key === undefined) {
    return { status: 200, source: 'none' };
  }
  const status = /^\d{3}$/.test(key) ? Number(key) : 200;
  const responsePointer = `${pointer}/${escapePointerSegment(key)}`;
  const response = resolveObject(document, responses[key], responsePointer);
  const content = response && isObject(response.value.content) ? response.value.content : undefined;
  if (!response || !content || status === 204 || status === 304) {
    return { status, source: 'none' };
  }
  const mediaTypes = Object.keys(content);
  const mediaType = mediaTypes.find(isJsonMediaType) ?? mediaTypes[0];
  if (mediaType === undefined) {
    return { status, source: 'none' };
  }
  const mediaPointer = `${response.pointer}/content/${escapePointerSegment(mediaType)}`;
  const media = isObject(content[mediaType]) ? (content[mediaType]) : {};
  const found = bodyOf(document, media, mediaPointer);
  if (!found) {
    return { status, contentType: mediaType, source: 'none' };
  }
  const body = isJsonMediaType(mediaType) || typeof found.body === 'string' ? found.body : JSON.stringify(found.body);
  return { status, contentType: mediaType, body, source: found.source };
}

function bodyOf(document: JsonObject, media: JsonObject, pointer: string): { body: unknown; source: MockPlan['source'] } | undefined {
  if (media.example !== undefined) {
    return { body: media.example, source: 'example' };
  }
  if (isObject(media.examples)) {
    for (const [name, example] of Object.entries(media.examples)) {
      const resolved = resolveObject(document, example, `${pointer}/examples/${escapePointerSegment(name)}`);
      if (resolved && resolved.value.value !== undefined) {
        return { body: resolved.value.value, source: 'examples' };
      }
    }
  }
  if (media.schema === undefined) {
    return undefined;
  }
  const schema = resolveRef(document, media.schema, `${pointer}/schema`);
  if (schema && isObject(schema.value)) {
    if (schema.value.example !== undefined) {
      return { body: schema.value.example, source: 'schema-example' };
    }
    if (Array.isArray(schema.value.examples) && schema.value.examples.length > 0) {
      return { body: schema.value.examples[0], source: 'schema-example' };
    }
  }
  return { body: sampleFromSchema(document, media.schema, `${pointer}/schema`), source: 'schema' };
}
