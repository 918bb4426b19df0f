import { sql, type Kysely } from 'kysely';
import {
  nullable,
  text,
  type Migration,
  type ModuleContext,
  type NodeFacts,
  type TablesOf,
} from '@meetcute/core';
import {
  IncidentLinked,
  IncidentNoted,
  IncidentOpened,
  IncidentResolved,
  PostMortemWritten,
  type Severity,
} from './events.ts';

export const tables = {
  /** One row per incident, with its post-mortem once written. */
  ops_incidents: {
    incident_id: text(),
    title: text(),
    severity: text<Severity>(),
    started_at: text(),
    opened_by: nullable(text()),
    resolved_at: nullable(text()),
    what_happened: nullable(text()),
    impact: nullable(text()),
    timeline: nullable(text()),
    factors: nullable(text()),
    follow_ups: nullable(text()),
  },
  /** An incident's timeline: notes, and links to graphs, traces and releases. */
  ops_incident_entries: {
    entry_id: text(),
    incident_id: text(),
    at: text(),
    text: text(),
    url: nullable(text()),
  },
  /**
   * Every start of a process of the site (a node, or a one-off such as migrate) with its build:
   * the release history. Kept as it happens rather than made from events: a start is not
   * something members or other modules learn of.
   */
  ops_node_starts: {
    start_id: text(),
    node_id: text(),
    name: text(),
    version: text(),
    git_commit: nullable(text()),
    started_at: text(),
  },
};
export type OpsTables = TablesOf<typeof tables>;
type Tables = OpsTables;
export type OpsDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_ops',
    async up(db) {
      await sql`create table ops_incidents (
        incident_id text primary key not null,
        title text not null,
        severity text not null,
        started_at text not null,
        opened_by text,
        resolved_at text,
        what_happened text,
        impact text,
        timeline text,
        factors text,
        follow_ups text
      )`.execute(db);
      await sql`create index ops_incidents_by_start on ops_incidents (started_at)`.execute(db);
      await sql`create table ops_incident_entries (
        entry_id text primary key not null,
        incident_id text not null,
        at text not null,
        text text not null,
        url text
      )`.execute(db);
      await sql`create index ops_incident_entries_by_incident on ops_incident_entries (incident_id, at)`.execute(
        db,
      );
      await sql`create table ops_node_starts (
        start_id text primary key not null,
        node_id text not null,
        name text not null,
        version text not null,
        git_commit text,
        started_at text not null
      )`.execute(db);
      await sql`create index ops_node_starts_by_start on ops_node_starts (started_at)`.execute(db);
    },
  },
];

export const projections = ['ops_incidents', 'ops_incident_entries'];

export function project(ctx: ModuleContext<Tables>): void {
  ctx.on(IncidentOpened, async (e, tx) => {
    const { incidentId, title, severity, startedAt } = e.payload;
    await tx.db
      .insertInto('ops_incidents')
      .values({ incident_id: incidentId, title, severity, started_at: startedAt, opened_by: e.actorId })
      .execute();
  });
  ctx.on(IncidentNoted, async (e, tx) => {
    const { incidentId, at, text } = e.payload;
    await tx.db
      .insertInto('ops_incident_entries')
      .values({ entry_id: e.id, incident_id: incidentId, at, text, url: null })
      .execute();
  });
  ctx.on(IncidentLinked, async (e, tx) => {
    const { incidentId, url, label } = e.payload;
    await tx.db
      .insertInto('ops_incident_entries')
      .values({ entry_id: e.id, incident_id: incidentId, at: e.occurredAt, text: label, url })
      .execute();
  });
  ctx.on(IncidentResolved, async (e, tx) => {
    await tx.db
      .updateTable('ops_incidents')
      .set({ resolved_at: e.payload.resolvedAt })
      .where('incident_id', '=', e.payload.incidentId)
      .execute();
  });
  ctx.on(PostMortemWritten, async (e, tx) => {
    const { incidentId, whatHappened, impact, timeline, factors, followUps } = e.payload;
    await tx.db
      .updateTable('ops_incidents')
      .set({ what_happened: whatHappened, impact, timeline, factors, follow_ups: followUps })
      .where('incident_id', '=', incidentId)
      .execute();
  });
}

export interface IncidentSummary {
  incidentId: string;
  title: string;
  severity: Severity;
  startedAt: string;
  resolvedAt: string | null;
}

export interface PostMortem {
  whatHappened: string;
  impact: string;
  timeline: string;
  factors: string;
  followUps: string;
}

export interface TimelineEntry {
  at: string;
  text: string;
  url: string | null;
}

export interface Incident extends IncidentSummary {
  timeline: TimelineEntry[];
  postMortem: PostMortem | null;
}

export type IncidentStatus = 'open' | 'resolved';

/** Incidents newest first, filtered by status and severity. */
export async function incidentsOf(
  db: OpsDb,
  filter: { status?: IncidentStatus | undefined; severity?: Severity | undefined },
): Promise<IncidentSummary[]> {
  let select = db
    .selectFrom('ops_incidents')
    .select(['incident_id', 'title', 'severity', 'started_at', 'resolved_at']);
  if (filter.status === 'open') select = select.where('resolved_at', 'is', null);
  if (filter.status === 'resolved') select = select.where('resolved_at', 'is not', null);
  if (filter.severity) select = select.where('severity', '=', filter.severity);
  const rows = await select.orderBy('started_at', 'desc').orderBy('incident_id', 'desc').limit(200).execute();
  return rows.map((r) => ({
    incidentId: r.incident_id,
    title: r.title,
    severity: r.severity,
    startedAt: r.started_at,
    resolvedAt: r.resolved_at,
  }));
}

/** One incident with its timeline (oldest first) and post-mortem; undefined when there is none. */
export async function incidentOf(db: OpsDb, incidentId: string): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('ops_incidents')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const entries = await db
    .selectFrom('ops_incident_entries')
    .select(['at', 'text', 'url'])
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('entry_id')
    .execute();
  const written = row.what_happened !== null;
  return {
    incidentId: row.incident_id,
    title: row.title,
    severity: row.severity,
    startedAt: row.started_at,
    resolvedAt: row.resolved_at,
    timeline: entries,
    postMortem: written
      ? {
          whatHappened: row.what_happened ?? '',
          impact: row.impact ?? '',
          timeline: row.timeline ?? '',
          factors: row.factors ?? '',
          followUps: row.follow_ups ?? '',
        }
      : null,
  };
}

export interface Release {
  version: string;
  firstSeenAt: string;
  nodes: Array<{ nodeId: string; name: string; commit: string | null; startedAt: string }>;
}

/** Notes that this node started, running this build. */
export async function noteStart(db: OpsDb, startId: string, node: NodeFacts): Promise<void> {
  await db
    .insertInto('ops_node_starts')
    .values({
      start_id: startId,
      node_id: node.id,
      name: node.name,
      version: node.version,
      git_commit: node.commit,
      started_at: node.startedAt,
    })
    .execute();
}

/** Every version a node has started with, newest first, with the starts that ran it. */
export async function releasesOf(db: OpsDb): Promise<Release[]> {
  const rows = await db
    .selectFrom('ops_node_starts')
    .select(['node_id', 'name', 'version', 'git_commit', 'started_at'])
    .orderBy('started_at')
    .orderBy('start_id')
    .limit(5000)
    .execute();
  const byVersion = new Map<string, Release>();
  for (const r of rows) {
    const release = byVersion.get(r.version) ?? { version: r.version, firstSeenAt: r.started_at, nodes: [] };
    release.nodes.push({ nodeId: r.node_id, name: r.name, commit: r.git_commit, startedAt: r.started_at });
    byVersion.set(r.version, release);
  }
  return [...byVersion.values()].sort((a, b) => b.firstSeenAt.localeCompare(a.firstSeenAt));
}
