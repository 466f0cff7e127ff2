/**
 * Liveness (the process answers) and readiness (the database answers within a
 * deadline). 503 problem+json when not ready, so load balancers and humans read
 * the same answer.
 */
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PublicRoute } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CharterError } from '../problems/charter.error';

const READINESS_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @PublicRoute()
  @ApiOperation({ summary: 'Liveness and database readiness', operationId: 'getHealth' })
  async health(): Promise<object> {
    const started = Date.now();
    const engine = this.config.database.url ? 'postgres' : 'pglite';
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), READINESS_TIMEOUT_MS);
    } catch (err) {
      throw new CharterError('SERVICE_UNAVAILABLE', `Database (${engine}) is not ready: ${(err as Error).message}`, {
        checks: { live: true, database: { status: 'down', engine } },
      });
    }
    return {
      status: 'ok',
      role: this.config.role,
      checks: { live: true, database: { status: 'up', engine, latencyMs: Date.now() - started } },
    };
  }

  @Get('live')
  @PublicRoute()
  @ApiOperation({ summary: 'Liveness only', operationId: 'getLiveness' })
  live(): object {
    return { status: 'ok' };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}
