import { Injectable } from '@nestjs/common';
import { type EntityManager, ILike } from 'typeorm';
import { DomainEntity } from './entities';
import type { PageRequest } from './pagination';

@Injectable()
export class DomainsRepository {
  findByKey(manager: EntityManager, key: string): Promise<DomainEntity | null> {
    return manager.findOneBy(DomainEntity, { key });
  }

  async list(manager: EntityManager, q: string | undefined, page: PageRequest): Promise<[DomainEntity[], number]> {
    const where = q ? [{ key: ILike(`%${escapeLike(q)}%`) }, { name: ILike(`%${escapeLike(q)}%`) }] : {};
    return manager.findAndCount(DomainEntity, { where, order: { key: 'ASC' }, skip: page.offset, take: page.limit });
  }

  count(manager: EntityManager): Promise<number> {
    return manager.count(DomainEntity);
  }

  async save(manager: EntityManager, domain: Partial<DomainEntity>): Promise<DomainEntity> {
    return manager.save(DomainEntity, domain);
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
