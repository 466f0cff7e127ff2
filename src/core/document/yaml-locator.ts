/**
 * JSON pointer -> offset in a YAML text, from js-yaml's event stream (flat events
 * carrying source offsets), built on first use: only a document with an issue to
 * locate pays for it (about a tenth of a full positional AST on a 4 MB document),
 * and the same parser that produced the data gives the positions, so the two
 * cannot disagree. A pointer that ends on a mapping entry resolves to its key (the
 * line a reader looks for: `responses:`), otherwise to the node; a pointer that
 * leaves the tree (or goes through a merge key) resolves to the nearest ancestor.
 */
import type { Event } from 'js-yaml';
import type { OffsetLocator } from './json-locator';
import { loadJsYaml } from './lazy-modules';

const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;

export function createYamlLocator(text: string): OffsetLocator {
  const jsyaml = loadJsYaml();
  const events = jsyaml.parseEvents(text, { maxDepth: 100_000 });
  const root = events.findIndex((e) => e.type !== 1);
  let anchors: Map<string, number> | undefined;

  const anchorIndex = (name: string): number | undefined => {
    if (!anchors) {
      anchors = new Map();
      events.forEach((e, i) => {
        if ('anchorStart' in e && e.type !== ALIAS && e.anchorStart >= 0) {
          anchors?.set(text.slice(e.anchorStart, e.anchorEnd), i);
        }
      });
    }
    return anchors.get(name);
  };

  /** Index of the event after the node starting at `i`. */
  const skip = (i: number): number => {
    const type = events[i]?.type;
    if (type !== MAPPING && type !== SEQUENCE) {
      return i + 1;
    }
    let depth = 0;
    let j = i;
    do {
      const t = events[j].type;
      if (t === MAPPING || t === SEQUENCE) {
        depth++;
      } else if (t === POP) {
        depth--;
      }
      j++;
    } while (depth > 0 && j < events.length);
    return j;
  };

  return (segments) => {
    if (root === -1 || root >= events.length) {
      return 0;
    }
    let i = root;
    let offset = startOf(events[i]);
    for (const segment of segments) {
      let node = events[i];
      for (let hops = 0; node?.type === ALIAS && hops < 64; hops++) {
        const target = anchorIndex(text.slice(node.anchorStart, node.anchorEnd));
        if (target === undefined) {
          return offset;
        }
        i = target;
        node = events[i];
      }
      let next = -1;
      if (node?.type === MAPPING) {
        // Last match wins, as in the data (duplicates are refused anyway).
        for (let j = i + 1; j < events.length && events[j].type !== POP; ) {
          const key = events[j];
          const value = skip(j);
          if (key.type === SCALAR && jsyaml.getScalarValue(text, key) === segment) {
            next = value;
            offset = startOf(key);
          }
          j = skip(value);
        }
      } else if (node?.type === SEQUENCE && /^(0|[1-9]\d*)$/.test(segment)) {
        let j = i + 1;
        for (let n = Number(segment); n > 0 && j < events.length && events[j].type !== POP; n--) {
          j = skip(j);
        }
        if (j < events.length && events[j].type !== POP) {
          next = j;
          offset = startOf(events[j]);
        }
      }
      if (next === -1 || next >= events.length || events[next].type === POP) {
        return offset;
      }
      i = next;
      if (node?.type === SEQUENCE) {
        offset = startOf(events[i]);
      }
    }
    return offset;
  };
}

function startOf(event: Event | undefined): number {
  if (!event) {
    return 0;
  }
  if ('start' in event) {
    return event.start;
  }
  // Quoted scalars (styles 2 and 3) start at their quote, one before the value.
  if ('valueStart' in event) {
    return event.style === 2 || event.style === 3 ? Math.max(0, event.valueStart - 1) : event.valueStart;
  }
  if ('anchorStart' in event) {
    return Math.max(0, event.anchorStart - 1);
  }
  return 0;
}
