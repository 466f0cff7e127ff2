/**
 * Protocol bindings (server, channel, operation, message). Compared per protocol
 * and per top-level field; a field that names where messages go (a Kafka topic,
 * an AMQP exchange or queue, an HTTP method) is flagged as addressing.
 */
import type { DiffContext, Scope } from '../diff-context';
import type { Located } from '../doc-view';
import { canonical } from '../schema/canonical';

const ADDRESSING: Record<string, ReadonlySet<string>> = {
  kafka: new Set(['topic']),
  amqp: new Set(['exchange', 'queue', 'is']),
  amqp1: new Set(['destinationName']),
  http: new Set(['method', 'type']),
  ws: new Set(['method']),
  sqs: new Set(['queue']),
  sns: new Set(['topic', 'name']),
  nats: new Set(['queue']),
  googlepubsub: new Set(['topic']),
  ibmmq: new Set(['destinationType', 'queue', 'topic']),
  solace: new Set(['destinations']),
  pulsar: new Set(['namespace']),
  jms: new Set(['destination', 'destinationType']),
};

export function diffBindings(ctx: DiffContext, b: Located | undefined, h: Located | undefined, scope: Scope, fallbackB: string, fallbackH: string): void {
  const base = new Map(ctx.base.entries(b));
  const head = new Map(ctx.head.entries(h));
  for (const [protocol, bl] of base) {
    const hl = head.get(protocol);
    if (!hl) {
      ctx.add('binding-removed', scope, bl.ptr, h?.ptr ?? fallbackH, { protocol });
      continue;
    }
    const bf = new Map(ctx.base.entries(bl));
    const hf = new Map(ctx.head.entries(hl));
    for (const field of new Set([...bf.keys(), ...hf.keys()])) {
      if (field === 'bindingVersion') {
        continue;
      }
      const from = bf.get(field);
      const to = hf.get(field);
      if (canonical(from?.node) === canonical(to?.node)) {
        continue;
      }
      ctx.add('binding-changed', scope, from?.ptr ?? bl.ptr, to?.ptr ?? hl.ptr, {
        protocol,
        name: field,
        from: from?.node,
        to: to?.node,
        addressing: ADDRESSING[protocol]?.has(field) ?? false,
      });
    }
  }
  for (const [protocol, hl] of head) {
    if (!base.has(protocol)) {
      ctx.add('binding-added', scope, b?.ptr ?? fallbackB, hl.ptr, { protocol });
    }
  }
}

