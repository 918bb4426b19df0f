import { sql, type Kysely, type NotNull, type Selectable } from 'kysely';
import {
  integer,
  nullable,
  real,
  text,
  type Migration,
  type ModuleContext,
  type TablesOf,
} from '@meetcute/core';
import { blockedPairsMigration, blockedPairsTables, BLOCKED_PAIRS } from '@meetcute/block';
import {
  CityChanged,
  LookingForChanged,
  NicknameApproved,
  RegistrationApproved,
  type Gender,
  type LookingFor,
} from '@meetcute/registration/events';

/** What changes a searchable member's facts after approval. */
export const changeEvents = [CityChanged, LookingForChanged, NicknameApproved];
import { normaliseTag } from './rules.ts';
import { propertiesMigration, propertyTables } from './properties.ts';

export const tables = {
  /** A member we heard of: searchable once approved_at is set, the facts null until then (see below). */
  searchable_members: {
    member_id: text(),
    nickname: nullable(text()),
    gender: nullable(text<Gender>()),
    birthday: nullable(text()),
    city_id: nullable(integer()),
    city_label: nullable(text()),
    latitude: nullable(real()),
    longitude: nullable(real()),
    time_zone: nullable(text()),
    /** LookingFor as JSON. */
    looking_for: nullable(text()),
    approved_at: nullable(text()),
    last_active_at: nullable(text()),
  },
  /** One of a member's interests, normalised. */
  member_interests: { member_id: text(), tag: text() },
  ...blockedPairsTables,
  /** A public photo of a member; approved and portrait are 0 or 1. */
  member_photos: { photo_id: text(), member_id: text(), approved: integer(), portrait: integer() },
  ...propertyTables,
};
export type SearchTables = TablesOf<typeof tables>;
export type SearchDb = Kysely<SearchTables>;

/**
 * Search's own copy of what it needs about members, built only from events.
 *
 * A row appears as soon as we hear of a member: from their approval, or from the first
 * thing they did (an approval may reach us after their first interest when two modules
 * relay in a different order). Only rows with `approved_at` are searchable; the facts
 * are null until then.
 */
export const migrations: Migration[] = [
  {
    name: '0001_searchable_members',
    async up(db) {
      // Coordinates as double precision: PostgreSQL's `real` would move a place by metres.
      await sql`create table searchable_members (
        member_id text primary key,
        nickname text,
        gender text,
        birthday text,
        city_id integer,
        city_label text,
        latitude double precision,
        longitude double precision,
        time_zone text,
        looking_for text,
        approved_at text,
        last_active_at text
      )`.execute(db);
      // One index per keyset order (value desc, member_id) and one for the bounding box.
      await sql`create index searchable_members_active on searchable_members (last_active_at desc, member_id)`.execute(
        db,
      );
      await sql`create index searchable_members_newest on searchable_members (approved_at desc, member_id)`.execute(
        db,
      );
      await sql`create index searchable_members_place on searchable_members (latitude, longitude)`.execute(
        db,
      );
      await sql`create table member_interests (
        member_id text not null,
        tag text not null,
        primary key (member_id, tag)
      )`.execute(db);
      await sql`create index member_interests_tag on member_interests (tag, member_id)`.execute(db);
    },
  },
  blockedPairsMigration,
  {
    name: '0002_member_photos',
    async up(db) {
      // The public photos a member has, whether a moderator approved each, and which is the
      // portrait: "has a photo" is an approved portrait, the photo every card shows.
      await sql`create table member_photos (
        photo_id text primary key,
        member_id text not null,
        approved integer not null,
        portrait integer not null
      )`.execute(db);
      await sql`create index member_photos_member on member_photos (member_id, portrait, approved)`.execute(
        db,
      );
    },
  },
  propertiesMigration,
];

export const projections = [
  'searchable_members',
  'member_interests',
  BLOCKED_PAIRS,
  'member_photos',
  'member_properties',
];

/** A searchable member as stored: an approved one. */
export interface Member {
  memberId: string;
  nickname: string;
  gender: Gender;
  birthday: string;
  city: { id: number; label: string; latitude: number; longitude: number; timeZone: string };
  lookingFor: LookingFor;
  approvedAt: string;
  lastActiveAt: string;
}

type SearchableRow = Selectable<SearchTables['searchable_members']>;

/** A searchable_members row of an approved member: the approval filled in every fact. */
export type MemberRow = { [K in keyof SearchableRow]: NonNullable<SearchableRow[K]> };

/**
 * For `$narrowType` on a read of approved members (`approved_at is not null`): Kysely
 * cannot know that the approval filled in the other facts too.
 */
export type Approved = { [K in keyof MemberRow]: NotNull };

export function toMember(row: MemberRow): Member {
  return {
    memberId: row.member_id,
    nickname: row.nickname,
    gender: row.gender,
    birthday: row.birthday,
    city: {
      id: Number(row.city_id),
      label: row.city_label,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      timeZone: row.time_zone,
    },
    lookingFor: JSON.parse(row.looking_for) as LookingFor,
    approvedAt: row.approved_at,
    lastActiveAt: row.last_active_at,
  };
}

// ISO timestamps compare as text, so "the later of the two" is plain SQL on both databases.
const LATER = sql<string>`case when searchable_members.last_active_at is null
  or searchable_members.last_active_at < excluded.last_active_at
  then excluded.last_active_at else searchable_members.last_active_at end`;

/** Records that a member did something at `at`; keeps the latest, whatever order events arrive in. */
export async function touch(db: SearchDb, memberId: string | null, at: string): Promise<void> {
  if (!memberId) return;
  await db
    .insertInto('searchable_members')
    .values({ member_id: memberId, last_active_at: at })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ last_active_at: LATER }))
    .execute();
}

export async function addInterest(db: SearchDb, memberId: string, tag: string): Promise<void> {
  await db
    .insertInto('member_interests')
    .values({ member_id: memberId, tag: normaliseTag(tag) })
    .onConflict((oc) => oc.columns(['member_id', 'tag']).doNothing())
    .execute();
}

export async function removeInterest(db: SearchDb, memberId: string, tag: string): Promise<void> {
  await db
    .deleteFrom('member_interests')
    .where('member_id', '=', memberId)
    .where('tag', '=', normaliseTag(tag))
    .execute();
}

/** Each member's tags, alphabetically. */
export async function interestsOf(db: SearchDb, memberIds: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return found;
  const rows = await db
    .selectFrom('member_interests')
    .select(['member_id', 'tag'])
    .where('member_id', 'in', memberIds)
    .orderBy('member_id')
    .orderBy('tag')
    .execute();
  for (const row of rows) found.get(row.member_id)?.push(row.tag);
  return found;
}

/** Registration's approvals make a member searchable; a re-approval refreshes the facts. */
export function projectApprovals(ctx: ModuleContext<SearchTables>): void {
  ctx.on(RegistrationApproved, async (e, tx) => {
    const a = e.payload.application;
    const facts = {
      nickname: a.nickname,
      gender: a.gender,
      birthday: a.birthday,
      city_id: a.city.id,
      city_label: a.city.label,
      latitude: a.city.latitude,
      longitude: a.city.longitude,
      time_zone: a.city.timeZone,
      looking_for: JSON.stringify(a.lookingFor),
    };
    // The approval is the last-active floor: the member signed up just before it, and
    // search hears of nothing the member did until they act again (see README).
    await tx.db
      .insertInto('searchable_members')
      .values({
        member_id: e.payload.memberId,
        ...facts,
        approved_at: e.occurredAt,
        last_active_at: e.occurredAt,
      })
      .onConflict((oc) =>
        oc.column('member_id').doUpdateSet({
          ...facts,
          // "Newest" means newest member: a re-approval after a re-submission keeps the first date.
          approved_at: sql<string>`coalesce(searchable_members.approved_at, excluded.approved_at)`,
          last_active_at: LATER,
        }),
      )
      .execute();
    await touch(tx.db, e.actorId, e.occurredAt);
  });
  // Others find a member where they live now, by their nickname; their own searches start from whom they look for now.
  const change = (
    db: SearchDb,
    memberId: string,
    facts: Partial<Selectable<SearchTables['searchable_members']>>,
  ) => db.updateTable('searchable_members').set(facts).where('member_id', '=', memberId).execute();
  // Whoever made the change acted, as the index's own handlers count it (index-view.ts).
  ctx.on(CityChanged, async ({ payload: { memberId, city }, actorId, occurredAt }, tx) => {
    await change(tx.db, memberId, {
      city_id: city.id,
      city_label: city.label,
      latitude: city.latitude,
      longitude: city.longitude,
      time_zone: city.timeZone,
    });
    await touch(tx.db, actorId, occurredAt);
  });
  ctx.on(LookingForChanged, async ({ payload: p, actorId, occurredAt }, tx) => {
    await change(tx.db, p.memberId, { looking_for: JSON.stringify(p.lookingFor) });
    await touch(tx.db, actorId, occurredAt);
  });
  ctx.on(NicknameApproved, async ({ payload: p, actorId, occurredAt }, tx) => {
    await change(tx.db, p.memberId, { nickname: p.nickname });
    await touch(tx.db, actorId, occurredAt);
  });
}
