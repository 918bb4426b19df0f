// What the members of a generated community do, day by day: sign-ups and reviews,
// interests, photos, flirts, visits, favourites, diary posts, blocks, likes, unlocks
// and conversations, in time order.
import { Random } from './random.ts';
import type { DumpRecord } from './records.ts';
import { DAY, fill, memberRecord, MINUTE, weightedIndex, type Plan } from './plan.ts';
import {
  CHAT_PHRASES,
  DIARY_POSTS,
  INTERESTS,
  NAME_COUNTRY,
  PHOTO_REJECTION_REASONS,
  REJECTION_REASONS,
} from './words.ts';

/**
 * How often an approved member does each thing, per day on average. Who does it is
 * drawn by activity, whom it is done to by popularity: both Pareto-distributed, so
 * most members do and get little and a few do and get a lot.
 */
const RATES = {
  flirt: 0.03,
  visit: 0.08,
  favourite: 0.006,
  diary: 0.006,
  block: 0.0006,
  photoLike: 0.04,
  unlock: 0.008,
  conversation: 0.008,
};
/** Photos a member uploads: most 0 to 3 (about 70 % end up with a portrait), a few up to 8. */
const PHOTO_COUNTS = [0.22, 0.58, 0.8, 0.92, 0.95, 0.97, 0.98, 0.99, 1];
/** The longest conversation generated, in messages; most have one to four. */
const LONGEST_CONVERSATION = 150;
/** A sender's flirts in one UTC day; a local day spans at most two, so the site's 20 a day holds. */
const FLIRTS_PER_UTC_DAY = 8;

/** Makes a record when its time comes; null when what would happen no longer can (a block came between). */
type Make = () => DumpRecord | null;

interface Pending {
  at: number;
  seq: number;
  make: Make;
}

/** Scheduling within one day: a random moment of it, and a record for today or, past its end, later. */
interface Day {
  at: () => number;
  push: (t: number, make: Make) => void;
  schedule: (t: number, make: Make) => void;
}

/** What a day made that others may act on from the next day: approvals, shown photos, unlocks. */
interface Settled {
  approved: number[];
  shown: string[];
  unlocked: number[];
}

interface PhotoPlan {
  owner: number;
  album: 'public' | 'private';
}

interface Conversation {
  a: number;
  b: number;
  /** The newest message record to each of the two, and the one each read up to. */
  newestTo: Map<number, string>;
  readUpTo: Map<number, string>;
  ended: boolean;
}

/** Everyone approved before the current day, with running sums of their weights for weighted draws. */
class Eligible {
  readonly members: Int32Array;
  readonly activity: Float64Array;
  readonly popularity: Float64Array;
  count = 0;
  constructor(n: number) {
    this.members = new Int32Array(n);
    this.activity = new Float64Array(n);
    this.popularity = new Float64Array(n);
  }
  add(i: number, p: Plan): void {
    const k = this.count++;
    this.members[k] = i;
    this.activity[k] = (k > 0 ? this.activity[k - 1]! : 0) + p.activity[i]!;
    this.popularity[k] = (k > 0 ? this.popularity[k - 1]! : 0) + p.popularity[i]!;
  }
  byActivity(r: Random): number {
    return this.members[weightedIndex(this.activity, this.count, r.next() * this.activity[this.count - 1]!)]!;
  }
  byPopularity(r: Random): number {
    return this.members[
      weightedIndex(this.popularity, this.count, r.next() * this.popularity[this.count - 1]!)
    ]!;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The community's history, in time order, members before anything they do. A pure
 * function of the plan: it runs once to count the records for the header, once to write.
 */
export function history(p: Plan): Generator<DumpRecord> {
  return new CommunityHistory(p).records();
}

/**
 * A history as it is written: who has done what to whom so far (so the site's rules
 * hold), and what is planned but still to come. One random stream draws everything
 * the members do, in a fixed order, so the same plan always gives the same records.
 */
class CommunityHistory {
  readonly #p: Plan;
  readonly #r: Random;
  readonly #nicknames = new Set<string>();
  readonly #eligible: Eligible;
  readonly #blocked = new Set<number>();
  readonly #favourited = new Set<number>();
  #flirtedYesterday = new Set<number>();
  readonly #counters = {
    interest: 0,
    diary: 0,
    flirt: 0,
    visit: 0,
    favourite: 0,
    block: 0,
    like: 0,
    unlock: 0,
    message: 0,
    read: 0,
  };
  readonly #photos = new Map<string, PhotoPlan>();
  /** Photos others may see, as of the end of the day before: approved, by album. */
  readonly #shown = new Map<number, { public: string[]; private: string[] }>();
  readonly #privateAlbums = new Set<number>();
  readonly #likes = new Set<string>();
  readonly #unlocks = new Set<number>();
  /** Unlocks in force as of the end of the day before. */
  readonly #unlocked = new Set<number>();
  readonly #talked = new Set<number>();
  #seq = 0;
  #future: Pending[] = [];
  #nextJoin = 0;

  constructor(p: Plan) {
    this.#p = p;
    this.#r = new Random(p.seed, 3);
    this.#eligible = new Eligible(p.n);
  }

  /** Every record, day by day: what a day settles (approvals, shown photos, unlocks) counts from the next. */
  *records(): Generator<DumpRecord> {
    const p = this.#p;
    for (let day = 0; day < p.days; day++) {
      const dayStart = p.start + day * DAY;
      const dayEnd = dayStart + DAY;
      while (this.#nextJoin < p.n && p.join[this.#nextJoin]! < dayEnd) this.#scheduleMember(this.#nextJoin++);
      const today = this.#future.filter((e) => e.at < dayEnd);
      this.#future = this.#future.filter((e) => e.at >= dayEnd);
      if (this.#eligible.count >= 2) this.#activities(dayStart, dayEnd, today);
      today.sort((x, y) => x.at - y.at || x.seq - y.seq);
      const settled: Settled = { approved: [], shown: [], unlocked: [] };
      for (const e of today) {
        if (e.at > p.now) continue;
        const record = e.make();
        if (record === null) continue;
        this.#note(record, settled);
        yield record;
      }
      this.#settle(settled);
    }
  }

  #pair(a: number, b: number): number {
    return a * this.#p.n + b;
  }

  #later(at: number, make: Make): void {
    this.#future.push({ at, seq: this.#seq++, make });
  }

  #fits(from: number, to: number): boolean {
    return ((this.#p.looking[from]! >> this.#p.gender[to]!) & 1) === 1;
  }

  #apart(a: number, b: number): boolean {
    return a !== b && !this.#blocked.has(this.#pair(a, b)) && !this.#blocked.has(this.#pair(b, a));
  }

  /** Keeps what a record of today changes for the days after it. */
  #note(record: DumpRecord, settled: Settled): void {
    if (record.kind === 'review' && record.decision === 'approved')
      settled.approved.push(Number(record.member.slice(1)) - 1);
    else if (record.kind === 'photo-review' && record.decision === 'approved')
      settled.shown.push(record.photo);
    else if (record.kind === 'album-unlock')
      settled.unlocked.push(this.#pair(Number(record.from.slice(1)) - 1, Number(record.to.slice(1)) - 1));
  }

  /** At the end of a day: who was approved may act, approved photos may be seen, unlocks hold. */
  #settle(settled: Settled): void {
    for (const i of settled.approved) this.#eligible.add(i, this.#p);
    for (const photo of settled.shown) {
      const { owner, album } = this.#photos.get(photo)!;
      const albums = this.#shown.get(owner) ?? { public: [], private: [] };
      albums[album].push(photo);
      this.#shown.set(owner, albums);
    }
    for (const key of settled.unlocked) this.#unlocked.add(key);
  }

  #scheduleMember(i: number): void {
    const p = this.#p;
    this.#later(p.join[i]!, () => memberRecord(p, i, this.#nicknames));
    const reviewAt = p.review[i]!;
    if (i < p.moderators) {
      this.#later(p.join[p.moderators - 1]! + MINUTE + i, () => ({
        kind: 'moderator',
        id: `mod${i + 1}`,
        at: iso(p.join[p.moderators - 1]! + MINUTE + i),
        member: `m${i + 1}`,
      }));
    }
    // Moderators review each other; everyone else is reviewed by one of them.
    const by = i < p.moderators ? (i === 0 ? 1 : 0) : new Random(p.seed, i, 4).int(0, p.moderators - 1);
    const approved = p.approved[i] === 1;
    this.#later(reviewAt, () => ({
      kind: 'review',
      id: `r${i + 1}`,
      at: iso(reviewAt),
      member: `m${i + 1}`,
      by: `m${by + 1}`,
      decision: approved ? 'approved' : 'rejected',
      ...(approved ? {} : { reason: REJECTION_REASONS[i % REJECTION_REASONS.length]! }),
    }));
    if (!approved) return;
    p.interests[i]!.forEach((tag, k) => {
      const at = reviewAt + (k + 1) * MINUTE;
      this.#later(at, () => ({
        kind: 'interest',
        id: `i${++this.#counters.interest}`,
        at: iso(at),
        member: `m${i + 1}`,
        tag,
      }));
    });
    this.#schedulePhotos(i, reviewAt);
  }

  /** A member's photos: the first soon after approval, the rest over the following weeks, each reviewed. */
  #schedulePhotos(i: number, approvedAt: number): void {
    const p = this.#p;
    const r = new Random(p.seed, i, 5);
    const u = r.next();
    const count = PHOTO_COUNTS.findIndex((c) => u < c);
    let at = approvedAt + r.int(15, 180) * MINUTE;
    let hasPortrait = false;
    for (let k = 0; k < count; k++) {
      if (k > 0) at += Math.floor(Math.pow(r.next(), 2) * 60 * DAY) + MINUTE;
      const id = `p${i + 1}-${k + 1}`;
      const album = r.next() < (k === 0 ? 0.92 : 0.8) ? 'public' : 'private';
      // The site makes the first public photo the portrait; later ones sometimes take over.
      const portrait: boolean = album === 'public' && (!hasPortrait || r.next() < 0.15);
      hasPortrait ||= portrait;
      if (album === 'private') this.#privateAlbums.add(i);
      this.#photos.set(id, { owner: i, album });
      const uploadedAt = at;
      this.#later(uploadedAt, () => ({
        kind: 'photo',
        id,
        at: iso(uploadedAt),
        member: `m${i + 1}`,
        album,
        ...(portrait ? { portrait: true } : {}),
        data: '',
      }));
      let by = r.int(0, p.moderators - 1);
      if (by === i) by = (by + 1) % p.moderators;
      const reviewedAt = uploadedAt + r.int(10, 12 * 60) * MINUTE;
      const approved = r.next() < 0.94;
      const reason = PHOTO_REJECTION_REASONS[r.int(0, PHOTO_REJECTION_REASONS.length - 1)]!;
      this.#later(reviewedAt, () => ({
        kind: 'photo-review',
        id: `pr${i + 1}-${k + 1}`,
        at: iso(reviewedAt),
        photo: id,
        by: `m${by + 1}`,
        decision: approved ? 'approved' : 'rejected',
        ...(approved ? {} : { reason }),
      }));
    }
  }

  /** What approved members do on one day, drawn in a fixed order. */
  #activities(dayStart: number, dayEnd: number, today: Pending[]): void {
    const r = this.#r;
    const day: Day = {
      at: () => dayStart + Math.floor(r.next() * DAY),
      push: (t, make) => today.push({ at: t, seq: this.#seq++, make }),
      schedule: (t, make) => (t < dayEnd ? day.push(t, make) : this.#later(t, make)),
    };
    // Blocks first: whatever else the pair would do today is then left out.
    this.#blocks(day);
    this.#flirts(day);
    this.#visits(day);
    this.#favourites(day);
    this.#diaryPosts(day);
    this.#albumUnlocks(day);
    this.#photoLikes(day);
    this.#conversations(day);
  }

  #blocks(day: Day): void {
    const r = this.#r;
    for (let x = r.round(this.#eligible.count * RATES.block); x > 0; x--) {
      const from = this.#eligible.byActivity(r);
      const to = this.#eligible.byPopularity(r);
      if (!this.#apart(from, to)) continue;
      this.#blocked.add(this.#pair(from, to));
      const t = day.at();
      day.push(t, () => ({
        kind: 'block',
        id: `b${++this.#counters.block}`,
        at: iso(t),
        from: `m${from + 1}`,
        to: `m${to + 1}`,
      }));
    }
  }

  /** At most FLIRTS_PER_UTC_DAY a sender, never the same pair two days running. */
  #flirts(day: Day): void {
    const r = this.#r;
    const flirtsToday = new Map<number, number>();
    const flirtedToday = new Set<number>();
    for (let x = r.round(this.#eligible.count * RATES.flirt); x > 0; x--) {
      const from = this.#eligible.byActivity(r);
      if ((flirtsToday.get(from) ?? 0) >= FLIRTS_PER_UTC_DAY) continue;
      for (let tries = 0; tries < 8; tries++) {
        const to = this.#eligible.byPopularity(r);
        const key = this.#pair(from, to);
        if (
          !this.#apart(from, to) ||
          !this.#fits(from, to) ||
          flirtedToday.has(key) ||
          this.#flirtedYesterday.has(key)
        )
          continue;
        flirtedToday.add(key);
        flirtsToday.set(from, (flirtsToday.get(from) ?? 0) + 1);
        const t = day.at();
        day.push(t, () => ({
          kind: 'flirt',
          id: `f${++this.#counters.flirt}`,
          at: iso(t),
          from: `m${from + 1}`,
          to: `m${to + 1}`,
        }));
        break;
      }
    }
    this.#flirtedYesterday = flirtedToday;
  }

  #visits(day: Day): void {
    const r = this.#r;
    for (let x = r.round(this.#eligible.count * RATES.visit); x > 0; x--) {
      const from = this.#eligible.byActivity(r);
      const to = this.#eligible.byPopularity(r);
      if (!this.#apart(from, to) || (!this.#fits(from, to) && r.next() < 0.8)) continue;
      const t = day.at();
      day.push(t, () => ({
        kind: 'visit',
        id: `v${++this.#counters.visit}`,
        at: iso(t),
        from: `m${from + 1}`,
        to: `m${to + 1}`,
      }));
    }
  }

  #favourites(day: Day): void {
    const r = this.#r;
    for (let x = r.round(this.#eligible.count * RATES.favourite); x > 0; x--) {
      const from = this.#eligible.byActivity(r);
      const to = this.#eligible.byPopularity(r);
      const key = this.#pair(from, to);
      if (!this.#apart(from, to) || !this.#fits(from, to) || this.#favourited.has(key)) continue;
      this.#favourited.add(key);
      const t = day.at();
      day.push(t, () => ({
        kind: 'favourite',
        id: `fav${++this.#counters.favourite}`,
        at: iso(t),
        from: `m${from + 1}`,
        to: `m${to + 1}`,
      }));
    }
  }

  #diaryPosts(day: Day): void {
    const p = this.#p;
    const r = this.#r;
    for (let x = r.round(this.#eligible.count * RATES.diary); x > 0; x--) {
      const from = this.#eligible.byActivity(r);
      const tags = p.interests[from]!;
      const values = {
        city: p.places[p.place[from]!]!.name,
        a: tags.length > 0 ? r.pick(tags) : 'hiking',
        b: r.pick(INTERESTS),
      };
      const text = fill(r.pick(DIARY_POSTS), values);
      const t = day.at();
      day.push(t, () => ({
        kind: 'diary',
        id: `d${++this.#counters.diary}`,
        at: iso(t),
        member: `m${from + 1}`,
        text,
      }));
    }
  }

  #albumUnlocks(day: Day): void {
    const r = this.#r;
    for (let x = r.round(this.#eligible.count * RATES.unlock); x > 0; x--) {
      const owner = this.#eligible.byActivity(r);
      const to = this.#eligible.byPopularity(r);
      const key = this.#pair(owner, to);
      if (!this.#privateAlbums.has(owner) || !this.#apart(owner, to) || this.#unlocks.has(key)) continue;
      this.#unlocks.add(key);
      const t = day.at();
      day.push(t, () => ({
        kind: 'album-unlock',
        id: `u${++this.#counters.unlock}`,
        at: iso(t),
        from: `m${owner + 1}`,
        to: `m${to + 1}`,
      }));
    }
  }

  /** Likes go to photos approved before today, in albums the liker may see. */
  #photoLikes(day: Day): void {
    const r = this.#r;
    for (let x = r.round(this.#eligible.count * RATES.photoLike); x > 0; x--) {
      const from = this.#eligible.byActivity(r);
      const owner = this.#eligible.byPopularity(r);
      const albums = this.#shown.get(owner);
      if (!albums || !this.#apart(from, owner)) continue;
      const visible = this.#unlocked.has(this.#pair(owner, from))
        ? [...albums.public, ...albums.private]
        : albums.public;
      if (visible.length === 0) continue;
      const photo = r.pick(visible);
      if (this.#likes.has(`${photo}>${from}`)) continue;
      this.#likes.add(`${photo}>${from}`);
      const t = day.at();
      day.push(t, () => ({
        kind: 'photo-like',
        id: `l${++this.#counters.like}`,
        at: iso(t),
        from: `m${from + 1}`,
        photo,
      }));
    }
  }

  /** Conversations start once per pair, to someone of a gender the starter looks for. */
  #conversations(day: Day): void {
    const r = this.#r;
    const n = this.#p.n;
    for (let x = r.round(this.#eligible.count * RATES.conversation); x > 0; x--) {
      const from = this.#eligible.byActivity(r);
      const to = this.#eligible.byPopularity(r);
      const key = Math.min(from, to) * n + Math.max(from, to);
      if (!this.#apart(from, to) || !this.#fits(from, to) || this.#talked.has(key)) continue;
      this.#talked.add(key);
      this.#converse(from, to, day.at(), day.schedule);
    }
  }

  /**
   * A conversation planned at its start: who writes when, with the read mark each takes
   * before answering. Whatever comes after a block between the two is left out.
   */
  #converse(a: number, b: number, start: number, schedule: Day['schedule']): void {
    const r = this.#r;
    const c: Conversation = { a, b, newestTo: new Map(), readUpTo: new Map(), ended: false };
    const count = Math.floor(r.pareto(1.4, LONGEST_CONVERSATION));
    let from = a;
    let t = start;
    const over = () => c.ended || !this.#apart(a, b);
    for (let k = 0; k < count; k++) {
      if (k > 0) {
        if (r.next() < 0.8) {
          from = from === a ? b : a;
          // Answers come minutes to a day later; the reader opens the conversation first.
          t += Math.floor(MINUTE * Math.pow(2000, r.next()));
          this.#scheduleRead(c, from, t - r.int(5, 50) * 1000, schedule, over);
        } else t += r.int(20, 180) * 1000;
      }
      const sender = from;
      const to = sender === a ? b : a;
      const text = this.#body(sender, k === 0);
      const sentAt = t;
      schedule(sentAt, () => {
        if (over()) {
          c.ended = true;
          return null;
        }
        const id = `msg${++this.#counters.message}`;
        c.newestTo.set(to, id);
        return { kind: 'message', id, at: iso(sentAt), from: `m${sender + 1}`, to: `m${to + 1}`, body: text };
      });
    }
    if (r.next() < 0.7) {
      const reader = from === a ? b : a;
      this.#scheduleRead(c, reader, t + Math.floor(MINUTE * Math.pow(600, r.next())), schedule, over);
    }
  }

  #scheduleRead(
    c: Conversation,
    reader: number,
    t: number,
    schedule: Day['schedule'],
    over: () => boolean,
  ): void {
    schedule(t, () => {
      const newest = c.newestTo.get(reader);
      if (over() || newest === undefined || c.readUpTo.get(reader) === newest) return null;
      c.readUpTo.set(reader, newest);
      return {
        kind: 'conversation-read',
        id: `cr${++this.#counters.read}`,
        at: iso(t),
        member: `m${reader + 1}`,
        message: newest,
      };
    });
  }

  /** What one member writes: a few phrases in the language of where they live. */
  #body(from: number, first: boolean): string {
    const p = this.#p;
    const r = this.#r;
    const place = p.places[p.place[from]!]!;
    const phrases = CHAT_PHRASES[NAME_COUNTRY[place.country] ?? place.country] ?? CHAT_PHRASES.SE!;
    const tags = p.interests[from]!;
    const values = { city: place.name, a: tags.length > 0 ? r.pick(tags) : 'hiking' };
    const parts = first ? [r.pick(phrases.hello)] : [];
    const length = r.next() < 0.1 ? r.int(3, 6) : r.int(1, 2);
    for (let k = parts.length; k < length; k++)
      parts.push(r.pick(r.next() < 0.6 ? phrases.reply : phrases.question));
    if (!first && r.next() < 0.1) parts.push(r.pick(phrases.bye));
    return parts.map((t) => fill(t, values)).join(' ');
  }
}
