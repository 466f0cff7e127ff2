import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { eachMessage, headerNames, messageField, messageLabel } from './support/asyncapi';

/**
 * Consumers de-duplicate on messageId and pick a payload reader by schemaVersion;
 * both travel as headers (canonical EventHeaders), and the payload has a schema.
 */
export const charterMessageEnvelope: CharterRule = {
  id: 'charter-message-envelope',
  description: 'AsyncAPI messages carry a messageId and a schemaVersion header and a payload schema.',
  severity: 'error',
  target: 'asyncapi',
  given: ['$'],
  resolved: true,
  fn: function charterMessageEnvelope(root) {
    const results: IFunctionResult[] = [];
    for (const m of eachMessage(root)) {
      const headers = headerNames(m.message);
      const headersAt = m.message.headers !== undefined ? [...m.at, 'headers'] : m.at;
      if (!headers.has('messageId')) {
        results.push({ message: MESSAGES.messageField(messageLabel(m), 'messageId header'), path: headersAt });
      }
      if (!headers.has('schemaVersion')) {
        results.push({ message: MESSAGES.messageField(messageLabel(m), 'schemaVersion header'), path: headersAt });
      }
      const payload = messageField(m.message, 'payload');
      if (payload === undefined || payload === null) {
        results.push({ message: MESSAGES.messageField(messageLabel(m), 'payload schema'), path: m.at });
      }
    }
    return results;
  },
};
