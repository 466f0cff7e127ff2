/**
 * Liveness (the process answers) and readiness (the database answers within a
 * deadline). 503 problem+json when not ready, so load balancers and humans read
 * the same answer.
 */
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PublicRoute } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiCorrelationId, ApiProblems } from '../openapi/openapi.decorators';
import { CharterError } from '../problems/charter.error';
import { HealthResponse, LivenessResponse } from './health.dto';

const READINESS_TIMEOUT_MS = 2000;
/** Why these routes take no token (governance asks every anonymous operation to say). */
const PUBLIC_BECAUSE = 'Load balancers and orchestrators probe it without credentials; it tells nothing about the registry contents.';

@ApiTags('health')
@ApiCorrelationId()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @PublicRoute()
  @ApiOperation({
    summary: 'Liveness and database readiness',
    description: 'Ready when the database answers within two seconds; 503 problem+json when it does not.',
    operationId: 'getHealth',
    security: [],
  })
  @ApiExtension('x-charter-public', PUBLIC_BECAUSE)
  @ApiOkResponse({ description: 'Live and ready', type: HealthResponse })
  @ApiProblems('SERVICE_UNAVAILABLE')
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
  @ApiOperation({ summary: 'Liveness only', description: 'Answers as long as the process does; no dependency is checked.', operationId: 'getLiveness', security: [] })
  @ApiExtension('x-charter-public', PUBLIC_BECAUSE)
  @ApiOkResponse({ description: 'Live', type: LivenessResponse })
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
