/**
 * Finds the `$ref`s of a document that are references, and only those. A `$ref`
 * key is data, not a reference, inside example values (`example`, `examples`,
 * Example Object `value`), `default`, `const`, `enum` and `x-*` extensions: real
 * documents (GitHub's SCIM examples) carry `$ref: https://...` payloads there.
 *
 * The walk knows three contexts: an object node (keywords), a map of user-chosen
 * names (`properties`, `paths`, `responses`, `headers`, ...: a property may be
 * called `default` or `x-id`, a response `default`), and data (not entered).
 * Iterative: shared YAML alias subtrees are visited once per occurrence, which the
 * parse-time expansion budget keeps bounded.
 */
import type { ContractKind } from './types';

export type RefPath = ReadonlyArray<string | number>;

export interface FoundRef {
  /** Path of the object holding `$ref`. */
  path: (string | number)[];
  ref: string;
  holder: Record<string, unknown>;
}

/** Keywords whose value is data. */
const DATA_KEYS = new Set(['example', 'default', 'const', 'enum']);

/** Keywords whose value maps user-chosen names to nodes. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'dependencies',
  'headers',
  'content',
  'encoding',
  'links',
  'callbacks',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'paths',
  'webhooks',
  'pathItems',
  'channels',
  'operations',
  'messages',
  'servers',
  'serverVariables',
  'variables',
  'messageTraits',
  'operationTraits',
  'correlationIds',
  'replies',
  'replyAddresses',
  'serverBindings',
  'channelBindings',
  'operationBindings',
  'messageBindings',
]);

/** Name maps whose `x-*` keys are extensions rather than names. */
const EXTENSIBLE_NAME_MAPS = new Set(['paths', 'responses', 'webhooks', 'callbacks']);

type Ctx = 'node' | 'names' | 'names-extensible' | 'example-map';

/** A visited position; paths are rebuilt from parent links only for the refs found. */
interface Frame {
  value: unknown;
  ctx: Ctx;
  parent: Frame | undefined;
  key: string | number;
}

/**
 * @param root where to start; `asExample` when it is an Example Object (bundled from
 *   an `examples` position): only its own `$ref` can be a reference, its `value` is data.
 */
export function collectRefs(root: unknown, kind: ContractKind, rootPath: RefPath = [], asExample = false): FoundRef[] {
  const found: FoundRef[] = [];
  if (root === null || typeof root !== 'object') {
    return found;
  }
  if (asExample) {
    const ref = (root as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && !Array.isArray(root)) {
      found.push({ path: [...rootPath], ref, holder: root as Record<string, unknown> });
    }
    return found;
  }
  const stack: Frame[] = [{ value: root, ctx: 'node', parent: undefined, key: '' }];
  const pathOf = (frame: Frame, extra?: string): (string | number)[] => {
    const keys: (string | number)[] = extra === undefined ? [] : [extra];
    for (let f: Frame | undefined = frame; f?.parent; f = f.parent) {
      keys.push(f.key);
    }
    return [...rootPath, ...keys.reverse()];
  };
  // AsyncAPI message `headers` is a schema, not a map of header names.
  const isNameMap = (key: string) => NAME_MAPS.has(key) && !(kind === 'asyncapi' && key === 'headers');
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value, ctx } = frame;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') {
          stack.push({ value: item, ctx: 'node', parent: frame, key: i });
        }
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    // A name map is never itself a reference, but `headers: {$ref: ...}` style
    // holders exist; a property *named* `$ref` has an object value, not a string.
    if (typeof record.$ref === 'string') {
      found.push({ path: pathOf(frame), ref: record.$ref, holder: record });
    }
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = record[key];
      if (child === null || typeof child !== 'object') {
        continue;
      }
      if (ctx === 'example-map') {
        // Each entry is an Example Object (its `value` is data) or a Reference.
        const entry = child as Record<string, unknown>;
        if (!Array.isArray(child) && typeof entry.$ref === 'string') {
          found.push({ path: pathOf(frame, key), ref: entry.$ref, holder: entry });
        }
        continue;
      }
      if (ctx === 'names' || ctx === 'names-extensible') {
        if (ctx === 'names-extensible' && key.startsWith('x-')) {
          continue;
        }
        stack.push({ value: child, ctx: 'node', parent: frame, key });
        continue;
      }
      if (key === '$ref' || key.startsWith('x-') || DATA_KEYS.has(key)) {
        continue;
      }
      let childCtx: Ctx = 'node';
      if (key === 'examples') {
        if (Array.isArray(child)) {
          continue;
        }
        childCtx = 'example-map';
      } else if (!Array.isArray(child) && isNameMap(key)) {
        childCtx = EXTENSIBLE_NAME_MAPS.has(key) ? 'names-extensible' : 'names';
      }
      stack.push({ value: child, ctx: childCtx, parent: frame, key });
    }
  }
  return found;
}
