/**
 * Custom Spectral functions of a ruleset file in the contracts tree (its
 * functionsDir), given as text: evaluated here so the core never reads files.
 * CommonJS (`module.exports = fn`) works as is; the two ESM forms Spectral's docs
 * use (`import { x } from '...'`, `export default`) are rewritten to CommonJS.
 * `require` only offers Spectral's own packages: a function is pure logic over the
 * document, never I/O. Like spectral-cli, this runs code from the contracts
 * repository, which its owners control (review it like any other code).
 */
import type { RulesetFunction } from '@stoplight/spectral-core';
import * as spectralCore from '@stoplight/spectral-core';
import * as spectralFormats from '@stoplight/spectral-formats';
import * as spectralFunctions from '@stoplight/spectral-functions';
import { fail, ok, type Result } from '../result';

const ALLOWED_MODULES: Record<string, unknown> = {
  '@stoplight/spectral-core': spectralCore,
  '@stoplight/spectral-functions': spectralFunctions,
  '@stoplight/spectral-formats': spectralFormats,
};

function toCommonJs(text: string): string {
  return text
    .replace(/^\s*import\s+\{([^}]*)\}\s+from\s+(['"][^'"]+['"])\s*;?/gm, (_m, names: string, mod: string) =>
      `const {${names.replace(/\s+as\s+/g, ': ')}} = require(${mod});`,
    )
    .replace(/^\s*import\s+\*\s+as\s+(\w+)\s+from\s+(['"][^'"]+['"])\s*;?/gm, 'const $1 = require($2);')
    .replace(/^\s*import\s+(\w+)\s+from\s+(['"][^'"]+['"])\s*;?/gm, 'const $1 = __default(require($2));')
    .replace(/^\s*export\s+default\s+/m, 'module.exports = ');
}

export function loadCustomFunction(file: string, name: string, text: string): Result<RulesetFunction<unknown, unknown>> {
  const module: { exports: unknown } = { exports: {} };
  const requireAllowed = (id: string): unknown => {
    const m = ALLOWED_MODULES[id];
    if (m === undefined) {
      throw new Error(`require("${id}") is not available to ruleset functions`);
    }
    return m;
  };
  const interop = (m: unknown): unknown => (m && typeof m === 'object' && 'default' in m ? m.default : m);
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the header: ruleset functions are code by design.
    const factory = new Function('module', 'exports', 'require', '__default', toCommonJs(text)) as (
      m: typeof module,
      e: unknown,
      r: typeof requireAllowed,
      d: typeof interop,
    ) => void;
    factory(module, module.exports, requireAllowed, interop);
  } catch (err) {
    return fail({
      code: 'RULESET_INVALID',
      message: `${file}: function "${name}" could not be loaded: ${(err as Error).name}: ${(err as Error).message}`,
      source: { file, pointer: '' },
    });
  }
  const fn = interop(module.exports);
  if (typeof fn !== 'function') {
    return fail({
      code: 'RULESET_INVALID',
      message: `${file}: function "${name}" must export a function (module.exports = fn or export default fn)`,
      source: { file, pointer: '' },
    });
  }
  return ok(fn as RulesetFunction<unknown, unknown>);
}
