/**
 * A mock answer serialized once at route-table build: status, content type and
 * body bytes, sent as they are for every mocked request (x-charter-mock: true).
 */
import type { MockPlan } from '../../core/policy';
import { isJsonType, baseMediaType } from '../validation/media-type';

export interface PreparedMock {
  status: number;
  contentType?: string;
  body: Buffer;
}

export function prepareMock(plan: MockPlan): PreparedMock {
  if (plan.body === undefined || plan.contentType === undefined) {
    return { status: plan.status, body: Buffer.alloc(0) };
  }
  const json = isJsonType(baseMediaType(plan.contentType));
  const text = json ? JSON.stringify(plan.body) : typeof plan.body === 'string' ? plan.body : JSON.stringify(plan.body);
  const contentType = json && !plan.contentType.includes('charset') ? `${plan.contentType}; charset=utf-8` : plan.contentType;
  return { status: plan.status, contentType, body: Buffer.from(text, 'utf8') };
}
