import pg from 'pg';
import type { Logger } from '../observability/logger.ts';

/** Which modules' consumers this node runs. */
export interface ConsumerLeases {
  holds(module: string): boolean;
  start(): void;
  stop(): Promise<void>;
}

/** One node runs every consumer. */
export const allLeases: ConsumerLeases = {
  holds: () => true,
  start: () => undefined,
  stop: () => Promise.resolve(),
};

/** How often a node tries to take the leases it does not hold, and checks it still holds its own. */
const RENEW_MS = 1000;

/**
 * In a cluster each module's consumer runs on one node at a time, so every event is
 * applied once per module, in log order. The lease is a PostgreSQL session advisory
 * lock per module, held on a connection of its own the node keeps open: the database itself
 * ends it when that session ends (the node is killed, or its connection is lost), so a
 * lease never outlives its holder and needs no clock, and no other service is involved.
 * (A NATS KV lease would need a TTL long enough to ride out pauses, and would expire
 * under a node that is only slow.) The other nodes try every second to take the leases
 * nobody holds. Should two nodes ever consume one module at once (a connection the
 * server has dropped but the node has not noticed yet), the module's transaction lock,
 * its inbox and a checkpoint that never moves back keep every event applied once.
 */
export class PostgresLeases implements ConsumerLeases {
  readonly #url: string;
  readonly #modules: readonly string[];
  readonly #logger: Logger;
  readonly #onGained: () => void;
  readonly #held = new Set<string>();
  #stopped = false;
  #running: Promise<void> | null = null;
  #wake: (() => void) | null = null;

  constructor(url: string, modules: readonly string[], logger: Logger, onGained: () => void) {
    this.#url = url;
    this.#modules = modules;
    this.#logger = logger;
    this.#onGained = onGained;
  }

  #rounds = 0;

  holds(module: string): boolean {
    return this.#held.has(module);
  }

  /** How many times this node has looked for leases nobody holds. */
  get rounds(): number {
    return this.#rounds;
  }

  start(): void {
    this.#stopped = false;
    this.#running = this.#keep();
  }

  /** Keeps one session and the locks on it; when the session fails, starts over on a new one. */
  async #keep(): Promise<void> {
    while (!this.#stopped) {
      const client = new pg.Client({
        connectionString: this.#url,
        connectionTimeoutMillis: 2000,
        query_timeout: 6000,
      });
      // A lost session is an event on the client: unheard, it would end the process.
      client.on('error', () => undefined);
      try {
        await client.connect();
        while (!this.#stopped) {
          await this.#takeFree(client);
          // A query on the session, so a lost connection is noticed within a beat.
          if (this.#held.size > 0) await client.query('select 1');
          await this.#pause();
        }
      } catch (error) {
        if (this.#held.size > 0)
          this.#logger.warn({ err: error, consumers: [...this.#held] }, 'lost the consumer leases');
      } finally {
        this.#held.clear();
        // Ending the session lets go of every lease at once, so another node takes over now.
        await client.end().catch(() => undefined);
      }
      if (!this.#stopped) await this.#pause();
    }
  }

  async #takeFree(client: pg.Client): Promise<void> {
    this.#rounds++;
    let gained = false;
    for (const module of this.#modules) {
      if (this.#held.has(module)) continue;
      const { rows } = await client.query<{ got: boolean }>(
        'select pg_try_advisory_lock(hashtext($1)) as got',
        [lockName(module)],
      );
      if (rows[0]?.got) {
        this.#held.add(module);
        gained = true;
      }
    }
    if (!gained) return;
    this.#logger.info({ consumers: [...this.#held] }, 'this node runs these consumers');
    this.#onGained();
  }

  #pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, RENEW_MS);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#running;
  }
}

function lockName(module: string): string {
  return `meetcute.consumer.${module}`;
}
