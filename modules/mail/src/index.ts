import { defineModule, type Tx, defineService } from '@meetcute/core';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  SignUpWithTakenEmail,
} from '@meetcute/registration';
import {
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
import { migrations, projections, tables, type MailTables } from './store.ts';
import { queueMails } from './occasions.ts';
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
export const MAIL_OUTBOX = defineService<MailOutbox>('mail.outbox');

/**
 * Mail: what the site sends to members' addresses (welcome and address confirmation,
 * the moderator's decision on a sign-up, password reset links, password-changed notices)
 * in the member's language. Each mail is
 * queued in the transaction that records the event asking for it and sent after, over
 * SMTP or into a local directory shown to moderators, retried until it goes.
 */
export const mail = defineModule({
  name: 'mail',
  description:
    'Mails to members (welcome and address confirmation, approval or a sign-up sent back, password reset, first password for imported members, password changed) in their language, queued from events and sent over SMTP or kept on this box, with retries and a moderators’ outbox.',
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
    RegistrationApproved,
    RegistrationRejected,
  ],
  provides: [MAIL_OUTBOX],
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

    queueMails(ctx, () => sender.wake());
    mailRoutes(ctx.http, ctx, transport.kind);
    mailPages(ctx.http, ctx, transport.kind);
    sender.start();
    ctx.onClose(() => sender.stop());
  },
});
