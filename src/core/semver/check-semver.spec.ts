import type { Change } from '../report/change';
import { actualBump, checkSemver, requiredBump } from './check-semver';

const change = (level: Change['level'], bump: Change['bump']): Change => ({
  id: 'x',
  level,
  bump,
  api: 'openapi',
  base: { pointer: '' },
  head: { pointer: '' },
  message: 'm',
});

describe('semver rules', () => {
  it('needs a major bump for a breaking change, minor for an additive one, patch for the rest', () => {
    expect(requiredBump([change('breaking', 'major'), change('info', 'minor')])).toBe('major');
    expect(requiredBump([change('warning', 'minor'), change('info', 'patch')])).toBe('minor');
    expect(requiredBump([change('info', 'patch')])).toBe('patch');
    expect(requiredBump([])).toBe('none');
  });

  it('accepts the needed bump or more, refuses less', () => {
    expect(checkSemver([change('breaking', 'major')], '1.4.2', '2.0.0')).toMatchObject({ ok: true, required: 'major', actual: 'major' });
    expect(checkSemver([change('info', 'patch')], '1.4.2', '2.0.0').ok).toBe(true);
    const v = checkSemver([change('breaking', 'major')], '1.4.2', '1.5.0');
    expect(v).toMatchObject({ ok: false, required: 'major', actual: 'minor' });
    expect(v.message).toBe('1.4.2 -> 1.5.0: only a minor bump, but there are breaking changes: a major bump is needed');
    expect(checkSemver([change('info', 'minor')], '1.4.2', '1.4.3')).toMatchObject({ ok: false, required: 'minor' });
  });

  it('is strict on 0.x: a break is a new major there too', () => {
    expect(checkSemver([change('breaking', 'major')], '0.3.0', '0.4.0').ok).toBe(false);
  });

  it('refuses an unchanged version with changed content, a downgrade and a non-semver', () => {
    expect(checkSemver([change('info', 'patch')], '1.0.0', '1.0.0')).toMatchObject({ ok: false, actual: 'none' });
    expect(checkSemver([], '1.0.0', '1.0.0')).toMatchObject({ ok: true, required: 'none' });
    expect(checkSemver([], '1.2.0', '1.1.0')).toMatchObject({ ok: false, actual: 'downgrade' });
    expect(checkSemver([], '1.2', '1.3')).toMatchObject({ ok: false, actual: 'invalid' });
  });

  it('counts a release after its prerelease as the release it leads to', () => {
    expect(actualBump('2.0.0-rc.1', '2.0.0')).toBe('major');
    expect(actualBump('1.3.0-beta', '1.3.0')).toBe('minor');
    expect(actualBump('1.3.0', '1.3.1-rc.1')).toBe('patch');
  });
});
