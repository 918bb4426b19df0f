import { decodeCursor, pageOf } from '@meetcute/core';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import { isModeration, type AlertKind } from './rules.ts';
import { alertsOf, HEAD, newestFirst, type AlertEntry, type AlertsDb, type AlertsMemory } from './store.ts';

export interface AlertView {
  alertId: string;
  kind: AlertKind;
  /** Who did it; null for what the moderators decided (they are not named). */
  actor: PublicProfile | null;
  at: string;
  unread: boolean;
  /** A moderator's reason for a no. */
  reason: string | null;
}

export interface AlertPage {
  items: AlertView[];
  nextCursor: string | null;
}

/** One page of a member's alerts, with each actor's public facts; a bad cursor is a 400. */
export async function alertPage(
  db: AlertsDb,
  memory: AlertsMemory,
  profiles: ProfileDirectory,
  memberId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<AlertPage> {
  const after = decodeCursor(query.cursor);
  const { entries, nextCursor } =
    !after && query.limit < HEAD
      ? firstPage((await memory.heads.get(memberId)) ?? [], query.limit)
      : await alertsOf(db, memberId, { after, limit: query.limit });
  const found = await Promise.all(
    entries.map(async ({ actorId, ...rest }) => ({
      ...rest,
      actor: isModeration(rest.kind) ? null : await profiles.get(actorId),
    })),
  );
  // An actor no longer approved is left out; the cursor still moves past them.
  return { items: found.filter((a): a is AlertView => a.actor !== undefined), nextCursor };
}

/** The first page from the newest alerts held in memory (they hold one more than a page). */
function firstPage(head: AlertEntry[], limit: number): { entries: AlertEntry[]; nextCursor: string | null } {
  const { items: entries, nextCursor } = pageOf(head, limit, newestFirst);
  return { entries, nextCursor };
}
