import pino from 'pino';
import type { RequestContext } from '../pipeline/request-context';
import { pinoAccessLog, streamAccessLog } from './access-log';

const ctx = (over: Record<string, unknown> = {}): RequestContext =>
  ({
    correlationId: 'c-1"quoted"',
    req: { method: 'GET', url: '/dispatch/shipments/v1/shipments?api_key=secret' },
    target: { path: '/dispatch/shipments/v1/shipments' },
    op: { label: 'dispatch/shipments/v1 /shipments' },
    api: { version: '1.7.0' },
    identity: { consumerId: 'carrier-portal' },
    upstreamStatus: 200,
    ...over,
  }) as unknown as RequestContext;

function viaPino(c: RequestContext): Record<string, unknown> {
  const lines: string[] = [];
  const logger = pino({ base: { service: 'charter', log: 'access', component: 'gateway' } }, { write: (l: string) => lines.push(l) });
  pinoAccessLog(logger).record(c, 200, 1.234);
  return JSON.parse(lines[0]);
}

function viaStream(c: RequestContext): Record<string, unknown> {
  const lines: string[] = [];
  streamAccessLog({ write: (l) => lines.push(l) }, { service: 'charter', log: 'access', component: 'gateway' }).record(c, 200, 1.234);
  expect(lines[0].endsWith('\n')).toBe(true);
  return JSON.parse(lines[0]);
}

describe('access log writers', () => {
  it('write the same line, the stream one without pino', () => {
    for (const c of [ctx(), ctx({ op: undefined, api: undefined, identity: {}, upstreamStatus: undefined, outcome: 'not-found' })]) {
      const { time: t1, ...a } = viaPino(c);
      const { time: t2, ...b } = viaStream(c);
      expect(typeof t1).toBe('number');
      expect(typeof t2).toBe('number');
      expect(b).toEqual(a);
    }
  });

  it('never logs the query string, and escapes what clients control', () => {
    const line = viaStream(ctx({ correlationId: 'x\n{"level":60}' }));
    expect(line.path).toBe('/dispatch/shipments/v1/shipments');
    expect(line.correlationId).toBe('x\n{"level":60}');
    expect(JSON.stringify(line)).not.toContain('secret');
  });
});
