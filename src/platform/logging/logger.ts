/**
 * pino JSON logs for the whole process, with the request's correlation id mixed
 * into every line, and an adapter so Nest's own messages come out the same way.
 */
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { BatchedLineSink } from './batched-line-sink';
import { currentCorrelationId } from './correlation';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'charter' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]'], censor: '[redacted]' },
    },
    destination,
  );
}

/** The gateway's access log destination: batched, asynchronous. Call `flush()` on shutdown. */
export function createAccessStream(fd = 1): { stream: BatchedLineSink; flush(): void } {
  const stream = new BatchedLineSink(fd);
  return { stream, flush: () => stream.flushSync() };
}

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
