/**
 * The string formats contract documents are checked against. One object, used both
 * by the runtime compiler and by the precompiled validators: a standalone validator
 * refers to a non-RegExp format as `require("../schema-formats").SCHEMA_FORMATS[name]`
 * (see schema-compiler.ts), so this module's path and export name are part of the
 * generated code. Keep it light: it is loaded on every validation.
 */
import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';

export const SCHEMA_FORMATS: Readonly<Record<string, Format>> = Object.freeze({
  email: fullFormats.email,
  uri: fullFormats.uri,
  'uri-reference': fullFormats['uri-reference'],
  'uri-template': fullFormats['uri-template'],
  uuid: fullFormats.uuid,
  // Patterns in contracts are ECMA-262 regexes, not necessarily valid in unicode
  // mode (ajv-formats' `regex` uses the `u` flag and rejects `[\w-]`).
  regex: (text: string): boolean => {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  },
  // Known, not checked: ajv skips a `true` format without generating code for it.
  'media-range': true,
});
