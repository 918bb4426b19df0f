import { performance } from 'node:perf_hooks';
import type { Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import type { IdSource } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { ModuleDatabase } from '../db/storage.ts';
import {
  assertPayload,
  EventSchemaError,
  InvalidEvent,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
} from '../events.ts';
import { sql } from 'kysely';
import { currentWork, runWithWork, childTraceparent, traceparentOf, type WorkContext } from '../trace.ts';
import { isSampled, Tracing } from '../observability/tracing.ts';
import { prepared } from '../db/prepared.ts';
import type { DatabaseHealth } from '../db/health.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TxDb = Transaction<any>;

/** What a command or an event handler gets inside one module transaction. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the chassis' own transactions span no module's tables
export interface Tx<DB = any> {
  db: Transaction<DB>;
  /**
   * Runs `effect` once this transaction has committed, never if it rolls back: live
   * pushes, mails and anything else that leaves the process. Effects run in the order
   * added, before the command that opened the transaction returns; one that fails is
   * logged and does not undo the commit.
   */
  afterCommit(effect: () => void | Promise<void>): void;
  /** Runs when the transaction ends either way (views release what they staged). */
  afterFinish(done: (committed: boolean) => void): void;
  /**
   * Records an event in this module's outbox, in this transaction. If the module
   * consumes its own event, its projection is applied here too, so the module reads
   * its own writes at once; the later delivery from the log is then a no-op.
   */
  publish<D extends EventDefinition>(
    definition: D,
    payload: PayloadOf<D>,
    options?: { actorId?: string | null },
  ): Promise<EventEnvelope<PayloadOf<D>>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventHandler<P = unknown, DB = any> = (event: EventEnvelope<P>, tx: Tx<DB>) => Promise<void>;

export interface Subscription {
  definition: EventDefinition;
  /** The module's projection of the event; views may add handlers of their own. */
  handler: EventHandler | null;
  views: EventHandler[];
}

export interface DeliveryMetrics {
  handled(module: string, type: string, seconds: number, ok: boolean): void;
}

interface LogRow {
  position: number;
  id: string;
  module: string;
  type: string;
  version: number;
  occurred_at: string;
  actor_id: string | null;
  traceparent: string | null;
  payload: string;
}

// The statements every event goes through, built and compiled once (prepared.ts).
const insertOutbox = prepared(
  (
    db,
    id: string,
    type: string,
    version: number,
    occurredAt: string,
    actorId: string | null,
    traceparent: string | null,
    payload: string,
  ) =>
    db.insertInto('outbox').values({
      id,
      type,
      version,
      occurred_at: occurredAt,
      actor_id: actorId,
      traceparent,
      payload,
    }),
);
const insertInbox = prepared((db, eventId: string) => db.insertInto('inbox').values({ event_id: eventId }));
const insertInboxReturning = prepared((db, eventId: string) =>
  db
    .insertInto('inbox')
    .values({ event_id: eventId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id'),
);
/** Records the event as applied; false when it already was (a redelivery). */
async function insertInboxOnce(db: TxDb, eventId: string): Promise<boolean> {
  return (await insertInboxReturning(db, eventId)).length > 0;
}
const deleteInbox = prepared((db, eventId: string) =>
  db.deleteFrom('inbox').where('event_id', '=', eventId).returning('event_id'),
);
/** Takes events the log holds now out of a module's outbox. */
async function deleteOutbox(db: TxDb | ModuleDatabase['db'], ids: readonly string[]): Promise<void> {
  await db.deleteFrom('outbox').where('id', 'in', ids).execute();
}
/**
 * True when the module applied its own event as it published it. Its inbox row is taken
 * out as the log delivers it (the checkpoint guards it from then on), so the inbox holds
 * only what is published and not yet delivered, and an event of its own that reached the
 * log by another way (an import) costs a lookup, not a write.
 */
async function appliedWhenPublished(db: TxDb, eventId: string): Promise<boolean> {
  return (await deleteInbox(db, eventId)).length > 0;
}
const selectCheckpoint = prepared((db, consumer: string) =>
  db.selectFrom('checkpoint').select('position').where('consumer', '=', consumer),
);
// Never back: should two nodes ever consume one module at once (see leases.ts), the one
// that read less must not move the checkpoint behind what the other applied.
const saveCheckpoint = prepared((db, consumer: string, position: number) =>
  db
    .insertInto('checkpoint')
    .values({ consumer, position })
    .onConflict((oc) =>
      oc.column('consumer').doUpdateSet({ position }).where('checkpoint.position', '<', position),
    ),
);
const saveCheckpointExactly = prepared((db, consumer: string, position: number) =>
  db
    .insertInto('checkpoint')
    .values({ consumer, position })
    .onConflict((oc) => oc.column('consumer').doUpdateSet({ position })),
);

/**
 * Appends to the event log one writer at a time. On PostgreSQL a position is numbered
 * when its row is inserted but seen only when its transaction commits: two nodes
 * appending at once could commit positions out of order, and a consumer that read the
 * later one first would pass the earlier one for good. A transaction lock on the log
 * makes positions commit in order. (SQLite has one writer anyway.)
 */
export async function appendToLog<T>(log: ModuleDatabase, insert: (db: TxDb) => Promise<T>): Promise<T> {
  if (log.dialect !== 'postgres') return insert(log.db as TxDb);
  return log.db.transaction().execute(async (db) => {
    await sql`select pg_advisory_xact_lock(hashtext('meetcute.eventlog'))`.execute(db);
    return insert(db);
  });
}

/**
 * How much one consumer transaction takes on: at most `events`, and it commits once it has
 * worked `ms`. SQLite's calls hold the event loop, so on a serving node a batch must be
 * short (requests waiting behind a long one is what their slowest answers are made of);
 * working off a backlog no request waits for (an import) goes faster in large ones, which
 * write each page they touch once per commit instead of once per small batch.
 */
export interface Pace {
  events: number;
  ms: number;
}
export const LIVE_PACE: Pace = { events: 250, ms: 8 };
export const BULK_PACE: Pace = { events: 2000, ms: 250 };
/** Inbox ids looked at a time while compacting (bound parameters per statement stay low). */
const COMPACT_PAGE = 500;
/** Events read at a time while rebuilding. */
const REBUILD_PAGE = 1000;
/** How often an outbox nothing here wrote to is read anyway (another process may have). */
const OUTBOX_RECHECK_MS = 500;
/** Waiting before retrying an event that failed: doubling from 100 ms up to 30 s, with jitter. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 30_000;

export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1));
  // Full jitter between half and all of it, so consumers that failed together do not retry together.
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** An event that cannot be applied whatever is retried: parked at once, never retried alone. */
export function isPoison(error: unknown): boolean {
  return error instanceof InvalidEvent || error instanceof EventSchemaError;
}

/** Where a consumer stands when it is held up by a failing event. */
export interface Retrying {
  eventId: string;
  eventType: string;
  position: number;
  attempts: number;
  error: string;
  /** When the event first failed (ms since the epoch, by the app's clock). */
  since: number;
  /** performance.now() before which the consumer does not try again. */
  retryAt: number;
}

function toEnvelope(row: Omit<LogRow, 'position' | 'module'>): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    traceparent: row.traceparent,
    payload: JSON.parse(row.payload) as unknown,
  };
}

interface DeliveryDeps {
  clock: Clock;
  ids: IdSource;
  logger: Logger;
  metrics: DeliveryMetrics;
  health: DatabaseHealth;
  tracing: Tracing;
}

/** The end of the event log as one delivery pass sees it, and what arrived since the pass before. */
export interface LogHead {
  position: number;
  /** The end at the pass before. */
  after: number;
  /** Every event type between `after` and `position`. */
  types: ReadonlySet<string>;
}

/** One module's end of delivery: its transactions, its outbox and its consumer. */
export class ModuleChannel {
  readonly name: string;
  readonly database: ModuleDatabase;
  readonly subscriptions = new Map<string, Subscription>();
  readonly publishes = new Map<string, EventDefinition>();
  readonly #deps: DeliveryDeps;
  readonly #onCommit: () => void;
  /** A ghost copy of a module's tables (ghost.ts): what its commits would tell anyone is dropped. */
  readonly #ghost: boolean;
  #retrying: Retrying | null = null;
  /**
   * Whether the outbox may hold something: every delivery run relays every module, and
   * reading twenty empty outboxes per committed event was most of a write's cost. Commits
   * that published are counted, and the outbox is known empty as of the count its last
   * read saw it (or left it) empty at; another process (the CLI) may also write an outbox,
   * so it is read at least every OUTBOX_RECHECK_MS.
   */
  #outboxCommits = 1;
  #outboxEmptyAt = 0;
  #outboxReadAt = 0;
  /** The log position up to which every event of this consumer's types is applied (as it last knew). */
  #readTo = 0;

  constructor(database: ModuleDatabase, deps: DeliveryDeps, onCommit: () => void, ghost = false) {
    this.name = database.name;
    this.database = database;
    this.#deps = deps;
    this.#onCommit = onCommit;
    this.#ghost = ghost;
  }

  /**
   * A channel over a ghost copy of this module's tables (another database, ghost.ts): the
   * same handlers and declared events, a checkpoint of its own. Its transactions run no
   * effects and tell every view they rolled back: the live views are of the live tables,
   * and a ghost must not mail anyone nor push to a page.
   */
  ghost(database: ModuleDatabase): ModuleChannel {
    const ghost = new ModuleChannel(database, this.#deps, () => undefined, true);
    for (const [type, subscription] of this.subscriptions) ghost.subscriptions.set(type, subscription);
    for (const [type, definition] of this.publishes) ghost.publishes.set(type, definition);
    return ghost;
  }

  subscribe(definition: EventDefinition, handler: EventHandler): void {
    const existing = this.subscriptions.get(definition.type);
    if (existing?.handler) throw new Error(`${this.name} subscribes to ${definition.type} twice`);
    if (existing) existing.handler = handler;
    else this.subscriptions.set(definition.type, { definition, handler, views: [] });
  }

  /** A view's handler for an event the module consumes or publishes; runs after the projection's. */
  addViewHandler(definition: EventDefinition, handler: EventHandler): void {
    const existing = this.subscriptions.get(definition.type);
    if (existing) existing.views.push(handler);
    else this.subscriptions.set(definition.type, { definition, handler: null, views: [handler] });
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let published = 0;
    const effects: Array<() => void | Promise<void>> = [];
    const finishers: Array<(committed: boolean) => void> = [];
    let result: T;
    try {
      result = await this.database.db.transaction().execute(async (db) => {
        await this.#serialise(db);
        const tx = this.#tx(db, () => published++, effects, finishers);
        return fn(tx);
      });
    } catch (error) {
      for (const done of finishers) done(false);
      this.#deps.health.failed(error, this.name);
      throw error;
    }
    this.#deps.health.ok(this.name);
    for (const done of finishers) done(!this.#ghost);
    if (this.#ghost) return result;
    if (published > 0) {
      this.#outboxCommits++;
      this.#onCommit();
    }
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        this.#deps.logger.error({ err: error, module: this.name }, 'an effect after commit failed');
      }
    }
    return result;
  }

  /**
   * A module's write transactions run one at a time, as SQLite's single writer runs them:
   * on PostgreSQL a transaction-scoped advisory lock per module (and per cluster) does it.
   * Without it, two identical requests both find "not yet" and both write (a favourite
   * added twice), and a command and a consumer of the same module interleave in an order
   * that the event log does not record, so a rebuild would not reproduce what was live.
   */
  async #serialise(db: TxDb): Promise<void> {
    if (this.database.dialect !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtext(${`meetcute.module.${this.name}`}))`.execute(db);
  }

  #tx(
    db: TxDb,
    onPublish: () => void,
    effects: Array<() => void | Promise<void>>,
    finishers: Array<(committed: boolean) => void>,
  ): Tx {
    const tx: Tx = {
      db,
      afterCommit: (effect) => effects.push(effect),
      afterFinish: (done) => finishers.push(done),
      publish: async (definition, payload, options) => {
        if (!this.publishes.has(definition.type)) {
          throw new Error(`${this.name} publishes ${definition.type} without declaring it`);
        }
        if (definition.retired !== undefined) {
          throw new Error(`${definition.type} is retired: ${definition.retired}`);
        }
        assertPayload(definition, payload);
        const work = currentWork();
        const event: EventEnvelope<typeof payload> = {
          id: this.#deps.ids.next(),
          type: definition.type,
          version: definition.version,
          occurredAt: this.#deps.clock.now().toISOString(),
          actorId: options?.actorId ?? work?.memberId ?? null,
          traceparent: this.#publishTraceparent(work, definition.type),
          payload,
        };
        await insertOutbox(
          db,
          event.id,
          event.type,
          event.version,
          event.occurredAt,
          event.actorId,
          event.traceparent,
          JSON.stringify(payload),
        );
        const own = this.subscriptions.get(definition.type);
        if (own) {
          await insertInbox(db, event.id);
          await own.handler?.(event, tx);
          for (const view of own.views) await view(event, tx);
        }
        onPublish();
        return event;
      },
    };
    return tx;
  }

  /**
   * The trace context an event carries: a span of its own under the work that published it
   * when that work is recorded (its consumers' spans hang under it), else a child id.
   */
  #publishTraceparent(work: WorkContext | undefined, type: string): string {
    if (!work?.span) return work ? childTraceparent(work.traceparent) : childTraceparent();
    const span = this.#deps.tracing.start(`publish ${type}`, 'producer', work.span, {
      'messaging.operation.type': 'send',
      'messaging.destination.name': type,
      'meetcute.module': this.name,
    });
    span.end();
    return traceparentOf(span);
  }

  async outboxDepth(): Promise<number> {
    const row = await this.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Moves committed outbox events into the event log; returns how many moved. `consumes`:
   * this node runs the module's consumer (in a cluster, the node holding its lease).
   */
  async relay(log: ModuleDatabase, consumes = false): Promise<number> {
    const now = performance.now();
    if (this.#outboxEmptyAt === this.#outboxCommits && now - this.#outboxReadAt < OUTBOX_RECHECK_MS) return 0;
    // Taken before reading: a commit landing during the read or the move counts past it.
    const commits = this.#outboxCommits;
    this.#outboxReadAt = now;
    const rows = await this.database.db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('position')
      .limit(LIVE_PACE.events)
      .execute();
    if (rows.length > 0) {
      const appended = await this.#append(log, rows);
      await this.#takeOut(
        rows.map((r) => r.id as string),
        consumes && appended.length === rows.length ? appended : [],
      );
    }
    // Less than a page read and moved: every commit counted before the read is in the log
    // (a failed read or move throws first, and the outbox is read again next time).
    if (rows.length < LIVE_PACE.events) this.#outboxEmptyAt = commits;
    return rows.length;
  }

  /**
   * Takes relayed events out of the outbox. When they are all that the consumer has not
   * read yet (`appended`: their log positions, when this node consumes), its checkpoint
   * moves past them in the same transaction: they are the module's own, applied as they
   * were published, and reading them back only to learn that cost a read of the log and a
   * transaction per commit. A crash before this leaves them in the inbox, which says so.
   */
  async #takeOut(ids: string[], appended: number[]): Promise<void> {
    const first = appended[0];
    const last = appended[appended.length - 1];
    const readUpTo = first !== undefined && this.#readTo >= first - 1;
    if (last === undefined || !readUpTo || this.#retrying || this.subscriptions.size === 0) {
      await deleteOutbox(this.database.db, ids);
      return;
    }
    await this.transaction(async (tx) => {
      await deleteOutbox(tx.db, ids);
      await tx.db.deleteFrom('inbox').where('event_id', 'in', ids).execute();
      await this.#saveCheckpoint(tx.db, last);
    });
    this.#readTo = Math.max(this.#readTo, last);
  }

  /** Appends outbox rows to the log, then takes them out of the outbox (`db`: the module's, or a transaction of it). */
  async #moveToLog(
    log: ModuleDatabase,
    rows: Array<Record<string, unknown>>,
    db: TxDb | ModuleDatabase['db'],
  ): Promise<void> {
    await this.#append(log, rows);
    await deleteOutbox(
      db,
      rows.map((r) => r.id as string),
    );
  }

  /**
   * One multi-row insert: a crash between it and the outbox delete re-sends, and the id
   * makes that harmless. Returns the log positions of the rows it added, in order.
   */
  async #append(log: ModuleDatabase, rows: Array<Record<string, unknown>>): Promise<number[]> {
    const added = await appendToLog(log, (db) =>
      db
        .insertInto('events')
        .values(
          rows.map((row) => ({
            id: row.id as string,
            module: this.name,
            type: row.type as string,
            version: row.version as number,
            occurred_at: row.occurred_at as string,
            actor_id: row.actor_id as string | null,
            traceparent: row.traceparent as string | null,
            payload: row.payload as string,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('position')
        .execute(),
    );
    return added.map((r) => Number(r.position));
  }

  async checkpoint(): Promise<number> {
    return this.#checkpointIn(this.database.db);
  }

  /**
   * The checkpoint as a transaction sees it once it holds the module's write lock (SQLite's
   * IMMEDIATE begin, PostgreSQL's advisory lock): what the consumer read before may be stale
   * if another node or process consumed the module meanwhile, and events at or before it are
   * applied already. This one read per batch is what spares an inbox row per event.
   */
  async #checkpointIn(db: TxDb | ModuleDatabase['db']): Promise<number> {
    const [row] = await selectCheckpoint(db, this.name);
    return row ? Number(row.position) : 0;
  }

  /** Applies the next events from the log that this module consumes; returns how many it read. */
  async consume(log: ModuleDatabase, head?: LogHead, pace: Pace = LIVE_PACE): Promise<number> {
    if (this.subscriptions.size === 0) return 0;
    // Held up by an event that failed: its retry waits for its time.
    if (this.#retrying && performance.now() < this.#retrying.retryAt) return 0;
    if (head) {
      // Nothing reached the log since this module last read to its end: skip two queries.
      if (head.position <= this.#readTo) return 0;
      // Only events of types it does not take arrived since: it has read to the end already.
      if (this.#readTo >= head.after && ![...this.subscriptions.keys()].some((t) => head.types.has(t))) {
        this.#readTo = head.position;
        return 0;
      }
    }
    const from = await this.checkpoint();
    const limit = this.#retrying ? 1 : pace.events;
    const rows = await this.#read(log, from, limit, head);
    if (rows.length === 0) {
      // The head was taken before this read, so everything up to it has been seen.
      if (head) this.#readTo = head.position;
      return 0;
    }
    if (!this.#retrying) {
      try {
        // One transaction per batch keeps projections fast; a failure falls back to one at a
        // time. A batch also ends after the pace's time of work (see Pace).
        const started = performance.now();
        let applied = 0;
        await this.transaction(async (tx) => {
          const past = await this.#checkpointIn(tx.db);
          for (const row of rows) {
            if (row.position > past) await this.#apply(row, tx);
            applied++;
            if (performance.now() - started >= pace.ms) break;
          }
          await this.#saveCheckpoint(tx.db, rows[applied - 1]!.position);
        });
        // Less than a page read, all of it applied: everything up to the head is, so the
        // next pass need not read again to find nothing (a query per committed event).
        if (head && applied === rows.length && rows.length < limit) {
          this.#readTo = Math.max(this.#readTo, head.position);
        }
        return applied;
      } catch {
        // Nothing of the batch committed: find the event that fails, one at a time.
      }
    }
    return this.#consumeOneByOne(rows);
  }

  /**
   * The next `limit` events after `from` of the types this module takes, in log order. The
   * log is indexed by (type, position), so asking for several types in position order
   * reads every row of those types after `from` and sorts them: over a long backlog (an
   * import) that read every remaining event, payload and all, once per batch. Then the
   * positions are found first from the index alone, and only the rows up to the last
   * one read.
   */
  async #read(
    log: ModuleDatabase,
    from: number,
    limit: number,
    head: LogHead | undefined,
  ): Promise<LogRow[]> {
    const types = [...this.subscriptions.keys()];
    const events = () =>
      log.db.selectFrom('events').where('position', '>', from).where('type', 'in', types).orderBy('position');
    let upTo = head?.position;
    if (upTo === undefined || upTo - from > limit) {
      const positions = (await events().select('position').limit(limit).execute()) as Array<{
        position: number;
      }>;
      if (positions.length === 0) return [];
      upTo = Number(positions[positions.length - 1]!.position);
    }
    return (await events().selectAll().where('position', '<=', upTo).limit(limit).execute()) as LogRow[];
  }

  /**
   * Applies events one transaction each. An event that can never apply (it breaks its
   * schema or an invariant) is parked at once with its reason and skipped; any other
   * failure holds the consumer at that event, which is retried after a growing delay for
   * as long as it takes: a passing fault (a locked table, a full disk, a lost database)
   * must never skip a valid event.
   */
  async #consumeOneByOne(rows: LogRow[]): Promise<number> {
    let done = 0;
    for (const row of rows) {
      try {
        await this.transaction(async (tx) => {
          if (row.position > (await this.#checkpointIn(tx.db))) await this.#apply(row, tx);
          await this.#saveCheckpoint(tx.db, row.position);
        });
        if (this.#retrying) {
          this.#deps.logger.info(
            { module: this.name, eventId: row.id, attempts: this.#retrying.attempts + 1 },
            'a held-up event was applied; the consumer goes on',
          );
        }
        this.#retrying = null;
        done++;
      } catch (error) {
        const message = String(error instanceof Error ? error.message : error);
        if (isPoison(error)) {
          this.#deps.logger.error(
            { err: error, module: this.name, eventId: row.id, eventType: row.type },
            'event parked: it can never be applied as it is',
          );
          await this.#park(row, message);
          this.#retrying = null;
          done++;
          continue;
        }
        const attempts = this.#retrying?.eventId === row.id ? this.#retrying.attempts + 1 : 1;
        const delay = retryDelayMs(attempts);
        this.#retrying = {
          eventId: row.id,
          eventType: row.type,
          position: row.position,
          attempts,
          error: message,
          since: this.#retrying?.eventId === row.id ? this.#retrying.since : this.#deps.clock.now().getTime(),
          retryAt: performance.now() + delay,
        };
        // Once per attempt, and the attempts grow apart: a long outage logs a line every 30 s, not a flood.
        this.#deps.logger.error(
          { err: error, module: this.name, eventId: row.id, eventType: row.type, attempts, retryInMs: delay },
          'event handler failed; the consumer holds its place and retries',
        );
        return done;
      }
    }
    return done;
  }

  /** The event this consumer is held up by, if any. */
  get retrying(): Retrying | null {
    return this.#retrying;
  }

  async #park(row: LogRow, reason: string): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.db
        .insertInto('parked_events')
        .values({
          event_id: row.id,
          position: row.position,
          type: row.type,
          error: reason,
          parked_at: this.#deps.clock.now().toISOString(),
        })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
      await this.#saveCheckpoint(tx.db, row.position);
    });
  }

  /** The events this module parked, oldest first. */
  async parked(): Promise<
    Array<{ eventId: string; position: number; type: string; error: string; parkedAt: string }>
  > {
    const rows = (await this.database.db
      .selectFrom('parked_events')
      .selectAll()
      .orderBy('position')
      .execute()) as Array<{
      event_id: string;
      position: number;
      type: string;
      error: string;
      parked_at: string;
    }>;
    return rows.map((r) => ({
      eventId: r.event_id,
      position: Number(r.position),
      type: r.type,
      error: r.error,
      parkedAt: r.parked_at,
    }));
  }

  /**
   * Applies the parked events again, oldest first, each in its own transaction (after the
   * fix that lets them apply); those that still fail stay parked with the new reason.
   */
  async replayParked(log: ModuleDatabase): Promise<{ applied: number; stillParked: number }> {
    let applied = 0;
    let stillParked = 0;
    for (const parked of await this.parked()) {
      const row = (await log.db
        .selectFrom('events')
        .selectAll()
        .where('id', '=', parked.eventId)
        .executeTakeFirst()) as LogRow | undefined;
      try {
        await this.transaction(async (tx) => {
          if (row) await this.#apply(row, tx, { views: true, inbox: 'record' });
          await tx.db.deleteFrom('parked_events').where('event_id', '=', parked.eventId).execute();
        });
        applied++;
      } catch (error) {
        stillParked++;
        await this.database.db
          .updateTable('parked_events')
          .set({ error: String(error instanceof Error ? error.message : error) })
          .where('event_id', '=', parked.eventId)
          .execute();
      }
    }
    return { applied, stillParked };
  }

  /**
   * Applies one event from the log. Read in log order, an event is applied exactly when its
   * position passes the checkpoint, which commits with the effect, so it needs no inbox row.
   * Only the module's own events may have been applied before their turn (when published,
   * see `publish`), and only those are looked up in the inbox. A parked event replayed
   * (behind the checkpoint) is recorded there. Live delivery (`views`) feeds the views and
   * makes a span when the event's trace is recorded; a rebuild does neither.
   */
  async #apply(
    row: LogRow,
    tx: Tx,
    options: { views: boolean; inbox?: 'record' | 'none' } = { views: true },
  ): Promise<void> {
    const subscription = this.subscriptions.get(row.type);
    if (!subscription) return;
    if (options.inbox === 'record') {
      if (!(await insertInboxOnce(tx.db, row.id))) return; // already applied
    } else if (options.inbox !== 'none' && row.module === this.name) {
      if (await appliedWhenPublished(tx.db, row.id)) return;
    }
    const event = toEnvelope(row);
    assertPayload(subscription.definition, event.payload);
    const started = performance.now();
    const work = this.#handlingWork(event, options.views);
    let failure: unknown;
    try {
      await runWithWork(work, async () => {
        await subscription.handler?.(event, tx);
        if (options.views) for (const view of subscription.views) await view(event, tx);
      });
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      this.#deps.metrics.handled(
        this.name,
        row.type,
        (performance.now() - started) / 1000,
        failure === undefined,
      );
      if (work.span) Tracing.end(work.span, failure);
    }
  }

  /** The work of handling an event: a span under the event's own when its trace is recorded. */
  #handlingWork(event: EventEnvelope, live: boolean): WorkContext {
    if (!live || !isSampled(event.traceparent)) {
      return { traceparent: childTraceparent(event.traceparent), module: this.name };
    }
    const span = this.#deps.tracing.start(
      `${this.name} handles ${event.type}`,
      'consumer',
      event.traceparent!,
      {
        'messaging.operation.type': 'process',
        'messaging.destination.name': event.type,
        'messaging.message.id': event.id,
        'meetcute.module': this.name,
      },
    );
    return { traceparent: traceparentOf(span), module: this.name, span };
  }

  async #saveCheckpoint(db: TxDb, position: number): Promise<void> {
    await saveCheckpoint(db, this.name, position);
  }

  /**
   * Forgets the inbox ids of events at or before this consumer's checkpoint: it never
   * reads those positions again (a rebuild clears the inbox anyway), so their ids no
   * longer guard anything. Ids of events not yet past the checkpoint (or not yet in the
   * log: published here, still in the outbox) stay. Returns how many went.
   */
  async compactInbox(log: ModuleDatabase): Promise<number> {
    const checkpoint = await this.checkpoint();
    let removed = 0;
    let after = '';
    for (;;) {
      const ids = (
        (await this.database.db
          .selectFrom('inbox')
          .select('event_id')
          .where('event_id', '>', after)
          .orderBy('event_id')
          .limit(COMPACT_PAGE)
          .execute()) as Array<{ event_id: string }>
      ).map((r) => r.event_id);
      if (ids.length === 0) return removed;
      after = ids[ids.length - 1]!;
      const done = (
        (await log.db
          .selectFrom('events')
          .select('id')
          .where('id', 'in', ids)
          .where('position', '<=', checkpoint)
          .execute()) as Array<{ id: string }>
      ).map((r) => r.id);
      if (done.length > 0) {
        await this.database.db.deleteFrom('inbox').where('event_id', 'in', done).execute();
        removed += done.length;
      }
    }
  }

  /**
   * Brings this module's tables to a point of the log, inside a transaction of its own that
   * holds its write lock (nothing of the module writes meanwhile): its outbox is moved into
   * the log (its events were applied as they were published), then every event of its types
   * up to the log's end is applied. The tables are then what the log up to the position
   * returned makes of them, as a replay (a ghost) up to it would. Views hear what it applies.
   */
  async settle(tx: Tx, log: ModuleDatabase): Promise<number> {
    const outbox = await tx.db.selectFrom('outbox').selectAll().orderBy('position').execute();
    for (let i = 0; i < outbox.length; i += REBUILD_PAGE)
      await this.#moveToLog(log, outbox.slice(i, i + REBUILD_PAGE), tx.db);
    const head = await logHead(log);
    let from = await this.#checkpointIn(tx.db);
    for (;;) {
      const rows = await this.#readUpTo(log, from, head);
      if (rows.length === 0) break;
      for (const row of rows) await this.#apply(row, tx);
      from = rows[rows.length - 1]!.position;
    }
    await this.#saveCheckpoint(tx.db, head);
    return head;
  }

  /**
   * Applies the events after this channel's checkpoint up to `upTo`, a page a transaction,
   * as a rebuild does (no inbox, no views): a ghost's catch-up. An event that fails stops it
   * with a RebuildError naming it; the pages before it stay, so it can be run again.
   */
  async replayTo(
    log: ModuleDatabase,
    upTo: number,
    onPage?: (position: number, events: number) => void,
  ): Promise<number> {
    let applied = 0;
    let from = await this.checkpoint();
    while (from < upTo) {
      const rows = await this.#readUpTo(log, from, upTo);
      const reached = rows.length === REBUILD_PAGE ? rows[rows.length - 1]!.position : upTo;
      await this.transaction(async (tx) => {
        for (const row of rows) {
          try {
            await this.#apply(row, tx, { views: false, inbox: 'none' });
          } catch (error) {
            throw new RebuildError(this.name, row, error, 'The ghost keeps what it applied before it.');
          }
        }
        await saveCheckpointExactly(tx.db, this.name, reached);
      });
      applied += rows.length;
      from = reached;
      onPage?.(from, applied);
    }
    return applied;
  }

  /** The next page of events of this module's types after `from`, up to `upTo`. */
  async #readUpTo(log: ModuleDatabase, from: number, upTo: number): Promise<LogRow[]> {
    const types = [...this.subscriptions.keys()];
    if (types.length === 0) return [];
    return (await log.db
      .selectFrom('events')
      .selectAll()
      .where('position', '>', from)
      .where('position', '<=', upTo)
      .where('type', 'in', types)
      .orderBy('position')
      .limit(REBUILD_PAGE)
      .execute()) as LogRow[];
  }

  /**
   * Re-projects the module's tables from the whole event log in one transaction: the
   * tables are cleared and every event the module takes is applied again, in log order.
   * An event that fails stops it with a RebuildError naming the event, and the
   * transaction rolls back, so the live tables are left exactly as they were. Views are
   * not fed while it runs: they are emptied before and warmed from the rebuilt tables after.
   */
  async rebuild(log: ModuleDatabase, tables: readonly string[]): Promise<number> {
    const types = [...this.subscriptions.keys()];
    let applied = 0;
    await this.transaction(async (tx) => {
      for (const table of tables) await tx.db.deleteFrom(table).execute();
      await tx.db.deleteFrom('inbox').execute();
      await tx.db.deleteFrom('parked_events').execute();
      let position = 0;
      for (;;) {
        const rows = types.length === 0 ? [] : await this.#read(log, position, REBUILD_PAGE, undefined);
        if (rows.length === 0) break;
        for (const row of rows) {
          try {
            // Every event in log order from an empty inbox: none of them needs an inbox row.
            await this.#apply(row, tx, { views: false, inbox: 'none' });
          } catch (error) {
            throw new RebuildError(this.name, row, error);
          }
          applied++;
        }
        position = rows[rows.length - 1]!.position;
      }
      await saveCheckpointExactly(tx.db, this.name, position);
    });
    this.#readTo = 0;
    this.#retrying = null;
    return applied;
  }
}

/** A rebuild that could not apply an event; nothing it did was kept (a ghost keeps the pages before). */
export class RebuildError extends Error {
  readonly eventId: string;
  constructor(
    module: string,
    row: { id: string; type: string; position: number },
    cause: unknown,
    outcome = `Nothing was changed: ${module}'s tables are as they were.`,
  ) {
    super(
      `Rebuilding ${module} stopped at event ${row.id} (${row.type}, log position ${row.position}): ` +
        `${cause instanceof Error ? cause.message : String(cause)}. ${outcome}`,
      { cause },
    );
    this.eventId = row.id;
  }
}

/** The position of the log's last event (0 when it has none). */
export async function logHead(log: ModuleDatabase): Promise<number> {
  const row = await log.db
    .selectFrom('events')
    .select((eb) => eb.fn.max('position').as('head'))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}
