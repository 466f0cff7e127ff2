import type { Finding } from '../../report/finding';
import { formatFindings, formatJson, formatText, toLintSarif } from '.';

const findings: Finding[] = [
  { ruleId: 'charter-operation-metadata', severity: 'error', message: 'GET /x has no summary', source: { file: 'erp/api.yaml', pointer: '/paths/~1x/get', line: 7, column: 5 } },
  { ruleId: 'oas3-api-servers', severity: 'warn', message: 'servers must be present', source: { file: 'erp/api.yaml', pointer: '', line: 1, column: 1 } },
  { ruleId: 'asyncapi-latest-version', severity: 'info', message: 'not the latest', source: { file: 'erp/events.yaml', pointer: '/asyncapi', line: 1, column: 11 } },
];

describe('text', () => {
  it('prints file:line:col severity ruleId message, then a summary', () => {
    expect(formatText(findings)).toBe(
      [
        'erp/api.yaml:7:5 error charter-operation-metadata GET /x has no summary',
        'erp/api.yaml:1:1 warn oas3-api-servers servers must be present',
        'erp/events.yaml:1:11 info asyncapi-latest-version not the latest',
        '3 findings: 1 error, 1 warning, 1 info, 0 hints',
        '',
      ].join('\n'),
    );
    expect(formatText([])).toBe('no findings\n');
  });
});

describe('json', () => {
  it('holds the findings and a summary', () => {
    expect(JSON.parse(formatJson(findings))).toEqual({ findings, summary: { error: 1, warn: 1, info: 1, hint: 0, total: 3 } });
  });
});

describe('sarif', () => {
  it('maps severities to SARIF levels and keeps file, line, column and pointer', () => {
    const log = toLintSarif(findings, [{ id: 'charter-operation-metadata', description: 'Every operation has an operationId, a summary and tags.', severity: 'error' }]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('charter');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['charter-operation-metadata', 'oas3-api-servers', 'asyncapi-latest-version']);
    expect(run.tool.driver.rules[0].shortDescription).toEqual({ text: 'Every operation has an operationId, a summary and tags.' });
    expect(run.results.map((r) => [r.ruleId, r.level, r.ruleIndex])).toEqual([
      ['charter-operation-metadata', 'error', 0],
      ['oas3-api-servers', 'warning', 1],
      ['asyncapi-latest-version', 'note', 2],
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'erp/api.yaml' }, region: { startLine: 7, startColumn: 5 } });
  });

  it('is what formatFindings("sarif") prints', () => {
    expect(JSON.parse(formatFindings('sarif', findings))).toEqual(toLintSarif(findings));
  });
});
