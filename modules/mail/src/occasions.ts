import type { EventEnvelope, ModuleContext, Tx } from '@meetcute/core';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  SignUpWithTakenEmail,
} from '@meetcute/registration';
import {
  CONFIRMATION_DAYS,
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmationRequested,
  LoginLocked,
  PasswordChanged,
  TwoFactorEnabled,
  TwoFactorDisabled,
  PasswordResetRequested,
} from '@meetcute/auth/events';
import {
  addressOf,
  enqueue,
  rememberAddress,
  rememberLanguage,
  type MailTables,
  type NewMail,
} from './store.ts';

/** A notice about something that just happened is worth a mail for a day; older ones (an import, a replay) are not. */
const NOTICE_MS = 24 * 3600 * 1000;

/** Queues the mail an event asks for, unless it would arrive after `usefulUntil` (epoch ms). */
type Queue = (
  tx: Tx<MailTables>,
  event: EventEnvelope,
  mail: Omit<NewMail, 'id' | 'at'>,
  usefulUntil: number,
) => Promise<void>;

/**
 * The occasions for a mail: each event that asks for one queues it in the transaction
 * that records the event, and `wake` has the sender send it after the commit.
 */
export function queueMails(ctx: ModuleContext<MailTables>, wake: () => void): void {
  const queue: Queue = async (tx, event, mail, usefulUntil) => {
    if (ctx.clock.now().getTime() >= usefulUntil) return;
    await enqueue(tx.db, { ...mail, id: event.id, at: ctx.clock.now().toISOString() });
    tx.afterCommit(() => wake());
  };
  accountMails(ctx, queue);
  protectionNotices(ctx, queue);
  addressChangeMails(ctx, queue);
  warnings(ctx, queue);
  reviewOutcomes(ctx, queue);
}

/**
 * What the moderator decided about a sign-up, for a member who is not on the site to see
 * it live: the welcome promised they would hear. A decision older than a day (an import,
 * a replay) is news no more.
 */
function reviewOutcomes(ctx: ModuleContext<MailTables>, queue: Queue): void {
  const tell = async (
    tx: Tx<MailTables>,
    event: EventEnvelope<{ memberId: string }>,
    kind: 'approved' | 'sent-back',
    data: Record<string, string>,
  ): Promise<void> => {
    const address = await addressOf(tx.db, event.payload.memberId);
    if (!address) return;
    await queue(
      tx,
      event,
      { kind, memberId: event.payload.memberId, to: address.email, language: address.language, data },
      Date.parse(event.occurredAt) + NOTICE_MS,
    );
  };
  ctx.on(RegistrationApproved, (event, tx) => tell(tx, event, 'approved', {}));
  ctx.on(RegistrationRejected, (event, tx) => tell(tx, event, 'sent-back', { reason: event.payload.reason }));
}

/** A new account's welcome, the address to confirm, and a link to choose a password. */
function accountMails(ctx: ModuleContext<MailTables>, queue: Queue): void {
  ctx.on(AccountCreated, async (event, tx) => {
    const { memberId, email, language } = event.payload;
    await rememberAddress(tx.db, memberId, email, language);
    // Accounts logged before sign-ups recorded their language are long past their welcome.
    if (!language) return;
    const expiresAt = Date.parse(event.occurredAt) + CONFIRMATION_DAYS * 24 * 3600 * 1000;
    await queue(
      tx,
      event,
      {
        kind: 'welcome',
        memberId,
        to: email,
        language,
        data: { expiresAt: new Date(expiresAt).toISOString() },
      },
      expiresAt,
    );
  });

  ctx.on(EmailConfirmationRequested, async (event, tx) => {
    const { memberId, email, expiresAt, language } = event.payload;
    await rememberLanguage(tx.db, memberId, language);
    await queue(
      tx,
      event,
      { kind: 'email-confirmation', memberId, to: email, language, data: { expiresAt } },
      Date.parse(expiresAt),
    );
  });

  ctx.on(PasswordResetRequested, async (event, tx) => {
    const { memberId, resetId, expiresAt, language, reason } = event.payload;
    const address = await addressOf(tx.db, memberId);
    if (!address) return;
    await rememberLanguage(tx.db, memberId, language);
    await queue(
      tx,
      event,
      {
        kind: reason === 'imported' ? 'password-setup' : 'password-reset',
        memberId,
        to: address.email,
        language,
        data: { resetId, expiresAt },
      },
      Date.parse(expiresAt),
    );
  });
}

// Changes to how the account is protected are told to its owner: it may not have been them.
function protectionNotices(ctx: ModuleContext<MailTables>, queue: Queue): void {
  const notice = (kind: 'password-changed' | 'two-factor-on' | 'two-factor-off') =>
    async function tell(event: EventEnvelope<{ memberId: string }>, tx: Tx<MailTables>): Promise<void> {
      const { memberId } = event.payload;
      const address = await addressOf(tx.db, memberId);
      if (!address) return;
      await queue(
        tx,
        event,
        { kind, memberId, to: address.email, language: address.language, data: {} },
        Date.parse(event.occurredAt) + NOTICE_MS,
      );
    };
  ctx.on(PasswordChanged, notice('password-changed'));
  ctx.on(TwoFactorEnabled, notice('two-factor-on'));
  ctx.on(TwoFactorDisabled, notice('two-factor-off'));
}

/** A new address to confirm, and the old one told once the change is made. */
function addressChangeMails(ctx: ModuleContext<MailTables>, queue: Queue): void {
  ctx.on(EmailChangeRequested, async (event, tx) => {
    const { memberId, changeId, email, expiresAt, language } = event.payload;
    await rememberLanguage(tx.db, memberId, language);
    await queue(
      tx,
      event,
      { kind: 'email-change', memberId, to: email, language, data: { changeId, expiresAt } },
      Date.parse(expiresAt),
    );
  });

  // Mail goes to the new address from now on; the old one is told, in case it was not its owner.
  ctx.on(EmailChanged, async (event, tx) => {
    const { memberId, email, previousEmail } = event.payload;
    const address = await addressOf(tx.db, memberId);
    await rememberAddress(tx.db, memberId, email, address?.language);
    await queue(
      tx,
      event,
      {
        kind: 'email-changed',
        memberId,
        to: previousEmail,
        language: address?.language ?? 'en',
        data: { email },
      },
      Date.parse(event.occurredAt) + NOTICE_MS,
    );
  });
}

/** Someone else at the door: a log-in locked after failures, a sign-up with the member's address. */
function warnings(ctx: ModuleContext<MailTables>, queue: Queue): void {
  ctx.on(LoginLocked, async (event, tx) => {
    const { memberId, until } = event.payload;
    const address = await addressOf(tx.db, memberId);
    if (!address) return;
    await queue(
      tx,
      event,
      { kind: 'login-locked', memberId, to: address.email, language: address.language, data: { until } },
      Date.parse(until),
    );
  });

  // To the owner, in their language (not the one the attempt was made in), from the address on file.
  ctx.on(SignUpWithTakenEmail, async (event, tx) => {
    const { memberId } = event.payload;
    const address = await addressOf(tx.db, memberId);
    if (!address) return;
    await queue(
      tx,
      event,
      { kind: 'sign-up-attempt', memberId, to: address.email, language: address.language, data: {} },
      Date.parse(event.occurredAt) + NOTICE_MS,
    );
  });
}
