import { sql, type Kysely, type Selectable } from 'kysely';
import {
  generated,
  integer,
  nullable,
  serialPrimaryKey,
  text,
  type Credentials,
  type Migration,
  type ModuleContext,
  type TablesOf,
} from '@meetcute/core';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
} from '@meetcute/registration';
import { MemberSuspended, SuspensionLifted } from '@meetcute/moderation/events';
import {
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmed,
  MemberDeleted,
  PasswordChanged,
  PasswordResetRequested,
  RoleGranted,
  RoleRevoked,
  TwoFactorDisabled,
  TwoFactorEnabled,
  type Role,
} from './events.ts';
import { normalizeEmail } from './rules.ts';

// Timestamps are ISO text, flags are integers: the same SQL then runs on SQLite and PostgreSQL.

export type RegistrationStatus = 'submitted' | 'approved' | 'rejected';

export type FailureKind = 'account' | 'ip';

export const tables = {
  /** A member's account, kept from events: login address, review status, roles and flags. */
  accounts: {
    member_id: text(),
    // Nullable so that a registration event arriving before AccountCreated still lands.
    email: nullable(text()),
    status: text<RegistrationStatus>(),
    /** 1 when a RoleGranted made the member a moderator (the configured list is checked apart). */
    moderator: integer(),
    /** 1 when a RoleGranted made the member an operator (the configured list is checked apart). */
    operator: generated(integer()),
    /** 1 once the member followed a link sent to `email` (EmailConfirmed for that address). */
    email_confirmed: generated(integer()),
    /** 1 while a moderator's suspension or ban is in force; `suspended_until` null then means a ban. */
    suspended: generated(integer()),
    suspended_until: nullable(text()),
    suspension_reason: nullable(text()),
    /** 1 after TwoFactorEnabled: log-in asks for a code as well (the secret is in credentials). */
    two_factor: generated(integer()),
  },
  /**
   * Each member's password hash: kept here and in no event, so the event log holds no
   * credential. Not a projection (rebuild leaves it): auth writes it in the same
   * transaction as the event that tells of the change; sign-up and the importer through
   * the CREDENTIALS service, before publishing the account.
   */
  credentials: {
    member_id: text(),
    password_hash: text(),
    /** The second factor's base32 secret once confirmed; `totp_pending` while being set up. */
    totp_secret: nullable(text()),
    totp_pending: nullable(text()),
    /** The last step a code was accepted for: no code of it or before counts again. */
    totp_step: nullable(integer()),
  },
  /** Codes that stand in for the second factor once each, kept as recoveryCodeKey's sha256. */
  recovery_codes: { member_id: text(), code_hash: text() },
  /** A session: server-side, found by the sha256 of its token. */
  sessions: {
    id: text(),
    /** sha256 of the token: a stolen database does not let anyone in. */
    token_hash: text(),
    member_id: text(),
    created_at: text(),
    last_seen_at: text(),
    expires_at: text(),
    user_agent: nullable(text()),
  },
  /** A failed log-in, by account (its address) or by the caller's IP. */
  login_failures: { id: generated(integer()), kind: text<FailureKind>(), key: text(), failed_at: text() },
  /** A reset link sent and not yet used: using it, or any password change, deletes it. */
  password_resets: { id: text(), member_id: text(), expires_at: text() },
  /** Reset links asked for, by address and by caller's IP, so neither can flood a mailbox. */
  reset_requests: { id: generated(integer()), key: text(), requested_at: text() },
  /** A change of login address asked for and not yet confirmed from the new address. */
  email_changes: { id: text(), member_id: text(), email: text(), expires_at: text() },
};
export type Tables = TablesOf<typeof tables>;

export type AuthDb = Kysely<Tables>;

export interface Account {
  memberId: string;
  email: string | null;
  passwordHash: string | null;
  status: RegistrationStatus;
  moderator: boolean;
  operator: boolean;
  emailConfirmed: boolean;
  /** Log-in asks for a code from an authenticator app too. */
  twoFactor: boolean;
  /** A suspension (until a time) or a ban (until null) in force. */
  suspension: { until: string | null; reason: string } | null;
}

/**
 * Rebuilt from events by `rebuild auth`; sessions and failures are not facts, and
 * credentials are in no event, so they stay.
 */
export const PROJECTIONS = ['accounts', 'password_resets', 'email_changes'];
// recovery_codes, like credentials, is in no event and stays through a rebuild.

export const migrations: Migration[] = [
  {
    name: '0001_auth',
    async up(db, dialect) {
      await sql`create table accounts (
        member_id text primary key,
        email text unique,
        password_hash text,
        status text not null default 'submitted',
        moderator integer not null default 0
      )`.execute(db);
      await sql`create table sessions (
        id text primary key,
        token_hash text not null unique,
        member_id text not null,
        created_at text not null,
        last_seen_at text not null,
        expires_at text not null,
        user_agent text
      )`.execute(db);
      await sql`create index sessions_member on sessions (member_id)`.execute(db);
      await sql`create table login_failures (
        id ${sql.raw(serialPrimaryKey(dialect))},
        kind text not null,
        key text not null,
        failed_at text not null
      )`.execute(db);
      await sql`create index login_failures_key on login_failures (kind, key, failed_at)`.execute(db);
      await sql`create index login_failures_age on login_failures (failed_at)`.execute(db);
    },
  },
  {
    name: '0002_recovery',
    async up(db, dialect) {
      await sql`alter table accounts add column email_confirmed integer not null default 0`.execute(db);
      await sql`create table password_resets (
        id text primary key,
        member_id text not null,
        expires_at text not null
      )`.execute(db);
      await sql`create index password_resets_member on password_resets (member_id)`.execute(db);
      await sql`create table reset_requests (
        id ${sql.raw(serialPrimaryKey(dialect))},
        key text not null,
        requested_at text not null
      )`.execute(db);
      await sql`create index reset_requests_key on reset_requests (key, requested_at)`.execute(db);
    },
  },
  {
    name: '0003_suspensions',
    async up(db) {
      await sql`alter table accounts add column suspended integer not null default 0`.execute(db);
      await sql`alter table accounts add column suspended_until text`.execute(db);
      await sql`alter table accounts add column suspension_reason text`.execute(db);
    },
  },
  {
    name: '0004_email_changes',
    async up(db) {
      await sql`create table email_changes (
        id text primary key,
        member_id text not null,
        email text not null,
        expires_at text not null
      )`.execute(db);
      await sql`create index email_changes_member on email_changes (member_id)`.execute(db);
    },
  },
  {
    name: '0005_credentials',
    async up(db) {
      // Hashes leave the events (the event log's own migration erases them there), so the
      // ones the accounts already hold move to a table of their own.
      await sql`create table credentials (member_id text primary key, password_hash text not null)`.execute(
        db,
      );
      await sql`insert into credentials (member_id, password_hash)
        select member_id, password_hash from accounts where password_hash is not null`.execute(db);
      await sql`alter table accounts drop column password_hash`.execute(db);
    },
  },
  {
    name: '0006_two_factor',
    async up(db) {
      await sql`alter table accounts add column two_factor integer not null default 0`.execute(db);
      await sql`alter table credentials add column totp_secret text`.execute(db);
      await sql`alter table credentials add column totp_pending text`.execute(db);
      await sql`alter table credentials add column totp_step bigint`.execute(db);
      await sql`create table recovery_codes (
        member_id text not null,
        code_hash text not null,
        primary key (member_id, code_hash)
      )`.execute(db);
    },
  },
  {
    name: '0007_operator',
    async up(db) {
      await sql`alter table accounts add column operator integer not null default 0`.execute(db);
    },
  },
];

export async function insertEmailChange(
  db: AuthDb,
  change: { id: string; memberId: string; email: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('email_changes')
    .values({ id: change.id, member_id: change.memberId, email: change.email, expires_at: change.expiresAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function emailChangeById(
  db: AuthDb,
  id: string,
): Promise<{ memberId: string; email: string; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('email_changes')
    .select(['member_id', 'email', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { memberId: row.member_id, email: row.email, expiresAt: row.expires_at };
}

/** The member logs in with the new address, confirmed by the link; pending changes go. */
export async function changeEmail(db: AuthDb, memberId: string, email: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ email, email_confirmed: 1 })
    .where('member_id', '=', memberId)
    .execute();
  await db.deleteFrom('email_changes').where('member_id', '=', memberId).execute();
}

// Accounts: written only by event handlers.

export async function recordAccount(db: AuthDb, memberId: string, email: string): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ member_id: memberId, email, status: 'submitted', moderator: 0 })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ email }))
    .execute();
}

export async function setStatus(db: AuthDb, memberId: string, status: RegistrationStatus): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ member_id: memberId, status, moderator: 0 })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ status }))
    .execute();
}

// Credentials: written by commands, in the transaction of the event that tells of them.

export async function setPasswordHash(db: AuthDb, memberId: string, passwordHash: string): Promise<void> {
  await db
    .insertInto('credentials')
    .values({ member_id: memberId, password_hash: passwordHash })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ password_hash: passwordHash }))
    .execute();
}

export async function forgetPasswordHash(db: AuthDb, memberId: string): Promise<void> {
  await db.deleteFrom('credentials').where('member_id', '=', memberId).execute();
  await db.deleteFrom('recovery_codes').where('member_id', '=', memberId).execute();
}

export interface SecondFactor {
  secret: string | null;
  pending: string | null;
  usedStep: number | null;
}

export async function secondFactorOf(db: AuthDb, memberId: string): Promise<SecondFactor> {
  const row = await db
    .selectFrom('credentials')
    .select(['totp_secret', 'totp_pending', 'totp_step'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return {
    secret: row?.totp_secret ?? null,
    pending: row?.totp_pending ?? null,
    usedStep: row?.totp_step === null || row?.totp_step === undefined ? null : Number(row.totp_step),
  };
}

export async function setSecondFactor(
  db: AuthDb,
  memberId: string,
  change: { secret?: string | null; pending?: string | null; usedStep?: number | null },
): Promise<void> {
  await db
    .updateTable('credentials')
    .set({
      ...(change.secret !== undefined && { totp_secret: change.secret }),
      ...(change.pending !== undefined && { totp_pending: change.pending }),
      ...(change.usedStep !== undefined && { totp_step: change.usedStep }),
    })
    .where('member_id', '=', memberId)
    .execute();
}

/**
 * The CREDENTIALS service: registration keeps a new member's password hash here (and an
 * imported member's second factor), all of a batch in one transaction or none.
 */
export function credentialStore(db: AuthDb): Credentials {
  return {
    store: (kept) =>
      db.transaction().execute(async (trx) => {
        for (const { memberId, passwordHash, totp } of kept) {
          await setPasswordHash(trx, memberId, passwordHash);
          if (totp)
            await setSecondFactor(trx, memberId, {
              secret: totp.secret ?? null,
              pending: totp.pending ?? null,
            });
        }
      }),
    forget: (memberId) => forgetPasswordHash(db, memberId),
  };
}

/**
 * Marks a step used, only if no later one was: of two log-ins racing with the same code,
 * one wins. True when this call took it.
 */
export async function takeStep(db: AuthDb, memberId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('credentials')
    .set({ totp_step: step })
    .where('member_id', '=', memberId)
    .where((eb) => eb.or([eb('totp_step', 'is', null), eb('totp_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: AuthDb, memberId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('member_id', '=', memberId).execute();
  if (hashes.length > 0)
    await db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ member_id: memberId, code_hash })))
      .execute();
}

/** Spends a recovery code: true when it was one of the member's and unused (it is gone now). */
export async function spendRecoveryCode(db: AuthDb, memberId: string, hash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('recovery_codes')
    .where('member_id', '=', memberId)
    .where('code_hash', '=', hash)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function recoveryCodesLeft(db: AuthDb, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function setTwoFactor(db: AuthDb, memberId: string, on: boolean): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ two_factor: on ? 1 : 0 })
    .where('member_id', '=', memberId)
    .execute();
}

/** Gives or takes a role granted by event (each role is a column of its own). */
export async function setRole(db: AuthDb, memberId: string, role: Role, held: boolean): Promise<void> {
  const flag = held ? 1 : 0;
  await db
    .insertInto('accounts')
    .values({
      member_id: memberId,
      status: 'submitted',
      moderator: role === 'moderator' ? flag : 0,
      operator: role === 'operator' ? flag : 0,
    })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet(role === 'moderator' ? { moderator: flag } : { operator: flag }),
    )
    .execute();
}

export async function setEmailConfirmed(db: AuthDb, memberId: string, email: string): Promise<void> {
  // Only for the address the link was sent to: one changed since stays unconfirmed.
  await db
    .updateTable('accounts')
    .set({ email_confirmed: 1 })
    .where('member_id', '=', memberId)
    .where('email', '=', email)
    .execute();
}

export async function setSuspension(
  db: AuthDb,
  memberId: string,
  suspension: { until: string | null; reason: string } | null,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({
      suspended: suspension ? 1 : 0,
      suspended_until: suspension?.until ?? null,
      suspension_reason: suspension?.reason ?? null,
    })
    .where('member_id', '=', memberId)
    .execute();
}

const accountColumns = [
  'accounts.member_id',
  'email',
  'credentials.password_hash',
  'status',
  'moderator',
  'operator',
  'email_confirmed',
  'suspended',
  'suspended_until',
  'suspension_reason',
  'two_factor',
] as const;

type AccountRow = Selectable<Tables['accounts']> & { password_hash: string | null };

function toAccount(row: AccountRow): Account {
  return {
    memberId: row.member_id,
    email: row.email,
    passwordHash: row.password_hash,
    status: row.status,
    moderator: Number(row.moderator) === 1,
    operator: Number(row.operator) === 1,
    emailConfirmed: Number(row.email_confirmed) === 1,
    twoFactor: Number(row.two_factor) === 1,
    suspension:
      Number(row.suspended) === 1
        ? { until: row.suspended_until, reason: row.suspension_reason ?? '' }
        : null,
  };
}

export async function accountByEmail(db: AuthDb, email: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .leftJoin('credentials', 'credentials.member_id', 'accounts.member_id')
    .select(accountColumns)
    .where('accounts.email', '=', email)
    .executeTakeFirst();
  return row && toAccount(row);
}

export async function accountById(db: AuthDb, memberId: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .leftJoin('credentials', 'credentials.member_id', 'accounts.member_id')
    .select(accountColumns)
    .where('accounts.member_id', '=', memberId)
    .executeTakeFirst();
  return row && toAccount(row);
}

/** What every request needs to know of its member: review status, role and login email. */
export interface Standing {
  status: RegistrationStatus;
  moderator: boolean;
  operator: boolean;
  email: string | null;
  /** Until when a suspension holds: a time, 'ban' for good, or null when there is none. */
  suspendedUntil: string | null;
  twoFactor: boolean;
}

const standingColumns = [
  'member_id',
  'status',
  'moderator',
  'operator',
  'email',
  'suspended',
  'suspended_until',
  'two_factor',
] as const;

function toStanding(row: Pick<Selectable<Tables['accounts']>, (typeof standingColumns)[number]>): Standing {
  const suspended = Number(row.suspended) === 1;
  return {
    status: row.status,
    moderator: Number(row.moderator) === 1,
    operator: Number(row.operator) === 1,
    email: row.email,
    suspendedUntil: suspended ? (row.suspended_until ?? 'ban') : null,
    twoFactor: Number(row.two_factor) === 1,
  };
}

export async function standingOf(db: AuthDb, memberId: string): Promise<Standing | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select(standingColumns)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row && toStanding(row);
}

export async function allStandings(db: AuthDb): Promise<Array<[string, Standing]>> {
  const rows = await db.selectFrom('accounts').select(standingColumns).execute();
  return rows.map((r) => [r.member_id, toStanding(r)]);
}

/** Whether a standing's suspension or ban holds at this time. */
export function isSuspendedAt(standing: Standing | undefined, now: Date): boolean {
  const until = standing?.suspendedUntil;
  return until !== null && until !== undefined && (until === 'ban' || until > now.toISOString());
}

// Sessions: server-side state, not a projection.

export interface SessionRow {
  id: string;
  tokenHash: string;
  memberId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(db: AuthDb, s: SessionRow & { userAgent: string | null }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      member_id: s.memberId,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function sessionByTokenHash(db: AuthDb, tokenHash: string): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'token_hash', 'member_id', 'created_at', 'last_seen_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      tokenHash: row.token_hash,
      memberId: row.member_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    }
  );
}

export async function touchSession(
  db: AuthDb,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: AuthDb, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends a member's sessions, all of them or all but one; returns how many ended. */
export async function deleteSessionsOf(db: AuthDb, memberId: string, except?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('member_id', '=', memberId);
  if (except !== undefined) query = query.where('id', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessionsOf(db: AuthDb, memberId: string, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('member_id', '=', memberId).where('expires_at', '<=', now).execute();
}

export async function sessionIdsOf(db: AuthDb, memberId: string, now: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('sessions')
    .select('id')
    .where('member_id', '=', memberId)
    .where('expires_at', '>', now)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function countSessions(db: AuthDb, memberId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Log-in failures: kept in the database so a restart does not reset an attacker's count.

export async function recordFailure(db: AuthDb, kind: FailureKind, key: string, at: string): Promise<void> {
  await db.insertInto('login_failures').values({ kind, key, failed_at: at }).execute();
}

export async function failuresSince(
  db: AuthDb,
  kind: FailureKind,
  key: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('failed_at')
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('failed_at', '>', since)
    .orderBy('failed_at')
    .execute();
  return rows.map((r) => r.failed_at);
}

export async function clearFailures(db: AuthDb, kind: FailureKind, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('kind', '=', kind).where('key', '=', key).execute();
}

export async function pruneFailures(db: AuthDb, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('failed_at', '<=', before).execute();
}

// Password resets: a projection of PasswordResetRequested, gone with the next PasswordChanged.

export async function insertReset(
  db: AuthDb,
  id: string,
  memberId: string,
  expiresAt: string,
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ id, member_id: memberId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function resetById(
  db: AuthDb,
  id: string,
): Promise<{ memberId: string; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('password_resets')
    .select(['member_id', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { memberId: row.member_id, expiresAt: row.expires_at };
}

/** Every reset link of the member stops working: one was used, or the password changed. */
export async function deleteResetsOf(db: AuthDb, memberId: string): Promise<void> {
  await db.deleteFrom('password_resets').where('member_id', '=', memberId).execute();
}

export async function recordResetRequest(db: AuthDb, key: string, at: string): Promise<void> {
  await db.insertInto('reset_requests').values({ key, requested_at: at }).execute();
}

export async function resetRequestsSince(db: AuthDb, key: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reset_requests')
    .select('requested_at')
    .where('key', '=', key)
    .where('requested_at', '>', since)
    .orderBy('requested_at')
    .execute();
  return rows.map((r) => r.requested_at);
}

/** Forgets requests older than the window, and reset links that have expired. */
export async function pruneResets(db: AuthDb, before: string, now: string): Promise<void> {
  await db.deleteFrom('reset_requests').where('requested_at', '<=', before).execute();
  await db.deleteFrom('password_resets').where('expires_at', '<=', now).execute();
}

/**
 * Forgets a deleted member: their account, sessions, links in flight and the limits kept
 * under their address or id. IP limits name no one and stay until they age out.
 */
export async function forgetAccount(db: AuthDb, memberId: string): Promise<void> {
  const account = await accountById(db, memberId);
  if (account?.email) {
    await db
      .deleteFrom('login_failures')
      .where('kind', '=', 'account')
      .where('key', '=', account.email)
      .execute();
    await db.deleteFrom('reset_requests').where('key', '=', `address ${account.email}`).execute();
  }
  await db.deleteFrom('reset_requests').where('key', '=', `member ${memberId}`).execute();
  await db.deleteFrom('sessions').where('member_id', '=', memberId).execute();
  await db.deleteFrom('password_resets').where('member_id', '=', memberId).execute();
  await db.deleteFrom('email_changes').where('member_id', '=', memberId).execute();
  await db.deleteFrom('accounts').where('member_id', '=', memberId).execute();
  await forgetPasswordHash(db, memberId);
}

/** What the member's download holds from this module: the account and where it is logged in. */
export async function accountExport(db: AuthDb, memberId: string): Promise<unknown> {
  const account = await accountById(db, memberId);
  if (!account) return null;
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
  return {
    memberId,
    email: account.email,
    emailConfirmed: account.emailConfirmed,
    status: account.status,
    roles: [...(account.moderator ? ['moderator'] : []), ...(account.operator ? ['operator'] : [])],
    suspension: account.suspension,
    sessions: sessions.map((s) => ({
      startedAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      endsAt: s.expires_at,
      device: s.user_agent,
    })),
  };
}

/** What the events this module consumes change in its tables. */
export function project(ctx: ModuleContext<Tables>): void {
  ctx.on(AccountCreated, async ({ payload }, tx) => {
    await recordAccount(tx.db, payload.memberId, normalizeEmail(payload.email));
  });
  ctx.on(RegistrationSubmitted, async ({ payload }, tx) => setStatus(tx.db, payload.memberId, 'submitted'));
  ctx.on(RegistrationApproved, async ({ payload }, tx) => setStatus(tx.db, payload.memberId, 'approved'));
  ctx.on(RegistrationRejected, async ({ payload }, tx) => setStatus(tx.db, payload.memberId, 'rejected'));
  ctx.on(PasswordChanged, async ({ payload }, tx) => {
    // A reset link sent before works no more: whoever asked for it has a password again.
    await deleteResetsOf(tx.db, payload.memberId);
  });
  // A suspension ends every session at once; log-in is refused until it is lifted or runs out.
  ctx.on(MemberSuspended, async ({ payload: { memberId, until, reason } }, tx) => {
    await setSuspension(tx.db, memberId, { until, reason });
    await deleteSessionsOf(tx.db, memberId);
  });
  ctx.on(SuspensionLifted, async ({ payload }, tx) => setSuspension(tx.db, payload.memberId, null));
  ctx.on(EmailChangeRequested, async ({ payload }, tx) =>
    insertEmailChange(tx.db, {
      id: payload.changeId,
      memberId: payload.memberId,
      email: payload.email,
      expiresAt: payload.expiresAt,
    }),
  );
  ctx.on(EmailChanged, async ({ payload }, tx) => changeEmail(tx.db, payload.memberId, payload.email));
  ctx.on(PasswordResetRequested, async ({ payload }, tx) =>
    insertReset(tx.db, payload.resetId, payload.memberId, payload.expiresAt),
  );
  ctx.on(EmailConfirmed, async ({ payload }, tx) =>
    setEmailConfirmed(tx.db, payload.memberId, payload.email),
  );
  // The account goes, and so does every event in the log that names the member: their
  // password hashes, address and words leave with them (the right to erasure).
  ctx.on(MemberDeleted, async ({ id, payload: { memberId, pseudonym } }, tx) => {
    await forgetAccount(tx.db, memberId);
    await ctx.eraseFromLog({ memberId, pseudonym, keep: id });
  });
  ctx.on(TwoFactorEnabled, async ({ payload }, tx) => setTwoFactor(tx.db, payload.memberId, true));
  ctx.on(TwoFactorDisabled, async ({ payload }, tx) => setTwoFactor(tx.db, payload.memberId, false));
  ctx.on(RoleGranted, async ({ payload }, tx) => setRole(tx.db, payload.memberId, payload.role, true));
  ctx.on(RoleRevoked, async ({ payload }, tx) => setRole(tx.db, payload.memberId, payload.role, false));
}
