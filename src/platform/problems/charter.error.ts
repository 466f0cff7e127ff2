/**
 * A domain error: a catalogue code, a sentence for people and optional problem
 * extensions (`errors`, `changes`, ...). It knows nothing of HTTP; the global filter
 * turns it into problem+json from the catalogue.
 */
import type { ProblemCode, ProblemError } from './problem-catalogue';

export class CharterError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly extensions: { errors?: ProblemError[]; [key: string]: unknown } = {},
    /** Response headers the problem needs (WWW-Authenticate, Retry-After, ...). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'CharterError';
  }
}
