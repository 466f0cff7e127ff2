import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject } from './support/json';

/** `dispatch.shipment.status-changed`: <domain>.<entity>.<event>. */
const CHANNEL_ADDRESS = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Topic names are how consumers find events across domains: channel addresses
 * follow <domain>.<entity>.<event>, and the domain part is the contract's domain
 * when it is known. AsyncAPI 2 channels are keyed by address; AsyncAPI 3 channels
 * carry an `address` (absent or null means unknown, and is not checked).
 */
export const charterChannelNaming: CharterRule = {
  id: 'charter-channel-naming',
  description: 'Channel addresses follow <domain>.<entity>.<event>, lowercase, dotted, kebab-case segments.',
  severity: 'error',
  target: 'asyncapi',
  given: ['$'],
  resolved: false,
  fn: function charterChannelNaming(root, options) {
    const results: IFunctionResult[] = [];
    if (!isObject(root) || !isObject(root.channels)) {
      return results;
    }
    const v3 = typeof root.asyncapi === 'string' && root.asyncapi.startsWith('3.');
    for (const [key, channel] of Object.entries(root.channels)) {
      const address = v3 ? (isObject(channel) ? channel.address : undefined) : key;
      if (typeof address !== 'string') {
        continue;
      }
      const at = v3 ? ['channels', key, 'address'] : ['channels', key];
      if (!CHANNEL_ADDRESS.test(address)) {
        results.push({ message: MESSAGES.channelName(address), path: at });
        continue;
      }
      const domain = options?.domain?.key;
      if (domain && address.split('.')[0] !== domain) {
        results.push({ message: MESSAGES.channelDomain(address, domain), path: at });
      }
    }
    return results;
  },
};
