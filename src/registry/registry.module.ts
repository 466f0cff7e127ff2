import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ApisService } from './apis.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { ConsumersController } from './consumers.controller';
import { ConsumersService } from './consumers.service';
import { UsageController } from './usage.controller';
import { DomainsController } from './domains.controller';
import { DomainsRepository } from './domains.repository';
import { DomainsService } from './domains.service';
import { CompatibilityGate } from './gates/compatibility.gate';
import { GovernanceLintGate } from './gates/governance-lint.gate';
import { PolicyGate } from './gates/policy.gate';
import { IdempotencyRepository } from './idempotency.repository';
import { PUBLISH_GATES, type PublishGate } from './publish-gate';
import { RegistryFeedModule } from './registry-feed.module';
import { ContractsSeeder } from './seed/contracts-seeder';
import { VersionsController } from './versions.controller';
import { VersionsService } from './versions.service';
import { VersionLookup } from './version-lookup';
import { VersionLifecycleService } from './version-lifecycle.service';
import { ChangelogService } from './changelog.service';

@Module({
  imports: [RegistryFeedModule],
  controllers: [DomainsController, VersionsController, AuditController, ConsumersController, UsageController],
  providers: [
    DomainsRepository,
    ConsumersService,
    AuditRepository,
    DomainsService,
    VersionsService,
    VersionLookup,
    VersionLifecycleService,
    ChangelogService,
    ApisService,
    ContractsSeeder,
    IdempotencyRepository,
    GovernanceLintGate,
    CompatibilityGate,
    PolicyGate,
    // Order of the answers a publisher gets: policies, governance, then compatibility.
    {
      provide: PUBLISH_GATES,
      inject: [PolicyGate, GovernanceLintGate, CompatibilityGate],
      useFactory: (...gates: PublishGate[]) => gates,
    },
  ],
  exports: [VersionsService, DomainsService],
})
export class RegistryModule implements OnApplicationBootstrap {
  constructor(private readonly seeder: ContractsSeeder) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seeder.seedIfEmpty();
  }
}
