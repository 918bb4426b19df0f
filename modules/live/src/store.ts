import { sql, type Kysely, type Selectable } from 'kysely';
import {
  generated,
  integer,
  nullable,
  serialPrimaryKey,
  text,
  type LiveNotification,
  type Migration,
  type TablesOf,
} from '@meetcute/core';
import { blockedPairsTables } from '@meetcute/block/events';

export const tables = {
  /** A notification kept a day so a page that reconnects can catch up; `about` names whom it tells of. */
  notifications: {
    position: generated(integer()),
    member_id: text(),
    type: text(),
    /** The notification's data as JSON. */
    data: text(),
    at: text(),
    about: nullable(text()),
  },
  ...blockedPairsTables,
};
export type Tables = TablesOf<typeof tables>;
export type LiveDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_notifications',
    async up(db, dialect) {
      // Not a projection: a short-lived mailbox so a page that reconnects can catch up.
      await sql`create table notifications (
        position ${sql.raw(serialPrimaryKey(dialect))},
        member_id text not null,
        type text not null,
        data text not null,
        at text not null
      )`.execute(db);
      await sql`create index notifications_member on notifications (member_id, position)`.execute(db);
      await sql`create index notifications_at on notifications (at)`.execute(db);
    },
  },
  {
    name: '0002_notifications_about',
    async up(db) {
      await sql`alter table notifications add column about text`.execute(db);
    },
  },
];

/** A notification as the mailbox keeps it: with the member it is about, so a block can take it back. */
export interface Stored extends LiveNotification {
  about: string | null;
}

const toNotification = (r: Selectable<Tables['notifications']>): LiveNotification => ({
  id: Number(r.position),
  memberId: r.member_id,
  type: r.type,
  data: JSON.parse(r.data) as unknown,
  at: r.at,
});

/** Writes notifications made in memory, with their ids, in multi-row inserts. */
export async function storeAll(db: LiveDb, rows: readonly Stored[]): Promise<void> {
  // 7 columns a row: well under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('notifications')
      .values(
        rows.slice(i, i + 500).map((n) => ({
          position: n.id,
          member_id: n.memberId,
          type: n.type,
          data: JSON.stringify(n.data),
          at: n.at,
          about: n.about,
        })),
      )
      .execute();
  }
}

/** The newest id ever written: ids made after a restart start above it. */
export async function latestId(db: LiveDb): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  return Number(row?.p ?? 0);
}

/** What a member's pages missed after `after`, oldest first. */
export async function missed(db: LiveDb, memberId: string, after: number, limit = 500): Promise<Stored[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toNotification(r), about: r.about }));
}

export async function prune(db: LiveDb, before: string): Promise<void> {
  await db.deleteFrom('notifications').where('at', '<', before).execute();
}

/** A block takes back what either was told about the other, so a reconnect cannot replay it. */
export async function forgetBetween(db: LiveDb, a: string, b: string): Promise<void> {
  await db
    .deleteFrom('notifications')
    .where((eb) =>
      eb.or([
        eb.and([eb('member_id', '=', a), eb('about', '=', b)]),
        eb.and([eb('member_id', '=', b), eb('about', '=', a)]),
      ]),
    )
    .execute();
}
