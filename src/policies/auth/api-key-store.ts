/**
 * Consumer API keys, looked up by sha256 of the presented key: the registry only
 * ever stores hashes, and so does the route table. Built once per table.
 */
import { createHash } from 'node:crypto';

export interface ConsumerKey {
  consumerId: string;
  name: string;
  /** Restricts the key to one domain; absent = any domain. */
  domain?: string;
  scopes: ReadonlySet<string>;
}

export const MAX_API_KEY_LENGTH = 512;

export class ApiKeyStore {
  private readonly byHash = new Map<string, ConsumerKey>();

  constructor(keys: ReadonlyArray<{ consumerId: string; name: string; domain?: string; keyHash: string; scopes?: string[] }>) {
    for (const key of keys) {
      this.byHash.set(key.keyHash.toLowerCase(), { consumerId: key.consumerId, name: key.name, domain: key.domain, scopes: new Set(key.scopes ?? []) });
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  find(presented: string, domain: string): ConsumerKey | undefined {
    if (presented.length === 0 || presented.length > MAX_API_KEY_LENGTH) {
      return undefined;
    }
    const consumer = this.byHash.get(hashApiKey(presented));
    return consumer && (consumer.domain === undefined || consumer.domain === domain) ? consumer : undefined;
  }
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
