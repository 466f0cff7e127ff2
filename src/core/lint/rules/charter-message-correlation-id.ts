import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { eachMessage, headerNames, messageField, messageLabel } from './support/asyncapi';
import { isObject } from './support/json';

/** Events carry the correlation id of the request or process that caused them. */
export const charterMessageCorrelationId: CharterRule = {
  id: 'charter-message-correlation-id',
  description: 'AsyncAPI messages declare a correlationId (object and header).',
  severity: 'error',
  target: 'asyncapi',
  given: ['$'],
  resolved: true,
  fn: function charterMessageCorrelationId(root) {
    const results: IFunctionResult[] = [];
    for (const m of eachMessage(root)) {
      if (!isObject(messageField(m.message, 'correlationId'))) {
        results.push({ message: MESSAGES.messageCorrelationObject(messageLabel(m)), path: m.at });
      }
      if (!headerNames(m.message).has('correlationId')) {
        results.push({ message: MESSAGES.messageCorrelationHeader(messageLabel(m)), path: m.message.headers !== undefined ? [...m.at, 'headers'] : m.at });
      }
    }
    return results;
  },
};
