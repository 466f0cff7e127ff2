/**
 * Lint one contract as its author wrote it: Spectral parses the entry text (for
 * exact ranges), resolves relative $refs through the ContractSource only, and runs
 * the domain's ruleset. Findings in $ref'd files point at those files. A rule
 * function that throws, or a run that cannot complete, is an Issue, never a crash.
 */
import { Document, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import type { ContractSource } from '../document/types';
import { compareFindings, type Finding, type FindingSeverity } from '../report/finding';
import type { Issue } from '../report/issue';
import { toPointer } from '../report/source-ref';
import { fail, ok, type Result } from '../result';
import { createResolver, fromVirtual, toVirtual } from './resolver';
import { rulesetFor, trackFailures, type RuleFailure } from './ruleset-build';
import { checkTextLimits } from './text-safety';
import { normalizeTreePath } from './tree-path';
import type { DomainInfo, GovernanceConfig } from './types';

export interface LintInput {
  /** The entry document's text, as written (YAML or JSON). */
  text: string;
  /** Its path relative to the contracts tree root (or a name for stored text). */
  file: string;
  /** Where relative $refs are read from; absent: any file $ref is an invalid-ref finding. */
  source?: ContractSource;
  governance: GovernanceConfig;
  /** The contract's domain; defaults to the domain the governance was loaded with. */
  domain?: DomainInfo;
}

const SEVERITY: Record<number, FindingSeverity> = { 0: 'error', 1: 'warn', 2: 'info', 3: 'hint' };

function toFinding(d: ISpectralDiagnostic, entry: string): Finding {
  return {
    ruleId: String(d.code),
    severity: SEVERITY[d.severity] ?? 'error',
    message: d.message,
    source: {
      file: d.source ? fromVirtual(d.source) : entry,
      pointer: toPointer(d.path.map((s) => (typeof s === 'number' ? s : String(s)))),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    },
  };
}

function failureIssue(f: RuleFailure, file: string): Issue {
  const e = f.error as Error | undefined;
  const what = e && typeof e === 'object' && 'message' in e ? `${e.name ?? 'Error'}: ${e.message}` : String(f.error);
  return {
    code: 'RULE_FUNCTION_FAILED',
    message: `rule "${f.ruleId}" (${f.origin.file}, function "${f.functionName}") failed while linting ${file} at ${toPointer(f.path.map(String)) || '/'}: ${what}`,
    source: f.origin.ref ? f.origin.ref(['rules', f.ruleId]) : { file: f.origin.file, pointer: `/rules/${f.ruleId}` },
  };
}

const isJson = (file: string, text: string): boolean => /\.json$/i.test(file) || /^\s*[{[]/.test(text);

export async function lintContract(input: LintInput): Promise<Result<Finding[]>> {
  const file = normalizeTreePath(input.file);
  if (file === undefined || file === '') {
    return fail({ code: 'LINT_FAILED', message: `${input.file}: not a path inside the contracts tree`, source: { file: input.file, pointer: '' } });
  }
  const tooBig = checkTextLimits(input.text);
  if (tooBig) {
    return fail({ code: tooBig.includes('alias') ? 'ALIAS_LIMIT_EXCEEDED' : 'DOCUMENT_TOO_LARGE', message: `${file}: ${tooBig}`, source: { file, pointer: '' } });
  }
  const built = rulesetFor(input.governance, input.domain ?? input.governance.domain);
  if (!built.ok) {
    return built;
  }

  const spectral = new Spectral({ resolver: createResolver(input.source) });
  spectral.setRuleset(built.value.ruleset);
  let failures: ReturnType<typeof trackFailures> = [];
  let results: ISpectralDiagnostic[];
  try {
    // Parsing happens in the Document constructor: inside the try, like the run.
    const document = isJson(file, input.text)
      ? new Document(input.text, Parsers.Json, toVirtual(file))
      : new Document(input.text, Parsers.Yaml, toVirtual(file));
    failures = trackFailures(document);
    results = await spectral.run(document);
  } catch (err) {
    // Spectral's parsers and walkers recurse: a hostile nesting depth ends here.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      return fail({ code: 'DEPTH_LIMIT_EXCEEDED', message: `${file}: the document is nested too deeply to lint`, source: { file, pointer: '' } });
    }
    return fail({ code: 'LINT_FAILED', message: `${file}: lint could not run: ${(err as Error)?.message ?? String(err)}`, source: { file, pointer: '' } });
  }
  if (failures.length > 0) {
    return { ok: false, errors: failures.map((f) => failureIssue(f, file)) };
  }
  return ok(results.map((d) => toFinding(d, file)).sort(compareFindings));
}
