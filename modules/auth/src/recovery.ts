import { InFlight, isUniqueViolation, type ModuleContext } from '@meetcute/core';
import type { Language } from '@meetcute/web';
import {
  CONFIRMATION_DAYS,
  confirmationSubject,
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmationRequested,
  EmailConfirmed,
  LINKS,
  PasswordChanged,
  PasswordResetRequested,
  RESET_MINUTES,
} from './events.ts';
import { hashPassword, type Accounts } from './accounts.ts';
import { newPasswordProblem, normalizeEmail, retryAfterSeconds, type PasswordProblem } from './rules.ts';
import {
  accountByEmail,
  accountById,
  clearFailures,
  deleteSessionsOf,
  emailChangeById,
  pruneResets,
  recordResetRequest,
  resetById,
  resetRequestsSince,
  setPasswordHash,
  type Tables,
} from './store.ts';

const HOUR_MS = 3600 * 1000;
/** Links asked for an hour, per address (quietly: the answer must not tell it is a member's) and per caller. */
export const RESET_LIMITS = { perAddress: 3, perIp: 10, perMember: 3 };

export type ResetOutcome = { ok: true } | { ok: false; problem: 'link' | PasswordProblem };
export type ConfirmOutcome = 'confirmed' | 'already' | 'invalid';
export type EmailChangeOutcome =
  | { ok: true }
  | { ok: false; field: 'email'; problem: 'invalid' | 'same' }
  | { ok: false; field: 'currentPassword'; problem: 'wrong' }
  | { ok: false; field: 'currentPassword'; problem: 'locked'; retryAfter: number };
/** A link to confirm a new address works for a day. */
const CHANGE_HOURS = 24;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Getting back in without the password, and proving an address is one's own: both by a
 * link sent by mail (the mail module sends it; the token is made there with ctx.links from
 * what the event names). A reset link works once, for an hour, and not after any other
 * password change; the answer to "send me a link" is the same whether or not the address
 * is a member's.
 */
export class Recovery {
  readonly #ctx: ModuleContext<Tables>;
  readonly #accounts: Accounts;
  readonly #asking = new InFlight();

  constructor(ctx: ModuleContext<Tables>, accounts: Accounts) {
    this.#ctx = ctx;
    this.#accounts = accounts;
  }

  get #db() {
    return this.#ctx.db;
  }

  /** Sends a reset link if the address is a member's; the seconds to wait when this caller asked too often. */
  async requestReset(
    rawEmail: string,
    ip: string,
    language: Language,
  ): Promise<{ retryAfter: number } | null> {
    const email = normalizeEmail(rawEmail);
    const now = this.#ctx.clock.now();
    const since = new Date(now.getTime() - HOUR_MS).toISOString();
    const [address, caller] = [`address ${email}`, `ip ${ip}`];
    const wait = retryAfterSeconds(
      await resetRequestsSince(this.#db, caller, since),
      RESET_LIMITS.perIp,
      3600,
      now,
      this.#asking.count(caller),
    );
    if (wait > 0) return { retryAfter: wait };
    await this.#asking.during([caller, address], async () => {
      const quiet =
        retryAfterSeconds(
          await resetRequestsSince(this.#db, address, since),
          RESET_LIMITS.perAddress,
          3600,
          now,
          this.#asking.count(address) - 1,
        ) > 0;
      const account = await accountByEmail(this.#db, email);
      await this.#ctx.transaction(async (tx) => {
        const db = tx.db;
        await pruneResets(db, since, now.toISOString());
        await recordResetRequest(db, caller, now.toISOString());
        await recordResetRequest(db, address, now.toISOString());
        if (quiet || !account?.email) return;
        const resetId = this.#ctx.ids.next();
        const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60 * 1000).toISOString();
        // Auth's own projection of the event records the reset, in this transaction.
        await tx.publish(
          PasswordResetRequested,
          { memberId: account.memberId, resetId, expiresAt, language },
          { actorId: null },
        );
      });
    });
    return null;
  }

  /** Whether a reset link still works: made here, not expired, not used, no password change since. */
  async linkWorks(token: string): Promise<boolean> {
    return (await this.#reset(token)) !== null;
  }

  async #reset(token: string): Promise<{ resetId: string; memberId: string } | null> {
    const now = this.#ctx.clock.now();
    const resetId = this.#ctx.links.read(LINKS.passwordReset.purpose, token, now);
    if (resetId === null) return null;
    const reset = await resetById(this.#db, resetId);
    return reset && Date.parse(reset.expiresAt) > now.getTime()
      ? { resetId, memberId: reset.memberId }
      : null;
  }

  /** Sets a new password from a reset link: every session ends, the link and any other go. */
  async resetPassword(token: string, newPassword: string): Promise<ResetOutcome> {
    const reset = await this.#reset(token);
    if (reset === null) return { ok: false, problem: 'link' };
    const { resetId, memberId } = reset;
    const problem = newPasswordProblem(newPassword);
    if (problem) return { ok: false, problem };
    const passwordHash = await hashPassword(newPassword);
    const account = await accountById(this.#db, memberId);
    return this.#ctx.transaction(async (tx) => {
      const db = tx.db;
      // Deleting the links is what makes this one single-use: of two uses at once, one finds none.
      const used = await db.deleteFrom('password_resets').where('id', '=', resetId).executeTakeFirst();
      if (Number(used.numDeletedRows) === 0) return { ok: false, problem: 'link' } as const;
      await deleteSessionsOf(db, memberId);
      // Whoever was locked out by wrong guesses is the owner now: they may log in at once.
      if (account?.email) await clearFailures(db, 'account', account.email);
      await setPasswordHash(db, memberId, passwordHash);
      await tx.publish(PasswordChanged, { memberId }, { actorId: memberId });
      return { ok: true } as const;
    });
  }

  /** Sends a new confirmation link to the member's address; null when sent. */
  async requestConfirmation(
    memberId: string,
    language: Language,
  ): Promise<'already' | { retryAfter: number } | null> {
    const account = await accountById(this.#db, memberId);
    if (!account?.email) return 'already';
    if (account.emailConfirmed) return 'already';
    const now = this.#ctx.clock.now();
    const since = new Date(now.getTime() - HOUR_MS).toISOString();
    const key = `member ${memberId}`;
    const wait = retryAfterSeconds(
      await resetRequestsSince(this.#db, key, since),
      RESET_LIMITS.perMember,
      3600,
      now,
    );
    if (wait > 0) return { retryAfter: wait };
    const expiresAt = new Date(now.getTime() + CONFIRMATION_DAYS * 24 * HOUR_MS).toISOString();
    await this.#ctx.transaction(async (tx) => {
      await recordResetRequest(tx.db, key, now.toISOString());
      await tx.publish(
        EmailConfirmationRequested,
        { memberId, email: account.email!, expiresAt, language },
        { actorId: memberId },
      );
    });
    return null;
  }

  /**
   * Sends a link to a new login address, after the current password. The answer is the
   * same whether or not another member has the address: that is told to nobody, and the
   * change would only fail when confirmed.
   */
  async requestEmailChange(
    memberId: string,
    rawEmail: string,
    currentPassword: string,
    language: Language,
  ): Promise<EmailChangeOutcome> {
    const email = normalizeEmail(rawEmail);
    if (email.length > 254 || !EMAIL.test(email)) return { ok: false, field: 'email', problem: 'invalid' };
    const account = await accountById(this.#db, memberId);
    if (account?.email === email) return { ok: false, field: 'email', problem: 'same' };
    const current = await this.#accounts.checkCurrent(memberId, currentPassword);
    if (!current.ok) return { ...current, field: 'currentPassword' };
    const changeId = this.#ctx.ids.next();
    const expiresAt = new Date(this.#ctx.clock.now().getTime() + CHANGE_HOURS * HOUR_MS).toISOString();
    await this.#ctx.transaction(async (tx) => {
      await tx.publish(
        EmailChangeRequested,
        { memberId, changeId, email, expiresAt, language },
        { actorId: memberId },
      );
    });
    return { ok: true };
  }

  /** Makes the new address the login one, from the link sent to it. */
  async confirmEmailChange(token: string): Promise<'changed' | 'invalid' | 'taken'> {
    const now = this.#ctx.clock.now();
    const changeId = this.#ctx.links.read(LINKS.emailChange.purpose, token, now);
    if (changeId === null) return 'invalid';
    const change = await emailChangeById(this.#db, changeId);
    if (!change || Date.parse(change.expiresAt) <= now.getTime()) return 'invalid';
    const account = await accountById(this.#db, change.memberId);
    if (!account?.email) return 'invalid';
    if (await accountByEmail(this.#db, change.email)) return 'taken';
    const previousEmail = account.email;
    try {
      await this.#ctx.transaction(async (tx) => {
        await tx.publish(
          EmailChanged,
          { memberId: change.memberId, email: change.email, previousEmail },
          { actorId: change.memberId },
        );
      });
    } catch (error) {
      // Another member took the address between the look and the write (accounts.email is unique).
      if (isUniqueViolation(error)) return 'taken';
      throw error;
    }
    return 'changed';
  }

  /** Confirms the address a link was sent to, if it is still the member's. */
  async confirmEmail(token: string): Promise<ConfirmOutcome> {
    const subject = this.#ctx.links.read(LINKS.emailConfirmation.purpose, token, this.#ctx.clock.now());
    if (subject === null) return 'invalid';
    const [memberId = '', email = ''] = subject.split(' ');
    const account = await accountById(this.#db, memberId);
    if (!account?.email || confirmationSubject(memberId, account.email) !== subject) return 'invalid';
    if (account.emailConfirmed) return 'already';
    await this.#ctx.transaction(async (tx) => {
      await tx.publish(EmailConfirmed, { memberId, email }, { actorId: memberId });
    });
    return 'confirmed';
  }
}
