import type { Clock, Db, LiveNotification, Logger, NotificationHub } from '@meetcute/core';
import { latestFor, missed, prune, store } from './store.ts';

type Listener = (notification: LiveNotification) => void;

const KEEP_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 1000;

/**
 * The single-node hub: notifications are written to a short-lived mailbox (so a
 * page that reconnects catches up by id) and pushed to the channels open on this
 * node. A cluster adapter would publish to the broker instead of the local set.
 */
export class LiveHub implements NotificationHub {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #channels = new Map<string, Set<Listener>>();
  readonly #presence: Array<(memberId: string, connected: boolean) => void> = [];
  #sincePrune = 0;

  readonly #blocked: (a: string, b: string) => Promise<boolean>;

  constructor(db: Db, clock: Clock, logger: Logger, blocked: (a: string, b: string) => Promise<boolean>) {
    this.#blocked = blocked;
    this.#db = db;
    this.#clock = clock;
    this.#logger = logger;
  }

  async notify(
    memberId: string,
    notification: { type: string; data: unknown; about?: string; transient?: boolean },
  ): Promise<void> {
    // Nothing crosses a block, even what was queued before the block reached every module.
    if (notification.about && (await this.#blocked(memberId, notification.about))) return;
    const now = this.#clock.now();
    if (notification.transient) {
      // Id 0: a page must not resume from it, and a page away now has no use for it later.
      const passing: LiveNotification = {
        id: 0,
        memberId,
        type: notification.type,
        data: notification.data,
        at: now.toISOString(),
        transient: true,
      };
      for (const listener of this.#channels.get(memberId) ?? []) listener(passing);
      return;
    }
    const stored = await store(
      this.#db,
      memberId,
      notification.type,
      notification.data,
      now.toISOString(),
      notification.about ?? null,
    );
    for (const listener of this.#channels.get(memberId) ?? []) listener(stored);
    if (++this.#sincePrune >= PRUNE_EVERY) {
      this.#sincePrune = 0;
      await prune(this.#db, new Date(now.getTime() - KEEP_MS).toISOString());
    }
  }

  /** The id a freshly rendered page resumes from, so it gets only what happens after it. */
  latest(memberId: string): Promise<number> {
    return latestFor(this.#db, memberId);
  }

  isConnected(memberId: string): boolean {
    return (this.#channels.get(memberId)?.size ?? 0) > 0;
  }

  onPresence(listener: (memberId: string, connected: boolean) => void): void {
    this.#presence.push(listener);
  }

  /**
   * Opens a channel: first replays what the page missed after `after`, then pushes
   * new notifications as they come. Returns the function that closes it.
   */
  async open(memberId: string, after: number, listener: Listener): Promise<() => void> {
    // Register first so nothing published during the replay is lost; the id check drops doubles.
    let last = after;
    const deliver: Listener = (n) => {
      if (n.transient) return listener(n);
      if (n.id <= last) return;
      last = n.id;
      listener(n);
    };
    const buffered: LiveNotification[] = [];
    let replaying = true;
    const entry: Listener = (n) => (replaying ? buffered.push(n) : deliver(n));
    let set = this.#channels.get(memberId);
    const first = !set || set.size === 0;
    if (!set) {
      set = new Set();
      this.#channels.set(memberId, set);
    }
    set.add(entry);
    if (first) this.#announce(memberId, true);
    try {
      for (const n of await missed(this.#db, memberId, after)) deliver(n);
    } finally {
      replaying = false;
      for (const n of buffered) deliver(n);
    }
    return () => {
      const current = this.#channels.get(memberId);
      if (!current?.delete(entry)) return;
      if (current.size === 0) {
        this.#channels.delete(memberId);
        this.#announce(memberId, false);
      }
    };
  }

  /** Waits for the next notification after `after`, up to `waitMs`; for long polling. */
  async next(memberId: string, after: number, waitMs: number): Promise<LiveNotification[]> {
    const now = await missed(this.#db, memberId, after);
    if (now.length > 0 || waitMs <= 0) return now;
    return new Promise((resolve, reject) => {
      let close: (() => void) | null = null;
      let done = false;
      const finish = (found: LiveNotification[]) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        close?.();
        resolve(found);
      };
      const timer = setTimeout(() => finish([]), waitMs);
      this.open(memberId, after, (n) => finish([n])).then((c) => {
        close = c;
        if (done) c();
      }, reject);
    });
  }

  #announce(memberId: string, connected: boolean): void {
    for (const listener of this.#presence) {
      try {
        listener(memberId, connected);
      } catch (error) {
        this.#logger.error({ err: error, memberId }, 'presence listener failed');
      }
    }
  }

  /** Open channels on this node, for metrics. */
  get channelCount(): number {
    let n = 0;
    for (const set of this.#channels.values()) n += set.size;
    return n;
  }
}
