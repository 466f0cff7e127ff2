/**
 * Fill a rule's message template from a fact and prefix where it happened:
 * "GET /pets/{id}, 200 response body (application/json), property 'owner.name':
 * the required property was removed".
 */
import type { Fact } from '../diff/diff.types';
import { MESSAGES } from './messages';

function show(v: unknown): string {
  if (v === undefined) {
    return 'nothing';
  }
  if (Array.isArray(v)) {
    return v.map(show).join(', ');
  }
  if (typeof v === 'string') {
    return `'${v}'`;
  }
  // JSON.stringify gives undefined only for functions and symbols, which String() names.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return JSON.stringify(v) ?? String(v);
}

export function renderMessage(ruleId: string, fact: Fact): string {
  const template = MESSAGES[ruleId] ?? ruleId;
  const d = fact.details;
  const extra: Record<string, string> = {
    deprecatedNote: d.deprecated ? ' (it was deprecated)' : '',
    reasonNote: d.reason === 'read-only' ? ' (it is now readOnly)' : d.reason === 'write-only' ? ' (it is now writeOnly)' : '',
  };
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key in extra) {
      return extra[key];
    }
    if (key === 'scopes') {
      return (d.scopes ?? []).join(', ');
    }
    if (key === 'keyword' || key === 'protocol') {
      return String(d[key] ?? '');
    }
    if (key === 'from' || key === 'to') {
      const v = d[key];
      return v === undefined ? 'nothing' : typeof v === 'string' && (v.includes(' ') || v.startsWith('>') || v.startsWith('<')) ? v : show(v);
    }
    return show((d as Record<string, unknown>)[key]);
  });
  const where = [
    fact.operation ?? fact.channel,
    fact.operation && fact.channel ? `on channel '${fact.channel}'` : undefined,
    fact.location,
    fact.property ? `property '${fact.property}'` : undefined,
  ].filter((s): s is string => !!s);
  const also = fact.alsoIn?.length ? ` (also in ${fact.alsoIn.length} other ${fact.api === 'openapi' ? 'operation' : 'place'}${fact.alsoIn.length > 1 ? 's' : ''})` : '';
  return (where.length ? `${where.join(', ')}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1)) + also;
}
