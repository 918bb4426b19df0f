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

export const projections = ['registrations'];

/** The module's state is a projection of its own events, so `rebuild registration` restores it. */
export function project(ctx: ModuleContext<RegistrationTables>): void {
  ctx.on(AccountCreated, async (e, tx) => {
    await tx.db
      .insertInto('registrations')
      .values({ member_id: e.payload.memberId, email: e.payload.email, status: 'draft' })
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
  });
}

function toRegistration(row: Selectable<RegistrationTables['registrations']>): Registration {
  return {
    memberId: row.member_id,
    email: row.email,
    status: row.status,
    application: row.application ? (JSON.parse(row.application) as Application) : null,
    reason: row.reason,
    submittedAt: row.submitted_at,
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
    .where((eb) =>
      eb.or([
        eb('email', '=', email ?? ''),
        eb('nickname_key', '=', key),
        eb('nickname_skeleton', '=', skeleton),
      ]),
    )
    .execute();
  const others = rows.filter((r) => r.member_id !== except);
  const nicknameTaken = others.some((r) => r.nickname_key === key);
  return {
    email: email !== null && others.some((r) => r.email === email),
    nickname: nicknameTaken,
    lookalike: !nicknameTaken && others.some((r) => r.nickname_skeleton === skeleton),
  };
}

/** Sign-ups waiting for a moderator, oldest first, so nobody waits longest by bad luck. */
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
