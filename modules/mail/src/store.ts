import { sql, type Kysely, type Selectable } from 'kysely';
import { generated, integer, nullable, text, type Migration, type TablesOf } from '@meetcute/core';
import type { Language } from '@meetcute/web';

// Timestamps are ISO text: the same SQL then runs on SQLite and PostgreSQL.

export type MailKind =
  | 'welcome'
  | 'email-confirmation'
  | 'password-reset'
  | 'password-setup'
  | 'password-changed'
  | 'two-factor-on'
  | 'two-factor-off'
  | 'email-change'
  | 'email-changed'
  | 'login-locked'
  | 'sign-up-attempt'
  | 'approved'
  | 'sent-back';
export type MailStatus = 'pending' | 'sent' | 'failed';

export const tables = {
  /** Where to write to each member and in which language: learnt from events. */
  mail_addresses: { member_id: text(), email: text(), language: text<Language>() },
  /**
   * The durable queue: a row per mail, written in the transaction that records the event
   * that asked for it (so a mail is never lost, nor queued twice), sent after. What the
   * mail says is worked out when it is sent: no link, and so no token, is stored here.
   */
  mail_queue: {
    /** The id of the event that asked for the mail. */
    id: text(),
    kind: text<MailKind>(),
    member_id: text(),
    to_address: text(),
    language: text<Language>(),
    /** What the mail needs to say it, as JSON (the reset's id and expiry, say). */
    data: text(),
    created_at: text(),
    attempts: generated(integer()),
    next_attempt_at: text(),
    /** A node sending it holds it until then, so two nodes never send the same mail at once. */
    claimed_until: nullable(text()),
    sent_at: nullable(text()),
    failed_at: nullable(text()),
    last_error: nullable(text()),
  },
};
export type MailTables = TablesOf<typeof tables>;
export type MailDb = Kysely<MailTables>;
export type QueuedMail = Selectable<MailTables['mail_queue']>;

/** Addresses are a view of events; the queue is a record of what was sent and stays. */
export const projections = ['mail_addresses'];

export const migrations: Migration[] = [
  {
    name: '0001_mail',
    async up(db) {
      await sql`create table mail_addresses (
        member_id text primary key,
        email text not null,
        language text not null
      )`.execute(db);
      await sql`create table mail_queue (
        id text primary key,
        kind text not null,
        member_id text not null,
        to_address text not null,
        language text not null,
        data text not null,
        created_at text not null,
        attempts integer not null default 0,
        next_attempt_at text not null,
        claimed_until text,
        sent_at text,
        failed_at text,
        last_error text
      )`.execute(db);
      await sql`create index mail_queue_due on mail_queue (next_attempt_at) where sent_at is null and failed_at is null`.execute(
        db,
      );
      await sql`create index mail_queue_created on mail_queue (created_at)`.execute(db);
    },
  },
];

export async function rememberAddress(
  db: MailDb,
  memberId: string,
  email: string,
  language: Language | undefined,
): Promise<void> {
  await db
    .insertInto('mail_addresses')
    .values({ member_id: memberId, email, language: language ?? 'en' })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(language ? { email, language } : { email }))
    .execute();
}

export async function rememberLanguage(db: MailDb, memberId: string, language: Language): Promise<void> {
  await db.updateTable('mail_addresses').set({ language }).where('member_id', '=', memberId).execute();
}

export async function addressOf(
  db: MailDb,
  memberId: string,
): Promise<{ email: string; language: Language } | undefined> {
  return db
    .selectFrom('mail_addresses')
    .select(['email', 'language'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export interface NewMail {
  id: string;
  kind: MailKind;
  memberId: string;
  to: string;
  language: Language;
  data: Record<string, string>;
  at: string;
}

/** Queues a mail once: the same event delivered again (a rebuild, a retry) queues nothing. */
export async function enqueue(db: MailDb, mail: NewMail): Promise<void> {
  await db
    .insertInto('mail_queue')
    .values({
      id: mail.id,
      kind: mail.kind,
      member_id: mail.memberId,
      to_address: mail.to,
      language: mail.language,
      data: JSON.stringify(mail.data),
      created_at: mail.at,
      attempts: 0,
      next_attempt_at: mail.at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function dueMails(db: MailDb, now: string, limit: number): Promise<QueuedMail[]> {
  return db
    .selectFrom('mail_queue')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** Takes a mail to send; false when another node (or an earlier loop here) took it first. */
export async function claim(db: MailDb, id: string, now: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_queue')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markSent(db: MailDb, id: string, at: string): Promise<void> {
  await db
    .updateTable('mail_queue')
    .set((eb) => ({ sent_at: at, claimed_until: null, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markRetry(db: MailDb, id: string, nextAt: string, error: string): Promise<void> {
  await db
    .updateTable('mail_queue')
    .set((eb) => ({
      next_attempt_at: nextAt,
      claimed_until: null,
      last_error: error,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: MailDb, id: string, at: string, error: string): Promise<void> {
  await db
    .updateTable('mail_queue')
    .set((eb) => ({
      failed_at: at,
      claimed_until: null,
      last_error: error,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export function statusOf(mail: Pick<QueuedMail, 'sent_at' | 'failed_at'>): MailStatus {
  return mail.sent_at ? 'sent' : mail.failed_at ? 'failed' : 'pending';
}

/** The newest mails first, for the moderators' outbox. */
export async function recentMails(db: MailDb, limit: number): Promise<QueuedMail[]> {
  return db
    .selectFrom('mail_queue')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function mailById(db: MailDb, id: string): Promise<QueuedMail | undefined> {
  return db.selectFrom('mail_queue').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pendingCount(db: MailDb): Promise<number> {
  const row = await db
    .selectFrom('mail_queue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
