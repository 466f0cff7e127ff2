/** Shared by the response rules: is the fact under a 2xx response? */
import type { Fact } from '../../diff/diff.types';

export function isSuccess(f: Fact): boolean {
  return typeof f.details.status === 'string' && f.details.status.startsWith('2');
}
