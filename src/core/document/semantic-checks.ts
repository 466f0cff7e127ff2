/**
 * Rules the official JSON Schemas cannot express: path template parameters match
 * the declared `in: path` parameters (both ways), operationIds are unique, AsyncAPI
 * channel expressions have their parameters declared. Defensive over shapes: the
 * document may also have schema violations, reported separately.
 */
import type { Issue } from '../report/issue';
import type { Locate } from './contract-locator';
import { quote } from './issues';
import { resolvePointer, splitFragment, toPointer } from './json-pointer';
import type { ContractKind } from './types';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Rec = Record<string, unknown>;

export function semanticIssues(document: Rec, kind: ContractKind, specVersion: string, locate: Locate): Issue[] {
  const issues: Issue[] = [];
  const report = (path: (string | number)[], message: string) =>
    issues.push({ code: 'SEMANTIC_ERROR', message, source: locate(toPointer(path)) });
  if (kind === 'openapi') {
    checkPathParameters(document, report);
    checkOperationIds(openapiOperations(document), report);
  } else if (specVersion.startsWith('2.')) {
    checkOperationIds(asyncapi2Operations(document), report);
    checkChannelParameters(document, (name) => name, report);
  } else {
    checkChannelParameters(document, (_name, channel) => (typeof channel.address === 'string' ? channel.address : ''), report);
  }
  return issues;
}

type Report = (path: (string | number)[], message: string) => void;

function checkPathParameters(document: Rec, report: Report): void {
  for (const [template, rawItem] of entries(document.paths)) {
    if (template.startsWith('x-')) {
      continue;
    }
    const item = deref(document, rawItem);
    if (!item) {
      continue;
    }
    const names = templateNames(template);
    const base = ['paths', template];
    const pathLevel = pathParams(document, item.parameters, [...base, 'parameters']);
    for (const p of pathLevel) {
      if (!names.includes(p.name)) {
        report(p.path, `parameter ${quote(p.name)} is declared in: path, but ${quote(template)} has no {${p.name}}`);
      }
    }
    for (const method of METHODS) {
      const op = asRec(item[method]);
      if (!op) {
        continue;
      }
      const opLevel = pathParams(document, op.parameters, [...base, method, 'parameters']);
      for (const p of opLevel) {
        if (!names.includes(p.name)) {
          report(p.path, `parameter ${quote(p.name)} is declared in: path, but ${quote(template)} has no {${p.name}}`);
        }
      }
      const declared = new Set([...pathLevel, ...opLevel].map((p) => p.name));
      for (const name of names) {
        if (!declared.has(name)) {
          report([...base, method], `path parameter {${name}} of ${quote(template)} is not declared: add a parameter with name: ${name} and in: path`);
        }
      }
    }
  }
}

interface Declared {
  name: string;
  path: (string | number)[];
}

function pathParams(document: Rec, list: unknown, path: (string | number)[]): Declared[] {
  if (!Array.isArray(list)) {
    return [];
  }
  const out: Declared[] = [];
  list.forEach((raw, i) => {
    const p = deref(document, raw);
    if (p && p.in === 'path' && typeof p.name === 'string') {
      out.push({ name: p.name, path: [...path, i] });
    }
  });
  return out;
}

function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
}

interface Operation {
  id: unknown;
  path: (string | number)[];
}

function openapiOperations(document: Rec): Operation[] {
  const ops: Operation[] = [];
  for (const root of ['paths', 'webhooks']) {
    for (const [key, rawItem] of entries(document[root])) {
      const item = asRec(rawItem);
      if (!item || key.startsWith('x-')) {
        continue;
      }
      for (const method of METHODS) {
        const op = asRec(item[method]);
        if (op && 'operationId' in op) {
          ops.push({ id: op.operationId, path: [root, key, method, 'operationId'] });
        }
      }
    }
  }
  return ops;
}

function asyncapi2Operations(document: Rec): Operation[] {
  const ops: Operation[] = [];
  for (const [name, rawChannel] of entries(document.channels)) {
    const channel = asRec(rawChannel);
    for (const action of ['publish', 'subscribe']) {
      const op = asRec(channel?.[action]);
      if (op && 'operationId' in op) {
        ops.push({ id: op.operationId, path: ['channels', name, action, 'operationId'] });
      }
    }
  }
  return ops;
}

function checkOperationIds(ops: Operation[], report: Report): void {
  const first = new Map<string, (string | number)[]>();
  for (const op of ops) {
    if (typeof op.id !== 'string') {
      continue;
    }
    const seen = first.get(op.id);
    if (seen) {
      report(op.path, `operationId ${quote(op.id)} is already used at ${toPointer(seen.slice(0, -1))}`);
    } else {
      first.set(op.id, op.path);
    }
  }
}

function checkChannelParameters(document: Rec, expression: (name: string, channel: Rec) => string, report: Report): void {
  for (const [name, rawChannel] of entries(document.channels)) {
    const channel = deref(document, rawChannel);
    if (!channel) {
      continue;
    }
    const declared = asRec(channel.parameters) ?? {};
    const text = expression(name, channel);
    for (const param of templateNames(text)) {
      if (!(param in declared)) {
        report(['channels', name], `channel parameter {${param}} of ${quote(text)} is not declared in its parameters`);
      }
    }
  }
}

/** The object itself, or the target of its internal `$ref` (one hop chain, cycle-safe). */
function deref(document: Rec, value: unknown): Rec | undefined {
  let node = asRec(value);
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 16; hops++) {
    if (!node.$ref.startsWith('#')) {
      return undefined;
    }
    const segments = splitFragment(node.$ref.slice(1));
    const target = segments ? resolvePointer(document, segments) : undefined;
    node = target?.found ? asRec(target.value) : undefined;
  }
  return node;
}

function entries(value: unknown): [string, unknown][] {
  const rec = asRec(value);
  return rec ? Object.entries(rec) : [];
}

function asRec(value: unknown): Rec | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : undefined;
}
