/**
 * The gateway's access log destination: lines are joined in memory and handed to
 * an asynchronous pino destination (SonicBoom) in batches of `maxBytes`, or at
 * the latest `maxDelayMs` after the first line of a batch. One write per ~50
 * requests instead of one per request (or per 4 KB of pino's buffer, a threadpool
 * round trip every ~15 requests), and a quiet gateway's lines still
 * appear within `maxDelayMs`. Batches stay small enough to be written within
 * tens of milliseconds under load: a batch held longer survives young-generation
 * collections and is promoted, which brings the next full GC (a tail-latency
 * pause) closer.
 */
import pino from 'pino';

export interface BatchedLineSinkOptions {
  maxBytes: number;
  maxDelayMs: number;
}

const DEFAULTS: BatchedLineSinkOptions = { maxBytes: 16 * 1024, maxDelayMs: 500 };

export class BatchedLineSink {
  private pending = '';
  private timer?: NodeJS.Timeout;
  private readonly options: BatchedLineSinkOptions;
  private readonly destination: ReturnType<typeof pino.destination>;

  constructor(fd = 1, options: Partial<BatchedLineSinkOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.destination = pino.destination({ dest: fd, sync: false });
  }

  write(line: string): void {
    this.pending += line;
    if (this.pending.length >= this.options.maxBytes) {
      this.flush();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.options.maxDelayMs);
      this.timer.unref(); // a pending batch never keeps the process alive; flushSync() on shutdown
    }
  }

  /** Hands the batch to the destination (written asynchronously). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending !== '') {
      const batch = this.pending;
      this.pending = '';
      this.destination.write(batch);
    }
  }

  /** Shutdown: everything buffered, here and in the destination, is written before this returns. */
  flushSync(): void {
    this.flush();
    this.destination.flushSync();
  }
}
