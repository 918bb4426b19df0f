import type { Db } from '@meetcute/core';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import { decodeCursor, type AlertKind } from './rules.ts';
import { alertsOf } from './store.ts';

export interface AlertView {
  alertId: string;
  kind: AlertKind;
  actor: PublicProfile;
  at: string;
  unread: boolean;
}

export interface AlertPage {
  items: AlertView[];
  nextCursor: string | null;
}

/** One page of a member's alerts, with each actor's public facts; a bad cursor is a 400. */
export async function alertPage(
  db: Db,
  profiles: ProfileDirectory,
  memberId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<AlertPage> {
  const after = decodeCursor(query.cursor);
  const { entries, nextCursor } = await alertsOf(db, memberId, { after, limit: query.limit });
  const found = await Promise.all(
    entries.map(async ({ actorId, ...rest }) => ({ ...rest, actor: await profiles.get(actorId) })),
  );
  // An actor no longer approved is left out; the cursor still moves past them.
  return { items: found.filter((a): a is AlertView => a.actor !== undefined), nextCursor };
}
