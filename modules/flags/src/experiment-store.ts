import { sql } from 'kysely';
import { integer, nullable, text, type Migration, type ModuleContext } from '@meetcute/core';
import type { FlagsDb, Tables } from './store.ts';
import { MessageSent } from '@meetcute/chat/events';
import { SessionStarted } from '@meetcute/auth/events';
import {
  ExperimentCreated,
  ExperimentExposed,
  ExperimentStarted,
  ExperimentStopped,
  type Metric,
} from './events.ts';

export const experimentTables = {
  /** One row per experiment; status is draft, running or stopped. */
  flags_experiments: {
    key: text(),
    flag_key: text(),
    description: text(),
    metric: text<Metric>(),
    status: text<ExperimentStatus>(),
    created_at: text(),
    started_at: nullable(text()),
    stopped_at: nullable(text()),
  },
  /**
   * A member's variant in an experiment, kept from their first exposure; wrote_at: their
   * first message after it; messages and sessions: what they sent and how often they logged
   * in after it, while the experiment ran.
   */
  flags_exposures: {
    experiment_key: text(),
    member_id: text(),
    variant: text(),
    exposed_at: text(),
    wrote_at: nullable(text()),
    messages: integer(),
    sessions: integer(),
  },
  /** Who wrote first in each conversation: a message in a conversation not here is a first message. */
  flags_openers: { conversation_id: text(), opener_id: text(), opened_at: text() },
  /** A first message an exposed member sent while their experiment ran, and whether it was answered. */
  flags_trials: {
    experiment_key: text(),
    conversation_id: text(),
    member_id: text(),
    variant: text(),
    replied: integer(),
  },
};
type Db = FlagsDb;

export type ExperimentStatus = 'draft' | 'running' | 'stopped';

export const experimentMigrations: Migration[] = [
  {
    name: '0002_flags_experiments',
    async up(db) {
      await sql`create table flags_experiments (
        key text primary key not null,
        flag_key text not null,
        description text not null,
        metric text not null,
        status text not null,
        created_at text not null,
        started_at text,
        stopped_at text
      )`.execute(db);
      await sql`create table flags_exposures (
        experiment_key text not null,
        member_id text not null,
        variant text not null,
        exposed_at text not null,
        wrote_at text,
        primary key (experiment_key, member_id)
      )`.execute(db);
      await sql`create index flags_exposures_by_member on flags_exposures (member_id)`.execute(db);
      await sql`create table flags_openers (
        conversation_id text primary key not null,
        opener_id text not null,
        opened_at text not null
      )`.execute(db);
      await sql`create table flags_trials (
        experiment_key text not null,
        conversation_id text not null,
        member_id text not null,
        variant text not null,
        replied integer not null,
        primary key (experiment_key, conversation_id)
      )`.execute(db);
      await sql`create index flags_trials_by_conversation on flags_trials (conversation_id)`.execute(db);
    },
  },
];

/** Members' activity since exposure, counted on their exposure: it goes with it when they leave. */
export const activityMigrations: Migration[] = [
  {
    name: '0004_flags_activity',
    async up(db) {
      await sql`alter table flags_exposures add column messages integer not null default 0`.execute(db);
      await sql`alter table flags_exposures add column sessions integer not null default 0`.execute(db);
    },
  },
];

export const experimentProjections = [
  'flags_experiments',
  'flags_exposures',
  'flags_openers',
  'flags_trials',
];

export interface Experiment {
  key: string;
  flagKey: string;
  description: string;
  metric: Metric;
  status: ExperimentStatus;
  createdAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
}

type ExperimentRow = Tables['flags_experiments'];

function experimentOf(r: ExperimentRow): Experiment {
  return {
    key: r.key,
    flagKey: r.flag_key,
    description: r.description,
    metric: r.metric,
    status: r.status,
    createdAt: r.created_at,
    startedAt: r.started_at,
    stoppedAt: r.stopped_at,
  };
}

export async function experimentByKey(db: Db, key: string): Promise<Experiment | undefined> {
  const row = await db.selectFrom('flags_experiments').selectAll().where('key', '=', key).executeTakeFirst();
  return row && experimentOf(row);
}

export async function allExperiments(db: Db): Promise<Experiment[]> {
  const rows = await db.selectFrom('flags_experiments').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(experimentOf);
}

/** The running experiment over a flag, if any (a flag runs one experiment at a time). */
export async function runningOn(db: Db, flagKey: string): Promise<Experiment | undefined> {
  const row = await db
    .selectFrom('flags_experiments')
    .selectAll()
    .where('flag_key', '=', flagKey)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return row && experimentOf(row);
}

export async function assignmentOf(
  db: Db,
  experimentKey: string,
  memberId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('flags_exposures')
    .select('variant')
    .where('experiment_key', '=', experimentKey)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.variant;
}

/**
 * Per variant: how many trials the metric counts and how many of them converted, and what
 * its exposed members did since their exposure: messages sent and sessions started.
 */
export interface VariantCount {
  variant: string;
  exposed: number;
  trials: number;
  conversions: number;
  messages: number;
  sessions: number;
}

export async function countsOf(db: Db, experiment: Experiment): Promise<VariantCount[]> {
  const exposed = await db
    .selectFrom('flags_exposures')
    .select([
      'variant',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.count<number | string>('wrote_at').as('wrote'),
      (eb) => eb.fn.sum<number | string>('messages').as('messages'),
      (eb) => eb.fn.sum<number | string>('sessions').as('sessions'),
    ])
    .where('experiment_key', '=', experiment.key)
    .groupBy('variant')
    .execute();
  const trials = await db
    .selectFrom('flags_trials')
    .select([
      'variant',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.sum<number | string>('replied').as('replied'),
    ])
    .where('experiment_key', '=', experiment.key)
    .groupBy('variant')
    .execute();
  const variants = new Set([...exposed.map((r) => r.variant), ...trials.map((r) => r.variant)]);
  return [...variants].sort().map((variant) => {
    const e = exposed.find((r) => r.variant === variant);
    const t = trials.find((r) => r.variant === variant);
    const n = Number(e?.n ?? 0);
    const activity = { messages: Number(e?.messages ?? 0), sessions: Number(e?.sessions ?? 0) };
    return experiment.metric === 'writers'
      ? { variant, exposed: n, trials: n, conversions: Number(e?.wrote ?? 0), ...activity }
      : {
          variant,
          exposed: n,
          trials: Number(t?.n ?? 0),
          conversions: Number(t?.replied ?? 0),
          ...activity,
        };
  });
}

/** Experiments and exposures are a projection of their events; conversions of the chat's messages. */
export function projectExperiments(ctx: ModuleContext<Tables>): void {
  ctx.on(ExperimentCreated, async (e, tx) => {
    const { key, flagKey, description, metric } = e.payload;
    await tx.db
      .insertInto('flags_experiments')
      .values({
        key,
        flag_key: flagKey,
        description,
        metric,
        status: 'draft',
        created_at: e.occurredAt,
        started_at: null,
        stopped_at: null,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
  ctx.on(ExperimentStarted, async (e, tx) => {
    await tx.db
      .updateTable('flags_experiments')
      .set({ status: 'running', started_at: e.occurredAt })
      .where('key', '=', e.payload.key)
      .execute();
  });
  ctx.on(ExperimentStopped, async (e, tx) => {
    await tx.db
      .updateTable('flags_experiments')
      .set({ status: 'stopped', stopped_at: e.occurredAt })
      .where('key', '=', e.payload.key)
      .execute();
  });
  ctx.on(ExperimentExposed, async (e, tx) => {
    const { experimentKey, memberId, variant } = e.payload;
    await tx.db
      .insertInto('flags_exposures')
      .values({
        experiment_key: experimentKey,
        member_id: memberId,
        variant,
        exposed_at: e.occurredAt,
        wrote_at: null,
        messages: 0,
        sessions: 0,
      })
      .onConflict((oc) => oc.columns(['experiment_key', 'member_id']).doNothing())
      .execute();
  });
  ctx.on(MessageSent, async (e, tx) => {
    await countMessage(tx.db, e.payload, e.occurredAt);
  });
  // A log-in counts for every running experiment the member was exposed in (before it, in the log).
  ctx.on(SessionStarted, async (e, tx) => {
    await tx.db
      .updateTable('flags_exposures')
      .set((eb) => ({ sessions: eb('sessions', '+', 1) }))
      .where('member_id', '=', e.payload.memberId)
      .where('experiment_key', 'in', (eb) =>
        eb.selectFrom('flags_experiments').select('key').where('status', '=', 'running'),
      )
      .execute();
  });
}

/**
 * A message counts for the running experiments its sender (or its recipient) is exposed in:
 * the first message of a conversation opens a trial for its sender; the other member's
 * first answer makes it a conversion; and any message makes its sender a writer and counts
 * among the messages they sent.
 */
async function countMessage(
  db: Db,
  m: { conversationId: string; senderId: string; recipientId: string },
  at: string,
): Promise<void> {
  const opened = await db
    .selectFrom('flags_openers')
    .select('opener_id')
    .where('conversation_id', '=', m.conversationId)
    .executeTakeFirst();
  const running = await db
    .selectFrom('flags_experiments')
    .select('key')
    .where('status', '=', 'running')
    .execute();
  const keys = running.map((r) => r.key);
  if (!opened) {
    await db
      .insertInto('flags_openers')
      .values({ conversation_id: m.conversationId, opener_id: m.senderId, opened_at: at })
      .execute();
  }
  if (keys.length === 0) return;
  const exposures = await db
    .selectFrom('flags_exposures')
    .select(['experiment_key', 'variant', 'wrote_at'])
    .where('member_id', '=', m.senderId)
    .where('experiment_key', 'in', keys)
    .execute();
  for (const x of exposures) {
    await db
      .updateTable('flags_exposures')
      .set((eb) => ({ wrote_at: x.wrote_at ?? at, messages: eb('messages', '+', 1) }))
      .where('experiment_key', '=', x.experiment_key)
      .where('member_id', '=', m.senderId)
      .execute();
    if (!opened) {
      await db
        .insertInto('flags_trials')
        .values({
          experiment_key: x.experiment_key,
          conversation_id: m.conversationId,
          member_id: m.senderId,
          variant: x.variant,
          replied: 0,
        })
        .onConflict((oc) => oc.columns(['experiment_key', 'conversation_id']).doNothing())
        .execute();
    }
  }
  if (opened && opened.opener_id !== m.senderId) {
    await db
      .updateTable('flags_trials')
      .set({ replied: 1 })
      .where('conversation_id', '=', m.conversationId)
      .where('experiment_key', 'in', keys)
      .execute();
  }
}
