import { defineModule, type EventEnvelope, type Tx } from '@meetcute/core';
import { AccountCreated, SignUpWithTakenEmail } from '@meetcute/registration';
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
  MemberDeleted,
  honourDeletion,
} from '@meetcute/auth/events';
import {
  addressOf,
  enqueue,
  migrations,
  projections,
  rememberAddress,
  rememberLanguage,
  tables,
  type MailTables,
  type NewMail,
} from './store.ts';
import { Sender } from './sender.ts';
import { directoryTransport, forgetKept, smtpTransport } from './transport.ts';
import { mailPages } from './pages.ts';
import { mailRoutes } from './routes.ts';
import { deletionUseCases, useCases } from './use-cases.ts';

export type { KeptMail } from './transport.ts';

/** What the operator's command line and tests use to send what is due now, under MAIL_OUTBOX. */
export interface MailOutbox {
  flush(): Promise<void>;
}
export const MAIL_OUTBOX = 'mail.outbox';

/** A notice about something that just happened is worth a mail for a day; older ones (an import, a replay) are not. */
const NOTICE_MS = 24 * 3600 * 1000;

/**
 * Mail: what the site sends to members' addresses (welcome and address confirmation,
 * password reset links, password-changed notices) in the member's language. Each mail is
 * queued in the transaction that records the event asking for it and sent after, over
 * SMTP or into a local directory shown to moderators, retried until it goes.
 */
export const mail = defineModule({
  name: 'mail',
  description:
    'Mails to members (welcome and address confirmation, password reset, first password for imported members, password changed) in their language, queued from events and sent over SMTP or kept on this box, with retries and a moderators’ outbox.',
  publishes: [],
  consumes: [
    MemberDeleted,
    AccountCreated,
    EmailConfirmationRequested,
    PasswordResetRequested,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    EmailChangeRequested,
    EmailChanged,
    LoginLocked,
    SignUpWithTakenEmail,
  ],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    // Mail to a deleted member goes unsent, and the copies this box kept of what went go too.
    honourDeletion(ctx, {
      tables: { mail_addresses: { mine: ['member_id'] }, mail_queue: { mine: ['member_id'] } },
      async forget(tx: Tx<MailTables>, memberId) {
        const rows = await tx.db
          .selectFrom('mail_queue')
          .select('id')
          .where('member_id', '=', memberId)
          .execute();
        const ids = rows.map((r) => r.id);
        tx.afterCommit(() => forgetKept(ctx.config.mail.directory, ids));
      },
    });
    const { mail: settings, publicUrl } = ctx.config;
    const transport = settings.smtpUrl
      ? smtpTransport(settings.smtpUrl, settings.from)
      : directoryTransport(settings.directory, settings.from, () => ctx.clock.now());
    const sender = new Sender({
      db: ctx.db,
      transport,
      clock: ctx.clock,
      links: ctx.links,
      publicUrl,
      logger: ctx.logger,
      metrics: ctx.metrics,
    });
    ctx.services.provide<MailOutbox>(MAIL_OUTBOX, { flush: () => sender.flush() });

    /** Queues the mail unless it would arrive too late to be of use. */
    const queue = async (
      tx: Tx<MailTables>,
      event: EventEnvelope,
      mail: Omit<NewMail, 'id' | 'at'>,
      usefulUntil: number,
    ) => {
      if (ctx.clock.now().getTime() >= usefulUntil) return;
      await enqueue(tx.db, { ...mail, id: event.id, at: ctx.clock.now().toISOString() });
      tx.afterCommit(() => sender.wake());
    };

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

    // Changes to how the account is protected are told to its owner: it may not have been them.
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

    mailRoutes(ctx.http, ctx, transport.kind);
    mailPages(ctx.http, ctx, transport.kind);
    sender.start();
    ctx.onClose(() => sender.stop());
  },
});
