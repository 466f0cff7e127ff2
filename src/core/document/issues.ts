/** Small helpers to build issues that always carry file, pointer and, when known, line/column. */
import type { Issue, IssueCode } from '../report/issue';
import type { ParsedDocument } from './types';

export function issueAt(code: IssueCode, message: string, file: string, pointer: string, doc?: ParsedDocument): Issue {
  const position = doc?.locate(pointer);
  return {
    code,
    message,
    source: position ? { file, pointer, line: position.line, column: position.column } : { file, pointer },
  };
}

export function withPosition(
  code: IssueCode,
  message: string,
  file: string,
  pointer: string,
  position: { line: number; column: number } | undefined,
): Issue {
  return {
    code,
    message,
    source: position ? { file, pointer, line: position.line, column: position.column } : { file, pointer },
  };
}

/** Quote a user value in a message, shortened so one hostile value cannot flood output. */
export function quote(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return `'${short}'`;
}
