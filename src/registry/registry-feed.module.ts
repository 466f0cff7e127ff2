/**
 * The registry's read side that runs in every role: the change events and the
 * feed the gateway builds its route table from. The registry API (controllers,
 * writes, seeding) is RegistryModule and runs only where CHARTER_ROLE has it.
 */
import { Module } from '@nestjs/common';
import { ConsumersRepository } from './consumers.repository';
import { RegistryEvents } from './registry.events';
import { RegistryFeed } from './registry-feed';
import { UsageRepository } from './usage.repository';
import { VersionsRepository } from './versions.repository';

@Module({
  providers: [RegistryEvents, RegistryFeed, VersionsRepository, ConsumersRepository, UsageRepository],
  exports: [RegistryEvents, RegistryFeed, VersionsRepository, ConsumersRepository, UsageRepository],
})
export class RegistryFeedModule {}
