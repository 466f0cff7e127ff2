import { SARIF_SCHEMA, toSarif } from './sarif';

describe('toSarif', () => {
  const log = toSarif(
    { name: 'charter', version: '0.1.0', informationUri: 'https://charter.dev' },
    [{ id: 'rule-a', description: 'Rule A.', defaultLevel: 'error' }],
    [
      { ruleId: 'rule-a', level: 'error', message: 'a failed', file: 'erp/my api.yaml', line: 12, column: 5, pointer: '/paths/~1x' },
      { ruleId: 'rule-b', level: 'note', message: 'b noted', pointer: '' },
    ],
  );

  it('is a SARIF 2.1.0 log with one run whose driver lists every rule a result names', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toEqual({
      name: 'charter',
      version: '0.1.0',
      informationUri: 'https://charter.dev',
      rules: [
        { id: 'rule-a', shortDescription: { text: 'Rule A.' }, defaultConfiguration: { level: 'error' } },
        { id: 'rule-b' },
      ],
    });
  });

  it('gives each result its rule index, level, message and a location with a region', () => {
    const [a, b] = log.runs[0].results;
    expect(a).toEqual({
      ruleId: 'rule-a',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'a failed' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'erp/my%20api.yaml' }, region: { startLine: 12, startColumn: 5 } },
          logicalLocations: [{ fullyQualifiedName: '/paths/~1x', kind: 'member' }],
        },
      ],
    });
    expect(b.ruleIndex).toBe(1);
    expect(b.locations).toEqual([{ logicalLocations: [{ fullyQualifiedName: '/', kind: 'member' }] }]);
  });
});
