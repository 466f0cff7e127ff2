import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { currentCorrelationId } from '../platform/logging/correlation';
import { AuditEntryEntity } from './entities';
import type { PageRequest } from './pagination';

export interface AuditRecord {
  actor: string;
  action: string;
  targetType: 'domain' | 'api' | 'version' | 'consumer';
  target: string;
  details?: Record<string, unknown>;
}

/** The append-only audit log; written in the same transaction as the change it records. */
@Injectable()
export class AuditRepository {
  async append(manager: EntityManager, record: AuditRecord): Promise<void> {
    const row = { ...record, details: record.details ?? {}, correlationId: currentCorrelationId() ?? null };
    await manager.insert(AuditEntryEntity, row as QueryDeepPartialEntity<AuditEntryEntity>);
  }

  async list(manager: EntityManager, filter: { target?: string }, page: PageRequest): Promise<[AuditEntryEntity[], number]> {
    return manager.findAndCount(AuditEntryEntity, {
      where: filter.target ? { target: filter.target } : {},
      order: { id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
  }
}
