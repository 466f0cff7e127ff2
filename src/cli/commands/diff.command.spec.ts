/**
 * `charter diff` end to end, in-process: exit codes, formats, and located errors.
 */
import { join, relative } from 'node:path';
import { charter } from '../../../test/support/run-cli';

const FIX = relative(process.cwd(), join(__dirname, '../../../test/fixtures/compat'));
const pair = (name: string): [string, string] => [join(FIX, name, 'base.yaml'), join(FIX, name, 'head.yaml')];


describe('charter diff', () => {
  it('exits 1 on a breaking change and says which, in text', async () => {
    const r = await charter('diff', ...pair('004-response-required-property-removed'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('BREAKING  response-required-property-removed');
    expect(r.out).toMatch(/GET \/shipments, 200 response body \(application\/json\), property 'ref'/);
    expect(r.out).toMatch(/base: .*base\.yaml:\d+:\d+ \/paths/);
  });

  it('exits 0 on a compatible change, with JSON carrying breaking and changes', async () => {
    const r = await charter('diff', ...pair('008-response-optional-property-added'), '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { breaking: boolean; changes: Array<{ id: string; level: string }> };
    expect(json.breaking).toBe(false);
    expect(json.changes.map((c) => c.id)).toEqual(['response-property-added']);
  });

  it('renders markdown fit for a pull request comment', async () => {
    const r = await charter('diff', ...pair('004-response-required-property-removed'), '--format', 'markdown');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^### :x: Breaking changes/);
    expect(r.out).toContain('| :x: breaking | `response-required-property-removed` |');
  });

  it('exits 2 with a located parser message for a malformed document', async () => {
    const [base] = pair('004-response-required-property-removed');
    const r = await charter('diff', base, join(FIX, 'cli/invalid-yaml.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid-yaml\.yaml:\d+:\d+.*PARSE_ERROR/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('exits 2 with the pointer of a schema violation', async () => {
    const [base] = pair('004-response-required-property-removed');
    const r = await charter('diff', join(FIX, 'cli/invalid-schema.yaml'), base);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid-schema\.yaml:\d+:\d+ \(\/paths\/~1a\/get\/parameters\/0/);
  });

  it('exits 2 for a missing file and an unknown format', async () => {
    expect((await charter('diff', 'nope.yaml', 'nope2.yaml')).code).toBe(2);
    const r = await charter('diff', ...pair('008-response-optional-property-added'), '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown format 'xml'");
  });
});
