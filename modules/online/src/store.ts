import { sql, type Kysely, type Selectable } from 'kysely';
import type { Migration, ModuleContext, TablesOf } from '@meetcute/core';
import { integer, real, text } from '@meetcute/core';
import { blockedPairsMigration, blockedPairsTables, BLOCKED_PAIRS } from '@meetcute/block';
import {
  CityChanged,
  LookingForChanged,
  NicknameApproved,
  RegistrationApproved,
  type Gender,
  type LookingFor,
} from '@meetcute/registration/events';

/** What changes a listed member's facts after approval. */
export const changeEvents = [CityChanged, LookingForChanged, NicknameApproved];

export const tables = {
  /** An approved member's facts as the list filters and shows them; looking_for is JSON. */
  online_members: {
    member_id: text(),
    nickname: text(),
    gender: text<Gender>(),
    birthday: text(),
    city_label: text(),
    latitude: real(),
    longitude: real(),
    time_zone: text(),
    looking_for: text(),
  },
  /** When a member was last seen, and whether a live channel of theirs is open (1) or not (0). */
  presence: { member_id: text(), last_seen_at: text(), connected: integer<0 | 1>() },
  ...blockedPairsTables,
};
export type Tables = TablesOf<typeof tables>;
/** The module's database, or a transaction of it. */
export type OnlineDb = Kysely<Tables>;

/**
 * Two kinds of tables. `online_members` (with `blocked_pairs`) is a projection of
 * approvals and blocks: the facts the list filters on. `presence` is operational
 * state written by requests and live channels; it is no function of events, so
 * `rebuild online` leaves it alone, and it lives in the database rather than in memory
 * so several nodes can share it.
 */
export const migrations: Migration[] = [
  {
    name: '0001_online',
    async up(db) {
      // Coordinates as double precision: PostgreSQL's `real` would move a place by metres.
      await sql`create table online_members (
        member_id text primary key,
        nickname text not null,
        gender text not null,
        birthday text not null,
        city_label text not null,
        latitude double precision not null,
        longitude double precision not null,
        time_zone text not null,
        looking_for text not null
      )`.execute(db);
      await sql`create table presence (
        member_id text primary key,
        last_seen_at text not null,
        connected integer not null
      )`.execute(db);
      await sql`create index presence_seen on presence (last_seen_at desc, member_id)`.execute(db);
    },
  },
  blockedPairsMigration,
];

export const projections = ['online_members', BLOCKED_PAIRS];

/** An approved member's facts as the list needs them. */
export interface Member {
  memberId: string;
  nickname: string;
  gender: Gender;
  birthday: string;
  cityLabel: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  lookingFor: LookingFor;
}

export type MemberRow = Tables['online_members'];

export function toMember(row: MemberRow): Member {
  return {
    memberId: row.member_id,
    nickname: row.nickname,
    gender: row.gender,
    birthday: row.birthday,
    cityLabel: row.city_label,
    latitude: row.latitude,
    longitude: row.longitude,
    timeZone: row.time_zone,
    lookingFor: JSON.parse(row.looking_for) as LookingFor,
  };
}

/** The member if approved, else undefined. */
export async function findMember(db: OnlineDb, memberId: string): Promise<Member | undefined> {
  const row = await db
    .selectFrom('online_members')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row ? toMember(row) : undefined;
}

/** Those of `memberIds` who are approved members, in the order given. */
export async function approvedAmong(db: OnlineDb, memberIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('online_members')
    .select('member_id')
    .where('member_id', 'in', memberIds)
    .execute();
  const approved = new Set(rows.map((r) => r.member_id));
  return memberIds.filter((id) => approved.has(id));
}

/** Registration's approvals make a member listable; a re-approval refreshes the facts. */
export function projectApprovals(ctx: ModuleContext<Tables>): void {
  ctx.on(RegistrationApproved, async (e, tx) => {
    const a = e.payload.application;
    const facts = {
      nickname: a.nickname,
      gender: a.gender,
      birthday: a.birthday,
      city_label: a.city.label,
      latitude: a.city.latitude,
      longitude: a.city.longitude,
      time_zone: a.city.timeZone,
      looking_for: JSON.stringify(a.lookingFor),
    };
    await tx.db
      .insertInto('online_members')
      .values({ member_id: e.payload.memberId, ...facts })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(facts))
      .execute();
  });
  // The list shows a member where they live now, by their nickname, to whom they fit now.
  const change = (db: OnlineDb, memberId: string, facts: Partial<Selectable<Tables['online_members']>>) =>
    db.updateTable('online_members').set(facts).where('member_id', '=', memberId).execute();
  ctx.on(CityChanged, async ({ payload: { memberId, city } }, tx) => {
    await change(tx.db, memberId, {
      city_label: city.label,
      latitude: city.latitude,
      longitude: city.longitude,
      time_zone: city.timeZone,
    });
  });
  ctx.on(LookingForChanged, async ({ payload: p }, tx) => {
    await change(tx.db, p.memberId, { looking_for: JSON.stringify(p.lookingFor) });
  });
  ctx.on(NicknameApproved, async ({ payload: p }, tx) => {
    await change(tx.db, p.memberId, { nickname: p.nickname });
  });
}

// ISO timestamps compare as text, so "the later of the two" is plain SQL on both databases.
const LATER = sql<string>`case when presence.last_seen_at < excluded.last_seen_at
  then excluded.last_seen_at else presence.last_seen_at end`;

/**
 * Records that a member was seen at `at`, and, when given, whether a channel is open.
 * Keeps the latest moment whatever order writes land in.
 */
export async function recordPresence(
  db: OnlineDb,
  memberId: string,
  at: string,
  connected?: boolean,
): Promise<void> {
  const flag = connected === undefined ? 0 : connected ? 1 : 0;
  await db
    .insertInto('presence')
    .values({ member_id: memberId, last_seen_at: at, connected: flag })
    .onConflict((oc) =>
      oc
        .column('member_id')
        .doUpdateSet(
          connected === undefined ? { last_seen_at: LATER } : { last_seen_at: LATER, connected: flag },
        ),
    )
    .execute();
}

/** Everyone seen at or after `since`, with when. */
export async function seenSince(db: OnlineDb, since: string): Promise<Array<[string, string]>> {
  const rows = await db
    .selectFrom('presence')
    .select(['member_id', 'last_seen_at'])
    .where('last_seen_at', '>=', since)
    .execute();
  return rows.map((r) => [r.member_id, r.last_seen_at]);
}

/** Everyone with a channel open or seen at or after `since`. */
export async function presentIds(db: OnlineDb, since: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('presence')
    .select('member_id')
    .where((eb) => eb.or([eb('connected', '=', 1), eb('last_seen_at', '>=', since)]))
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/**
 * No channel is open on a node that just started. With one node that makes every
 * `connected` flag false; when nodes share the table this becomes a per-node count.
 */
export async function forgetChannels(db: OnlineDb): Promise<void> {
  await db.updateTable('presence').set({ connected: 0 }).where('connected', '=', 1).execute();
}
