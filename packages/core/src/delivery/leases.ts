import pg from 'pg';
import { hash } from 'node:crypto';
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
 * Keeps one PostgreSQL session and advisory locks on it, looking every second for what
 * to take (`round`); when the session fails it lets go of everything and starts over on
 * a new one. The database ends a session's locks the moment it ends (its node is killed,
 * or its connection is lost), so a lease never outlives its holder and needs no clock,
 * and no other service is involved. (A NATS KV lease would need a TTL long enough to
 * ride out pauses, and would expire under a node that is only slow.)
 */
abstract class LeaseSession {
  readonly #url: string;
  protected readonly logger: Logger;
  #stopped = false;
  #running: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #rounds = 0;

  constructor(url: string, logger: Logger) {
    this.#url = url;
    this.logger = logger;
  }

  /** How many times this node has looked for leases to take. */
  get rounds(): number {
    return this.#rounds;
  }

  start(): void {
    this.#stopped = false;
    this.#running = this.#keep();
  }

  /** One look: take (or hand back) what this node should hold; true if it holds anything. */
  protected abstract round(client: pg.Client): Promise<boolean>;
  /** The session is gone, and every lock with it. */
  protected abstract lost(error: unknown): void;

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
          this.#rounds++;
          // A query on the session, so a lost connection is noticed within a beat.
          if (await this.round(client)) await client.query('select 1');
          await this.#pause();
        }
      } catch (error) {
        this.lost(error);
      } finally {
        this.lost(null);
        // Ending the session lets go of every lease at once, so another node takes over now.
        await client.end().catch(() => undefined);
      }
      if (!this.#stopped) await this.#pause();
    }
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

/**
 * In a cluster each module's consumer runs on one node at a time, so every event is
 * applied once per module, in log order. The lease is a session advisory lock per
 * module (LeaseSession). The other nodes try every second to take the leases nobody
 * holds. Should two nodes ever consume one module at once (a connection the server has
 * dropped but the node has not noticed yet), the module's transaction lock, the checkpoint
 * read again under it and a checkpoint that never moves back keep every event applied once.
 */
export class PostgresLeases extends LeaseSession implements ConsumerLeases {
  readonly #modules: readonly string[];
  readonly #onGained: () => void;
  readonly #held = new Set<string>();

  constructor(url: string, modules: readonly string[], logger: Logger, onGained: () => void) {
    super(url, logger);
    this.#modules = modules;
    this.#onGained = onGained;
  }

  holds(module: string): boolean {
    return this.#held.has(module);
  }

  protected async round(client: pg.Client): Promise<boolean> {
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
    if (gained) {
      this.logger.info({ consumers: [...this.#held] }, 'this node runs these consumers');
      this.#onGained();
    }
    return this.#held.size > 0;
  }

  protected lost(error: unknown): void {
    if (error && this.#held.size > 0)
      this.logger.warn({ err: error, consumers: [...this.#held] }, 'lost the consumer leases');
    this.#held.clear();
  }
}

function lockName(module: string): string {
  return `meetcute.consumer.${module}`;
}

/** Numbered leases a module spreads over the nodes (chat groups): which this node holds now. */
export interface SharedLeases {
  /** How many there are: numbered 0 to count - 1. */
  readonly count: number;
  holds(index: number): boolean;
  /** The numbers this node holds now, in order. */
  held(): number[];
}

/** One node holds every lease. */
export function allShared(count: number): SharedLeases {
  const every = Array.from({ length: count }, (_, i) => i);
  return { count, holds: (index) => index >= 0 && index < count, held: () => [...every] };
}

/** PostgreSQL advisory locks take two 32-bit keys: the first names the set, kept positive to compare with pg_locks. */
const KEYS_OF = 'select hashtext($1) & 2147483647 as leases, hashtext($1 || $2) & 2147483647 as nodes';

/**
 * Numbered leases shared out evenly over the nodes (LeaseSession): each node takes its
 * share, ceil(count / nodes), preferring the numbers its own id ranks first (rendezvous
 * hashing, so nodes that start together reach for different ones). Every node holds one
 * more lock that says it is there, so each counts the live nodes from pg_locks. When a
 * node joins, the others hand back what is over their share: a number handed back is
 * not held from that round on, and its lock is let go only on the next, so what the
 * node was doing for it is over before another node takes it. When a node dies its
 * locks go with its session, and the others take its numbers within a round or two.
 */
export class PostgresSharedLeases extends LeaseSession implements SharedLeases {
  readonly count: number;
  readonly #name: string;
  readonly #rank: number[];
  readonly #onChange: () => void;
  readonly #held = new Set<number>();
  #leaving: number[] = [];
  #keys: { leases: number; nodes: number } | null = null;

  constructor(
    options: { url: string; name: string; count: number; nodeId: string },
    logger: Logger,
    onChange: () => void,
  ) {
    super(options.url, logger);
    this.count = options.count;
    this.#name = options.name;
    this.#onChange = onChange;
    const score = (i: number) => hash('sha256', `${options.nodeId}:${i}`, 'buffer').readUInt32BE(0);
    this.#rank = Array.from({ length: options.count }, (_, i) => i).sort((a, b) => score(b) - score(a));
  }

  holds(index: number): boolean {
    return this.#held.has(index);
  }

  held(): number[] {
    return [...this.#held].sort((a, b) => a - b);
  }

  protected async round(client: pg.Client): Promise<boolean> {
    const keys = await this.#join(client);
    let changed = false;
    if (this.#leaving.length > 0) {
      await client.query('select pg_advisory_unlock($1::int, g) from unnest($2::int[]) g', [
        keys.leases,
        this.#leaving,
      ]);
      this.#leaving = [];
    }
    const { nodes, taken } = await this.#look(client, keys);
    const share = Math.ceil(this.count / Math.max(1, nodes));
    if (this.#held.size > share) {
      // Hand back the ones this node ranks last: the newcomer ranks them differently.
      this.#leaving = this.#rank.filter((i) => this.#held.has(i)).slice(share);
      for (const i of this.#leaving) this.#held.delete(i);
      changed = true;
    } else if (this.#held.size < share) {
      const wanted = this.#rank.filter((i) => !taken.has(i)).slice(0, share - this.#held.size);
      const { rows } = await client.query<{ g: number }>(
        'select g from unnest($2::int[]) g where pg_try_advisory_lock($1::int, g)',
        [keys.leases, wanted],
      );
      for (const { g } of rows) this.#held.add(g);
      changed = rows.length > 0;
    }
    if (changed) {
      this.logger.info({ leases: this.#name, held: this.held() }, 'this node holds these leases');
      this.#onChange();
    }
    return true;
  }

  /** Takes the lock that says this node is there, once per session. */
  async #join(client: pg.Client): Promise<{ leases: number; nodes: number }> {
    if (this.#keys) return this.#keys;
    const { rows } = await client.query<{ leases: number; nodes: number }>(KEYS_OF, [this.#name, '.nodes']);
    const keys = rows[0]!;
    await client.query('select pg_advisory_lock($1::int, pg_backend_pid())', [keys.nodes]);
    this.#keys = keys;
    return keys;
  }

  /** How many nodes are there, and which numbers any node holds (this one's included). */
  async #look(
    client: pg.Client,
    keys: { leases: number; nodes: number },
  ): Promise<{ nodes: number; taken: Set<number> }> {
    const { rows } = await client.query<{ classid: number; objid: number }>(
      `select classid::int8 as classid, objid::int8 as objid from pg_locks
        where locktype = 'advisory' and objsubid = 2 and granted
          and database = (select oid from pg_database where datname = current_database())
          and classid in ($1::int8::oid, $2::int8::oid)`,
      [keys.leases, keys.nodes],
    );
    const nodes = rows.filter((r) => Number(r.classid) === keys.nodes).length;
    const taken = new Set(rows.filter((r) => Number(r.classid) === keys.leases).map((r) => Number(r.objid)));
    return { nodes, taken };
  }

  protected lost(error: unknown): void {
    if (error) this.logger.warn({ err: error, leases: this.#name }, 'lost the session that holds the leases');
    this.#keys = null;
    this.#leaving = [];
    if (this.#held.size === 0) return;
    this.#held.clear();
    this.#onChange();
  }
}
