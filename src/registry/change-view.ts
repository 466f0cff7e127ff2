import type { Change } from '../core/report/change';

/** The shape stored as a changelog and sent in problem bodies: the change, without internals. */
export function changeView(c: Change): Record<string, unknown> {
  return {
    id: c.id,
    level: c.level,
    bump: c.bump,
    ...(c.operation ? { operation: c.operation } : {}),
    ...(c.channel ? { channel: c.channel } : {}),
    ...(c.direction ? { direction: c.direction } : {}),
    message: c.message,
    basePointer: c.base.pointer,
    headPointer: c.head.pointer,
    ...(c.alsoIn?.length ? { alsoIn: c.alsoIn } : {}),
  };
}
