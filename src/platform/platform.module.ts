/**
 * Process-wide infrastructure every feature module may use: the frozen config,
 * the pino logger, the database (PostgreSQL or PGlite, migrated at start-up),
 * registry auth, metrics and health. Built from an AppConfig object so tests pass
 * their own configuration instead of the ambient environment.
 */
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { RegistryAuthGuard } from './auth/auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { createDataSourceOptions } from './database/data-source.factory';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { MetricsService } from './health/metrics.service';
import { LOGGER, loggerProvider } from './logging/logger.provider';

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PassportModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...createDataSourceOptions({
              url: config.database.url,
              dataDir: config.database.url ? undefined : config.database.dataDir,
            }),
            migrationsRun: !config.database.skipMigrations,
            migrationsTransactionMode: 'each',
          }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        loggerProvider,
        MetricsService,
        JwtStrategy,
        { provide: APP_GUARD, useClass: RegistryAuthGuard },
      ],
      exports: [APP_CONFIG, LOGGER, MetricsService],
    };
  }
}
