import { randomBytes } from 'node:crypto';
import { hash, type Algorithm } from '@node-rs/argon2';
import { InFlight, type ModuleContext } from '@meetcute/core';
import {
  LoggedOut,
  LoggedOutEverywhere,
  PasswordChanged,
  PasswordUpgraded,
  LoginLocked,
  MemberDeleted,
  RoleGranted,
  type Role,
  RoleRevoked,
} from './events.ts';
import {
  ACCOUNT_MEMORY_SECONDS,
  FIRST_WAIT_SECONDS,
  newPasswordProblem,
  normalizeEmail,
  retryAfterSeconds,
  slowingWaitSeconds,
  type PasswordProblem,
} from './rules.ts';
import {
  accountByEmail,
  accountById,
  clearFailures,
  countSessions,
  deleteSession,
  deleteSessionsOf,
  failuresSince,
  pruneFailures,
  recordFailure,
  setPasswordHash,
  type Tables,
  type Account,
} from './store.ts';
import { viewOf, type SessionStore, type SessionView } from './sessions.ts';
import { secondFactorTicket } from './second-factor.ts';
import { isLegacy, matches } from './password-schemes.ts';

// Algorithm is an ambient const enum, which verbatimModuleSyntax cannot inline (and the
// native binding exports no values for it at runtime); 2 is Argon2id.
const ARGON2ID: Algorithm.Argon2id = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** Any scheme a member may have brought from the old site; a malformed stored hash lets nobody in. */
const passwordMatches = matches;

// Checked against for unknown emails, so they take as long as wrong passwords and
// timing does not tell which emails have accounts.
let decoy: Promise<string> | undefined;

export type LoginOutcome =
  | { kind: 'ok'; token: string; view: SessionView }
  /** The password was right; a code from the member's app completes the log-in (second-factor.ts). */
  | { kind: 'second-factor'; ticket: string }
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAfter: number }
  | { kind: 'suspended'; memberId: string; until: string | null; reason: string };

export type CredentialsOutcome =
  | { kind: 'suspended' | 'not-suspended'; memberId: string }
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAfter: number };

export type PasswordOutcome =
  | { ok: true }
  | { ok: false; field: 'currentPassword'; problem: 'wrong' }
  | { ok: false; field: 'currentPassword'; problem: 'locked'; retryAfter: number }
  | { ok: false; field: 'newPassword'; problem: PasswordProblem };

/** The answer to "is this the member's current password", under the same limit as log-ins. */
export type CurrentPassword =
  { ok: true } | { ok: false; problem: 'wrong' } | { ok: false; problem: 'locked'; retryAfter: number };

/** The suspension or ban in force on the account at this time, if any. */
function suspensionAt(account: Account, now: Date): { until: string | null; reason: string } | null {
  const suspension = account.suspension;
  return suspension && (suspension.until === null || suspension.until > now.toISOString())
    ? suspension
    : null;
}

export type RevokeOutcome = 'revoked' | 'not-granted' | 'by-configuration';

interface Counter {
  inc(by?: number): void;
}

/** The commands: log in and out, change the password, give and take the moderator role. */
export class Accounts {
  readonly #ctx: ModuleContext<Tables>;
  readonly #sessions: SessionStore;
  readonly #logins: Counter;
  readonly #failures: Counter;
  /**
   * Log-ins being checked right now, by account and by address: each counts as a failure
   * until the (slow, deliberately) password check says otherwise, so guesses sent in
   * parallel cannot all pass the limit before the first failure is written.
   */
  readonly #checking = new InFlight();

  constructor(ctx: ModuleContext<Tables>, sessions: SessionStore) {
    this.#ctx = ctx;
    this.#sessions = sessions;
    this.#logins = ctx.metrics.counter('logins', 'Successful log-ins');
    this.#failures = ctx.metrics.counter('login_failures', 'Log-ins refused for a wrong email or password');
  }

  get #db() {
    return this.#ctx.db;
  }

  async view(memberId: string): Promise<SessionView> {
    return viewOf(memberId, await accountById(this.#db, memberId), this.#ctx.config);
  }

  /** Logs in: limits first, then the password, then any suspension, then a session. */
  async login(rawEmail: string, password: string, ip: string, userAgent?: string): Promise<LoginOutcome> {
    const checked = await this.#verify(rawEmail, password, ip);
    if (checked.kind !== 'right') return checked;
    const { account, now } = checked;
    // Told only to whoever knows the password: a stranger learns nothing about the account.
    const suspension = suspensionAt(account, now);
    if (suspension) return { kind: 'suspended', memberId: account.memberId, ...suspension };
    if (isLegacy(account.passwordHash!)) await this.#upgrade(account.memberId, password);
    if (account.twoFactor)
      return { kind: 'second-factor', ticket: secondFactorTicket(this.#ctx, account.memberId) };
    const token = await this.#sessions.open(account.memberId, userAgent);
    this.#logins.inc();
    return { kind: 'ok', token, view: viewOf(account.memberId, account, this.#ctx.config) };
  }

  /**
   * Whose account the email and password open, under log-in's limits, without logging
   * in: a suspended member's appeal proves who writes this way.
   */
  async credentials(rawEmail: string, password: string, ip: string): Promise<CredentialsOutcome> {
    const checked = await this.#verify(rawEmail, password, ip);
    if (checked.kind !== 'right') return checked;
    const suspended = suspensionAt(checked.account, checked.now) !== null;
    return { kind: suspended ? 'suspended' : 'not-suspended', memberId: checked.account.memberId };
  }

  async #verify(
    rawEmail: string,
    password: string,
    ip: string,
  ): Promise<
    | { kind: 'right'; account: Account; now: Date }
    | { kind: 'wrong' }
    | { kind: 'locked'; retryAfter: number }
  > {
    const { perAccount, perIp, windowSeconds } = this.#ctx.config.login;
    const email = normalizeEmail(rawEmail);
    const now = this.#ctx.clock.now();
    const since = new Date(now.getTime() - ACCOUNT_MEMORY_SECONDS * 1000).toISOString();
    const [byAccount, byIp] = await Promise.all([
      failuresSince(this.#db, 'account', email, since),
      failuresSince(this.#db, 'ip', ip, new Date(now.getTime() - windowSeconds * 1000).toISOString()),
    ]);
    // Checked before the password, so a slowed account waits even for the right one. An
    // account slows down (its owner is not locked out); an address that fails too often stops.
    const [account, address] = [`account ${email}`, `ip ${ip}`];
    const wait = Math.max(
      slowingWaitSeconds(byAccount, perAccount, windowSeconds, now, this.#checking.count(account)),
      retryAfterSeconds(byIp, perIp, windowSeconds, now, this.#checking.count(address)),
    );
    if (wait > 0) return { kind: 'locked', retryAfter: wait };
    return this.#checking.during([account, address], () => this.#check(email, password, ip, now, since));
  }

  async #check(
    email: string,
    password: string,
    ip: string,
    now: Date,
    since: string,
  ): Promise<{ kind: 'right'; account: Account; now: Date } | { kind: 'wrong' }> {
    const account = await accountByEmail(this.#db, email);
    let ok: boolean;
    if (account?.passwordHash) {
      ok = await passwordMatches(account.passwordHash, password);
    } else {
      decoy ??= hashPassword(randomBytes(16).toString('hex'));
      await passwordMatches(await decoy, password);
      ok = false;
    }
    if (!ok || !account) {
      const at = now.toISOString();
      const failures = await this.#db.transaction().execute(async (db) => {
        await recordFailure(db, 'account', email, at);
        await recordFailure(db, 'ip', ip, at);
        await pruneFailures(db, since);
        return (await failuresSince(db, 'account', email, since)).length;
      });
      this.#failures.inc();
      // The guess that starts slowing the account down tells its owner, who may be the one waiting.
      if (account && failures === this.#ctx.config.login.perAccount) {
        const until = new Date(now.getTime() + FIRST_WAIT_SECONDS * 1000).toISOString();
        await this.#ctx.transaction(async (tx) => {
          await tx.publish(LoginLocked, { memberId: account.memberId, until }, { actorId: null });
        });
      }
      return { kind: 'wrong' };
    }
    await clearFailures(this.#db, 'account', email);
    return { kind: 'right', account, now };
  }

  /**
   * An imported member logged in with the password of their old site: its hash of an
   * older scheme is replaced by Argon2id now that the password is known.
   */
  async #upgrade(memberId: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.#ctx.transaction(async (tx) => {
      await setPasswordHash(tx.db, memberId, passwordHash);
      await tx.publish(PasswordUpgraded, { memberId }, { actorId: memberId });
    });
  }

  async sessionCount(memberId: string): Promise<number> {
    return countSessions(this.#db, memberId, this.#ctx.clock.now().toISOString());
  }

  /** Ends one session; its live channels and every node's memory of it go with it. */
  async logout(viewer: { memberId: string; sessionId: string }): Promise<void> {
    await this.#ctx.transaction(async (tx) => {
      await deleteSession(tx.db, viewer.sessionId);
      await tx.publish(LoggedOut, { memberId: viewer.memberId, sessionId: viewer.sessionId });
    });
  }

  /** Ends every session of the member, this one too, and tells live channels to close. */
  async logoutEverywhere(memberId: string): Promise<void> {
    await this.#ctx.transaction(async (tx) => {
      await deleteSessionsOf(tx.db, memberId);
      await tx.publish(LoggedOutEverywhere, { memberId });
    });
  }

  /**
   * Deletes the member's account once they enter their password again: every session
   * ends now, and MemberDeleted has every module (this one too) forget them.
   */
  async deleteAccount(memberId: string, password: string): Promise<CurrentPassword> {
    const current = await this.checkCurrent(memberId, password);
    if (!current.ok) return current;
    await this.#ctx.transaction(async (tx) => {
      await deleteSessionsOf(tx.db, memberId);
      await tx.publish(MemberDeleted, { memberId, pseudonym: this.#ctx.ids.next() });
    });
    return current;
  }

  /** Changes the password and ends the member's other sessions: whoever had it is out. */
  async changePassword(
    viewer: { memberId: string; sessionId: string },
    currentPassword: string,
    newPassword: string,
  ): Promise<PasswordOutcome> {
    const current = await this.checkCurrent(viewer.memberId, currentPassword);
    if (!current.ok) return { ...current, field: 'currentPassword' };
    const problem = newPasswordProblem(newPassword, currentPassword);
    if (problem) return { ok: false, field: 'newPassword', problem };
    const passwordHash = await hashPassword(newPassword);
    await this.#ctx.transaction(async (tx) => {
      await setPasswordHash(tx.db, viewer.memberId, passwordHash);
      await tx.publish(PasswordChanged, { memberId: viewer.memberId });
      await deleteSessionsOf(tx.db, viewer.memberId, viewer.sessionId);
    });
    return { ok: true };
  }

  /**
   * Checks a logged-in member's current password before a change that needs it. Wrong
   * guesses count as failed log-ins of the account: whoever holds a stolen session cannot
   * try passwords without limit, nor more than a log-in form would let them.
   */
  async checkCurrent(memberId: string, password: string): Promise<CurrentPassword> {
    return this.guarded(memberId, (account) =>
      account.passwordHash ? passwordMatches(account.passwordHash, password) : Promise.resolve(false),
    );
  }

  /**
   * Runs a check of something only the owner knows (a password, a code from their app)
   * under the account's log-in limits: wrong answers count as failed log-ins and slow the
   * account down, so a stolen session or a stolen password cannot guess without limit.
   */
  async guarded(memberId: string, check: (account: Account) => Promise<boolean>): Promise<CurrentPassword> {
    const account = await accountById(this.#db, memberId);
    if (!account?.email || !account.passwordHash) return { ok: false, problem: 'wrong' };
    const { perAccount, windowSeconds } = this.#ctx.config.login;
    const now = this.#ctx.clock.now();
    const since = new Date(now.getTime() - ACCOUNT_MEMORY_SECONDS * 1000).toISOString();
    const key = `account ${account.email}`;
    const wait = slowingWaitSeconds(
      await failuresSince(this.#db, 'account', account.email, since),
      perAccount,
      windowSeconds,
      now,
      this.#checking.count(key),
    );
    if (wait > 0) return { ok: false, problem: 'locked', retryAfter: wait };
    const email = account.email;
    return this.#checking.during([key], async () => {
      if (await check(account)) return { ok: true } as const;
      await recordFailure(this.#db, 'account', email, now.toISOString());
      this.#failures.inc();
      return { ok: false, problem: 'wrong' } as const;
    });
  }

  async accountByEmail(email: string): Promise<Account | undefined> {
    return accountByEmail(this.#db, normalizeEmail(email));
  }

  async accountById(memberId: string): Promise<Account | undefined> {
    return accountById(this.#db, memberId);
  }

  /** Gives the account a role; granting twice publishes once. */
  async grant(account: Account, role: Role): Promise<void> {
    if (account[role]) return;
    await this.#ctx.transaction(async (tx) => {
      await tx.publish(RoleGranted, { memberId: account.memberId, role });
    });
  }

  async revoke(account: Account, role: Role): Promise<RevokeOutcome> {
    if (!account[role]) {
      const holders = role === 'moderator' ? this.#ctx.config.moderators : this.#ctx.config.operators;
      return account.email !== null && holders.includes(account.email) ? 'by-configuration' : 'not-granted';
    }
    await this.#ctx.transaction(async (tx) => {
      await tx.publish(RoleRevoked, { memberId: account.memberId, role });
    });
    return 'revoked';
  }

  /** Grants a role by login address (the operator's command line): the member id, or null when no account has it. */
  async grantByEmail(email: string, role: Role): Promise<string | null> {
    const account = await this.accountByEmail(email);
    if (!account) return null;
    await this.grant(account, role);
    return account.memberId;
  }

  /** Takes a role by login address: what became of it, or null when no account has the address. */
  async revokeByEmail(email: string, role: Role): Promise<RevokeOutcome | null> {
    const account = await this.accountByEmail(email);
    return account ? this.revoke(account, role) : null;
  }
}
