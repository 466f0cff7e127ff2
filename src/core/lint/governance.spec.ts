/**
 * Governance as code: severities from charter.yaml then domain.yaml, Spectral
 * ruleset files with custom functions, and every way a configuration can be wrong
 * becoming an Issue that names the file, rule and line.
 */
import { lintContract, loadGovernance, type Finding, type GovernanceConfig } from '.';
import type { GovernanceInput } from './governance';

const DOC = `openapi: 3.1.0
info:
  title: Shipments
  version: 1.0.0
paths:
  /shipments:
    get:
      operationId: listShipments
      summary: List shipments
      tags: [shipments]
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: array
                items: { type: object }
`;

function load(input: GovernanceInput): GovernanceConfig {
  const g = loadGovernance(input);
  if (!g.ok) {
    throw new Error(JSON.stringify(g.errors));
  }
  return g.value;
}

async function lint(governance: GovernanceConfig, text = DOC): Promise<Finding[]> {
  const r = await lintContract({ text, file: 'dispatch/shipments.openapi.yaml', governance });
  if (!r.ok) {
    throw new Error(JSON.stringify(r.errors));
  }
  return r.value;
}

const severityOf = (findings: Finding[], ruleId: string): string[] => [...new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.severity))];

describe('severity per rule and per domain', () => {
  it('uses the default severities of charter:recommended without configuration', async () => {
    const findings = await lint(load({}));
    expect(severityOf(findings, 'charter-collection-pagination')).toEqual(['warn']);
    expect(severityOf(findings, 'charter-operation-security')).toEqual(['error']);
    expect(severityOf(findings, 'oas3-api-servers')).toEqual(['warn']);
    // turned off in charter:recommended, superseded by charter-operation-metadata
    expect(findings.some((f) => f.ruleId === 'operation-operationId' || f.ruleId === 'operation-tags')).toBe(false);
  });

  it('applies charter.yaml lint.rules, then domain.yaml lint.rules over them', async () => {
    const governance = load({
      charterYaml: 'lint:\n  ruleset: charter:recommended\n  rules:\n    charter-collection-pagination: error\n    oas3-api-servers: off\n    charter-operation-security: warn\n',
      domainYaml: 'key: dispatch\nowners: [{ team: dispatch-platform }]\nlint:\n  rules:\n    charter-operation-security: info\n    info-license: hint\n',
      domainFile: 'dispatch/domain.yaml',
    });
    const findings = await lint(governance);
    expect(severityOf(findings, 'charter-collection-pagination')).toEqual(['error']);
    expect(severityOf(findings, 'oas3-api-servers')).toEqual([]);
    expect(severityOf(findings, 'charter-operation-security')).toEqual(['info']);
    // a rule Spectral does not recommend is switched on by naming a severity
    expect(severityOf(findings, 'info-license')).toEqual(['hint']);
  });

  it('reads the domain (owners, correlation) from domain.yaml', () => {
    const governance = load({
      domainYaml: 'key: crm\nowners:\n  - team: care\n    email: care@example.com\ncorrelation:\n  required: true\n',
      domainFile: 'crm/domain.yaml',
    });
    expect(governance.domain).toEqual({ key: 'crm', owners: [{ team: 'care', email: 'care@example.com' }], correlationRequired: true });
  });
});

describe('configuration errors name the file, the rule and the line', () => {
  it('an unknown rule name in charter.yaml', () => {
    const g = loadGovernance({ charterYaml: 'lint:\n  rules:\n    charter-operation-metadata: warn\n    charter-no-such-rule: error\n' });
    expect(g).toEqual({
      ok: false,
      errors: [
        {
          code: 'UNKNOWN_RULE',
          message: 'charter.yaml: unknown rule "charter-no-such-rule" in lint.rules',
          source: { file: 'charter.yaml', pointer: '/lint/rules/charter-no-such-rule', line: 4, column: 5 },
        },
      ],
    });
  });

  it('an unknown rule name in domain.yaml', () => {
    const g = loadGovernance({ domainYaml: 'key: erp\nlint:\n  rules:\n    operation-tagz: off\n', domainFile: 'erp/domain.yaml' });
    expect(!g.ok && g.errors.map((e) => [e.code, e.message, e.source.file, e.source.line])).toEqual([
      ['UNKNOWN_RULE', 'erp/domain.yaml: unknown rule "operation-tagz" in lint.rules', 'erp/domain.yaml', 4],
    ]);
  });

  it('a severity that is not error, warn, info, hint or off', () => {
    const g = loadGovernance({ charterYaml: 'lint:\n  rules:\n    charter-operation-metadata: fatal\n' });
    expect(!g.ok && g.errors.map((e) => [e.code, e.message, e.source.line])).toEqual([
      ['INVALID_SEVERITY', 'charter.yaml: rule "charter-operation-metadata" has severity "fatal"; use one of error, warn, info, hint, off', 3],
    ]);
  });

  it('a charter.yaml that is not valid YAML', () => {
    const g = loadGovernance({ charterYaml: 'lint:\n  rules: [unclosed\n' });
    expect(!g.ok && g.errors[0].code).toBe('RULESET_INVALID');
    expect(!g.ok && g.errors[0].source.file).toBe('charter.yaml');
    expect(!g.ok && g.errors[0].source.line).toBeGreaterThan(0);
  });

  it('an unknown key in the lint section', () => {
    const g = loadGovernance({ charterYaml: 'lint:\n  rulez: {}\n' });
    expect(!g.ok && g.errors.map((e) => e.message)).toEqual(['charter.yaml: unknown key lint.rulez (known: ruleset, rules)']);
  });

  it('a lint.ruleset file that does not exist', () => {
    const g = loadGovernance({ charterYaml: 'lint:\n  ruleset: ./governance/ruleset.yaml\n' });
    expect(!g.ok && g.errors.map((e) => [e.code, e.source.file, e.source.line])).toEqual([['FILE_NOT_FOUND', 'charter.yaml', 2]]);
  });
});

describe('Spectral ruleset files in the tree', () => {
  const charterYaml = 'lint:\n  ruleset: governance/ruleset.yaml\n';
  const withRuleset = (files: Record<string, string>): ReturnType<typeof loadGovernance> => loadGovernance({ charterYaml, rulesetFiles: files });

  it('extends charter:recommended, adds a rule with a custom function (ESM form) and turns a rule off', async () => {
    const g = withRuleset({
      'governance/ruleset.yaml': [
        'extends: [charter:recommended]',
        'functions: [noTrace]',
        'rules:',
        '  oas3-api-servers: off',
        '  no-trace-operations:',
        '    description: TRACE is not allowed.',
        '    severity: error',
        "    given: '$.paths[*]'",
        '    then:',
        '      function: noTrace',
        '',
      ].join('\n'),
      'governance/functions/noTrace.js': [
        "import { createRulesetFunction } from '@stoplight/spectral-core';",
        'export default createRulesetFunction({ input: null, options: null }, function noTrace(pathItem) {',
        "  return pathItem && pathItem.trace ? [{ message: 'TRACE is not allowed' }] : [];",
        '});',
      ].join('\n'),
    });
    expect(g.ok).toBe(true);
    if (!g.ok) {
      return;
    }
    const findings = await lint(g.value, DOC.replace('    get:', '    trace:\n      responses: {}\n    get:'));
    expect(findings.filter((f) => f.ruleId === 'no-trace-operations').map((f) => [f.severity, f.message, f.source.pointer])).toEqual([
      ['error', 'TRACE is not allowed.', '/paths/~1shipments'],
    ]);
    expect(findings.some((f) => f.ruleId === 'oas3-api-servers')).toBe(false);
    expect(findings.some((f) => f.ruleId === 'charter-operation-security')).toBe(true);
  });

  it('a domain ruleset adds rules on top of charter.yaml', async () => {
    const governance = load({
      domainYaml: 'key: erp\nlint:\n  ruleset: erp-ruleset.yaml\n',
      domainFile: 'erp/domain.yaml',
      rulesetFiles: {
        'erp/erp-ruleset.yaml': "rules:\n  erp-title-prefix:\n    severity: warn\n    given: '$.info.title'\n    then:\n      function: pattern\n      functionOptions: { match: '^ERP ' }\n",
      },
    });
    const findings = await lint(governance);
    expect(findings.filter((f) => f.ruleId === 'erp-title-prefix').map((f) => f.severity)).toEqual(['warn']);
    expect(findings.some((f) => f.ruleId === 'charter-operation-security')).toBe(true);
  });

  it('a ruleset file that is not valid YAML', () => {
    const g = withRuleset({ 'governance/ruleset.yaml': 'rules:\n  x: [\n' });
    expect(!g.ok && g.errors[0].code).toBe('RULESET_INVALID');
    expect(!g.ok && g.errors[0].source.file).toBe('governance/ruleset.yaml');
    expect(!g.ok && g.errors[0].message).toMatch(/^governance\/ruleset\.yaml is not valid YAML/);
  });

  it('a rule Spectral rejects, with the path into the file', () => {
    const g = withRuleset({ 'governance/ruleset.yaml': "rules:\n  bad-rule:\n    severity: error\n    then:\n      function: truthy\n" });
    expect(!g.ok && g.errors.map((e) => [e.code, e.source.file, e.source.pointer, e.source.line])).toEqual([
      ['RULESET_INVALID', 'governance/ruleset.yaml', '/rules/bad-rule', 2],
    ]);
    expect(!g.ok && g.errors[0].message).toContain('given');
  });

  it('a rule that uses an unknown function', () => {
    const g = withRuleset({ 'governance/ruleset.yaml': "rules:\n  my-rule:\n    given: '$'\n    then:\n      function: doesNotExist\n" });
    expect(!g.ok && g.errors.map((e) => [e.message, e.source.line])).toEqual([
      [
        'governance/ruleset.yaml: rule "my-rule" uses unknown function "doesNotExist" (declare it under `functions` or use a Spectral core function)',
        5,
      ],
    ]);
  });

  it('extends a URL or an npm package', () => {
    const g = withRuleset({ 'governance/ruleset.yaml': 'extends: [https://example.com/ruleset.yaml]\n' });
    expect(!g.ok && g.errors.map((e) => [e.code, e.source.line])).toEqual([['RULESET_INVALID', 1]]);
    expect(!g.ok && g.errors[0].message).toContain('only spectral:oas, spectral:asyncapi, charter:recommended and relative files');
  });

  it('a custom function that does not load: syntax error, forbidden require, or no function exported', () => {
    const files = (fn: string): Record<string, string> => ({
      'governance/ruleset.yaml': "functions: [broken]\nrules:\n  r:\n    given: '$'\n    then: { function: broken }\n",
      'governance/functions/broken.js': fn,
    });
    const messages = ['module.exports = function (', "const fs = require('fs'); module.exports = () => [];", 'module.exports = 42;'].map((fn) => {
      const g = withRuleset(files(fn));
      return !g.ok && [g.errors[0].code, g.errors[0].source.file, g.errors[0].message];
    });
    expect(messages).toEqual([
      ['RULESET_INVALID', 'governance/functions/broken.js', expect.stringMatching(/^governance\/functions\/broken\.js: function "broken" could not be loaded: SyntaxError/)],
      ['RULESET_INVALID', 'governance/functions/broken.js', 'governance/functions/broken.js: function "broken" could not be loaded: Error: require("fs") is not available to ruleset functions'],
      ['RULESET_INVALID', 'governance/functions/broken.js', 'governance/functions/broken.js: function "broken" must export a function (module.exports = fn or export default fn)'],
    ]);
  });

  it('a custom function that throws while linting is an Issue naming the rule, the ruleset file and the contract', async () => {
    const g = withRuleset({
      'governance/ruleset.yaml': "extends: [charter:recommended]\nfunctions: [explode]\nrules:\n  explosive:\n    given: '$.info'\n    then: { function: explode }\n",
      'governance/functions/explode.js': "module.exports = function explode() { throw new TypeError('cannot read x of undefined'); };",
    });
    if (!g.ok) {
      throw new Error(JSON.stringify(g.errors));
    }
    const r = await lintContract({ text: DOC, file: 'dispatch/shipments.openapi.yaml', governance: g.value });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: 'RULE_FUNCTION_FAILED',
          message:
            'rule "explosive" (governance/ruleset.yaml, function "explode") failed while linting dispatch/shipments.openapi.yaml at /info: TypeError: cannot read x of undefined',
          source: { file: 'governance/ruleset.yaml', pointer: '/rules/explosive', line: 4, column: 3 },
        },
      ],
    });
  });
});

describe('a custom function that returns something other than results', () => {
  it('is an Issue naming the rule, not a crash inside Spectral', async () => {
    const g = loadGovernance({
      charterYaml: 'lint:\n  ruleset: r.yaml\n',
      rulesetFiles: {
        'r.yaml': "extends: [charter:recommended]\nfunctions: [chatty]\nrules:\n  chatty:\n    given: '$.info'\n    then: { function: chatty }\n",
        'functions/chatty.js': "module.exports = function chatty() { return 'not an array'; };",
      },
    });
    if (!g.ok) {
      throw new Error(JSON.stringify(g.errors));
    }
    const r = await lintContract({ text: DOC, file: 'a.yaml', governance: g.value });
    expect(!r.ok && r.errors.map((e) => [e.code, e.message])).toEqual([
      ['RULE_FUNCTION_FAILED', 'rule "chatty" (r.yaml, function "chatty") failed while linting a.yaml at /info: TypeError: returned string instead of an array of results'],
    ]);
  });
});

describe('a ruleset file that names a rule nothing defines', () => {
  it('is an unknown rule, with its line', () => {
    const g = loadGovernance({ charterYaml: 'lint:\n  ruleset: r.yaml\n', rulesetFiles: { 'r.yaml': 'extends: [spectral:oas]\nrules:\n  no-such-rule: off\n' } });
    expect(!g.ok && g.errors.map((e) => [e.code, e.message, e.source.file, e.source.line])).toEqual([
      ['UNKNOWN_RULE', 'r.yaml: unknown rule "no-such-rule" (no ruleset it extends defines it)', 'r.yaml', 3],
    ]);
  });
});
