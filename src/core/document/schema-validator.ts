/**
 * Structural validation against the official JSON Schemas. Compiling one of them
 * costs 100-350 ms, more than the whole time budget of `charter diff`, so
 * `npm run build` precompiles each into generated/<key>.js (ajv standalone code,
 * scripts/build-validators.js) and this loader requires that module. Where it is
 * absent (ts-jest runs the sources, nothing was built) the schema is compiled at
 * runtime by the same code (schema-compiler.ts). Either way a validator is made
 * once, on first use, and cached for the life of the process; nothing of ajv's
 * compiler is loaded when the precompiled module exists.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { defaultExport } from './lazy-modules';
import { compileValidator, GENERATED_DIR, validatorKey, type ValidatorKey } from './schema-compiler';
import type { ContractKind } from './types';

const cache = new Map<ValidatorKey, ValidateFunction>();

/** Raw ajv errors, or an empty list for a valid document. */
export function validateAgainstSchema(kind: ContractKind, specVersion: string, document: unknown): ErrorObject[] {
  const validate = validatorFor(validatorKey(kind, specVersion));
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

function validatorFor(key: ValidatorKey): ValidateFunction {
  let validate = cache.get(key);
  if (!validate) {
    validate = loadPrecompiled(key) ?? compileValidator(key).validate;
    cache.set(key, validate);
  }
  return validate;
}

/** The generated module for `key`, or undefined when there is none (no build). */
function loadPrecompiled(key: ValidatorKey): ValidateFunction | undefined {
  const request = `./${GENERATED_DIR}/${key}`;
  let mod: ValidateFunction | { default: ValidateFunction };
  try {
    mod = require(request) as typeof mod;
  } catch (err) {
    // Only the module itself may be missing; a generated module that cannot load
    // its own dependencies is a broken build, and must say so.
    const e = err as { code?: string; message?: string };
    if (e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(`'${request}'`)) {
      return undefined;
    }
    throw err;
  }
  return defaultExport(mod);
}
