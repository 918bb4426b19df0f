import { sql, type Kysely, type Selectable } from 'kysely';
import { EmailChanged } from '@meetcute/auth/events';
import {
  generated,
  integer,
  nullable,
  serialPrimaryKey,
  text,
  type Migration,
  type ModuleContext,
  type TablesOf,
} from '@meetcute/core';
import {
  AccountCreated,
  CityChanged,
  LookingForChanged,
  LookingForConfirmed,
  NicknameApproved,
  NicknameChangeRequested,
  NicknameRejected,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
  type Application,
} from './events.ts';
import { nicknameKey, nicknameSkeleton } from './rules.ts';

export type Status = 'draft' | 'submitted' | 'approved' | 'rejected';

export interface Registration {
  memberId: string;
  email: string;
  status: Status;
  application: Application | null;
  reason: string | null;
  submittedAt: string | null;
  /** A new nickname an approved member asked for, waiting for a moderator; only they see it. */
  pendingNickname: string | null;
  pendingNicknameSince: string | null;
  /** Why their last new nickname was turned down, until they ask for another. */
  nicknameReason: string | null;
  /** When the account was made; null for accounts older than this column until a rebuild. */
  createdAt: string | null;
  /** When the member first saved whom they look for after approval (changed or as it was); null until then. */
  lookingForConfirmedAt: string | null;
}

/** A time a moderator sent the sign-up back, with the reason the member read. */
export interface SentBack {
  reason: string;
  at: string;
}

export const tables = {
  /** A member's sign-up from account creation on; application is the Application as JSON. */
  registrations: {
    member_id: text(),
    email: text(),
    nickname_key: nullable(text()),
    application: nullable(text()),
    status: text<Status>(),
    reason: nullable(text()),
    submitted_at: nullable(text()),
    reviewed_at: nullable(text()),
    reviewed_by: nullable(text()),
    nickname_skeleton: nullable(text()),
    /** A new nickname waiting for review: kept for the member (its key is unique) until decided. */
    pending_nickname: nullable(text()),
    pending_nickname_key: nullable(text()),
    pending_nickname_skeleton: nullable(text()),
    pending_nickname_since: nullable(text()),
    nickname_reason: nullable(text()),
    created_at: nullable(text()),
    looking_for_confirmed_at: nullable(text()),
  },
  /** Every time a sign-up was sent back (RegistrationRejected): what the next moderator reads on its card. */
  registration_decisions: {
    event_id: text(),
    member_id: text(),
    moderator_id: text(),
    reason: text(),
    decided_at: text(),
  },
  /** One "this email or nickname is taken" answer given to a caller (by IP). */
  taken_answers: { id: generated(integer()), ip: text(), at: text() },
};
export type RegistrationTables = TablesOf<typeof tables>;
export type RegistrationDb = Kysely<RegistrationTables>;

export const migrations: Migration[] = [
  {
    name: '0001_registrations',
    async up(db) {
      // Email and nickname uniqueness live here as constraints, the last guard against a race.
      await sql`create table registrations (
        member_id text primary key,
        email text not null unique,
        nickname_key text unique,
        application text,
        status text not null,
        reason text,
        submitted_at text,
        reviewed_at text,
        reviewed_by text
      )`.execute(db);
      await sql`create index registrations_queue on registrations (status, submitted_at)`.execute(db);
    },
  },
  {
    name: '0002_taken_answers',
    async up(db, dialect) {
      // Each "this email or nickname is taken" answer, by caller: the way to learn who is a member.
      await sql`create table taken_answers (
        id ${sql.raw(serialPrimaryKey(dialect))},
        ip text not null,
        at text not null
      )`.execute(db);
      await sql`create index taken_answers_ip on taken_answers (ip, at)`.execute(db);
    },
  },
  {
    name: '0003_nickname_skeletons',
    async up(db) {
      // What each nickname looks like (TR39 skeleton), so a look-alike of a member's is refused.
      // Not unique: members who signed up before this rule may already look alike.
      await sql`alter table registrations add column nickname_skeleton text`.execute(db);
      await sql`create index registrations_skeleton on registrations (nickname_skeleton)`.execute(db);
      // A migration's database is untyped: it sees the tables as they were then, not `tables`.
      const rows = (await db
        .selectFrom('registrations')
        .select(['member_id', 'application'])
        .where('application', 'is not', null)
        .execute()) as Array<{ member_id: string; application: string }>;
      for (const row of rows) {
        const { nickname } = JSON.parse(row.application) as Application;
        await db
          .updateTable('registrations')
          .set({ nickname_skeleton: nicknameSkeleton(nickname) })
          .where('member_id', '=', row.member_id)
          .execute();
      }
    },
  },
  {
    name: '0004_nickname_changes',
    async up(db) {
      // An approved member's new nickname waits for review here; nobody else may take it meanwhile.
      for (const column of [
        'pending_nickname',
        'pending_nickname_key',
        'pending_nickname_skeleton',
        'pending_nickname_since',
        'nickname_reason',
      ])
        await sql`alter table registrations add column ${sql.raw(column)} text`.execute(db);
      await sql`create unique index registrations_pending_nickname on registrations (pending_nickname_key)`.execute(
        db,
      );
      await sql`create index registrations_pending_skeleton on registrations (pending_nickname_skeleton)`.execute(
        db,
      );
      await sql`create index registrations_nickname_queue on registrations (pending_nickname_since)`.execute(
        db,
      );
    },
  },
  {
    name: '0005_review_history',
    async up(db) {
      // What a review card shows besides the application: how old the account is, and earlier send-backs.
      await sql`alter table registrations add column created_at text`.execute(db);
      await sql`create table registration_decisions (
        event_id text primary key not null,
        member_id text not null,
        moderator_id text not null,
        reason text not null,
        decided_at text not null
      )`.execute(db);
      await sql`create index registration_decisions_by_member on registration_decisions (member_id, decided_at)`.execute(
        db,
      );
    },
  },
  {
    name: '0006_looking_for_confirmed',
    async up(db) {
      // Whom a member looks for, once they made it theirs after approval: their checklist's step.
      await sql`alter table registrations add column looking_for_confirmed_at text`.execute(db);
    },
  },
];

/** Times this caller was told an email or nickname is taken, since a moment. */
export async function takenAnswersSince(db: RegistrationDb, ip: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('taken_answers')
    .select('at')
    .where('ip', '=', ip)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.at);
}

export async function recordTakenAnswer(
  db: RegistrationDb,
  ip: string,
  at: string,
  before: string,
): Promise<void> {
  await db.insertInto('taken_answers').values({ ip, at }).execute();
  await db.deleteFrom('taken_answers').where('at', '<=', before).execute();
}

export const projections = ['registrations', 'registration_decisions'];

/** The module's state is a projection of its own events, so `rebuild registration` restores it. */
export function project(ctx: ModuleContext<RegistrationTables>): void {
  ctx.on(AccountCreated, async (e, tx) => {
    await tx.db
      .insertInto('registrations')
      .values({
        member_id: e.payload.memberId,
        email: e.payload.email,
        status: 'draft',
        created_at: e.occurredAt,
      })
      .execute();
  });
  // The address a member logs in with moved: a sign-up with the old one is possible again.
  ctx.on(EmailChanged, async (e, tx) => {
    await tx.db
      .updateTable('registrations')
      .set({ email: e.payload.email })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(RegistrationSubmitted, async (e, tx) => {
    await tx.db
      .updateTable('registrations')
      .set({
        application: JSON.stringify(e.payload.application),
        nickname_key: nicknameKey(e.payload.application.nickname),
        nickname_skeleton: nicknameSkeleton(e.payload.application.nickname),
        status: 'submitted',
        reason: null,
        submitted_at: e.occurredAt,
      })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(RegistrationApproved, async (e, tx) => {
    await tx.db
      .updateTable('registrations')
      .set({
        application: JSON.stringify(e.payload.application),
        status: 'approved',
        reason: null,
        reviewed_at: e.occurredAt,
        reviewed_by: e.payload.moderatorId,
      })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  projectChanges(ctx);
  ctx.on(RegistrationRejected, async (e, tx) => {
    await tx.db
      .updateTable('registrations')
      .set({
        status: 'rejected',
        reason: e.payload.reason,
        reviewed_at: e.occurredAt,
        reviewed_by: e.payload.moderatorId,
      })
      .where('member_id', '=', e.payload.memberId)
      .execute();
    await tx.db
      .insertInto('registration_decisions')
      .values({
        event_id: e.id,
        member_id: e.payload.memberId,
        moderator_id: e.payload.moderatorId,
        reason: e.payload.reason,
        decided_at: e.occurredAt,
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
  });
}

/** Rewrites the stored application of an approved member with one fact changed. */
async function amend(
  db: RegistrationDb,
  memberId: string,
  change: (a: Application) => Application,
  set: { nickname_key?: string; nickname_skeleton?: string } = {},
): Promise<void> {
  const found = await findRegistration(db, memberId);
  if (!found?.application) return;
  await db
    .updateTable('registrations')
    .set({ application: JSON.stringify(change(found.application)), ...set })
    .where('member_id', '=', memberId)
    .execute();
}

const NO_PENDING_NICKNAME = {
  pending_nickname: null,
  pending_nickname_key: null,
  pending_nickname_skeleton: null,
  pending_nickname_since: null,
};

/** What an approved member changes later: where they live, whom they look for, their nickname. */
function projectChanges(ctx: ModuleContext<RegistrationTables>): void {
  ctx.on(CityChanged, (e, tx) => amend(tx.db, e.payload.memberId, (a) => ({ ...a, city: e.payload.city })));
  ctx.on(LookingForChanged, async (e, tx) => {
    await amend(tx.db, e.payload.memberId, (a) => ({ ...a, lookingFor: e.payload.lookingFor }));
    await confirmLookingFor(tx.db, e.payload.memberId, e.occurredAt);
  });
  ctx.on(LookingForConfirmed, (e, tx) => confirmLookingFor(tx.db, e.payload.memberId, e.occurredAt));
  ctx.on(NicknameChangeRequested, async (e, tx) => {
    const { memberId, nickname } = e.payload;
    const found = await findRegistration(tx.db, memberId);
    if (!found?.application) return;
    // Asking for the nickname one has withdraws the waiting request: nothing is left to review.
    const pending =
      nickname === found.application.nickname
        ? NO_PENDING_NICKNAME
        : {
            pending_nickname: nickname,
            pending_nickname_key: nicknameKey(nickname),
            pending_nickname_skeleton: nicknameSkeleton(nickname),
            pending_nickname_since: e.occurredAt,
          };
    await tx.db
      .updateTable('registrations')
      .set({ ...pending, nickname_reason: null })
      .where('member_id', '=', memberId)
      .execute();
  });
  ctx.on(NicknameApproved, async (e, tx) => {
    const { memberId, nickname } = e.payload;
    // The request leaves the queue before its key becomes the nickname's: both keys are unique.
    await tx.db
      .updateTable('registrations')
      .set({ ...NO_PENDING_NICKNAME, nickname_reason: null })
      .where('member_id', '=', memberId)
      .execute();
    await amend(tx.db, memberId, (a) => ({ ...a, nickname }), {
      nickname_key: nicknameKey(nickname),
      nickname_skeleton: nicknameSkeleton(nickname),
    });
  });
  ctx.on(NicknameRejected, async (e, tx) => {
    await tx.db
      .updateTable('registrations')
      .set({ ...NO_PENDING_NICKNAME, nickname_reason: e.payload.reason })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
}

/** Whom the member looks for is theirs since this moment (the first time counts). */
async function confirmLookingFor(db: RegistrationDb, memberId: string, at: string): Promise<void> {
  await db
    .updateTable('registrations')
    .set({ looking_for_confirmed_at: at })
    .where('member_id', '=', memberId)
    .where('looking_for_confirmed_at', 'is', null)
    .execute();
}

/** Whether the member made whom they look for theirs after approval; undefined for no such member. */
export async function lookingForConfirmed(
  db: RegistrationDb,
  memberId: string,
): Promise<boolean | undefined> {
  const row = await db
    .selectFrom('registrations')
    .select('looking_for_confirmed_at')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row ? row.looking_for_confirmed_at !== null : undefined;
}

function toRegistration(row: Selectable<RegistrationTables['registrations']>): Registration {
  return {
    memberId: row.member_id,
    email: row.email,
    status: row.status,
    application: row.application ? (JSON.parse(row.application) as Application) : null,
    reason: row.reason,
    submittedAt: row.submitted_at,
    pendingNickname: row.pending_nickname,
    pendingNicknameSince: row.pending_nickname_since,
    nicknameReason: row.nickname_reason,
    createdAt: row.created_at,
    lookingForConfirmedAt: row.looking_for_confirmed_at,
  };
}

export async function findRegistration(
  db: RegistrationDb,
  memberId: string,
): Promise<Registration | undefined> {
  const row = await db
    .selectFrom('registrations')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row ? toRegistration(row) : undefined;
}

/** The member whose login address this is, if any. */
export async function ownerOfEmail(db: RegistrationDb, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('registrations')
    .select('member_id')
    .where('email', '=', email)
    .executeTakeFirst();
  return row?.member_id;
}

/**
 * Which of email and nickname are taken, by anyone but `except`; `lookalike` when the
 * nickname is not taken but looks like one that is (the same TR39 skeleton).
 */
export async function taken(
  db: RegistrationDb,
  email: string | null,
  nickname: string,
  except?: string,
): Promise<{ email: boolean; nickname: boolean; lookalike: boolean }> {
  const key = nicknameKey(nickname);
  const skeleton = nicknameSkeleton(nickname);
  const rows = await db
    .selectFrom('registrations')
    .select(['member_id', 'email', 'nickname_key', 'nickname_skeleton'])
    .select(['pending_nickname_key', 'pending_nickname_skeleton'])
    .where((eb) =>
      eb.or([
        eb('email', '=', email ?? ''),
        eb('nickname_key', '=', key),
        eb('nickname_skeleton', '=', skeleton),
        // A new nickname waiting for review is kept for whoever asked for it.
        eb('pending_nickname_key', '=', key),
        eb('pending_nickname_skeleton', '=', skeleton),
      ]),
    )
    .execute();
  const others = rows.filter((r) => r.member_id !== except);
  const nicknameTaken = others.some((r) => r.nickname_key === key || r.pending_nickname_key === key);
  return {
    email: email !== null && others.some((r) => r.email === email),
    nickname: nicknameTaken,
    lookalike:
      !nicknameTaken &&
      others.some((r) => r.nickname_skeleton === skeleton || r.pending_nickname_skeleton === skeleton),
  };
}

/** New nicknames waiting for a moderator, oldest first. */
export async function nicknameQueue(db: RegistrationDb, limit: number): Promise<Registration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('pending_nickname_since', 'is not', null)
    .orderBy('pending_nickname_since')
    .orderBy('member_id')
    .limit(limit)
    .execute();
  return rows.map(toRegistration);
}

/** Sign-ups waiting for a moderator, oldest first, so nobody waits longest by bad luck. */
/** The times each of these sign-ups was sent back before, oldest first. */
export async function sentBackBefore(
  db: RegistrationDb,
  memberIds: readonly string[],
): Promise<Map<string, SentBack[]>> {
  const out = new Map<string, SentBack[]>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .selectFrom('registration_decisions')
    .select(['member_id', 'reason', 'decided_at'])
    .where('member_id', 'in', memberIds)
    .orderBy('decided_at')
    .execute();
  for (const r of rows)
    out.set(r.member_id, [...(out.get(r.member_id) ?? []), { reason: r.reason, at: r.decided_at }]);
  return out;
}

export async function reviewQueue(db: RegistrationDb, limit: number): Promise<Registration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('status', '=', 'submitted')
    .orderBy('submitted_at')
    .orderBy('member_id')
    .limit(limit)
    .execute();
  return rows.map(toRegistration);
}
