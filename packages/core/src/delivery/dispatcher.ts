import type { ModuleDatabase } from '../db/storage.ts';
import type { EventEnvelope } from '../events.ts';
import type { Logger } from '../observability/logger.ts';
import type { ModuleChannel } from './delivery.ts';

/**
 * The single-node bus: a relay moves each module's outbox into the event log, then
 * every consumer reads the log from its checkpoint. A commit kicks a run at once;
 * a slow poll catches anything written by another process (the CLI) or left behind
 * by a crash. In a cluster a broker takes this role; the module side stays the same.
 */
export class Dispatcher {
  readonly log: ModuleDatabase;
  readonly #channels: ModuleChannel[] = [];
  readonly #logger: Logger;
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  // Inert until started: commands still commit, and processAll() delivers on demand (tests, CLI).
  #stopped = true;

  constructor(log: ModuleDatabase, logger: Logger) {
    this.log = log;
    this.#logger = logger;
  }

  add(channel: ModuleChannel): void {
    this.#channels.push(channel);
  }

  get channels(): readonly ModuleChannel[] {
    return this.#channels;
  }

  start(pollMs = 500): void {
    this.#stopped = false;
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
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.#runOnce();
      } catch (error) {
        this.#logger.error({ err: error }, 'delivery run failed; retrying on the next poll');
        return;
      }
    } while (this.#again && !this.#stopped);
  }

  /** One pass; true if anything moved. */
  async #runOnce(): Promise<boolean> {
    let moved = false;
    for (;;) {
      let progress = 0;
      for (const channel of this.#channels) progress += await channel.relay(this.log);
      for (const channel of this.#channels) progress += await channel.consume(this.log);
      if (progress === 0) return moved;
      moved = true;
    }
  }

  /** Waits until every outbox is empty and every consumer has read the whole log. */
  async processAll(): Promise<void> {
    for (;;) {
      while (this.#running) await this.#running.catch(() => undefined);
      let moved = false;
      const run = this.#runOnce().then((m) => {
        moved = m;
      });
      this.#running = run
        .catch(() => undefined)
        .finally(() => {
          this.#running = null;
        });
      await run;
      if (!moved) return;
    }
  }

  /** Appends events straight to the log (use-case GIVENs and the importer), keeping their ids. */
  async append(events: EventEnvelope[], module: string): Promise<void> {
    await this.log.db.transaction().execute(async (db) => {
      for (const e of events) {
        await db
          .insertInto('events')
          .values({
            id: e.id,
            module,
            type: e.type,
            version: e.version,
            occurred_at: e.occurredAt,
            actor_id: e.actorId,
            traceparent: e.traceparent,
            payload: JSON.stringify(e.payload),
          })
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
    // Drain what was committed before the stop so nothing waits for the next start.
    await this.processAll().catch((error: unknown) =>
      this.#logger.error({ err: error }, 'final drain failed'),
    );
  }
}
