import { SignJWT } from 'jose';
import { JwtVerifier, type JwtVerifierOptions } from './jwt-verifier';

const SECRET = 'unit-secret-unit-secret-unit-secret!';
const options: JwtVerifierOptions = {
  issuer: 'https://id.test',
  audience: 'api',
  secret: SECRET,
  clockSkewSeconds: 0,
  maxTokenBytes: 4096,
  jwksCooldownMs: 0,
  jwksCacheMaxAgeMs: 0,
  jwksTimeoutMs: 1000,
  cacheTtlMs: 60_000,
};

const sign = (claims: Record<string, unknown>, exp: number): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('https://id.test').setAudience('api').setExpirationTime(exp).sign(new TextEncoder().encode(SECRET));

describe('JwtVerifier', () => {
  afterEach(() => jest.useRealTimers());

  it('reads scopes from scope and scp, and the client from azp', async () => {
    const verifier = new JwtVerifier(options);
    const token = await sign({ sub: 'u1', scope: 'a b', scp: ['c'], azp: 'app' }, Math.floor(Date.now() / 1000) + 60);
    const outcome = await verifier.verify(token);
    expect(outcome.ok && [...outcome.token.scopes].sort()).toEqual(['a', 'b', 'c']);
    expect(outcome.ok && outcome.token).toMatchObject({ subject: 'u1', clientId: 'app' });
  });

  it('answers a remembered token synchronously, until it expires', async () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const verifier = new JwtVerifier(options);
    const token = await sign({ sub: 'u1' }, Date.parse('2030-01-01T00:00:10Z') / 1000);
    const first = verifier.verify(token);
    expect(first).toBeInstanceOf(Promise);
    expect((await first).ok).toBe(true);
    const second = verifier.verify(token);
    expect(second).not.toBeInstanceOf(Promise);
    expect((second as { ok: boolean }).ok).toBe(true);
    jest.setSystemTime(new Date('2030-01-01T00:00:11Z'));
    const expired = verifier.verify(token);
    expect(expired).toBeInstanceOf(Promise);
    expect(await expired).toEqual({ ok: false, reason: 'token expired' });
  });

  it('never remembers a token when the cache is off', async () => {
    const verifier = new JwtVerifier({ ...options, cacheTtlMs: 0 });
    const token = await sign({ sub: 'u1' }, Math.floor(Date.now() / 1000) + 60);
    await verifier.verify(token);
    expect(verifier.verify(token)).toBeInstanceOf(Promise);
  });

  it('refuses tokens over the size cap without parsing them', () => {
    const verifier = new JwtVerifier({ ...options, maxTokenBytes: 10 });
    expect(verifier.verify('a'.repeat(11))).toEqual({ ok: false, reason: 'token too large' });
  });
});
