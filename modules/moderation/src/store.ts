import { sql, type Kysely } from 'kysely';
import {
  nullable,
  text,
  type EventDefinition,
  type EventEnvelope,
  type Migration,
  type ModuleContext,
  type PayloadOf,
  type TablesOf,
} from '@meetcute/core';
import { AboutMeApproved, AboutMeRejected } from '@meetcute/profile/events';
import { PhotoApproved, PhotoRejected } from '@meetcute/photos/events';
import { ReportsClosed } from '@meetcute/reports/events';
import {
  NicknameApproved,
  NicknameRejected,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
} from '@meetcute/registration';
import {
  MemberSuspended,
  MemberWarned,
  SuspensionAppealed,
  SuspensionLifted,
  WarningRead,
} from './events.ts';

// Timestamps are ISO text: the same SQL then runs on SQLite and PostgreSQL.

export const tables = {
  /** The sanction in force on a member, if any: a suspension until a time, or a ban (until null). */
  sanctions: {
    member_id: text(),
    moderator_id: text(),
    reason: text(),
    until: nullable(text()),
    at: text(),
  },
  /** A warning a moderator gave a member; read_at once the member read it. */
  warnings: {
    id: text(),
    member_id: text(),
    moderator_id: text(),
    reason: text(),
    at: text(),
    read_at: nullable(text()),
  },
  /** Who did what to whom, when and why: every moderator decision, from this and other modules. */
  moderation_log: {
    id: text(),
    at: text(),
    moderator_id: nullable(text()),
    member_id: text(),
    action: text<LogAction>(),
    reason: nullable(text()),
    until: nullable(text()),
  },
  /** Every member's nickname as they signed up, so the log names moderators whose own profile waits. */
  moderation_names: { member_id: text(), nickname: text() },
  /** A member's appeal of the sanction in force since `sanction_at`: one each. */
  appeals: { member_id: text(), sanction_at: text(), text: text(), at: text() },
};
export type ModerationTables = TablesOf<typeof tables>;
export type ModerationDb = Kysely<ModerationTables>;

export const projections = ['sanctions', 'warnings', 'moderation_log', 'moderation_names', 'appeals'];

export const migrations: Migration[] = [
  {
    name: '0001_moderation',
    async up(db) {
      await sql`create table sanctions (
        member_id text primary key,
        moderator_id text not null,
        reason text not null,
        until text,
        at text not null
      )`.execute(db);
      await sql`create table warnings (
        id text primary key,
        member_id text not null,
        moderator_id text not null,
        reason text not null,
        at text not null,
        read_at text
      )`.execute(db);
      await sql`create index warnings_member on warnings (member_id, at)`.execute(db);
      await sql`create table moderation_log (
        id text primary key,
        at text not null,
        moderator_id text,
        member_id text not null,
        action text not null,
        reason text,
        until text
      )`.execute(db);
      await sql`create index moderation_log_at on moderation_log (at, id)`.execute(db);
      await sql`create index moderation_log_member on moderation_log (member_id, at)`.execute(db);
      await sql`create table moderation_names (member_id text primary key, nickname text not null)`.execute(
        db,
      );
      await sql`create table appeals (
        member_id text not null,
        sanction_at text not null,
        text text not null,
        at text not null,
        primary key (member_id, sanction_at)
      )`.execute(db);
    },
  },
];

export async function addAppeal(
  db: ModerationDb,
  a: { memberId: string; sanctionAt: string; text: string; at: string },
): Promise<void> {
  await db
    .insertInto('appeals')
    .values({ member_id: a.memberId, sanction_at: a.sanctionAt, text: a.text, at: a.at })
    .onConflict((oc) => oc.columns(['member_id', 'sanction_at']).doNothing())
    .execute();
}

/** The appeal of the sanction in force, if the member made one. */
export async function appealOf(
  db: ModerationDb,
  memberId: string,
  sanctionAt: string,
): Promise<{ text: string; at: string } | undefined> {
  return db
    .selectFrom('appeals')
    .select(['text', 'at'])
    .where('member_id', '=', memberId)
    .where('sanction_at', '=', sanctionAt)
    .executeTakeFirst();
}

export async function rememberName(db: ModerationDb, memberId: string, nickname: string): Promise<void> {
  await db
    .insertInto('moderation_names')
    .values({ member_id: memberId, nickname })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ nickname }))
    .execute();
}

export async function namesOf(db: ModerationDb, memberIds: readonly string[]): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('moderation_names')
    .select(['member_id', 'nickname'])
    .where('member_id', 'in', [...new Set(memberIds)])
    .execute();
  return new Map(rows.map((r) => [r.member_id, r.nickname]));
}

export interface Sanction {
  memberId: string;
  moderatorId: string;
  reason: string;
  until: string | null;
  at: string;
}

export async function sanctionOf(db: ModerationDb, memberId: string): Promise<Sanction | undefined> {
  const row = await db
    .selectFrom('sanctions')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return (
    row && {
      memberId: row.member_id,
      moderatorId: row.moderator_id,
      reason: row.reason,
      until: row.until,
      at: row.at,
    }
  );
}

export async function setSanction(db: ModerationDb, s: Sanction): Promise<void> {
  const values = { moderator_id: s.moderatorId, reason: s.reason, until: s.until, at: s.at };
  await db
    .insertInto('sanctions')
    .values({ member_id: s.memberId, ...values })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
}

export async function clearSanction(db: ModerationDb, memberId: string): Promise<void> {
  await db.deleteFrom('sanctions').where('member_id', '=', memberId).execute();
}

/** Suspensions whose time is up, for the sweep that lifts them. */
export async function endedSuspensions(db: ModerationDb, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sanctions')
    .select('member_id')
    .where('until', 'is not', null)
    .where('until', '<=', now)
    .execute();
  return rows.map((r) => r.member_id);
}

export interface Warning {
  id: string;
  memberId: string;
  reason: string;
  at: string;
  readAt: string | null;
}

export async function addWarning(
  db: ModerationDb,
  w: { id: string; memberId: string; moderatorId: string; reason: string; at: string },
): Promise<void> {
  await db
    .insertInto('warnings')
    .values({
      id: w.id,
      member_id: w.memberId,
      moderator_id: w.moderatorId,
      reason: w.reason,
      at: w.at,
      read_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function markWarningRead(
  db: ModerationDb,
  id: string,
  memberId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('warnings')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .execute();
}

export async function warningsOf(db: ModerationDb, memberId: string, unreadOnly = false): Promise<Warning[]> {
  let query = db.selectFrom('warnings').selectAll().where('member_id', '=', memberId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    reason: r.reason,
    at: r.at,
    readAt: r.read_at,
  }));
}

export type LogAction =
  | 'suspended'
  | 'banned'
  | 'lifted'
  | 'warned'
  | 'appealed'
  | 'registration-approved'
  | 'registration-rejected'
  | 'photo-approved'
  | 'photo-rejected'
  | 'about-approved'
  | 'about-rejected'
  | 'nickname-approved'
  | 'nickname-rejected'
  | 'reports-dismissed'
  | 'reports-handled'
  | 'appeal-refused'
  | 'photo-removed'
  | 'diary-removed'
  | 'about-removed';

export interface LogEntry {
  id: string;
  at: string;
  moderatorId: string | null;
  memberId: string;
  action: LogAction;
  reason: string | null;
  until: string | null;
}

export async function logDecision(
  db: ModerationDb,
  event: EventEnvelope,
  entry: Omit<LogEntry, 'id' | 'at'>,
): Promise<void> {
  await db
    .insertInto('moderation_log')
    .values({
      id: event.id,
      at: event.occurredAt,
      moderator_id: entry.moderatorId,
      member_id: entry.memberId,
      action: entry.action,
      reason: entry.reason,
      until: entry.until,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The newest decisions first, before a cursor (time and id of the last one shown). */
export async function logPage(
  db: ModerationDb,
  options: { limit: number; memberId?: string | undefined; before?: { at: string; id: string } | undefined },
): Promise<LogEntry[]> {
  let query = db.selectFrom('moderation_log').selectAll();
  if (options.memberId) query = query.where('member_id', '=', options.memberId);
  const before = options.before;
  if (before)
    query = query.where((eb) =>
      eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
    );
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    moderatorId: r.moderator_id,
    memberId: r.member_id,
    action: r.action,
    reason: r.reason,
    until: r.until,
  }));
}

/** The module's tables are a projection of its own decisions and of the reviews other modules record. */
export function project(ctx: ModuleContext<ModerationTables>): void {
  projectSanctions(ctx);
  logReviews(ctx);
}

/** Sanctions, warnings and appeals, each also a line of the log. */
function projectSanctions(ctx: ModuleContext<ModerationTables>): void {
  ctx.on(MemberSuspended, async (e, tx) => {
    const { memberId, moderatorId, reason, until } = e.payload;
    await setSanction(tx.db, { memberId, moderatorId, reason, until, at: e.occurredAt });
    await logDecision(tx.db, e, {
      moderatorId,
      memberId,
      action: until ? 'suspended' : 'banned',
      reason,
      until,
    });
  });
  ctx.on(SuspensionLifted, async (e, tx) => {
    const { memberId, moderatorId, reason } = e.payload;
    await clearSanction(tx.db, memberId);
    await logDecision(tx.db, e, { moderatorId, memberId, action: 'lifted', reason, until: null });
  });
  ctx.on(MemberWarned, async (e, tx) => {
    const { warningId, memberId, moderatorId, reason } = e.payload;
    await addWarning(tx.db, { id: warningId, memberId, moderatorId, reason, at: e.occurredAt });
    await logDecision(tx.db, e, { moderatorId, memberId, action: 'warned', reason, until: null });
  });
  ctx.on(SuspensionAppealed, async (e, tx) => {
    const sanction = await sanctionOf(tx.db, e.payload.memberId);
    if (!sanction) return; // lifted before the appeal arrived: nothing to attach it to
    await addAppeal(tx.db, {
      memberId: e.payload.memberId,
      sanctionAt: sanction.at,
      text: e.payload.text,
      at: e.occurredAt,
    });
    await logDecision(tx.db, e, {
      moderatorId: null,
      memberId: e.payload.memberId,
      action: 'appealed',
      reason: e.payload.text,
      until: null,
    });
  });
  ctx.on(WarningRead, async ({ payload, occurredAt }, tx) =>
    markWarningRead(tx.db, payload.warningId, payload.memberId, occurredAt),
  );
}

/** What a review another module recorded says for the log: who decided, about whom, why. */
type ReviewOf<D extends EventDefinition> = (e: EventEnvelope<PayloadOf<D>>) => {
  moderatorId: string | null;
  memberId: string;
  reason?: string;
};

/** What taking reported content down is called in the log, by the kind of content. */
const REMOVED = {
  profile: 'about-removed',
  photo: 'photo-removed',
  'diary-post': 'diary-removed',
} as const;

/** The other modules' decisions, so the log is the whole story. */
function logReviews(ctx: ModuleContext<ModerationTables>): void {
  /** A review another module recorded, as a line of the log. */
  const logReview = <D extends EventDefinition>(
    definition: D,
    action: LogAction,
    read: ReviewOf<D>,
    actionOf: (e: EventEnvelope<PayloadOf<D>>) => LogAction = () => action,
  ) =>
    ctx.on(definition, (e, tx) => {
      const { moderatorId, memberId, reason } = read(e);
      return logDecision(tx.db, e, {
        moderatorId,
        memberId,
        action: actionOf(e),
        reason: reason ?? null,
        until: null,
      });
    });
  ctx.on(RegistrationSubmitted, ({ payload }, tx) =>
    rememberName(tx.db, payload.memberId, payload.application.nickname),
  );
  ctx.on(RegistrationApproved, async (e, tx) => {
    await rememberName(tx.db, e.payload.memberId, e.payload.application.nickname);
    await logDecision(tx.db, e, {
      moderatorId: e.payload.moderatorId,
      memberId: e.payload.memberId,
      action: 'registration-approved',
      reason: null,
      until: null,
    });
  });
  logReview(RegistrationRejected, 'registration-rejected', ({ payload: p }) => p);
  logReview(PhotoApproved, 'photo-approved', (e) => ({
    moderatorId: e.actorId,
    memberId: e.payload.ownerId,
  }));
  logReview(PhotoRejected, 'photo-rejected', (e) => ({
    ...e.payload,
    moderatorId: e.actorId,
    memberId: e.payload.ownerId,
  }));
  logReview(AboutMeApproved, 'about-approved', ({ payload: p }) => ({
    moderatorId: p.moderatorId,
    memberId: p.memberId,
  }));
  logReview(AboutMeRejected, 'about-rejected', ({ payload: p }) => p);
  // A new nickname is the name the log shows the member by from now on.
  ctx.on(NicknameApproved, async (e, tx) => {
    await rememberName(tx.db, e.payload.memberId, e.payload.nickname);
    await logDecision(tx.db, e, {
      moderatorId: e.payload.moderatorId,
      memberId: e.payload.memberId,
      action: 'nickname-approved',
      reason: null,
      until: null,
    });
  });
  logReview(NicknameRejected, 'nickname-rejected', ({ payload: p }) => p);
  // Closing reports is a decision too; taking content down says what went, and why.
  logReview(ReportsClosed, 'reports-handled', ({ payload: p }) => p, reportsAction);
}

/** The log's word for closing reports: an appeal refused, reports dismissed, or what was taken down. */
function reportsAction({ payload: p }: EventEnvelope<PayloadOf<typeof ReportsClosed>>): LogAction {
  if (p.kind === 'appeal') return p.outcome === 'dismissed' ? 'appeal-refused' : 'reports-handled';
  if (p.outcome === 'dismissed') return 'reports-dismissed';
  return p.outcome === 'removed' && p.kind !== 'message' ? REMOVED[p.kind] : 'reports-handled';
}
