import { ApiKeyEntity } from './api-key.entity';
import { ApiVersionEntity } from './api-version.entity';
import { ApiEntity } from './api.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { ConsumerEntity } from './consumer.entity';
import { DomainEntity } from './domain.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { UsageCounterEntity } from './usage-counter.entity';

export { ApiEntity, ApiKeyEntity, ApiVersionEntity, AuditEntryEntity, ConsumerEntity, DomainEntity, IdempotencyKeyEntity, UsageCounterEntity };
export const ENTITIES = [DomainEntity, ApiEntity, ApiVersionEntity, AuditEntryEntity, ConsumerEntity, ApiKeyEntity, UsageCounterEntity, IdempotencyKeyEntity];
