/**
 * What other parts of the process (the gateway's route table) learn after a
 * registry write commits. Other processes learn the same through PostgreSQL
 * NOTIFY on REGISTRY_CHANNEL, sent inside the write's transaction so it is
 * delivered only if the write commits.
 */
import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

export const REGISTRY_CHANNEL = 'charter_registry';

export interface RegistryChange {
  action: 'domain.upserted' | 'version.published' | 'version.lifecycle' | 'consumers.changed';
  /** Empty for changes that belong to no domain (consumers). */
  domain: string;
  api?: string;
  version?: string;
}

@Injectable()
export class RegistryEvents {
  private readonly emitter = new EventEmitter();

  emit(change: RegistryChange): void {
    this.emitter.emit('change', change);
  }

  onChange(listener: (change: RegistryChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }
}
