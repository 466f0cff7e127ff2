import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';

const request = (xff?: string, peer = '10.0.0.9') =>
  ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the socket peer unless the proxy in front is trusted', () => {
    expect(clientAddress(request('203.0.113.7'), false)).toBe('10.0.0.9');
    expect(clientAddress(request(), true)).toBe('10.0.0.9');
  });

  it('takes the entry the trusted proxy appended, never what the client claimed before it', () => {
    expect(clientAddress(request('203.0.113.7'), true)).toBe('203.0.113.7');
    expect(clientAddress(request('1.1.1.1, 198.51.100.4'), true)).toBe('198.51.100.4');
    expect(clientAddress(request('1.1.1.1,2001:db8::1 '), true)).toBe('2001:db8::1');
  });

  it('falls back to the peer when that entry is not an IP', () => {
    expect(clientAddress(request('1.1.1.1, unknown'), true)).toBe('10.0.0.9');
    expect(clientAddress(request(''), true)).toBe('10.0.0.9');
  });
});
