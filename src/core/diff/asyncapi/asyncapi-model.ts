/**
 * AsyncAPI 2.x and 3.x read into one model, so 2.6 -> 3.0 migrations compare
 * like for like. Actions are always the documented application's: 2.x `publish`
 * (others publish to the application) is `receive`, `subscribe` is `send`.
 * Message traits are applied (message fields win), a 3.x multi-format payload
 * is unwrapped, and the document's defaultContentType fills in.
 */
import type { DocView, JsonObject, Located } from '../doc-view';
import { isObject, str } from '../doc-view';

export type Action = 'send' | 'receive';

export interface AMessage {
  key: string;
  names: string[];
  loc: Located<JsonObject>;
  payload?: Located;
  headers?: Located;
  contentType?: string;
  schemaFormat: string;
  correlationId?: string;
  bindings?: Located;
}

export interface AChannel {
  id: string;
  address: string;
  loc: Located<JsonObject>;
  bindings?: Located;
  messages: AMessage[];
}

export interface AOperation {
  id: string;
  action: Action;
  channel: AChannel;
  loc: Located<JsonObject>;
  messages: AMessage[];
  reply?: { loc: Located<JsonObject>; address?: string; messages: AMessage[] };
  bindings?: Located;
}

export interface AServer {
  name: string;
  url: string;
  protocol: string;
  loc: Located<JsonObject>;
}

export interface AsyncModel {
  channels: AChannel[];
  operations: AOperation[];
  servers: AServer[];
}

const DEFAULT_FORMAT = 'json-schema';

/** Schema formats that are plain JSON Schema for our purposes. */
function schemaFormat(raw: string | undefined): string {
  if (!raw) {
    return DEFAULT_FORMAT;
  }
  const f = raw.toLowerCase().split(';')[0].trim();
  if (f.startsWith('application/vnd.aai.asyncapi') || f.startsWith('application/schema+') || f === 'application/schema') {
    return DEFAULT_FORMAT;
  }
  if (f.startsWith('application/vnd.oai.openapi')) {
    return DEFAULT_FORMAT;
  }
  return f;
}

export function readAsyncApi(view: DocView): AsyncModel {
  const root = view.at('');
  const version = str((root.node as JsonObject | undefined)?.asyncapi) ?? '2.6.0';
  const defaultContentType = str((root.node as JsonObject).defaultContentType);
  const servers = readServers(view, root);
  const message = (loc: Located, key: string): AMessage => readMessage(view, loc, key, defaultContentType);
  return version.startsWith('2.') ? read2(view, root, message, servers) : read3(view, root, message, servers);
}

function readServers(view: DocView, root: Located): AServer[] {
  return view.entries(root, 'servers').flatMap(([name, loc]) => {
    if (!isObject(loc.node)) {
      return [];
    }
    const n = loc.node;
    // 2.x writes `mqtt://host:port/path` or `host:port`; 3.x splits host and pathname.
    const url = (str(n.url) ?? [str(n.host) ?? '', str(n.pathname) ?? ''].join('')).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    return [{ name, url, protocol: (str(n.protocol) ?? '').toLowerCase(), loc: loc as Located<JsonObject> }];
  });
}

function read2(view: DocView, root: Located, message: (l: Located, k: string) => AMessage, servers: AServer[]): AsyncModel {
  const channels: AChannel[] = [];
  const operations: AOperation[] = [];
  for (const [address, loc] of view.entries(root, 'channels')) {
    if (!isObject(loc.node)) {
      continue;
    }
    const channel: AChannel = { id: address, address, loc: loc as Located<JsonObject>, bindings: view.get(loc, 'bindings'), messages: [] };
    channels.push(channel);
    for (const [verb, action] of [['publish', 'receive'], ['subscribe', 'send']] as const) {
      const op = view.get<JsonObject>(loc, verb);
      if (!op || !isObject(op.node)) {
        continue;
      }
      const messages = messagesOf2(view, op, message);
      channel.messages.push(...messages);
      operations.push({
        id: str(op.node.operationId) ?? `${verb} ${address}`,
        action,
        channel,
        loc: op,
        messages,
        bindings: view.get(op, 'bindings'),
      });
    }
  }
  return { channels, operations, servers };
}

function messagesOf2(view: DocView, op: Located, message: (l: Located, k: string) => AMessage): AMessage[] {
  const m = view.get<JsonObject>(op, 'message');
  if (!m || !isObject(m.node)) {
    return [];
  }
  const list = Array.isArray(m.node.oneOf) ? view.items(m, 'oneOf') : [m];
  return list.map((l, i) => message(l, lastSegment(l.ptr, `message${i}`)));
}

function read3(view: DocView, root: Located, message: (l: Located, k: string) => AMessage, servers: AServer[]): AsyncModel {
  const channels = new Map<string, AChannel>();
  for (const [id, loc] of view.entries(root, 'channels')) {
    if (!isObject(loc.node)) {
      continue;
    }
    const address = typeof loc.node.address === 'string' ? loc.node.address : id;
    const msgs = view.entries(loc, 'messages').map(([key, ml]) => message(ml, key));
    channels.set(loc.ptr, { id, address, loc: loc as Located<JsonObject>, bindings: view.get(loc, 'bindings'), messages: msgs });
  }
  const byPtr = (target: Located | undefined): AChannel | undefined => (target ? channels.get(target.ptr) : undefined);
  const pickMessages = (owner: Located, channel: AChannel | undefined): AMessage[] => {
    const listed = view.items(owner, 'messages');
    if (listed.length === 0) {
      return channel?.messages ?? [];
    }
    return listed.map((l) => channel?.messages.find((m) => m.loc.ptr === l.ptr) ?? message(l, lastSegment(l.ptr, 'message')));
  };
  const operations: AOperation[] = [];
  for (const [id, loc] of view.entries(root, 'operations')) {
    if (!isObject(loc.node)) {
      continue;
    }
    const channel = byPtr(view.get(loc, 'channel'));
    if (!channel) {
      continue;
    }
    const action: Action = loc.node.action === 'send' ? 'send' : 'receive';
    const op: AOperation = { id, action, channel, loc: loc as Located<JsonObject>, messages: pickMessages(loc, channel), bindings: view.get(loc, 'bindings') };
    const reply = view.get<JsonObject>(loc, 'reply');
    if (reply && isObject(reply.node)) {
      const replyChannel = byPtr(view.get(reply, 'channel'));
      const addr = view.get<JsonObject>(reply, 'address');
      const address = (addr && isObject(addr.node) ? str(addr.node.location) : undefined) ?? replyChannel?.address;
      op.reply = { loc: reply, address, messages: pickMessages(reply, replyChannel) };
    }
    operations.push(op);
  }
  return { channels: [...channels.values()], operations, servers };
}

function readMessage(view: DocView, loc: Located, key: string, defaultContentType?: string): AMessage {
  const node = isObject(loc.node) ? loc.node : {};
  // Traits: fields the message lacks come from its traits, in order.
  const merged: Record<string, Located> = {};
  for (const trait of view.items(loc, 'traits')) {
    for (const [k, v] of view.entries(trait)) {
      if (!(k in merged)) {
        merged[k] = v;
      }
    }
  }
  const field = (name: string): Located | undefined => view.get(loc, name) ?? merged[name];
  const fieldStr = (name: string): string | undefined => str(field(name)?.node);
  let payload = field('payload');
  let format = fieldStr('schemaFormat');
  if (payload && isObject(payload.node) && 'schemaFormat' in payload.node && 'schema' in payload.node) {
    format = str(payload.node.schemaFormat);
    payload = view.get(payload, 'schema');
  }
  let headers = field('headers');
  if (headers && isObject(headers.node) && 'schemaFormat' in headers.node && 'schema' in headers.node) {
    headers = view.get(headers, 'schema');
  }
  const corr = field('correlationId');
  const names = [str(node.name), str(node.messageId), key, str(node.title)].filter((n): n is string => !!n);
  return {
    key,
    names,
    loc: loc as Located<JsonObject>,
    payload,
    headers,
    contentType: fieldStr('contentType') ?? defaultContentType,
    schemaFormat: schemaFormat(format),
    correlationId: corr && isObject(corr.node) ? str(corr.node.location) : undefined,
    bindings: field('bindings'),
  };
}

function lastSegment(ptr: string, fallback: string): string {
  const segs = ptr.split('/');
  const last = segs[segs.length - 1];
  return last && !/^\d+$/.test(last) && last !== 'message' ? last.replace(/~1/g, '/').replace(/~0/g, '~') : fallback;
}

