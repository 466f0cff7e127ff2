/**
 * Bundled-document pointer -> where a reader finds it: the file the content came
 * from, the pointer inside that file, and its line/column. Content copied from
 * another file is located in that file, not in the bundle nobody has on disk.
 */
import type { SourceRef } from '../report/source-ref';
import type { Origin } from './bundle';
import { splitPointer, toPointer } from './json-pointer';
import type { ParsedDocument } from './types';

export type Locate = (pointer: string) => SourceRef;

export function createContractLocator(origins: readonly Origin[], parsed: ReadonlyMap<string, ParsedDocument>): Locate {
  return (pointer) => {
    const segments = splitPointer(pointer);
    let best: Origin | undefined;
    for (const origin of origins) {
      if (origin.docPath.length > segments.length) {
        continue;
      }
      if (best && origin.docPath.length <= best.docPath.length) {
        continue;
      }
      if (origin.docPath.every((s, i) => s === segments[i])) {
        best = origin;
      }
    }
    const origin = best ?? origins[0];
    const filePointer = toPointer([...origin.filePath, ...segments.slice(origin.docPath.length)]);
    const position = parsed.get(origin.file)?.locate(filePointer);
    return position
      ? { file: origin.file, pointer: filePointer, line: position.line, column: position.column }
      : { file: origin.file, pointer: filePointer };
  };
}
