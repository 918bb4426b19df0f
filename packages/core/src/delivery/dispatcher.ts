import { performance } from 'node:perf_hooks';
import type { ModuleDatabase } from '../db/storage.ts';
import type { DatabaseHealth } from '../db/health.ts';
import type { EventEnvelope } from '../events.ts';
import type { Logger } from '../observability/logger.ts';
import { eraseWhenApplied } from './erasure.ts';
import { outsideWork } from '../trace.ts';
import {
  appendToLog,
  BULK_PACE,
  LIVE_PACE,
  type LogHead,
  type ModuleChannel,
  type Pace,
} from './delivery.ts';
import { allLeases, type ConsumerLeases } from './leases.ts';
import type { Broker } from '../cluster.ts';

/** Where a node says the event log moved, so the others look at once instead of at their next poll. */
const LOG_MOVED = 'meetcute.log';

// 8 columns a row: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const APPEND_ROWS = 500;

export interface ProcessOptions {
  /** False: a consumer held up by a failing event is not waited for (a shutdown's drain). */
  retries?: boolean;
  /** Large transactions for a backlog no request waits behind (an import). */
  bulk?: boolean;
}

/**
 * The single-node bus: a relay moves each module's outbox into the event log, then
 * every consumer reads the log from its checkpoint. A commit kicks a run at once;
 * a slow poll catches anything written by another process (the CLI) or left behind
 * by a crash. In a cluster a broker takes this role; the module side stays the same.
 */
export class Dispatcher {
  readonly log: ModuleDatabase;
  /** Event types an erasure pseudonymises instead of deleting (see erasure.ts). */
  readonly keptInLog = new Set<string>();
  readonly #channels: ModuleChannel[] = [];
  readonly #logger: Logger;
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  /** Where the log ended at the last delivery pass. */
  #lastHead = 0;
  // Inert until started: commands still commit, and processAll() delivers on demand (tests, CLI).
  #stopped = true;

  readonly #health: DatabaseHealth | undefined;
  #leases: ConsumerLeases = allLeases;
  #broker: Broker | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(log: ModuleDatabase, logger: Logger, health?: DatabaseHealth) {
    this.log = log;
    this.#logger = logger;
    this.#health = health;
  }

  /**
   * Joins a cluster: this node runs the consumers whose leases it holds (the others run
   * the rest), and tells the other nodes when it moved the log, and listens when they did.
   */
  cluster(leases: ConsumerLeases, broker: Broker): void {
    this.#leases = leases;
    this.#broker = broker;
  }

  add(channel: ModuleChannel): void {
    this.#channels.push(channel);
  }

  get channels(): readonly ModuleChannel[] {
    return this.#channels;
  }

  start(pollMs = 500): void {
    this.#stopped = false;
    this.#leases.start();
    this.#unsubscribe = this.#broker?.subscribe(LOG_MOVED, () => this.kick()) ?? null;
    this.#timer = setInterval(() => this.kick(), pollMs);
    this.#timer.unref();
    this.kick();
  }

  /** Asks for a delivery run soon; runs coalesce. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    // A commit kicks delivery from inside its request: the run is no part of that request's work.
    this.#running = outsideWork(() => this.#loop()).finally(() => {
      this.#running = null;
    });
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.#runOnce();
        this.#health?.ok('delivery');
      } catch (error) {
        // A database that is away is logged once per interval by the health record, not per poll.
        if (!this.#health?.failed(error, 'delivery'))
          this.#logger.error({ err: error }, 'delivery run failed; retrying on the next poll');
        return;
      }
    } while (this.#again && !this.#stopped);
  }

  /** One pass; true if anything moved. */
  async #runOnce(pace: Pace = LIVE_PACE): Promise<boolean> {
    let moved = false;
    for (;;) {
      let progress = 0;
      for (const channel of this.#channels)
        progress += await channel.relay(this.log, this.#leases.holds(channel.name));
      // One look at the log's end lets every consumer that has read to it skip its queries.
      const head = await this.#head();
      for (const channel of this.#channels) {
        if (!this.#leases.holds(channel.name)) continue;
        const applied = await channel.consume(this.log, head, pace);
        // After each batch the requests that arrived meanwhile are served: a backlog of
        // events is worked off in slices, not in one stretch that holds every request back.
        if (applied > 0) await new Promise((resolve) => setImmediate(resolve));
        progress += applied;
      }
      if (progress === 0) {
        if (moved) this.#broker?.publish(LOG_MOVED, null);
        // Caught up: erasures asked for can be done now that every consumer has read past them.
        const erased = await eraseWhenApplied(this.log, this.#channels, this.keptInLog);
        if (erased > 0) this.#logger.info({ erased }, 'events naming deleted members erased from the log');
        return moved;
      }
      moved = true;
    }
  }

  async #head(): Promise<LogHead> {
    const row = await this.log.db
      .selectFrom('events')
      .select((eb) => eb.fn.max<number>('position').as('head'))
      .executeTakeFirst();
    const position = Number(row?.head ?? 0);
    const after = Math.min(this.#lastHead, position);
    const types =
      position > after
        ? await this.log.db
            .selectFrom('events')
            .select('type')
            .distinct()
            .where('position', '>', after)
            .where('position', '<=', position)
            .execute()
        : [];
    this.#lastHead = position;
    return { position, after, types: new Set(types.map((t) => t.type as string)) };
  }

  /**
   * Waits until every outbox is empty and every consumer has read the whole log. A
   * consumer held up by a failing event is waited for through its retries, unless
   * `retries` is false (a shutdown drains what it can and leaves the rest for the next start).
   * With `bulk`, consumers take the backlog in large transactions (BULK_PACE): for work no
   * request waits behind, such as an import.
   */
  async processAll(options: ProcessOptions = {}): Promise<void> {
    for (;;) {
      while (this.#running) await this.#running.catch(() => undefined);
      let moved = false;
      const run = outsideWork(() => this.#runOnce(options.bulk ? BULK_PACE : LIVE_PACE)).then((m) => {
        moved = m;
      });
      this.#running = run
        .catch(() => undefined)
        .finally(() => {
          this.#running = null;
        });
      await run;
      if (moved) continue;
      const held = this.#channels.map((c) => c.retrying?.retryAt).filter((at) => at !== undefined);
      if (held.length === 0 || options.retries === false) return;
      const wait = Math.max(0, Math.min(...held) - performance.now());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** How many events each consumer has yet to apply, and whether a failing event holds it up. */
  async lag(): Promise<Array<{ module: string; behind: number; retrying: boolean }>> {
    const out: Array<{ module: string; behind: number; retrying: boolean }> = [];
    for (const channel of this.#channels) {
      if (channel.subscriptions.size === 0) continue;
      out.push({
        module: channel.name,
        behind: await this.behind(channel),
        retrying: channel.retrying !== null,
      });
    }
    return out;
  }

  /** How many events the module's consumer has yet to apply. */
  async behind(channel: ModuleChannel): Promise<number> {
    const row = await this.log.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('position', '>', await channel.checkpoint())
      .where('type', 'in', [...channel.subscriptions.keys()])
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Appends events straight to the log (use-case GIVENs), keeping their ids. */
  async append(events: EventEnvelope[], module: string): Promise<void> {
    await this.appendAll(events.map((event) => ({ event, module })));
  }

  /**
   * Appends events of any modules to the log in the order given, in one transaction,
   * keeping their ids: an id already in the log is skipped, so appending a batch again
   * after an interruption adds nothing twice. Rows go in multi-row inserts, because one
   * statement per event is most of the cost of a bulk import.
   */
  async appendAll(entries: ReadonlyArray<{ event: EventEnvelope; module: string }>): Promise<void> {
    if (entries.length === 0) return;
    await appendToLog(this.log, async (db) => {
      for (let from = 0; from < entries.length; from += APPEND_ROWS) {
        await db
          .insertInto('events')
          .values(
            entries.slice(from, from + APPEND_ROWS).map(({ event: e, module }) => ({
              id: e.id,
              module,
              type: e.type,
              version: e.version,
              occurred_at: e.occurredAt,
              actor_id: e.actorId,
              traceparent: e.traceparent,
              payload: JSON.stringify(e.payload),
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    });
    this.kick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#unsubscribe?.();
    // Drain what was committed before the stop so nothing waits for the next start.
    await this.processAll({ retries: false }).catch((error: unknown) =>
      this.#logger.error({ err: error }, 'final drain failed'),
    );
    // Then let go of the consumers, so another node takes them over at once.
    await this.#leases.stop();
  }
}
