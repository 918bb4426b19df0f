import type { Broker, Clock, LiveNotification, Logger, NotificationHub } from '@meetcute/core';
import { latestId, missed, prune, storeAll, type LiveDb, type Stored } from './store.ts';

type Listener = (notification: LiveNotification) => void;

const KEEP_MS = 24 * 60 * 60 * 1000;
/** Notifications kept in memory per member; a page that missed more catches up from the table. */
const BOX_SIZE = 100;
/** How often the mailbox is written behind, and how often old rows are pruned. */
const FLUSH_MS = 50;
const PRUNE_MS = 60_000;
const FLUSH_ROWS = 1000;
/** In a cluster: how often a node says again whom it holds pages of, and when silence means it is gone. */
const PRESENCE_EVERY_MS = 5000;
const PRESENCE_LAPSES_MS = 15_000;
/**
 * In a cluster, ids come from each node's clock: a box opened now covers what carries an
 * id from a little after now on; anything older is read from the mailbox table.
 */
const CLOCK_MARGIN_US = 1_000_000;
/**
 * In a cluster: how long a node keeps what it made for each member, to send again to a
 * node where that member's page has just opened. That node read the table when it opened
 * the page, and subscribed just before: what was made meanwhile and not yet written
 * behind (every FLUSH_MS) reached neither. Well above the write-behind's pace.
 */
const RESEND_MS = 5000;
/** Ids a channel remembers having given its page, to drop doubles (far more than RESEND_MS brings). */
const GIVEN_KEPT = 1000;

const memberSubject = (memberId: string) => `meetcute.live.member.${memberId}`;
const PRESENCE = 'meetcute.live.presence';

/** What a node says about the pages it holds: all of them (`members`), or one member's change. */
interface Presence {
  node: string;
  members?: string[];
  member?: string;
  connected?: boolean;
}

/** One member's recent notifications; every id after `coveredAfter` is here. */
interface Box {
  items: Stored[];
  coveredAfter: number;
}

/**
 * The single-node hub. Notifications are pushed to the channels open on this node and
 * kept in memory per member, so a page that reconnects catches up by id without a
 * query; the mailbox table is written behind in batches, so a page that reconnects
 * after a restart still catches up (what the last 50 ms held before a kill -9 is lost:
 * it is derived from committed state, which the page reads again on its next load).
 * Ids are counted from the clock (microseconds), so they keep rising across restarts
 * even when the last rows before a crash never reached the table.
 * A cluster adapter would publish to the broker instead of the local set.
 */
export class LiveHub implements NotificationHub {
  readonly #db: LiveDb;
  readonly #clock: Clock;
  readonly #logger: Logger;
  /** Each member's open channels: the one listener, or a set when a member has several pages open. */
  readonly #channels = new Map<string, Listener | Set<Listener>>();
  readonly #presence: Array<(memberId: string, connected: boolean) => void> = [];
  readonly #boxes = new Map<string, Box>();
  readonly #blocked: (a: string, b: string) => Promise<boolean>;
  #lastId = 0;
  /** Every notification after this id is in memory (ids up to it were made before this start). */
  #startedAfter = 0;
  #pending: Stored[] = [];
  #flushing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #prunedAt = 0;
  readonly #broker: Broker;
  /** Members with pages on this node: their notifications made on other nodes come here. */
  readonly #subscriptions = new Map<string, () => void>();
  /** Members with pages on other nodes, and until when each node's word holds. */
  readonly #elsewhere = new Map<string, Map<string, number>>();
  #presenceTimer: NodeJS.Timeout | null = null;
  #unsubscribePresence: (() => void) | null = null;
  /** In a cluster: what this node made lately, oldest first, with when (RESEND_MS). */
  #madeLately: Array<{ stored: Stored; at: number }> = [];

  constructor(
    db: LiveDb,
    clock: Clock,
    logger: Logger,
    blocked: (a: string, b: string) => Promise<boolean>,
    broker: Broker,
  ) {
    this.#blocked = blocked;
    this.#db = db;
    this.#clock = clock;
    this.#logger = logger;
    this.#broker = broker;
  }

  /** Reads where ids stand and starts writing behind. */
  async start(): Promise<void> {
    this.#lastId = this.#startedAfter = await latestId(this.#db);
    this.#prunedAt = this.#clock.now().getTime();
    this.#timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.#timer.unref();
    if (this.#broker.clustered) this.#joinNodes();
  }

  /**
   * In a cluster: every node says whom it holds pages of (at once when that changes, and
   * again every few seconds, so a node that died is forgotten when its word lapses), and
   * takes the notifications other nodes make for members whose pages it holds.
   */
  #joinNodes(): void {
    this.#unsubscribePresence = this.#broker.subscribe(PRESENCE, (data) => this.#heard(data as Presence));
    this.#presenceTimer = setInterval(() => {
      this.#broker.publish(PRESENCE, {
        node: this.#broker.nodeId,
        members: [...this.#channels.keys()],
      } satisfies Presence);
      this.#lapse();
    }, PRESENCE_EVERY_MS);
    this.#presenceTimer.unref();
  }

  #heard(presence: Presence): void {
    const until = Date.now() + PRESENCE_LAPSES_MS;
    if (presence.members) {
      const listed = new Set(presence.members);
      for (const [memberId, nodes] of this.#elsewhere) {
        if (nodes.has(presence.node) && !listed.has(memberId)) this.#elsewhereGone(memberId, presence.node);
      }
      for (const memberId of listed) this.#elsewhereThere(memberId, presence.node, until);
      return;
    }
    if (!presence.member) return;
    if (presence.connected) {
      this.#elsewhereThere(presence.member, presence.node, until);
      this.#sendAgain(presence.member);
    } else this.#elsewhereGone(presence.member, presence.node);
  }

  #elsewhereThere(memberId: string, node: string, until: number): void {
    const nodes = this.#elsewhere.get(memberId);
    if (nodes) {
      nodes.set(node, until);
      return;
    }
    const wasConnected = this.isConnected(memberId);
    this.#elsewhere.set(memberId, new Map([[node, until]]));
    if (!wasConnected) this.#announce(memberId, true);
  }

  #elsewhereGone(memberId: string, node: string): void {
    const nodes = this.#elsewhere.get(memberId);
    if (!nodes?.delete(node)) return;
    if (nodes.size > 0) return;
    this.#elsewhere.delete(memberId);
    if (!this.isConnected(memberId)) this.#announce(memberId, false);
  }

  /** A page of the member opened on another node: what this node made for them lately goes there again. */
  #sendAgain(memberId: string): void {
    for (const { stored } of this.#madeLately)
      if (stored.memberId === memberId) this.#broker.publish(memberSubject(memberId), stored);
  }

  /** Forgets what nodes that fell silent said. */
  #lapse(): void {
    const now = Date.now();
    for (const [memberId, nodes] of [...this.#elsewhere]) {
      for (const [node, until] of [...nodes]) if (until < now) this.#elsewhereGone(memberId, node);
    }
  }

  /** A notification another node made for a member whose pages this node holds. */
  #fromElsewhere(n: LiveNotification & { about?: string | null }): void {
    if (n.transient) {
      this.#each(n.memberId, (listener) => listener(n));
      return;
    }
    const stored: Stored = { ...n, about: n.about ?? null };
    this.#lastId = Math.max(this.#lastId, stored.id);
    this.#keep(stored);
    this.#each(n.memberId, (listener) => listener(stored));
  }

  /** The member's first page on this node opened (true) or the last closed (false). */
  #local(memberId: string, connected: boolean): void {
    // The site hears of it only when the member's state across the cluster flips (no other node holds a page).
    const flips = !this.#elsewhere.has(memberId);
    if (this.#broker.clustered) {
      if (connected) {
        // What other nodes made before now is in the table, not in this node's box.
        const box = this.#boxes.get(memberId);
        const from = this.#clock.now().getTime() * 1000 + CLOCK_MARGIN_US;
        if (box) box.coveredAfter = Math.max(box.coveredAfter, from);
        else this.#boxes.set(memberId, { items: [], coveredAfter: from });
        this.#subscriptions.set(
          memberId,
          this.#broker.subscribe(memberSubject(memberId), (data) =>
            this.#fromElsewhere(data as LiveNotification),
          ),
        );
      } else {
        this.#subscriptions.get(memberId)?.();
        this.#subscriptions.delete(memberId);
      }
      this.#broker.publish(PRESENCE, {
        node: this.#broker.nodeId,
        member: memberId,
        connected,
      } satisfies Presence);
    }
    if (flips) this.#announce(memberId, connected);
  }

  /** Writes what is pending; resolves when it is in the table. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      while (this.#pending.length > 0) {
        const rows = this.#pending.splice(0, FLUSH_ROWS);
        try {
          await storeAll(this.#db, rows);
        } catch (error) {
          // The mailbox is a convenience for reconnecting pages: log, and keep the rows for the next try.
          this.#pending.unshift(...rows);
          this.#logger.error({ err: error }, 'writing the live mailbox failed; retrying');
          return;
        }
      }
      const now = this.#clock.now().getTime();
      if (now - this.#prunedAt >= PRUNE_MS) {
        this.#prunedAt = now;
        const dayAgo = new Date(now - KEEP_MS).toISOString();
        this.#forgetOlderThan(dayAgo);
        // A failure here must not reject: nothing awaits the timer's flush (the process
        // would end), and every later flush chains on this one. The next prune catches up.
        await prune(this.#db, dayAgo).catch((error: unknown) =>
          this.#logger.warn({ err: error }, 'pruning the live mailbox failed; trying again later'),
        );
      }
    });
    return this.#flushing;
  }

  /** Drops what is a day old from memory; a box left empty goes, and members without one catch up from the table. */
  #forgetOlderThan(dayAgo: string): void {
    for (const [memberId, box] of this.#boxes) {
      while (box.items.length > 0 && box.items[0]!.at < dayAgo) box.coveredAfter = box.items.shift()!.id;
      if (box.items.length === 0) {
        this.#boxes.delete(memberId);
        this.#startedAfter = Math.max(this.#startedAfter, box.coveredAfter);
      }
    }
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    if (this.#presenceTimer) clearInterval(this.#presenceTimer);
    this.#presenceTimer = null;
    this.#unsubscribePresence?.();
    for (const unsubscribe of this.#subscriptions.values()) unsubscribe();
    this.#subscriptions.clear();
    await this.flush();
  }

  #nextId(): number {
    this.#lastId = Math.max(this.#lastId + 1, this.#clock.now().getTime() * 1000);
    return this.#lastId;
  }

  async notify(
    memberId: string,
    notification: { type: string; data: unknown; about?: string; transient?: boolean },
  ): Promise<void> {
    // Nothing crosses a block, even what was queued before the block reached every module.
    if (notification.about && (await this.#blocked(memberId, notification.about))) return;
    const at = this.#clock.now().toISOString();
    if (notification.transient) {
      // Id 0: a page must not resume from it, and a page away now has no use for it later.
      const passing: LiveNotification = {
        id: 0,
        memberId,
        type: notification.type,
        data: notification.data,
        at,
        transient: true,
      };
      this.#each(memberId, (listener) => listener(passing));
      if (this.#elsewhere.has(memberId)) this.#broker.publish(memberSubject(memberId), passing);
      return;
    }
    const stored: Stored = {
      id: this.#nextId(),
      memberId,
      type: notification.type,
      data: notification.data,
      at,
      about: notification.about ?? null,
    };
    this.#keep(stored);
    this.#pending.push(stored);
    this.#each(memberId, (listener) => listener(stored));
    if (!this.#broker.clustered) return;
    if (this.#elsewhere.has(memberId)) this.#broker.publish(memberSubject(memberId), stored);
    const now = Date.now();
    while (this.#madeLately.length > 0 && this.#madeLately[0]!.at < now - RESEND_MS) this.#madeLately.shift();
    this.#madeLately.push({ stored, at: now });
  }

  #keep(stored: Stored): void {
    let box = this.#boxes.get(stored.memberId);
    if (!box) {
      box = { items: [], coveredAfter: this.#startedAfter };
      this.#boxes.set(stored.memberId, box);
    }
    // In id order, which is not always arrival order in a cluster (ids come from each node's
    // clock, and a node sends again what a page may have missed): missed() reads the tail.
    const { items } = box;
    let at = items.length;
    while (at > 0 && items[at - 1]!.id > stored.id) at--;
    if (items[at - 1]?.id === stored.id) return;
    items.splice(at, 0, stored);
    if (items.length > BOX_SIZE) box.coveredAfter = items.shift()!.id;
  }

  /** The id a freshly rendered page resumes from, so it gets only what happens after it. */
  latest(): number {
    return this.#lastId;
  }

  /** Whether the member has a page open on any node. */
  isConnected(memberId: string): boolean {
    return this.#channels.has(memberId) || this.#elsewhere.has(memberId);
  }

  onPresence(listener: (memberId: string, connected: boolean) => void): void {
    this.#presence.push(listener);
  }

  /** What a member's pages missed after `after`, oldest first: from memory, or the table for older ids. */
  async missed(memberId: string, after: number): Promise<LiveNotification[]> {
    const box = this.#boxes.get(memberId);
    let found: Stored[];
    if (after >= (box?.coveredAfter ?? this.#startedAfter)) {
      // A box is in id order and a page mostly asks for what came after the newest: only
      // the tail is read (a re-poll that finds nothing reads no item at all).
      const items = box?.items ?? [];
      let first = items.length;
      while (first > 0 && items[first - 1]!.id > after) first--;
      if (first === items.length) return [];
      const dayAgo = new Date(this.#clock.now().getTime() - KEEP_MS).toISOString();
      found = items.slice(first).filter((n) => n.at >= dayAgo);
    } else {
      await this.flush();
      found = await missed(this.#db, memberId, after);
    }
    // A suspension takes nothing back (unlike a block): what is about a suspended member stays
    // kept but is not replayed while it holds, and is again once it is lifted.
    const shown: Stored[] = [];
    for (const n of found) if (!n.about || !(await this.#blocked(memberId, n.about))) shown.push(n);
    return shown;
  }

  /** A deleted member: their mailbox, and whatever others' mailboxes say about them, go. */
  forgetMember(memberId: string): void {
    const naming = (n: Stored) =>
      n.memberId === memberId || n.about === memberId || JSON.stringify(n).includes(memberId);
    this.#pending = this.#pending.filter((n) => !naming(n));
    this.#boxes.delete(memberId);
    for (const box of this.#boxes.values()) box.items = box.items.filter((n) => !naming(n));
  }

  /** A block takes back what either was told about the other, so a reconnect cannot replay it. */
  forgetBetween(a: string, b: string): void {
    const between = (n: Stored) => (n.memberId === a && n.about === b) || (n.memberId === b && n.about === a);
    this.#pending = this.#pending.filter((n) => !between(n));
    for (const memberId of [a, b]) {
      const box = this.#boxes.get(memberId);
      if (box) box.items = box.items.filter((n) => !between(n));
    }
  }

  /**
   * Opens a channel: first replays what the page missed after `after`, then pushes
   * new notifications as they come. Returns the function that closes it.
   */
  async open(memberId: string, after: number, listener: Listener): Promise<() => void> {
    // Register first so nothing published during the replay is lost. Doubles are dropped by
    // id, not by the highest id given: in a cluster one made earlier on another node may come
    // after a later one (sent again when this page opened), and it is still news to the page.
    const given = new Set<number>();
    const deliver: Listener = (n) => {
      if (n.transient) return listener(n);
      if (n.id <= after || given.has(n.id)) return;
      given.add(n.id);
      if (given.size > GIVEN_KEPT) given.delete(given.values().next().value!);
      listener(n);
    };
    // What arrives during the replay waits here; dropped after it, since a channel lives for hours.
    let buffered: LiveNotification[] | null = [];
    const entry: Listener = (n) => (buffered ? buffered.push(n) : deliver(n));
    const others = this.#channels.get(memberId);
    if (!others) this.#channels.set(memberId, entry);
    else if (others instanceof Set) others.add(entry);
    else this.#channels.set(memberId, new Set([others, entry]));
    if (!others) this.#local(memberId, true);
    try {
      for (const n of await this.missed(memberId, after)) deliver(n);
    } finally {
      const waiting = buffered;
      buffered = null;
      for (const n of waiting) deliver(n);
    }
    return () => {
      const current = this.#channels.get(memberId);
      if (current === entry) this.#channels.delete(memberId);
      else if (current instanceof Set && current.delete(entry)) {
        if (current.size > 0) return;
        this.#channels.delete(memberId);
      } else return;
      this.#local(memberId, false);
    };
  }

  #each(memberId: string, call: (listener: Listener) => void): void {
    const listeners = this.#channels.get(memberId);
    if (listeners instanceof Set) for (const listener of listeners) call(listener);
    else if (listeners) call(listeners);
  }

  /**
   * Waits for the next notification after `after`, up to `waitMs`; for long polling. An
   * aborted `until` (its session ended) answers at once with nothing.
   */
  async next(
    memberId: string,
    after: number,
    waitMs: number,
    until?: AbortSignal,
  ): Promise<LiveNotification[]> {
    const now = await this.missed(memberId, after);
    if (until?.aborted) return [];
    if (now.length > 0 || waitMs <= 0) return now;
    return new Promise((resolve, reject) => {
      let close: (() => void) | null = null;
      let done = false;
      const finish = (found: LiveNotification[]) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        until?.removeEventListener('abort', ended);
        close?.();
        resolve(found);
      };
      const ended = () => finish([]);
      until?.addEventListener('abort', ended, { once: true });
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
    for (const listeners of this.#channels.values()) n += listeners instanceof Set ? listeners.size : 1;
    return n;
  }
}
