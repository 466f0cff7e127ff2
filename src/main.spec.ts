import { serve } from './main';

describe('serve', () => {
  it('exits 1 naming each bad variable, before opening anything', async () => {
    let err = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    try {
      expect(await serve({ PORT: 'http', CHARTER_ROLE: 'proxy' })).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(err).toContain('PORT="http"');
    expect(err).toContain('CHARTER_ROLE="proxy"');
  });
});
