/**
 * Reads `x-charter-validation: { request, response }` layered over defaults
 * (DESIGN: request enforce, response monitor). Unknown modes are errors.
 */
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import type { ValidationMode, ValidationModes } from './policy-plan';
import { isObject } from './ref-resolver';

const MODES: readonly ValidationMode[] = ['enforce', 'monitor', 'off'];

export const DEFAULT_VALIDATION: Readonly<ValidationModes> = Object.freeze({ request: 'enforce', response: 'monitor' });

export function compileValidationModes(value: unknown, pointer: string, base: ValidationModes): Result<ValidationModes> {
  if (value === undefined) {
    return ok(base);
  }
  const issue = (message: string): Issue => ({ code: 'INVALID_POLICY', message, source: { pointer } });
  if (!isObject(value)) {
    return fail(issue('x-charter-validation must be an object { request, response }'));
  }
  const errors: Issue[] = [];
  const pick = (key: 'request' | 'response'): ValidationMode => {
    const mode = value[key];
    if (mode === undefined) {
      return base[key];
    }
    if (typeof mode === 'string' && MODES.includes(mode as ValidationMode)) {
      return mode as ValidationMode;
    }
    errors.push(issue(`x-charter-validation.${key} must be one of ${MODES.join(', ')}`));
    return base[key];
  };
  const modes = { request: pick('request'), response: pick('response') };
  return errors.length > 0 ? fail(...errors) : ok(modes);
}
