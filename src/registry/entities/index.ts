import { ApiVersionEntity } from './api-version.entity';
import { ApiEntity } from './api.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { DomainEntity } from './domain.entity';

export { ApiEntity, ApiVersionEntity, AuditEntryEntity, DomainEntity };
export const ENTITIES = [DomainEntity, ApiEntity, ApiVersionEntity, AuditEntryEntity];
