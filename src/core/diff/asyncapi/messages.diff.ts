/**
 * The messages of one operation (or its reply), matched by name, messageId,
 * component key or title. Direction comes from the action: messages the
 * application receives are what clients send (`request`), messages it sends are
 * what clients receive (`response`).
 */
import type { DiffContext } from '../diff-context';
import type { Direction } from '../diff.types';
import type { AMessage } from './asyncapi-model';
import { diffBindings } from './bindings.diff';

export interface MessageSite {
  operation: string;
  channel: string;
  direction: Direction;
  basePtr: string;
  headPtr: string;
}

export function matchMessages(base: AMessage[], head: AMessage[]): { pairs: Array<[AMessage, AMessage]>; removed: AMessage[]; added: AMessage[] } {
  const freeH = new Set(head);
  const pairs: Array<[AMessage, AMessage]> = [];
  const removed: AMessage[] = [];
  const pending: AMessage[] = [];
  for (const bm of base) {
    const hit = [...freeH].find((hm) => hm.names[0] === bm.names[0]) ?? [...freeH].find((hm) => hm.names.some((n) => bm.names.includes(n)));
    if (hit) {
      pairs.push([bm, hit]);
      freeH.delete(hit);
    } else {
      pending.push(bm);
    }
  }
  if (pending.length === 1 && freeH.size === 1) {
    pairs.push([pending[0], [...freeH][0]]);
    freeH.clear();
  } else {
    removed.push(...pending);
  }
  return { pairs, removed, added: [...freeH] };
}

const label = (m: AMessage): string => m.names[0] ?? m.key;

export function diffMessages(ctx: DiffContext, base: AMessage[], head: AMessage[], site: MessageSite): void {
  const { pairs, removed, added } = matchMessages(base, head);
  const scope = (m: AMessage, what = `message '${label(m)}'`) => ({ operation: site.operation, channel: site.channel, direction: site.direction, location: what });
  for (const m of removed) {
    ctx.add('message-removed', scope(m), m.loc.ptr, site.headPtr, { name: label(m) });
  }
  for (const m of added) {
    ctx.add('message-added', scope(m), site.basePtr, m.loc.ptr, { name: label(m) });
  }
  for (const [bm, hm] of pairs) {
    diffMessage(ctx, bm, hm, site);
  }
}

function diffMessage(ctx: DiffContext, b: AMessage, h: AMessage, site: MessageSite): void {
  const name = label(h);
  const scope = (what: string) => ({ operation: site.operation, channel: site.channel, direction: site.direction, location: what });
  const here = scope(`message '${name}'`);
  if ((b.contentType ?? '') !== (h.contentType ?? '')) {
    ctx.add('message-content-type-changed', here, b.loc.ptr, h.loc.ptr, { name, from: b.contentType, to: h.contentType });
  }
  if (b.correlationId !== h.correlationId) {
    ctx.add('message-correlation-id-changed', here, b.loc.ptr, h.loc.ptr, { name, from: b.correlationId, to: h.correlationId });
  }
  if (b.schemaFormat !== h.schemaFormat) {
    ctx.add('message-schema-format-changed', here, b.loc.ptr, h.loc.ptr, { name, from: b.schemaFormat, to: h.schemaFormat });
  } else if (b.schemaFormat === 'json-schema' && (b.payload || h.payload)) {
    ctx.schema(scope(`payload of message '${name}'`), b.payload, h.payload, b.loc.ptr);
  }
  if (b.headers || h.headers) {
    ctx.schema(scope(`headers of message '${name}'`), b.headers, h.headers, b.loc.ptr);
  }
  diffBindings(ctx, b.bindings, h.bindings, here, b.loc.ptr, h.loc.ptr);
}
