import { sql, type Kysely, type Selectable } from 'kysely';
import type { Dialect, Migration, ModuleContext, TablesOf } from '@meetcute/core';
import { nullable, text } from '@meetcute/core';
import { blockedPairsTables } from '@meetcute/block/events';
import {
  CityChanged,
  NicknameApproved,
  RegistrationApproved,
  type Gender,
  type Place,
} from '@meetcute/registration';
import {
  AboutMeApproved,
  AboutMeRejected,
  AboutMeRemoved,
  AboutMeSubmitted,
  ProfilePropertiesChanged,
} from './events.ts';
import type { Properties } from './properties.ts';

/** A member's profile as this module keeps it. Only approved members have one. */
export interface Profile {
  memberId: string;
  nickname: string;
  gender: Gender;
  birthday: string;
  city: Place;
  /** The approved text: what others see. */
  aboutMe: string;
  /** A change waiting for a moderator; only the member sees it. */
  pendingAboutMe: string | null;
  pendingSince: string | null;
  /** Why the member's last change was turned down, until they send another. */
  rejectionReason: string | null;
  /** What they tell of the optional facts (properties.ts). */
  properties: Properties;
}

export const tables = {
  /** An approved member's profile; city is the Place as JSON, pending_* a change waiting for review. */
  profiles: {
    member_id: text(),
    nickname: text(),
    gender: text<Gender>(),
    birthday: text(),
    city: text(),
    about_me: text(),
    pending_about_me: nullable(text()),
    pending_since: nullable(text()),
    rejection_reason: nullable(text()),
    /** Properties as JSON: only what the member tells. */
    properties: text(),
  },
  ...blockedPairsTables,
};
export type ProfileTables = TablesOf<typeof tables>;
export type ProfileDb = Kysely<ProfileTables>;

export const migrations: Migration[] = [
  {
    name: '0001_profiles',
    async up(db) {
      await sql`create table profiles (
        member_id text primary key,
        nickname text not null,
        gender text not null,
        birthday text not null,
        city text not null,
        about_me text not null,
        pending_about_me text,
        pending_since text,
        rejection_reason text
      )`.execute(db);
      await sql`create index profiles_review on profiles (pending_since)`.execute(db);
    },
  },
  {
    name: '0002_profile_properties',
    async up(db) {
      await sql`alter table profiles add column properties text not null default '{}'`.execute(db);
    },
  },
];

export const projections = ['profiles'];

function toProfile(row: Selectable<ProfileTables['profiles']>): Profile {
  return {
    memberId: row.member_id,
    nickname: row.nickname,
    gender: row.gender,
    birthday: row.birthday,
    city: JSON.parse(row.city) as Place,
    aboutMe: row.about_me,
    pendingAboutMe: row.pending_about_me,
    pendingSince: row.pending_since,
    rejectionReason: row.rejection_reason,
    properties: JSON.parse(row.properties) as Properties,
  };
}

export async function findProfile(db: ProfileDb, memberId: string): Promise<Profile | undefined> {
  const row = await db
    .selectFrom('profiles')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

export async function allProfiles(db: ProfileDb): Promise<Array<[string, Profile]>> {
  const rows = await db.selectFrom('profiles').selectAll().execute();
  return rows.map((r) => [r.member_id, toProfile(r)]);
}

/**
 * Reads a profile inside a command's transaction. On PostgreSQL the row stays locked
 * until commit, so a review and an edit of the same text cannot interleave; SQLite
 * already runs one write transaction at a time.
 */
export async function findProfileForUpdate(
  db: ProfileDb,
  dialect: Dialect,
  memberId: string,
): Promise<Profile | undefined> {
  const query = db.selectFrom('profiles').selectAll().where('member_id', '=', memberId);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

/** About-me changes waiting for a moderator, oldest first, so nobody waits longest by bad luck. */
export async function reviewQueue(db: ProfileDb, limit: number): Promise<Profile[]> {
  const rows = await db
    .selectFrom('profiles')
    .selectAll()
    .where('pending_since', 'is not', null)
    .orderBy('pending_since')
    .orderBy('member_id')
    .limit(limit)
    .execute();
  return rows.map(toProfile);
}

/**
 * What the member changes after approval: others see a new place and their properties at
 * once, a nickname once approved.
 */
function projectLaterChanges(ctx: ModuleContext<ProfileTables>): void {
  ctx.on(ProfilePropertiesChanged, async (e, tx) => {
    await tx.db
      .updateTable('profiles')
      .set({ properties: JSON.stringify(e.payload.properties) })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(CityChanged, async (e, tx) => {
    await tx.db
      .updateTable('profiles')
      .set({ city: JSON.stringify(e.payload.city) })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(NicknameApproved, async (e, tx) => {
    await tx.db
      .updateTable('profiles')
      .set({ nickname: e.payload.nickname })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
}

/** The profiles are a projection of registration's approvals and this module's own events. */
export function project(ctx: ModuleContext<ProfileTables>): void {
  projectLaterChanges(ctx);
  ctx.on(RegistrationApproved, async (e, tx) => {
    const a = e.payload.application;
    // A re-approval (after a re-submission) carries the whole reviewed application: it replaces everything.
    const facts = {
      nickname: a.nickname,
      gender: a.gender,
      birthday: a.birthday,
      city: JSON.stringify(a.city),
      about_me: a.aboutMe,
      pending_about_me: null,
      pending_since: null,
      rejection_reason: null,
    };
    await tx.db
      .insertInto('profiles')
      .values({ member_id: e.payload.memberId, ...facts, properties: '{}' })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(facts))
      .execute();
  });

  ctx.on(AboutMeSubmitted, async (e, tx) => {
    const { memberId, text } = e.payload;
    const profile = await findProfile(tx.db, memberId);
    if (!profile) return;
    // Sending back the approved text withdraws the waiting change: there is nothing left to review.
    const pending =
      text === profile.aboutMe
        ? { pending_about_me: null, pending_since: null }
        : { pending_about_me: text, pending_since: e.occurredAt };
    await tx.db
      .updateTable('profiles')
      .set({ ...pending, rejection_reason: null })
      .where('member_id', '=', memberId)
      .execute();
  });

  ctx.on(AboutMeApproved, async (e, tx) => {
    const { memberId, text } = e.payload;
    await tx.db
      .updateTable('profiles')
      .set({ about_me: text, rejection_reason: null })
      .where('member_id', '=', memberId)
      .execute();
    // Only the change that was approved leaves the queue; a newer edit keeps waiting.
    await tx.db
      .updateTable('profiles')
      .set({ pending_about_me: null, pending_since: null })
      .where('member_id', '=', memberId)
      .where('pending_about_me', '=', text)
      .execute();
  });

  ctx.on(AboutMeRejected, async (e, tx) => {
    await tx.db
      .updateTable('profiles')
      .set({ pending_about_me: null, pending_since: null, rejection_reason: e.payload.reason })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });

  ctx.on(AboutMeRemoved, async (e, tx) => {
    await tx.db
      .updateTable('profiles')
      .set({ about_me: '', pending_about_me: null, pending_since: null, rejection_reason: e.payload.reason })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
}
