/**
 * SARIF 2.1.0 log builder (OASIS static-analysis results format), generic so that
 * `charter lint` and `charter check` produce the same structure for CI code-scanning
 * annotations. Pure data in, plain JSON object out; no I/O.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifTool {
  name: string;
  version?: string;
  informationUri?: string;
}

export interface SarifRuleDescriptor {
  id: string;
  description?: string;
  helpUri?: string;
  defaultLevel?: SarifLevel;
}

export interface SarifResultInput {
  ruleId: string;
  level: SarifLevel;
  message: string;
  /** File path as a relative URI reference (forward slashes). */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** JSON pointer of the finding, kept as a logical location. */
  pointer?: string;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: { name: string; version?: string; informationUri?: string; rules: SarifRule[] } };
  results: SarifResult[];
}

export interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { level: SarifLevel };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: Array<{
    physicalLocation?: {
      artifactLocation: { uri: string };
      region?: { startLine: number; startColumn?: number };
    };
    logicalLocations?: Array<{ fullyQualifiedName: string; kind: string }>;
  }>;
}

/** Percent-encode what a URI reference cannot carry, keep `/` as separator. */
function toUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

export function toSarif(tool: SarifTool, rules: readonly SarifRuleDescriptor[], results: readonly SarifResultInput[]): SarifLog {
  // Every result must point at a rule in the driver's list (ruleIndex); rules a result
  // names but the caller did not describe are added bare.
  const index = new Map<string, number>();
  const sarifRules: SarifRule[] = [];
  const addRule = (r: SarifRuleDescriptor): number => {
    const known = index.get(r.id);
    if (known !== undefined) {
      return known;
    }
    const rule: SarifRule = { id: r.id };
    if (r.description) {
      rule.shortDescription = { text: r.description };
    }
    if (r.helpUri) {
      rule.helpUri = r.helpUri;
    }
    if (r.defaultLevel) {
      rule.defaultConfiguration = { level: r.defaultLevel };
    }
    sarifRules.push(rule);
    index.set(r.id, sarifRules.length - 1);
    return sarifRules.length - 1;
  };
  rules.forEach(addRule);

  const sarifResults = results.map((r): SarifResult => {
    const location: SarifResult['locations'][number] = {};
    if (r.file !== undefined) {
      location.physicalLocation = { artifactLocation: { uri: toUri(r.file) } };
      if (r.line !== undefined && r.line > 0) {
        location.physicalLocation.region = { startLine: r.line, ...(r.column ? { startColumn: r.column } : {}) };
      }
    }
    if (r.pointer !== undefined) {
      location.logicalLocations = [{ fullyQualifiedName: r.pointer || '/', kind: 'member' }];
    }
    return {
      ruleId: r.ruleId,
      ruleIndex: addRule({ id: r.ruleId }),
      level: r.level,
      message: { text: r.message },
      locations: Object.keys(location).length > 0 ? [location] : [],
    };
  });

  const driver: SarifRun['tool']['driver'] = { name: tool.name, rules: sarifRules };
  if (tool.version) {
    driver.version = tool.version;
  }
  if (tool.informationUri) {
    driver.informationUri = tool.informationUri;
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [{ tool: { driver }, results: sarifResults }] };
}
