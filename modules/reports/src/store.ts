import { sql, type Kysely } from 'kysely';
import { nullable, text, type Migration, type TablesOf } from '@meetcute/core';
import type { ReportKind, ReportOutcome, ReportReason } from './events.ts';

export const tables = {
  /** One row per report; reports of the same thing form one item of the moderators' queue. */
  reports: {
    id: text(),
    reporter_id: text(),
    member_id: text(),
    kind: text<ReportKind>(),
    content_id: text(),
    /** An appeal's is 'appeal': the member's own words are its note. */
    reason: text<ReportReason | 'appeal'>(),
    note: text(),
    at: text(),
    closed_at: nullable(text()),
    outcome: nullable(text<ReportOutcome>()),
  },
};
export type ReportsTables = TablesOf<typeof tables>;
export type ReportsDb = Kysely<ReportsTables>;

export const projections = ['reports'];

export const migrations: Migration[] = [
  {
    name: '0001_reports',
    async up(db) {
      await sql`create table reports (
        id text primary key,
        reporter_id text not null,
        member_id text not null,
        kind text not null,
        content_id text not null,
        reason text not null,
        note text not null,
        at text not null,
        closed_at text,
        outcome text
      )`.execute(db);
      await sql`create index reports_open on reports (kind, content_id) where closed_at is null`.execute(db);
      await sql`create index reports_reporter on reports (reporter_id, kind, content_id)`.execute(db);
    },
  },
];

export interface NewReport {
  id: string;
  reporterId: string;
  memberId: string;
  kind: ReportKind;
  contentId: string;
  reason: ReportReason | 'appeal';
  note: string;
  at: string;
}

export async function addReport(db: ReportsDb, r: NewReport): Promise<void> {
  await db
    .insertInto('reports')
    .values({
      id: r.id,
      reporter_id: r.reporterId,
      member_id: r.memberId,
      kind: r.kind,
      content_id: r.contentId,
      reason: r.reason,
      note: r.note,
      at: r.at,
      closed_at: null,
      outcome: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function closeReports(
  db: ReportsDb,
  kind: ReportKind,
  contentId: string,
  outcome: ReportOutcome,
  at: string,
): Promise<void> {
  await db
    .updateTable('reports')
    .set({ closed_at: at, outcome })
    .where('kind', '=', kind)
    .where('content_id', '=', contentId)
    .where('closed_at', 'is', null)
    .execute();
}

/** How many different members reported this one since a moment (whatever became of the reports). */
export async function reportersSince(db: ReportsDb, memberId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.count<number>('reporter_id').distinct().as('n'))
    .where('member_id', '=', memberId)
    .where('kind', '!=', 'appeal')
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether this member already has an open report of this thing: reporting twice adds nothing. */
export async function hasOpenReport(
  db: ReportsDb,
  reporterId: string,
  kind: ReportKind,
  contentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('reporter_id', '=', reporterId)
    .where('kind', '=', kind)
    .where('content_id', '=', contentId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export interface QueueItem {
  kind: ReportKind;
  contentId: string;
  memberId: string;
  count: number;
  latestAt: string;
  reports: Array<{ reason: ReportReason | 'appeal'; note: string; at: string }>;
}

/** Open reports grouped by what they are about: the most reported first, then the newest. */
export async function openQueue(db: ReportsDb, limit: number): Promise<QueueItem[]> {
  const groups = await db
    .selectFrom('reports')
    .select((eb) => [
      'kind',
      'content_id',
      eb.fn.max('member_id').as('member_id'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('at').as('latest'),
    ])
    .where('closed_at', 'is', null)
    .groupBy(['kind', 'content_id'])
    .orderBy('n', 'desc')
    .orderBy('latest', 'desc')
    .limit(limit)
    .execute();
  if (groups.length === 0) return [];
  const rows = await db
    .selectFrom('reports')
    .select(['kind', 'content_id', 'reason', 'note', 'at'])
    .where('closed_at', 'is', null)
    .where(
      'content_id',
      'in',
      groups.map((g) => g.content_id),
    )
    .orderBy('at', 'desc')
    .execute();
  return groups.map((g) => ({
    kind: g.kind,
    contentId: g.content_id,
    memberId: String(g.member_id),
    count: Number(g.n),
    latestAt: String(g.latest),
    reports: rows
      .filter((r) => r.kind === g.kind && r.content_id === g.content_id)
      .map((r) => ({ reason: r.reason, note: r.note, at: r.at })),
  }));
}

/** A member's open appeal closes once their suspension is lifted: there is nothing left to decide. */
export async function closeAppeals(db: ReportsDb, memberId: string, at: string): Promise<void> {
  await db
    .updateTable('reports')
    .set({ closed_at: at, outcome: 'handled' })
    .where('kind', '=', 'appeal')
    .where('member_id', '=', memberId)
    .where('closed_at', 'is', null)
    .execute();
}

/** A member's latest appeal as the queue shows it: their words. */
export async function appeal(
  db: ReportsDb,
  memberId: string,
): Promise<{ memberId: string; text: string } | undefined> {
  const row = await db
    .selectFrom('reports')
    .select(['member_id', 'note'])
    .where('kind', '=', 'appeal')
    .where('content_id', '=', memberId)
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return row && { memberId: row.member_id, text: row.note };
}

/** Open reports of one thing, to close them; the member they are about. */
export async function openItem(
  db: ReportsDb,
  kind: ReportKind,
  contentId: string,
): Promise<{ memberId: string } | undefined> {
  const row = await db
    .selectFrom('reports')
    .select('member_id')
    .where('kind', '=', kind)
    .where('content_id', '=', contentId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return row && { memberId: row.member_id };
}
