/**
 * Heavy parsers and validators are loaded on first use, not at import: `charter diff`
 * must start in well under half a second, and a JSON document never needs a YAML parser.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
type JsYamlModule = typeof import('js-yaml');

let jsYamlModule: JsYamlModule | undefined;

/**
 * `js-yaml` (5.x): YAML 1.2 core schema to data 5-7x faster than `yaml` (0.15 s vs
 * 1 s on a 4 MB document), and an event stream with source offsets for locating.
 */
export function loadJsYaml(): JsYamlModule {
  jsYamlModule ??= require('js-yaml') as JsYamlModule;
  return jsYamlModule;
}

/** CommonJS packages compiled from ESM expose the class as `default`. */
export function defaultExport<T>(mod: T | { default: T }): T {
  const m = mod as { default?: T };
  return m.default ?? (mod as T);
}
