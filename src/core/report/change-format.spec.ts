import type { Change } from './change';
import { formatChangesJson, formatChangesMarkdown, formatChangesText } from './change-format';
import { formatCheckJunit, type CheckReport } from './check-format';

const change = (over: Partial<Change> = {}): Change => ({
  id: 'response-required-property-removed',
  level: 'breaking',
  bump: 'major',
  api: 'openapi',
  operation: 'GET /a|b',
  base: { file: 'a.yaml', pointer: '/components/schemas/A/properties/x', line: 12, column: 7 },
  head: { file: 'b.yaml', pointer: '/components/schemas/A/properties' },
  message: "GET /a|b, 200 response body (application/json), property 'x': the required property was removed",
  ...over,
});

const report = { base: { file: 'a.yaml', version: '1.0.0' }, head: { file: 'b.yaml', version: '1.1.0' }, changes: [change()] };

describe('change formatters', () => {
  it('text names the rule, the sentence and both locations', () => {
    const text = formatChangesText(report);
    expect(text).toContain('a.yaml (1.0.0) -> b.yaml (1.1.0): 1 breaking, 0 warnings, 0 info');
    expect(text).toContain('BREAKING  response-required-property-removed');
    expect(text).toContain('base: a.yaml:12:7 /components/schemas/A/properties/x');
  });

  it('json has the top-level breaking flag and the changes', () => {
    const json = JSON.parse(formatChangesJson(report));
    expect(json.breaking).toBe(true);
    expect(json.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(json.changes[0].id).toBe('response-required-property-removed');
  });

  it('markdown escapes table cells', () => {
    const md = formatChangesMarkdown({ ...report, changes: [change({ message: 'a | b <script>' })] });
    expect(md).toContain('a \\| b &lt;script>');
  });

  it('junit escapes XML and fails blocked contracts only', () => {
    const check: CheckReport = {
      base: 'HEAD',
      blocked: true,
      contracts: [
        { file: 'd/a&b.openapi.yaml', status: 'modified', issues: [], findings: [], changes: [change()], blocked: true, reasons: ['x < y'], notes: [] },
        { file: 'd/c.openapi.yaml', status: 'added', issues: [], findings: [], changes: [], blocked: false, reasons: [], notes: [] },
      ],
    };
    const xml = formatCheckJunit(check);
    expect(xml).toContain('tests="2" failures="1"');
    expect(xml).toContain('name="d/a&amp;b.openapi.yaml"');
    expect(xml).toContain('<failure message="x &lt; y" type="blocked">');
    expect(xml.match(/<failure/g)).toHaveLength(1);
  });
});
