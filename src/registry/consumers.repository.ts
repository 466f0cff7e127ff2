import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity, ConsumerEntity } from './entities';
import type { PageRequest } from './pagination';

@Injectable()
export class ConsumersRepository {
  findByKey(manager: EntityManager, key: string): Promise<ConsumerEntity | null> {
    return manager.findOneBy(ConsumerEntity, { key });
  }

  list(manager: EntityManager, page: PageRequest): Promise<[ConsumerEntity[], number]> {
    return manager.findAndCount(ConsumerEntity, { order: { key: 'ASC' }, skip: page.offset, take: page.limit });
  }

  create(manager: EntityManager, consumer: Partial<ConsumerEntity>): Promise<ConsumerEntity> {
    return manager.save(ConsumerEntity, manager.create(ConsumerEntity, consumer));
  }

  keysOf(manager: EntityManager, consumerIds: string[]): Promise<ApiKeyEntity[]> {
    if (consumerIds.length === 0) {
      return Promise.resolve([]);
    }
    return manager
      .createQueryBuilder(ApiKeyEntity, 'k')
      .where('k.consumer_id IN (:...ids)', { ids: consumerIds })
      .orderBy('k.created_at', 'ASC')
      .getMany();
  }

  addKey(manager: EntityManager, key: Partial<ApiKeyEntity>): Promise<ApiKeyEntity> {
    return manager.save(ApiKeyEntity, manager.create(ApiKeyEntity, key));
  }

  findKey(manager: EntityManager, consumerId: string, id: string): Promise<ApiKeyEntity | null> {
    return manager.findOneBy(ApiKeyEntity, { consumerId, id });
  }

  async revokeKey(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(ApiKeyEntity, { id }, { revokedAt: at });
  }

  /** Every key still in force, with its consumer: what the gateway checks API keys against. */
  activeKeys(manager: EntityManager): Promise<Array<ApiKeyEntity & { consumer: ConsumerEntity }>> {
    return manager.find(ApiKeyEntity, { where: { revokedAt: IsNull() }, relations: { consumer: true } }) as Promise<
      Array<ApiKeyEntity & { consumer: ConsumerEntity }>
    >;
  }
}
