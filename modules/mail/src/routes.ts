import { Type } from 'typebox';
import type { Http, ModuleContext } from '@meetcute/core';
import { write } from './letters.ts';
import { pendingCount, recentMails, statusOf, type MailTables, type QueuedMail } from './store.ts';

const MailSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'welcome, email-confirmation, password-reset or password-changed' }),
  to: Type.String(),
  subject: Type.String(),
  language: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

/** What moderators may see of a mail: never its text, which may hold a working link. */
export function summary(ctx: ModuleContext<MailTables>, mail: QueuedMail) {
  return {
    id: mail.id,
    kind: mail.kind,
    to: mail.to_address,
    subject: write(mail, ctx.links, ctx.config.publicUrl).subject,
    language: mail.language,
    status: statusOf(mail),
    attempts: Number(mail.attempts),
    createdAt: mail.created_at,
    sentAt: mail.sent_at,
    lastError: mail.last_error,
  };
}

export function mailRoutes(
  http: Http,
  ctx: ModuleContext<MailTables>,
  transport: 'smtp' | 'directory',
): void {
  http.get(
    '/api/v1/mail',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary: 'The outbox: the newest mails and whether they went',
        description:
          'For moderators and operators watching delivery: who was written to, about what, and whether the mail server took it. Never the text.',
        tags: ['mail'],
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: {
          200: Type.Object({
            transport: Type.Union([Type.Literal('smtp'), Type.Literal('directory')]),
            pending: Type.Integer(),
            mails: Type.Array(MailSchema),
          }),
        },
      },
    },
    async (request) => {
      const [mails, pending] = await Promise.all([
        recentMails(ctx.db, request.query.limit ?? 50),
        pendingCount(ctx.db),
      ]);
      return { transport, pending, mails: mails.map((m) => summary(ctx, m)) };
    },
  );
}
