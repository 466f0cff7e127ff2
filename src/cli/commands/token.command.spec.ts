import * as jwt from 'jsonwebtoken';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { charter } from '../../../test/support/run-cli';

describe('charter token', () => {
  let dataDir: string;
  const saved = { ...process.env };

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'charter-token-'));
    process.env.CHARTER_DATA_DIR = dataDir;
    delete process.env.CHARTER_JWT_SECRET;
    delete process.env.CHARTER_JWT_JWKS_URL;
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs a publisher token with the local secret, created 0600 on first use', async () => {
    const result = await charter('token', '--role', 'publisher', '--domains', 'erp, crm', '--subject', 'ci');
    expect(result.code).toBe(0);
    const secretFile = path.join(dataDir, 'jwt-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const claims = jwt.verify(result.out.trim(), readFileSync(secretFile, 'utf8').trim(), {
      algorithms: ['HS256'],
      issuer: 'charter',
      audience: 'charter-registry',
    }) as jwt.JwtPayload;
    expect(claims).toMatchObject({ role: 'publisher', domains: ['erp', 'crm'], sub: 'ci' });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
  });

  it('uses CHARTER_JWT_SECRET when set', async () => {
    process.env.CHARTER_JWT_SECRET = 'a-configured-secret-that-is-long-enough-000';
    const result = await charter('token', '--role', 'admin', '--ttl', '30m');
    expect(jwt.verify(result.out.trim(), process.env.CHARTER_JWT_SECRET, { algorithms: ['HS256'] })).toMatchObject({ role: 'admin' });
  });

  it('refuses an unknown role or ttl with exit 2 and a precise message', async () => {
    expect(await charter('token', '--role', 'root')).toMatchObject({ code: 2, out: '', err: expect.stringContaining('--role must be one of reader, publisher, admin') });
    expect(await charter('token', '--role', 'admin', '--ttl', 'forever')).toMatchObject({ code: 2, err: expect.stringContaining('--ttl') });
    expect((await charter('token')).code).toBe(2);
  });
});
