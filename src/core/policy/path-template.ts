/**
 * Splits an OpenAPI path template into segments of literal and `{param}` parts.
 * Done once at compile time so the runtime router only compares strings.
 */
import type { PathSegmentPlan, TemplatePart } from './policy-plan';

export function parsePathTemplate(template: string): PathSegmentPlan[] | undefined {
  if (!template.startsWith('/')) {
    return undefined;
  }
  const raw = template === '/' ? [] : template.slice(1).split('/');
  // A trailing slash is a distinct, empty last segment (`/a/` differs from `/a`).
  const segments: PathSegmentPlan[] = [];
  for (const segment of raw) {
    const parts: TemplatePart[] = [];
    let rest = segment;
    while (rest.length > 0) {
      const open = rest.indexOf('{');
      if (open < 0) {
        parts.push({ literal: rest });
        break;
      }
      const close = rest.indexOf('}', open);
      if (close < 0) {
        return undefined;
      }
      if (open > 0) {
        parts.push({ literal: rest.slice(0, open) });
      }
      const name = rest.slice(open + 1, close);
      if (name === '' || name.includes('{')) {
        return undefined;
      }
      // Two adjacent params (`{a}{b}`) cannot be told apart when matching.
      const previous = parts[parts.length - 1];
      if (previous && 'param' in previous) {
        return undefined;
      }
      parts.push({ param: name });
      rest = rest.slice(close + 1);
    }
    segments.push({ parts });
  }
  return segments;
}

/** Names of the template's parameters in order of appearance. */
export function templateParams(segments: PathSegmentPlan[]): string[] {
  const names: string[] = [];
  for (const s of segments) {
    for (const p of s.parts) {
      if ('param' in p) {
        names.push(p.param);
      }
    }
  }
  return names;
}
