import { Module, type OnApplicationBootstrap, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { ApisService } from './apis.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { ConsumersController } from './consumers.controller';
import { ConsumersRepository } from './consumers.repository';
import { ConsumersService } from './consumers.service';
import { UsageController } from './usage.controller';
import { UsageRepository } from './usage.repository';
import { DomainsController } from './domains.controller';
import { DomainsRepository } from './domains.repository';
import { DomainsService } from './domains.service';
import { CompatibilityGate } from './gates/compatibility.gate';
import { GovernanceLintGate } from './gates/governance-lint.gate';
import { PUBLISH_GATES, type PublishGate } from './publish-gate';
import { RegistryEvents } from './registry.events';
import { ContractsSeeder } from './seed/contracts-seeder';
import { VersionsController } from './versions.controller';
import { VersionsRepository } from './versions.repository';
import { VersionsService } from './versions.service';

@Module({
  controllers: [DomainsController, VersionsController, AuditController, ConsumersController, UsageController],
  providers: [
    DomainsRepository,
    ConsumersRepository,
    UsageRepository,
    ConsumersService,
    VersionsRepository,
    AuditRepository,
    DomainsService,
    VersionsService,
    ApisService,
    RegistryEvents,
    ContractsSeeder,
    GovernanceLintGate,
    CompatibilityGate,
    // Order matters: governance first (cheap to read), then compatibility.
    { provide: PUBLISH_GATES, inject: [GovernanceLintGate, CompatibilityGate], useFactory: (...gates: PublishGate[]) => gates },
  ],
  exports: [VersionsService, DomainsService, VersionsRepository, ConsumersRepository, UsageRepository, RegistryEvents],
})
export class RegistryModule implements OnApplicationBootstrap {
  constructor(
    private readonly seeder: ContractsSeeder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role !== 'gateway') await this.seeder.seedIfEmpty();
  }
}
