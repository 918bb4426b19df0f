import type { EventDefinition, EventEnvelope, PayloadOf } from './events.ts';
import type { Tx } from './delivery/delivery.ts';

/**
 * A hot read model kept in memory: what pages read on every request (a member's card,
 * a session, a block list, a counter) answered without a query. It is a view of the
 * module's tables, never the only copy:
 * - loaded from the tables at start (`warm`) or one key at a time on a miss (`load`),
 *   under a budget of entries with the least recently used going first;
 * - changed by the same events that change the tables, through handlers the module
 *   declares with `on`; their changes are staged in the event's transaction and applied
 *   only after it commits, so the view never shows what the disk does not hold, and a
 *   rolled-back or retried batch changes nothing twice;
 * - exact: `audit()` compares every entry with what `load` reads, and the use-case
 *   suite audits every view after every use case.
 *
 * In a cluster each node holds its own views. A commit's changes are applied where it
 * ran, and the other nodes are told which keys changed (ViewHost.changed): they forget
 * those keys and read them again from the tables, so nothing is invalidated by hand.
 */
export interface ViewSpec<V> {
  /** Unique within the module; names the view in metrics and audit reports. */
  name: string;
  /** Reads one entry from the module's tables; undefined when the key has none. */
  load(key: string): Promise<V | undefined>;
  /**
   * Reads every entry, at start and after a rebuild. A view warmed this way answers a
   * miss as "none" without a query, until the budget forces it to drop an entry.
   */
  warm?(): Promise<Iterable<readonly [string, V]>>;
  /** The most entries kept (default 100,000). */
  budget?: number;
}

/** Changes to a view decided inside a transaction; they apply when it commits. */
export interface ViewChanges<V> {
  /** The key's entry is now this (undefined: it has none). */
  set(key: string, value: V | undefined): void;
  /**
   * Changes the entry if the view holds the key (its value, or undefined when known to
   * have none); a key the view does not hold is read from the tables when next asked.
   */
  update(key: string, change: (current: V | undefined) => V | undefined): void;
  /** Drops the key; the next read loads it from the tables. */
  forget(key: string): void;
  /**
   * Drops every held entry the test picks (e.g. all sessions of a member, when the view
   * is keyed otherwise). It looks at every entry, so it is for rare changes.
   */
  forgetWhere(test: (value: V, key: string) => boolean): void;
  /**
   * Says this transaction may change keys it does not name: it looked at the keys the
   * view holds (`held()`) and staged changes for those alone. Loads under way, or made
   * before the transaction ends, are answered but not kept, so none keeps a value read
   * before the change committed.
   */
  unnamedKeys(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a view of no module in particular
export type ViewHandler<P, V, DB = any> = (
  event: EventEnvelope<P>,
  changes: ViewChanges<V>,
  tx: Tx<DB>,
) => void | Promise<void>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a view of no module in particular
export interface View<V, DB = any> {
  readonly name: string;
  /** The entry, from memory when held, else from the tables. */
  get(key: string): Promise<V | undefined>;
  /**
   * The entry as committed, without a query, for code running inside a transaction (which
   * holds the module's only SQLite connection, so a load would wait for itself): `{ value }`
   * when memory holds the key (or holds every key) and no transaction has a change to it
   * staged, else undefined and the caller asks its transaction. Inside a transaction that
   * staged a change to the key, that change is not committed yet, so this says undefined.
   */
  known(key: string): { value: V | undefined } | undefined;
  /** Several entries at once; keys with none are absent from the map. */
  getMany(keys: Iterable<string>): Promise<Map<string, V>>;
  /**
   * Every entry, when the view holds every key its tables have (warmed, within budget);
   * undefined when it holds only some, so the caller asks its tables instead. For views
   * that answer questions about all their entries at once (who matches a search).
   */
  entries(): Iterable<V> | undefined;
  /**
   * The keys in memory now, those known to have no entry included. A change that only matters to what is held (a new item for
   * the feeds being read) works these out instead of every key the tables have, and
   * calls `unnamedKeys()` on its changes.
   */
  held(): string[];
  /** Every event that changes the view, and how. The module must list the event in `consumes` (or publish it). */
  on<D extends EventDefinition>(definition: D, handler: ViewHandler<PayloadOf<D>, V, DB>): View<V, DB>;
  /** Changes made outside event handlers, by the module that owns the rows (e.g. a session's expiry sliding). */
  changes(tx: Tx): ViewChanges<V>;
  /** The keys whose entry differs from what the tables hold, with both; empty when exact. */
  audit(): Promise<Array<{ key: string; memory: V | undefined; tables: V | undefined }>>;
}

const NONE = Symbol('none');
type Held<V> = V | typeof NONE;

/** Where views register their event handlers: the module's delivery channel. */
export interface ViewHost {
  addViewHandler(definition: EventDefinition, handler: (event: EventEnvelope, tx: Tx) => Promise<void>): void;
  /**
   * Called once a transaction that changed the view has committed, with the keys it
   * changed (null: keys it did not name). In a cluster the other nodes forget those keys
   * (`forgetChanged`), so no node answers from memory what another node's commit changed.
   */
  changed?(keys: readonly string[] | null): void;
}

/** What one transaction changed in a view, told to the other nodes when it commits. */
interface Changed {
  keys: Set<string>;
  all: boolean;
}

/**
 * The chassis side of a view: the map, the staged changes and the load guards.
 * Modules see it as a `View` through `ctx.view(spec)`.
 */
export class MemoryView<V> implements View<V> {
  readonly name: string;
  readonly #spec: ViewSpec<V>;
  readonly #host: ViewHost;
  readonly #budget: number;
  readonly #held = new Map<string, Held<V>>();
  /** Keys with changes staged in transactions not yet finished: their loads are not kept. */
  readonly #inFlight = new Map<string, number>();
  /** Loads under way, and whether something changed their key meanwhile. */
  readonly #loading = new Map<string, { stale: boolean }>();
  /** Changes staged for keys not known in advance (forgetWhere): while any is, no load is kept. */
  #wideInFlight = 0;
  /** True while every key the tables hold is in memory: a miss means "none". */
  #complete = false;
  /**
   * Keys another node changed that a complete view is reading again: asked meanwhile,
   * they are read from the tables, and `entries()` waits for them by answering undefined.
   */
  readonly #rereading = new Set<string>();
  /** While the other nodes cannot tell this one what they change, nothing is kept (see pause). */
  #paused = false;
  readonly #told = new WeakMap<Tx, Changed>();
  hits = 0;
  misses = 0;

  constructor(spec: ViewSpec<V>, host: ViewHost) {
    this.name = spec.name;
    this.#spec = spec;
    this.#host = host;
    this.#budget = spec.budget ?? 100_000;
  }

  get size(): number {
    return this.#held.size;
  }

  async warm(): Promise<void> {
    this.#held.clear();
    this.#complete = false;
    if (!this.#spec.warm || this.#paused) return;
    for (const [key, value] of await this.#spec.warm()) {
      if (this.#held.size >= this.#budget) return; // too many to hold: misses go to the tables
      this.#held.set(key, value);
    }
    this.#complete = true;
  }

  /** Forgets everything (a rebuild cleared the tables); warmed again by the caller. */
  clear(): void {
    this.#held.clear();
    this.#complete = false;
    this.#touchAll();
  }

  async get(key: string): Promise<V | undefined> {
    const held = this.#held.get(key);
    if (held !== undefined) {
      this.hits++;
      // Least recently used goes first: a hit moves the key to the young end. Moving is a
      // delete and an insert in a large map, on every read of every card, and until the
      // view is half full nothing is going to be pushed out: the order matters only then.
      if (this.#held.size > this.#budget / 2) {
        this.#held.delete(key);
        this.#held.set(key, held);
      }
      return held === NONE ? undefined : held;
    }
    // Every key is held: a miss is a key with none (a change not yet committed is not there either).
    if (this.#complete && !this.#rereading.has(key)) return undefined;
    this.misses++;
    return this.#load(key);
  }

  known(key: string): { value: V | undefined } | undefined {
    if (this.#inFlight.has(key) || this.#wideInFlight > 0) return undefined;
    const held = this.#held.get(key);
    if (held === undefined) return this.#complete ? { value: undefined } : undefined;
    return { value: held === NONE ? undefined : held };
  }

  async getMany(keys: Iterable<string>): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of keys) {
      if (found.has(key)) continue;
      const held = this.#held.get(key);
      if (held === undefined) missing.push(key);
      else if (held !== NONE) found.set(key, held);
    }
    if (missing.length > 0) {
      const loaded = await Promise.all(missing.map((key) => this.get(key)));
      missing.forEach((key, i) => {
        const value = loaded[i];
        if (value !== undefined) found.set(key, value);
      });
    }
    return found;
  }

  entries(): Iterable<V> | undefined {
    if (!this.#complete || this.#rereading.size > 0) return undefined;
    return this.#values();
  }

  held(): string[] {
    return [...this.#held.keys()];
  }

  *#values(): Generator<V> {
    for (const held of this.#held.values()) if (held !== NONE) yield held;
  }

  async #load(key: string): Promise<V | undefined> {
    const guard = { stale: false };
    const previous = this.#loading.get(key);
    this.#loading.set(key, guard);
    try {
      const value = await this.#spec.load(key);
      // A change staged or applied while the query ran may not be in what it read: use it, do not keep it.
      const unchanged = !guard.stale && !(previous && !previous.stale);
      if (unchanged && !this.#inFlight.has(key) && this.#wideInFlight === 0) {
        this.#keep(key, value === undefined ? NONE : value);
      }
      return value;
    } finally {
      if (this.#loading.get(key) === guard) this.#loading.delete(key);
    }
  }

  #keep(key: string, value: Held<V>): void {
    if (this.#paused) return;
    this.#held.delete(key);
    this.#held.set(key, value);
    if (this.#held.size > this.#budget) {
      this.#held.delete(this.#held.keys().next().value!);
      this.#complete = false;
    }
  }

  #touch(key: string): void {
    const load = this.#loading.get(key);
    if (load) load.stale = true;
  }

  on<D extends EventDefinition>(definition: D, handler: ViewHandler<PayloadOf<D>, V>): View<V> {
    this.#host.addViewHandler(definition, (event, tx) =>
      Promise.resolve(handler(event as EventEnvelope<PayloadOf<D>>, this.changes(tx), tx)),
    );
    return this;
  }

  /** Records what `tx` changes, to tell the other nodes once it commits. */
  #tell(tx: Tx, key: string | null): void {
    if (!this.#host.changed) return;
    let changed = this.#told.get(tx);
    if (!changed) {
      const record: Changed = { keys: new Set(), all: false };
      this.#told.set(tx, (changed = record));
      tx.afterFinish((committed) => {
        if (committed) this.#host.changed?.(record.all ? null : [...record.keys]);
      });
    }
    if (key === null) changed.all = true;
    else changed.keys.add(key);
  }

  /**
   * Another node committed changes to these keys (null: to keys it did not name): what
   * memory holds of them may be old. A view that holds every key reads the named ones
   * again, so it stays complete; otherwise they are dropped and read when next asked.
   */
  forgetChanged(keys: readonly string[] | null): void {
    if (keys === null) {
      // Read again lazily, key by key: another node's unnamed changes may come often (a
      // news fan-out per batch), and warming the whole view each time would cost more.
      this.clear();
      return;
    }
    for (const key of keys) {
      this.#held.delete(key);
      this.#touch(key);
      if (this.#complete) void this.#reread(key);
    }
  }

  async #reread(key: string): Promise<void> {
    this.#rereading.add(key);
    try {
      await this.#load(key);
    } catch {
      // The tables are away: the view can no longer say it holds every key.
      this.#complete = false;
    } finally {
      this.#rereading.delete(key);
    }
  }

  /** Reads every entry again (another node changed keys it did not name). */
  async #rewarm(): Promise<void> {
    try {
      await this.warm();
    } catch {
      this.#complete = false;
    }
  }

  /**
   * The other nodes cannot tell this one what they change (the broker is away): memory
   * is emptied and nothing is kept until `resume`, so every read goes to the tables.
   */
  pause(): void {
    this.#paused = true;
    this.clear();
  }

  /** The broker is back: what this node holds is read afresh. */
  async resume(): Promise<void> {
    this.#paused = false;
    this.clear();
    await this.#rewarm();
  }

  changes(tx: Tx): ViewChanges<V> {
    const stage = (key: string, apply: () => void) => {
      this.#tell(tx, key);
      this.#inFlight.set(key, (this.#inFlight.get(key) ?? 0) + 1);
      this.#touch(key);
      tx.afterFinish((committed) => {
        if (committed) apply();
        const n = (this.#inFlight.get(key) ?? 1) - 1;
        if (n <= 0) this.#inFlight.delete(key);
        else this.#inFlight.set(key, n);
        this.#touch(key);
      });
    };
    // For changes whose keys are not known in advance: while one is staged, no load is kept.
    const stageWide = (apply: () => void) => {
      this.#tell(tx, null);
      this.#wideInFlight++;
      this.#touchAll();
      tx.afterFinish((committed) => {
        if (committed) apply();
        this.#wideInFlight--;
        this.#touchAll();
      });
    };
    return {
      set: (key, value) =>
        stage(key, () => {
          // A complete view holds every key, so "none" needs no entry; a partial one remembers it.
          if (value === undefined && this.#complete) this.#held.delete(key);
          else this.#keep(key, value === undefined ? NONE : value);
        }),
      update: (key, change) =>
        stage(key, () => {
          const held = this.#held.get(key);
          if (held === undefined && !this.#complete) return;
          const next = change(held === undefined || held === NONE ? undefined : held);
          if (next === undefined && this.#complete) this.#held.delete(key);
          else this.#keep(key, next === undefined ? NONE : next);
        }),
      forget: (key) =>
        stage(key, () => {
          this.#held.delete(key);
          this.#complete = false;
        }),
      forgetWhere: (test) =>
        stageWide(() => {
          for (const [key, held] of this.#held) {
            if (held !== NONE && test(held, key)) this.#held.delete(key);
          }
          this.#complete = false;
        }),
      unnamedKeys: () => stageWide(() => undefined),
    };
  }

  #touchAll(): void {
    for (const load of this.#loading.values()) load.stale = true;
  }

  async audit(): Promise<Array<{ key: string; memory: V | undefined; tables: V | undefined }>> {
    const wrong: Array<{ key: string; memory: V | undefined; tables: V | undefined }> = [];
    const keys = new Set(this.#held.keys());
    // A complete view must also hold every key the tables have.
    if (this.#complete && this.#spec.warm) for (const [key] of await this.#spec.warm()) keys.add(key);
    for (const key of keys) {
      const held = this.#held.get(key);
      const memory = held === undefined || held === NONE ? undefined : held;
      const tables = await this.#spec.load(key);
      if (!sameValue(memory, tables)) wrong.push({ key, memory, tables });
    }
    return wrong;
  }
}

/** Empties a module's views and reads them again from its tables (rebuilt, or switched in). */
export async function rereadViews(
  views: ReadonlyArray<{ module: string; view: MemoryView<unknown> }>,
  module: string,
): Promise<void> {
  for (const { module: owner, view } of views) {
    if (owner !== module) continue;
    view.clear();
    await view.warm();
  }
}

/** Structural equality for plain data (what views hold): key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Set || b instanceof Set) {
    return a instanceof Set && b instanceof Set && a.size === b.size && [...a].every((x) => b.has(x));
  }
  if (a instanceof Map || b instanceof Map) {
    return (
      a instanceof Map &&
      b instanceof Map &&
      a.size === b.size &&
      [...a].every(([k, v]) => b.has(k) && sameValue(v, b.get(k)))
    );
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
