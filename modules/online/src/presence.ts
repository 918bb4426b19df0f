import { defineService } from '@meetcute/core';
import type { Clock, Logger, NotificationHub } from '@meetcute/core';
import { PRESENCE, onlineSince } from './rules.ts';
import { presentIds, recordPresence, seenSince, type OnlineDb } from './store.ts';

/** Who is online: a live channel open, or a request in the last five minutes. */
export interface Presence {
  isOnline(memberId: string): Promise<boolean>;
  /** Everyone online now, approved or not; callers filter by what they show. */
  onlineIds(): Promise<Set<string>>;
}

export const ONLINE = defineService<Presence>('online');

/** Past this many members, "last written" forgets those it wrote more than a minute ago. */
const PRUNE_AT = 10_000;

/**
 * Presence kept in the `presence` table. Requests are written at most once a minute per
 * member (the in-memory "last written" map spares a write per request); channels
 * opening and closing are written at once. Reads first wait for this node's writes in
 * flight, so a member's request is visible to the next read.
 */
export class PresenceTracker implements Presence {
  readonly #db: OnlineDb;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #hub: NotificationHub | undefined;
  readonly #lastWritten = new Map<string, number>();
  /**
   * When each member was last seen by a request or a closing channel, for as long as
   * that keeps them online: badges and "is online" read this, not the table.
   */
  readonly #lastSeen = new Map<string, number>();
  readonly #pending = new Set<Promise<void>>();
  readonly #tails = new Map<string, Promise<void>>();
  /** Deleted members: a request of theirs still finishing must not write them back. */
  readonly #gone = new Set<string>();

  constructor(db: OnlineDb, clock: Clock, logger: Logger, hub?: NotificationHub) {
    this.#db = db;
    this.#clock = clock;
    this.#logger = logger;
    this.#hub = hub;
  }

  /** Reads who the table says was seen lately (before this start) into memory. */
  async load(): Promise<void> {
    for (const [memberId, at] of await seenSince(this.#db, onlineSince(this.#clock.now()))) {
      this.#lastSeen.set(memberId, Math.max(this.#lastSeen.get(memberId) ?? 0, Date.parse(at)));
    }
  }

  /** The member deleted their account: forgotten here, and never written again. */
  forget(memberId: string): void {
    this.#gone.add(memberId);
    this.#lastSeen.delete(memberId);
    this.#lastWritten.delete(memberId);
  }

  /** A request by the member just finished. */
  seen(memberId: string): Promise<void> {
    if (this.#gone.has(memberId)) return Promise.resolve();
    const now = this.#clock.now().getTime();
    this.#lastSeen.set(memberId, now);
    const last = this.#lastWritten.get(memberId);
    // A clock that went back (tests, a corrected server clock) writes again.
    if (last !== undefined && now >= last && now - last < PRESENCE.writeEveryMs) return Promise.resolve();
    if (this.#lastWritten.size >= PRUNE_AT) this.#prune(now);
    this.#lastWritten.set(memberId, now);
    return this.#write(memberId, undefined);
  }

  /** The member's first channel opened (true) or their last one closed (false). */
  channel(memberId: string, connected: boolean): Promise<void> {
    if (this.#gone.has(memberId)) return Promise.resolve();
    // Closing counts as being seen then, so the member stays online five minutes more.
    const now = this.#clock.now().getTime();
    this.#lastWritten.set(memberId, now);
    this.#lastSeen.set(memberId, now);
    return this.#write(memberId, connected);
  }

  async isOnline(memberId: string): Promise<boolean> {
    if (this.#hub?.isConnected(memberId)) return true;
    const seen = this.#lastSeen.get(memberId);
    return Promise.resolve(seen !== undefined && seen >= Date.parse(onlineSince(this.#clock.now())));
  }

  async onlineIds(): Promise<Set<string>> {
    await this.settled();
    return presentIds(this.#db, onlineSince(this.#clock.now()));
  }

  /** Waits for this node's presence writes in flight. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  #write(memberId: string, connected: boolean | undefined): Promise<void> {
    const at = this.#clock.now().toISOString();
    // One member's writes land in order, so a channel that opens and closes at once ends closed.
    const previous = this.#tails.get(memberId) ?? Promise.resolve();
    const write: Promise<void> = previous
      .then(() => recordPresence(this.#db, memberId, at, connected))
      .catch((error: unknown) => {
        // Presence is best effort: a lost write only makes a member look offline a little early.
        this.#lastWritten.delete(memberId);
        this.#logger.error({ err: error, memberId }, 'presence write failed');
      })
      .finally(() => {
        this.#pending.delete(write);
        if (this.#tails.get(memberId) === write) this.#tails.delete(memberId);
      });
    this.#tails.set(memberId, write);
    this.#pending.add(write);
    return write;
  }

  #prune(now: number): void {
    for (const [memberId, at] of this.#lastWritten) {
      if (now - at >= PRESENCE.writeEveryMs) this.#lastWritten.delete(memberId);
    }
    for (const [memberId, at] of this.#lastSeen) {
      if (now - at >= PRESENCE.onlineMs) this.#lastSeen.delete(memberId);
    }
  }
}
