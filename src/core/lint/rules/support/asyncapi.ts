/** Walking AsyncAPI 2.x and 3.x documents: where messages live, what headers they carry. */
import { asArray, isObject, type Json, type JsonPath } from './json';
import { propertiesOf } from './openapi';

export interface MessageAt {
  message: Json;
  at: JsonPath;
}

function pushMessage(out: MessageAt[], message: unknown, at: JsonPath): void {
  if (!isObject(message)) {
    return;
  }
  // AsyncAPI 2.x allows `message: { oneOf: [...] }` on an operation.
  if (Array.isArray(message.oneOf)) {
    message.oneOf.forEach((m, i) => pushMessage(out, m, [...at, 'oneOf', i]));
    return;
  }
  out.push({ message, at });
}

/** Every message of a (resolved) AsyncAPI document: channels, operations, components. */
export function eachMessage(root: unknown): MessageAt[] {
  const out: MessageAt[] = [];
  if (!isObject(root)) {
    return out;
  }
  const v3 = typeof root.asyncapi === 'string' && root.asyncapi.startsWith('3.');
  if (isObject(root.channels)) {
    for (const [name, channel] of Object.entries(root.channels)) {
      if (!isObject(channel)) {
        continue;
      }
      if (v3) {
        if (isObject(channel.messages)) {
          for (const [key, m] of Object.entries(channel.messages)) {
            pushMessage(out, m, ['channels', name, 'messages', key]);
          }
        }
      } else {
        for (const op of ['publish', 'subscribe']) {
          const operation = channel[op];
          if (isObject(operation)) {
            pushMessage(out, operation.message, ['channels', name, op, 'message']);
          }
        }
      }
    }
  }
  const components = isObject(root.components) ? root.components : {};
  if (isObject(components.messages)) {
    for (const [key, m] of Object.entries(components.messages)) {
      pushMessage(out, m, ['components', 'messages', key]);
    }
  }
  return out;
}

/** AsyncAPI 3 allows a Multi Format Schema object `{ schemaFormat, schema }`. */
function unwrapSchema(s: unknown): unknown {
  return isObject(s) && s.schemaFormat !== undefined && s.schema !== undefined ? s.schema : s;
}

/** The message's headers schema properties, including those its traits contribute. */
export function headerNames(message: Json): Set<string> {
  const names = new Set<string>(propertiesOf(unwrapSchema(message.headers)).keys());
  for (const trait of asArray(message.traits)) {
    if (isObject(trait)) {
      for (const k of propertiesOf(unwrapSchema(trait.headers)).keys()) {
        names.add(k);
      }
    }
  }
  return names;
}

/** A message field, or the same field from one of its traits. */
export function messageField(message: Json, field: string): unknown {
  if (message[field] !== undefined) {
    return message[field];
  }
  for (const trait of asArray(message.traits)) {
    if (isObject(trait) && trait[field] !== undefined) {
      return trait[field];
    }
  }
  return undefined;
}

export function messageLabel(m: MessageAt): string {
  const name = isObject(m.message) && typeof m.message.name === 'string' ? m.message.name : String(m.at[m.at.length - 1]);
  return `message "${name}"`;
}
