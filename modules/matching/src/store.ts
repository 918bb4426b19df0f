import { sql, type Kysely } from 'kysely';
import type { Migration, ModuleContext, TablesOf } from '@meetcute/core';
import { real, text } from '@meetcute/core';
import {
  CityChanged,
  LookingForChanged,
  RegistrationApproved,
  type Gender,
  type LookingFor,
} from '@meetcute/registration/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import {
  BLOCKED_PAIRS,
  blockedPairsMigration,
  blockedPairsTables,
  honourBlocks,
  type Blocks,
} from '@meetcute/block';
import type { Candidate } from './rules.ts';

export const tables = {
  /** An approved member as matching needs them: where they live, and whom they look for (JSON). */
  members: {
    member_id: text(),
    gender: text<Gender>(),
    birthday: text(),
    time_zone: text(),
    latitude: real(),
    longitude: real(),
    looking_for: text(),
    approved_at: text(),
  },
  /** An interest tag a member has. */
  member_interests: { member_id: text(), tag: text() },
  ...blockedPairsTables,
};
export type Tables = TablesOf<typeof tables>;
/** The module's database, or a transaction of it. */
export type MatchingDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_members',
    async up(db) {
      // Approved members only: someone in review is never a candidate.
      await sql`create table members (
        member_id text primary key,
        gender text not null,
        birthday text not null,
        time_zone text not null,
        latitude double precision not null,
        longitude double precision not null,
        looking_for text not null,
        approved_at text not null
      )`.execute(db);
      await sql`create index members_place on members (gender, latitude)`.execute(db);
      await sql`create table member_interests (
        member_id text not null,
        tag text not null,
        primary key (member_id, tag)
      )`.execute(db);
      await sql`create index member_interests_by_tag on member_interests (tag, member_id)`.execute(db);
    },
  },
  blockedPairsMigration,
];

export const projections = ['members', 'member_interests', BLOCKED_PAIRS];

/**
 * Members, their interests and blocks are projections of other modules' events. Returns the
 * module's blocks, for reads to ask in memory.
 */
export function project(ctx: ModuleContext<Tables>): Blocks {
  ctx.on(RegistrationApproved, async (e, tx) => {
    const a = e.payload.application;
    const row = {
      gender: a.gender,
      birthday: a.birthday,
      time_zone: a.city.timeZone,
      latitude: a.city.latitude,
      longitude: a.city.longitude,
      looking_for: JSON.stringify(a.lookingFor),
    };
    // A later approval carries the application as it now stands.
    await tx.db
      .insertInto('members')
      .values({ member_id: e.payload.memberId, approved_at: e.occurredAt, ...row })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
      .execute();
  });
  // Suggestions follow a member who moved or looks for someone else from the next read on.
  ctx.on(CityChanged, async (e, tx) => {
    const { city } = e.payload;
    await tx.db
      .updateTable('members')
      .set({ time_zone: city.timeZone, latitude: city.latitude, longitude: city.longitude })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(LookingForChanged, async (e, tx) => {
    await tx.db
      .updateTable('members')
      .set({ looking_for: JSON.stringify(e.payload.lookingFor) })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(InterestAdded, async (e, tx) => {
    await tx.db
      .insertInto('member_interests')
      .values({ member_id: e.payload.memberId, tag: e.payload.tag })
      .onConflict((oc) => oc.columns(['member_id', 'tag']).doNothing())
      .execute();
  });
  ctx.on(InterestRemoved, async (e, tx) => {
    await tx.db
      .deleteFrom('member_interests')
      .where('member_id', '=', e.payload.memberId)
      .where('tag', '=', e.payload.tag)
      .execute();
  });
  // Suggestions are computed when asked, always without blocked pairs, so a block leaves nothing to remove.
  return honourBlocks(ctx);
}

const toCandidate = (r: Tables['members']): Candidate => ({
  memberId: r.member_id,
  gender: r.gender,
  birthday: r.birthday,
  timeZone: r.time_zone,
  latitude: r.latitude,
  longitude: r.longitude,
  lookingFor: JSON.parse(r.looking_for) as LookingFor,
});

export async function findMember(db: MatchingDb, memberId: string): Promise<Candidate | undefined> {
  const row = await db.selectFrom('members').selectAll().where('member_id', '=', memberId).executeTakeFirst();
  return row ? toCandidate(row) : undefined;
}

/** A km of latitude is the same everywhere, so this band holds everyone within `km` of the member. */
const KM_PER_DEGREE = 111;

/**
 * Approved members the viewer could be looking for, roughly: a gender they look for
 * and a latitude within their distance. The rules decide exactly; this keeps the list short.
 */
export async function candidatesFor(db: MatchingDb, viewer: Candidate): Promise<Candidate[]> {
  const band = viewer.lookingFor.maxDistanceKm / KM_PER_DEGREE + 0.01;
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('member_id', '<>', viewer.memberId)
    .where('gender', 'in', viewer.lookingFor.genders)
    .where('latitude', '>=', viewer.latitude - band)
    .where('latitude', '<=', viewer.latitude + band)
    .execute();
  return rows.map(toCandidate);
}

export async function tagsOf(db: MatchingDb, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('member_interests')
    .select('tag')
    .where('member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.tag);
}

/** For every member with at least one of these tags, which of them they have. */
export async function holdersOf(db: MatchingDb, tags: readonly string[]): Promise<Map<string, string[]>> {
  const held = new Map<string, string[]>();
  if (tags.length === 0) return held;
  const rows = await db
    .selectFrom('member_interests')
    .select(['member_id', 'tag'])
    .where('tag', 'in', [...tags])
    .execute();
  for (const r of rows) held.set(r.member_id, [...(held.get(r.member_id) ?? []), r.tag]);
  return held;
}
