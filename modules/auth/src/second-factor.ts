import { createHash } from 'node:crypto';
import type { ModuleContext } from '@meetcute/core';
import type { Accounts, CurrentPassword, LoginOutcome } from './accounts.ts';
import { TwoFactorDisabled, TwoFactorEnabled } from './events.ts';
import type { SessionStore } from './sessions.ts';
import { viewOf } from './sessions.ts';
import {
  accountById,
  clearFailures,
  deleteSessionsOf,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  secondFactorOf,
  setSecondFactor,
  spendRecoveryCode,
  type Tables,
  takeStep,
} from './store.ts';
import { matchingStep, newRecoveryCodes, newSecret, otpauthUri, recoveryCodeKey } from './totp.ts';

/** How long the code form of a log-in stays good after the password was right. */
const TICKET_MINUTES = 10;
const TICKET = 'second-factor';

/** What the code form carries between the password and the code: signed, expiring, naming the member. */
export function secondFactorTicket(ctx: ModuleContext<Tables>, memberId: string): string {
  return ctx.links.make(TICKET, memberId, new Date(ctx.clock.now().getTime() + TICKET_MINUTES * 60_000));
}

const keyOf = (code: string) => createHash('sha256').update(recoveryCodeKey(code)).digest('hex');

export type SetUp = { secret: string; uri: string };
export type SecondFactorStatus = { enabled: boolean; recoveryCodesLeft: number };

/**
 * Two-factor authentication with an authenticator app (TOTP) and recovery codes. Any
 * member may turn it on; a moderator's role holds only with it (sessions.ts viewOf).
 * Secrets and codes are credentials: kept in auth's tables, in no event.
 */
export class SecondFactors {
  readonly #ctx: ModuleContext<Tables>;
  readonly #accounts: Accounts;
  readonly #sessions: SessionStore;

  constructor(ctx: ModuleContext<Tables>, accounts: Accounts, sessions: SessionStore) {
    this.#ctx = ctx;
    this.#accounts = accounts;
    this.#sessions = sessions;
  }

  get #db() {
    return this.#ctx.db;
  }

  /** What the app lists the account under: the site's own host, as several communities may run Meetcute. */
  get #issuer(): string {
    return new URL(this.#ctx.config.publicUrl).host;
  }

  async status(memberId: string): Promise<SecondFactorStatus> {
    const account = await accountById(this.#db, memberId);
    return {
      enabled: account?.twoFactor === true,
      recoveryCodesLeft: await recoveryCodesLeft(this.#db, memberId),
    };
  }

  /**
   * Starts setting up: a new secret the member puts in their app, kept aside until a code
   * from the app proves it is there. Null when the second factor is on already.
   */
  async begin(memberId: string): Promise<SetUp | null> {
    const account = await accountById(this.#db, memberId);
    if (!account?.email || account.twoFactor) return null;
    const secret = newSecret();
    await setSecondFactor(this.#db, memberId, { pending: secret });
    return { secret, uri: otpauthUri(this.#issuer, account.email, secret) };
  }

  /** The setup in progress, to show again (a reload, a wrong code). */
  async pending(memberId: string): Promise<SetUp | null> {
    const account = await accountById(this.#db, memberId);
    const { pending } = await secondFactorOf(this.#db, memberId);
    if (!account?.email || account.twoFactor || !pending) return null;
    return { secret: pending, uri: otpauthUri(this.#issuer, account.email, pending) };
  }

  /**
   * Turns it on with a code from the app: returns the recovery codes, shown this once. The
   * member's other sessions end: whoever logged in with the password alone is out.
   */
  async confirm(
    viewer: { memberId: string; sessionId: string },
    code: string,
  ): Promise<
    | { ok: true; recoveryCodes: string[] }
    | (CurrentPassword & { ok: false })
    | { ok: false; problem: 'not-started' }
  > {
    const { memberId } = viewer;
    const { pending } = await secondFactorOf(this.#db, memberId);
    if (!pending) return { ok: false, problem: 'not-started' };
    const now = this.#ctx.clock.now();
    let step: number | null = null;
    const checked = await this.#accounts.guarded(memberId, async () => {
      step = matchingStep(pending, code, now, null);
      return step !== null;
    });
    if (!checked.ok) return checked;
    const recoveryCodes = newRecoveryCodes();
    await this.#ctx.transaction(async (tx) => {
      const db = tx.db;
      await setSecondFactor(db, memberId, { secret: pending, pending: null, usedStep: step });
      await replaceRecoveryCodes(db, memberId, recoveryCodes.map(keyOf));
      await deleteSessionsOf(db, memberId, viewer.sessionId);
      await tx.publish(TwoFactorEnabled, { memberId, sessionId: viewer.sessionId }, { actorId: memberId });
    });
    return { ok: true, recoveryCodes };
  }

  /** Turns it off: the password and a code (or a recovery code) both. */
  async turnOff(
    memberId: string,
    password: string,
    code: string,
  ): Promise<{ ok: true } | (CurrentPassword & { ok: false; field: 'currentPassword' | 'code' })> {
    const current = await this.#accounts.checkCurrent(memberId, password);
    if (!current.ok) return { ...current, field: 'currentPassword' };
    const checked = await this.#accounts.guarded(memberId, () => this.#codeMatches(memberId, code));
    if (!checked.ok) return { ...checked, field: 'code' };
    await this.#ctx.transaction(async (tx) => {
      const db = tx.db;
      await setSecondFactor(db, memberId, { secret: null, pending: null, usedStep: null });
      await replaceRecoveryCodes(db, memberId, []);
      await tx.publish(TwoFactorDisabled, { memberId }, { actorId: memberId });
    });
    return { ok: true };
  }

  /** New recovery codes for a code from the app: the old ones stop working. */
  async renewRecoveryCodes(
    memberId: string,
    code: string,
  ): Promise<{ ok: true; recoveryCodes: string[] } | (CurrentPassword & { ok: false })> {
    const checked = await this.#accounts.guarded(memberId, () => this.#codeMatches(memberId, code));
    if (!checked.ok) return checked;
    const recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(this.#db, memberId, recoveryCodes.map(keyOf));
    return { ok: true, recoveryCodes };
  }

  /**
   * The second half of a log-in: the ticket the right password earned, and a code. Wrong
   * codes count as failed log-ins of the account. 'ticket' when it expired or was forged.
   */
  async completeLogin(
    ticket: string,
    code: string,
    userAgent?: string,
  ): Promise<Exclude<LoginOutcome, { kind: 'second-factor' | 'suspended' }> | { kind: 'ticket' }> {
    const memberId = this.#ctx.links.read(TICKET, ticket, this.#ctx.clock.now());
    if (memberId === null) return { kind: 'ticket' };
    const checked = await this.#accounts.guarded(memberId, () => this.#codeMatches(memberId, code));
    if (!checked.ok)
      return checked.problem === 'locked'
        ? { kind: 'locked', retryAfter: checked.retryAfter }
        : { kind: 'wrong' };
    const account = await accountById(this.#db, memberId);
    // Suspended or deleted while the code was typed: nothing opens.
    if (!account?.email || account.suspension) return { kind: 'ticket' };
    await clearFailures(this.#db, 'account', account.email);
    const token = await this.#sessions.open(memberId, userAgent);
    return { kind: 'ok', token, view: viewOf(memberId, account, this.#ctx.config) };
  }

  /** A code of the app not used before, or an unspent recovery code (spent now). */
  async #codeMatches(memberId: string, code: string): Promise<boolean> {
    const { secret, usedStep } = await secondFactorOf(this.#db, memberId);
    if (!secret) return false;
    const step = matchingStep(secret, code, this.#ctx.clock.now(), usedStep);
    if (step !== null) return takeStep(this.#db, memberId, step);
    if (!/^[a-z2-7]{10}$/.test(recoveryCodeKey(code))) return false;
    return spendRecoveryCode(this.#db, memberId, keyOf(code));
  }
}
