/**
 * The gateway's access log destination: lines are copied into a byte batch and
 * handed to an asynchronous pino destination (SonicBoom) once the batch holds
 * `maxBytes`, or at the latest `maxDelayMs` after its first line. One write per
 * ~50 requests instead of one per request (or per 4 KB of pino's buffer, a
 * threadpool round trip every ~15 requests), and a quiet gateway's lines still
 * appear within `maxDelayMs`.
 *
 * Bytes, not a joined string: a string batch is a tree of every line's pieces
 * that is alive at each young-generation collection (a third of what survived
 * one, measured), and one held long enough is promoted, bringing the next full GC
 * (a tail-latency pause) closer. Copied into a Buffer, a line dies at once.
 */
import { writeSync } from 'node:fs';
import pino from 'pino';

export interface BatchedLineSinkOptions {
  maxBytes: number;
  maxDelayMs: number;
}

const DEFAULTS: BatchedLineSinkOptions = { maxBytes: 16 * 1024, maxDelayMs: 500 };
/** SonicBoom in contentMode 'buffer' takes bytes; its typings declare strings only. */
interface ByteDestination {
  write(chunk: Buffer): boolean;
  flushSync(): void;
}

/** UTF-8 needs at most 3 bytes for each UTF-16 code unit of a JS string. */
const MAX_BYTES_PER_UNIT = 3;

export class BatchedLineSink {
  private batch: Buffer;
  private used = 0;
  private timer?: NodeJS.Timeout;
  private readonly options: BatchedLineSinkOptions;
  /** Room for a full batch plus the line that fills it. */
  private readonly capacity: number;
  private readonly destination: ByteDestination;

  constructor(
    private readonly fd = 1,
    options: Partial<BatchedLineSinkOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.capacity = 2 * this.options.maxBytes;
    this.batch = Buffer.allocUnsafeSlow(this.capacity);
    this.destination = pino.destination({ dest: fd, sync: false, contentMode: 'buffer' }) as unknown as ByteDestination;
  }

  write(line: string): void {
    if (this.used + line.length * MAX_BYTES_PER_UNIT > this.capacity) {
      // The batch is flushed at maxBytes, so at least maxBytes of room is left: only a
      // line of more than maxBytes / 3 characters gets here. It goes out on its own,
      // after what came before it.
      this.flush();
      this.destination.write(Buffer.from(line, 'utf8'));
      return;
    }
    this.used += this.batch.write(line, this.used, 'utf8');
    if (this.used >= this.options.maxBytes) {
      this.flush();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.options.maxDelayMs);
      this.timer.unref(); // a pending batch never keeps the process alive; flushSync() on shutdown
    }
  }

  /** Hands the batch to the destination (written asynchronously; it keeps the bytes, so a new batch starts). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.used > 0) {
      this.destination.write(this.batch.subarray(0, this.used));
      this.batch = Buffer.allocUnsafeSlow(this.capacity);
      this.used = 0;
    }
  }

  /**
   * Shutdown: what the destination holds, then this batch, written before this
   * returns. A write already in flight finishes on libuv's threadpool (a normal
   * exit waits for it). If the fd would block (a full pipe), the rest is handed
   * to the destination instead.
   */
  flushSync(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.destination.flushSync();
    let offset = 0;
    try {
      while (offset < this.used) {
        offset += writeSync(this.fd, this.batch, offset, this.used - offset);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
        throw error;
      }
      this.destination.write(Buffer.from(this.batch.subarray(offset, this.used)));
    }
    this.used = 0;
  }
}
