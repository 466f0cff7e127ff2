/**
 * AsyncAPI 2.x/3.x: channels matched by address (parameter names erased), then
 * by id; operations by id, then by (action, channel). A removed channel is one
 * change, not one per operation on it.
 */
import type { DiffContext } from '../diff-context';
import type { Direction } from '../diff.types';
import type { AChannel, AOperation, AsyncModel } from './asyncapi-model';
import { readAsyncApi } from './asyncapi-model';
import { diffBindings } from './bindings.diff';
import { diffMessages } from './messages.diff';

const addressKey = (address: string): string => address.replace(/\{[^}]*\}/g, '{}');
const directionOf = (op: AOperation): Direction => (op.action === 'receive' ? 'request' : 'response');
const flip = (d: Direction): Direction => (d === 'request' ? 'response' : 'request');

function matchBy<T>(base: T[], head: T[], keys: Array<(t: T) => string | undefined>): { pairs: Array<[T, T]>; removed: T[]; added: T[] } {
  const freeB = new Set(base);
  const freeH = new Set(head);
  const pairs: Array<[T, T]> = [];
  for (const key of keys) {
    const index = new Map<string, T>();
    for (const h of freeH) {
      const k = key(h);
      if (k !== undefined && !index.has(k)) {
        index.set(k, h);
      }
    }
    for (const b of [...freeB]) {
      const k = key(b);
      const h = k === undefined ? undefined : index.get(k);
      if (h && freeH.has(h)) {
        pairs.push([b, h]);
        freeB.delete(b);
        freeH.delete(h);
      }
    }
  }
  return { pairs, removed: [...freeB], added: [...freeH] };
}

export function diffAsyncApi(ctx: DiffContext): void {
  const base = readAsyncApi(ctx.base);
  const head = readAsyncApi(ctx.head);
  const channels = matchBy(base.channels, head.channels, [(c) => addressKey(c.address), (c) => c.id]);
  const channelPair = new Map<AChannel, AChannel>(channels.pairs);
  const removedChannels = new Set(channels.removed);
  const addedChannels = new Set(channels.added);
  for (const c of channels.removed) {
    ctx.add('channel-removed', { channel: c.address }, c.loc.ptr, '/channels', { name: c.id });
  }
  for (const c of channels.added) {
    ctx.add('channel-added', { channel: c.address }, '/channels', c.loc.ptr, { name: c.id });
  }
  for (const [b, h] of channels.pairs) {
    if (b.address !== h.address && addressKey(b.address) !== addressKey(h.address)) {
      ctx.add('channel-address-changed', { channel: h.address }, b.loc.ptr, h.loc.ptr, { from: b.address, to: h.address });
    }
    diffBindings(ctx, b.bindings, h.bindings, { channel: h.address, location: 'channel bindings' }, b.loc.ptr, h.loc.ptr);
  }
  diffOperations(ctx, base, head, channelPair, removedChannels, addedChannels);
  diffServers(ctx, base, head);
}

function diffOperations(
  ctx: DiffContext,
  base: AsyncModel,
  head: AsyncModel,
  channelPair: Map<AChannel, AChannel>,
  removedChannels: Set<AChannel>,
  addedChannels: Set<AChannel>,
): void {
  const ops = matchBy(base.operations, head.operations, [
    (o) => `id:${o.id}`,
    (o) => `${o.action}:${addressKey(o.channel.address)}`,
    (o) => `channel:${addressKey(o.channel.address)}`,
  ]);
  for (const o of ops.removed) {
    if (!removedChannels.has(o.channel)) {
      ctx.add('operation-removed', { operation: o.id, channel: o.channel.address, direction: directionOf(o) }, o.loc.ptr, '/operations', { name: o.id, from: o.action });
    }
  }
  for (const o of ops.added) {
    if (!addedChannels.has(o.channel)) {
      ctx.add('operation-added', { operation: o.id, channel: o.channel.address, direction: directionOf(o) }, '/operations', o.loc.ptr, { name: o.id, to: o.action });
    }
  }
  for (const [b, h] of ops.pairs) {
    const scope = { operation: h.id, channel: h.channel.address };
    if (b.action !== h.action) {
      // Every message changes side: compare nothing further, this is a different contract.
      ctx.add('operation-action-changed', scope, b.loc.ptr, h.loc.ptr, { from: b.action, to: h.action });
      continue;
    }
    if (channelPair.get(b.channel) !== h.channel) {
      ctx.add('operation-channel-changed', scope, b.loc.ptr, h.loc.ptr, { from: b.channel.address, to: h.channel.address });
    }
    const direction = directionOf(h);
    diffMessages(ctx, b.messages, h.messages, { ...scope, direction, basePtr: b.loc.ptr, headPtr: h.loc.ptr });
    diffBindings(ctx, b.bindings, h.bindings, { ...scope, location: 'operation bindings' }, b.loc.ptr, h.loc.ptr);
    if (b.reply && !h.reply) {
      ctx.add('operation-reply-removed', scope, b.reply.loc.ptr, h.loc.ptr);
    } else if (!b.reply && h.reply) {
      ctx.add('operation-reply-added', scope, b.loc.ptr, h.reply.loc.ptr);
    } else if (b.reply && h.reply) {
      if ((b.reply.address ?? '') !== (h.reply.address ?? '')) {
        ctx.add('channel-address-changed', { ...scope, location: 'reply' }, b.reply.loc.ptr, h.reply.loc.ptr, { from: b.reply.address, to: h.reply.address });
      }
      diffMessages(ctx, b.reply.messages, h.reply.messages, { ...scope, direction: flip(direction), basePtr: b.reply.loc.ptr, headPtr: h.reply.loc.ptr });
    }
  }
}

function diffServers(ctx: DiffContext, base: AsyncModel, head: AsyncModel): void {
  const heads = new Map(head.servers.map((s) => [s.name, s]));
  for (const b of base.servers) {
    const h = heads.get(b.name);
    const scope = { location: `server '${b.name}'` };
    if (!h) {
      ctx.add('server-removed', scope, b.loc.ptr, '/servers', { name: b.name, from: b.url });
      continue;
    }
    if (b.protocol !== h.protocol) {
      ctx.add('server-protocol-changed', scope, b.loc.ptr, h.loc.ptr, { name: b.name, from: b.protocol, to: h.protocol });
    }
    if (b.url.replace(/\/+$/, '') !== h.url.replace(/\/+$/, '')) {
      ctx.add('server-url-changed', scope, b.loc.ptr, h.loc.ptr, { name: b.name, from: b.url, to: h.url });
    }
    diffBindings(ctx, ctx.base.get(b.loc, 'bindings'), ctx.head.get(h.loc, 'bindings'), { location: `server '${b.name}' bindings` }, b.loc.ptr, h.loc.ptr);
  }
  const names = new Set(base.servers.map((s) => s.name));
  for (const h of head.servers) {
    if (!names.has(h.name)) {
      ctx.add('server-added', { location: `server '${h.name}'` }, '/servers', h.loc.ptr, { name: h.name, to: h.url });
    }
  }
}
