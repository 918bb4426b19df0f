import type { Db } from '../db/storage.ts';

/** This node as the operator console shows it: which build runs, and since when. */
export interface NodeFacts {
  /** Unique per process (the broker's node id). */
  id: string;
  /** Host and port, so an operator knows which box it is. */
  name: string;
  version: string;
  commit: string | null;
  startedAt: string;
}

/** One metric as the node's registry holds it now (prom-client's JSON form). */
export interface MetricReading {
  name: string;
  type: string;
  values: Array<{ value: number; labels: Record<string, string | number | undefined>; metricName?: string }>;
}

/** An event from the log, as the console's event browser shows it. */
export interface LoggedEvent {
  position: number;
  id: string;
  module: string;
  type: string;
  occurredAt: string;
  actorId: string | null;
  payload: unknown;
}

/** Which events to browse: all filters optional; newest first, before a log position for the next page. */
export interface EventQuery {
  memberId?: string | undefined;
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** What the operator console reads that no module owns: the node's metrics and the event log. */
export interface Observation {
  metrics(): Promise<MetricReading[]>;
  events(query: EventQuery): Promise<LoggedEvent[]>;
}

interface LogRow {
  position: number | string;
  id: string;
  module: string;
  type: string;
  occurred_at: string;
  actor_id: string | null;
  payload: string;
}

/**
 * Reads the event log newest first. A member is found as the actor or anywhere in the
 * payload as a whole JSON string (their id in quotes), which covers the events about them
 * that someone else caused; the caller keeps member ids to plain characters.
 */
export async function browseEvents(log: Db, query: EventQuery): Promise<LoggedEvent[]> {
  let select = log.selectFrom('events').selectAll();
  if (query.type) select = select.where('type', '=', query.type);
  if (query.from) select = select.where('occurred_at', '>=', query.from);
  if (query.to) select = select.where('occurred_at', '<', query.to);
  if (query.before !== undefined) select = select.where('position', '<', query.before);
  const member = query.memberId;
  if (member) {
    select = select.where((eb) =>
      eb.or([eb('actor_id', '=', member), eb('payload', 'like', `%"${member}"%`)]),
    );
  }
  const rows = (await select.orderBy('position', 'desc').limit(query.limit).execute()) as LogRow[];
  return rows.map((r) => ({
    position: Number(r.position),
    id: r.id,
    module: r.module,
    type: r.type,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    payload: JSON.parse(r.payload) as unknown,
  }));
}
