/**
 * What kind of failure an undici error is, which decides the answer (502, 504,
 * 413), whether a retry may help (nothing reached the upstream, or the socket
 * died under an idempotent request) and whether the circuit breaker counts it.
 */
export type UpstreamFailure = 'connect' | 'timeout' | 'reset' | 'closed' | 'aborted' | 'too-large' | 'client-body' | 'other';

/** Raised by the byte-limit stream on a streamed request body past the limit. */
export class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

const BY_CODE: Record<string, UpstreamFailure> = {
  ECONNREFUSED: 'connect',
  ENOTFOUND: 'connect',
  EHOSTUNREACH: 'connect',
  ENETUNREACH: 'connect',
  EAI_AGAIN: 'connect',
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'closed',
  UND_ERR_DESTROYED: 'closed',
  UND_ERR_ABORTED: 'aborted',
  ABORT_ERR: 'aborted',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'client-body',
};

export function classifyUpstreamError(error: unknown): UpstreamFailure {
  if (error instanceof BodyTooLargeError) {
    return 'too-large';
  }
  const e = error as { code?: unknown; name?: unknown; cause?: unknown } | null;
  if (e?.name === 'AbortError') {
    return 'aborted';
  }
  if (typeof e?.code === 'string' && BY_CODE[e.code]) {
    return BY_CODE[e.code];
  }
  if (e?.cause) {
    const inner = classifyUpstreamError(e.cause);
    if (inner !== 'other') {
      return inner;
    }
  }
  return 'other';
}

/** Failures that say something about the upstream's health. */
export function countsAgainstUpstream(kind: UpstreamFailure): boolean {
  return kind === 'connect' || kind === 'timeout' || kind === 'reset' || kind === 'other';
}

/** Failures after which nothing (or nothing harmful, for idempotent methods) reached the upstream. */
export function retryable(kind: UpstreamFailure): boolean {
  return kind === 'connect' || kind === 'reset' || kind === 'closed';
}
