import type { ModuleContext, View } from '@meetcute/core';
import { MemberWarned, WarningRead } from './events.ts';
import { warningsOf, type ModerationTables } from './store.ts';

/** How many warnings each member has not read yet. */
export function unreadWarnings(ctx: ModuleContext<ModerationTables>): View<number> {
  // Every page a member opens asks this: counted once, then moved by the events that move it.
  const unread = ctx.view<number>({
    name: 'unread_warnings',
    load: async (memberId) => (await warningsOf(ctx.db, memberId, true)).length,
  });
  unread.on(MemberWarned, (e, changes) => changes.update(e.payload.memberId, (n) => (n ?? 0) + 1));
  unread.on(WarningRead, (e, changes) =>
    changes.update(e.payload.memberId, (n) => Math.max(0, (n ?? 1) - 1)),
  );
  return unread;
}
