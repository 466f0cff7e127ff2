/**
 * Headers of a deprecated version, prepared once per table: `Deprecation`
 * (RFC 9745, a structured-field date `@<unix seconds>`) and `Sunset` (RFC 8594,
 * an HTTP-date), so clients learn of the migration from every answer.
 */
export function lifecycleHeaders(deprecatedAt: Date, sunsetAt?: Date): string[] {
  const headers = ['deprecation', `@${Math.floor(deprecatedAt.getTime() / 1000)}`];
  if (sunsetAt) {
    headers.push('sunset', sunsetAt.toUTCString());
  }
  return headers;
}
