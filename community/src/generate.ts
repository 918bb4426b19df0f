import { createHash } from 'node:crypto';
import { hash, type Algorithm } from '@node-rs/argon2';
import sharp from 'sharp';
import { largestPlaces, type City } from '@meetcute/cities';
import { Random } from './random.ts';
import {
  DUMP_FORMAT,
  DUMP_VERSION,
  type DumpRecord,
  type Gender,
  type MemberRecord,
  type PhotoRecord,
} from './records.ts';
import {
  ABOUT_CLOSERS,
  ABOUT_MIDDLES,
  ABOUT_OPENERS,
  CHAT_PHRASES,
  DIARY_POSTS,
  FIRST_NAMES,
  INTERESTS,
  NAME_COUNTRY,
  NEUTRAL_NAMES,
  PHOTO_REJECTION_REASONS,
  REJECTION_REASONS,
  SURNAMES,
} from './words.ts';

/** Every generated member logs in with this password (the load-test bots do). */
export const COMMUNITY_PASSWORD = 'meetcute-community';

/** "Now" for a community when none is given, so the same seed always makes the same bytes. */
export const COMMUNITY_EPOCH = '2026-06-01T00:00:00.000Z';

export interface GenerateOptions {
  members: number;
  seed: number;
  /** The end of the community's history; COMMUNITY_EPOCH unless given. */
  now?: Date;
  /** How many days of history lead up to `now` (365). */
  days?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const GENDERS: readonly Gender[] = ['woman', 'man', 'nonbinary'];
const PLACES = 400;

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
const DISTANCES = [20, 50, 100, 200, 300, 500, 1000, 2000];

// Algorithm is an ambient const enum the native binding does not export; 2 is Argon2id.
const ARGON2ID: Algorithm.Argon2id = 2;

interface Plan {
  n: number;
  seed: number;
  start: number;
  now: number;
  days: number;
  moderators: number;
  passwordHash: string;
  places: City[];
  join: Float64Array;
  review: Float64Array;
  approved: Uint8Array;
  gender: Uint8Array;
  /** Bit g set: looks for GENDERS[g]. */
  looking: Uint8Array;
  place: Uint16Array;
  activity: Float64Array;
  popularity: Float64Array;
  interests: string[][];
}

function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/ð/g, 'd')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

function weightedIndex(cumulative: ArrayLike<number>, count: number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

async function plan(options: GenerateOptions): Promise<Plan> {
  const n = Math.floor(options.members);
  if (!(n >= 3)) throw new Error('A community needs at least 3 members (its first moderators).');
  const now = (options.now ?? new Date(COMMUNITY_EPOCH)).getTime();
  const days = options.days ?? 365;
  const start = now - days * DAY;
  const places = largestPlaces(PLACES);
  const placeWeights = new Float64Array(places.length);
  let sum = 0;
  places.forEach((p, i) => {
    sum += Math.pow(Math.max(p.population, 500), 0.9);
    placeWeights[i] = sum;
  });
  const salt = createHash('sha256').update(`meetcute-community:${options.seed}`).digest().subarray(0, 16);
  const p: Plan = {
    n,
    seed: options.seed,
    start,
    now,
    days,
    moderators: Math.max(3, Math.round(n / 2000)),
    passwordHash: await hash(COMMUNITY_PASSWORD, { algorithm: ARGON2ID, salt }),
    places,
    join: new Float64Array(n),
    review: new Float64Array(n),
    approved: new Uint8Array(n),
    gender: new Uint8Array(n),
    looking: new Uint8Array(n),
    place: new Uint16Array(n),
    activity: new Float64Array(n),
    popularity: new Float64Array(n),
    interests: [],
  };
  for (let i = 0; i < n; i++) {
    const r = new Random(options.seed, i, 1);
    const g = r.next() < 0.485 ? 0 : r.next() < 0.94 ? 1 : 2;
    p.gender[i] = g;
    p.place[i] = weightedIndex(placeWeights, places.length, r.next() * sum);
    p.looking[i] = lookingFor(r, g);
    p.activity[i] = r.pareto(1.2, 300);
    p.popularity[i] = r.pareto(1.5, 200);
    if (i < p.moderators) {
      // The first moderators sign up together, are made moderators, then approve each other.
      p.join[i] = start + i * MINUTE;
      p.review[i] = start + (p.moderators + 2 + i) * MINUTE;
      p.approved[i] = 1;
    } else {
      // The community grows: later days see more sign-ups than early ones.
      const u = (i - p.moderators + r.next()) / (n - p.moderators);
      p.join[i] = Math.max(start + HOUR, Math.floor(start + (now - start) * Math.pow(u, 0.8)));
      p.review[i] = p.join[i]! + 20 * MINUTE + Math.floor(Math.pow(r.next(), 2) * 17 * HOUR);
      p.approved[i] = r.next() < 0.975 ? 1 : 0;
    }
    const tags = new Set<string>();
    const wanted = Math.floor(Math.pow(r.next(), 0.8) * 12);
    for (let k = 0; k < wanted * 3 && tags.size < wanted; k++)
      tags.add(INTERESTS[r.zipf(INTERESTS.length, 1.1)]!);
    p.interests.push([...tags]);
  }
  return p;
}

function lookingFor(r: Random, g: number): number {
  const x = r.next();
  if (g === 0) return x < 0.85 ? 0b010 : x < 0.94 ? 0b001 : 0b011;
  if (g === 1) return x < 0.9 ? 0b001 : x < 0.97 ? 0b010 : 0b011;
  return x < 0.5 ? 0b111 : x < 0.75 ? 0b101 : 0b110;
}

/** The member record: drawn from the member's own stream, so it does not depend on anyone else. */
function memberRecord(p: Plan, i: number, nicknames: Set<string>): MemberRecord {
  const r = new Random(p.seed, i, 2);
  const g = p.gender[i]!;
  const place = p.places[p.place[i]!]!;
  const country = NAME_COUNTRY[place.country] ?? place.country;
  const names = FIRST_NAMES[country] ?? FIRST_NAMES.SE!;
  const first = g === 2 ? r.pick(NEUTRAL_NAMES) : r.pick(g === 0 ? names.woman : names.man);
  const surname = r.pick(SURNAMES[country] ?? SURNAMES.SE!);
  const joined = new Date(p.join[i]!);
  // Ages 18 to 79 at sign-up, most in their late twenties and thirties.
  const age = 18 + Math.floor(62 * Math.pow(r.next(), 1.9));
  const birthday = new Date(
    Date.UTC(joined.getUTCFullYear() - age, joined.getUTCMonth(), joined.getUTCDate()) - r.int(2, 360) * DAY,
  )
    .toISOString()
    .slice(0, 10);
  const yy = birthday.slice(2, 4);
  const candidates = [
    `${first}${yy}`,
    `${first}_${surname.slice(0, 1)}`,
    `${first.toLowerCase()}${r.int(1, 99)}`,
    `${first}${surname.slice(0, 3)}`,
    `${first}-${r.int(100, 999)}`,
  ];
  let nickname = candidates.find((c) => c.length <= 20 && !nicknames.has(c.toLowerCase()));
  nickname ??= `${first.slice(0, 12)}${i}`;
  nicknames.add(nickname.toLowerCase());
  const genders = GENDERS.filter((_, k) => (p.looking[i]! >> k) & 1);
  const tags = p.interests[i]!;
  const a = tags[0] ?? 'hiking';
  const b = tags[1] ?? 'cooking';
  const values = { city: place.name, a, b };
  const aboutMe = [r.pick(ABOUT_OPENERS), r.pick(ABOUT_MIDDLES), r.pick(ABOUT_CLOSERS)]
    .map((t) => fill(t, values))
    .filter((t) => t.length > 0)
    .join(' ');
  return {
    kind: 'member',
    id: `m${i + 1}`,
    at: joined.toISOString(),
    email: `${ascii(first)}.${ascii(surname)}.${i + 1}@example.${['com', 'org', 'net'][i % 3]}`,
    passwordHash: p.passwordHash,
    nickname,
    gender: GENDERS[g]!,
    birthday,
    cityId: place.id,
    lookingFor: {
      genders,
      minAge: Math.max(18, age - r.int(2, 10)),
      maxAge: Math.min(99, age + r.int(2, 12)),
      maxDistanceKm: r.pick(DISTANCES),
    },
    aboutMe,
  };
}

interface Pending {
  at: number;
  seq: number;
  /** Null when what would happen no longer can (a block came between). */
  make: () => DumpRecord | null;
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

/**
 * The community's history, in time order, members before anything they do. A pure
 * function of the plan: it runs once to count the records for the header, once to write.
 */
function* history(p: Plan): Generator<DumpRecord> {
  const r = new Random(p.seed, 3);
  const n = p.n;
  const nicknames = new Set<string>();
  const eligible = new Eligible(n);
  const pair = (a: number, b: number) => a * n + b;
  const blocked = new Set<number>();
  const favourites = new Set<number>();
  let flirtedYesterday = new Set<number>();
  const counters = {
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
  const photos = new Map<string, PhotoPlan>();
  /** Photos others may see, as of the end of the day before: approved, by album. */
  const shown = new Map<number, { public: string[]; private: string[] }>();
  const privateAlbums = new Set<number>();
  const likes = new Set<string>();
  const unlocks = new Set<number>();
  /** Unlocks in force as of the end of the day before. */
  const unlocked = new Set<number>();
  const talked = new Set<number>();
  let seq = 0;
  let future: Pending[] = [];
  let nextJoin = 0;
  const later = (at: number, make: () => DumpRecord | null) => future.push({ at, seq: seq++, make });
  const iso = (ms: number) => new Date(ms).toISOString();
  const fits = (from: number, to: number) => ((p.looking[from]! >> p.gender[to]!) & 1) === 1;
  const apart = (a: number, b: number) => a !== b && !blocked.has(pair(a, b)) && !blocked.has(pair(b, a));

  for (let day = 0; day < p.days; day++) {
    const dayStart = p.start + day * DAY;
    const dayEnd = dayStart + DAY;
    while (nextJoin < n && p.join[nextJoin]! < dayEnd) scheduleMember(nextJoin++);
    const today = future.filter((e) => e.at < dayEnd);
    future = future.filter((e) => e.at >= dayEnd);
    const approvedToday: number[] = [];
    const shownToday: string[] = [];
    const unlockedToday: number[] = [];
    if (eligible.count >= 2) activities(dayStart, dayEnd, today);
    today.sort((x, y) => x.at - y.at || x.seq - y.seq);
    for (const e of today) {
      if (e.at > p.now) continue;
      const record = e.make();
      if (record === null) continue;
      if (record.kind === 'review' && record.decision === 'approved')
        approvedToday.push(Number(record.member.slice(1)) - 1);
      else if (record.kind === 'photo-review' && record.decision === 'approved')
        shownToday.push(record.photo);
      else if (record.kind === 'album-unlock')
        unlockedToday.push(pair(Number(record.from.slice(1)) - 1, Number(record.to.slice(1)) - 1));
      yield record;
    }
    for (const i of approvedToday) eligible.add(i, p);
    for (const photo of shownToday) {
      const { owner, album } = photos.get(photo)!;
      const albums = shown.get(owner) ?? { public: [], private: [] };
      albums[album].push(photo);
      shown.set(owner, albums);
    }
    for (const key of unlockedToday) unlocked.add(key);
  }

  function scheduleMember(i: number): void {
    later(p.join[i]!, () => memberRecord(p, i, nicknames));
    const reviewAt = p.review[i]!;
    if (i < p.moderators) {
      later(p.join[p.moderators - 1]! + MINUTE + i, () => ({
        kind: 'moderator',
        id: `mod${i + 1}`,
        at: iso(p.join[p.moderators - 1]! + MINUTE + i),
        member: `m${i + 1}`,
      }));
    }
    // Moderators review each other; everyone else is reviewed by one of them.
    const by = i < p.moderators ? (i === 0 ? 1 : 0) : new Random(p.seed, i, 4).int(0, p.moderators - 1);
    const approved = p.approved[i] === 1;
    later(reviewAt, () => ({
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
      later(at, () => ({
        kind: 'interest',
        id: `i${++counters.interest}`,
        at: iso(at),
        member: `m${i + 1}`,
        tag,
      }));
    });
    schedulePhotos(i, reviewAt);
  }

  /** A member's photos: the first soon after approval, the rest over the following weeks, each reviewed. */
  function schedulePhotos(i: number, approvedAt: number): void {
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
      if (album === 'private') privateAlbums.add(i);
      photos.set(id, { owner: i, album });
      const uploadedAt = at;
      later(uploadedAt, () => ({
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
      later(reviewedAt, () => ({
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

  /** What one member writes: a few phrases in the language of where they live. */
  function body(from: number, first: boolean): string {
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

  /**
   * A conversation planned at its start: who writes when, with the read mark each takes
   * before answering. Whatever comes after a block between the two is left out.
   */
  function converse(
    a: number,
    b: number,
    start: number,
    schedule: (t: number, make: () => DumpRecord | null) => void,
  ) {
    const c: Conversation = { a, b, newestTo: new Map(), readUpTo: new Map(), ended: false };
    const count = Math.floor(r.pareto(1.4, LONGEST_CONVERSATION));
    let from = a;
    let t = start;
    const over = () => c.ended || !apart(a, b);
    for (let k = 0; k < count; k++) {
      if (k > 0) {
        if (r.next() < 0.8) {
          from = from === a ? b : a;
          // Answers come minutes to a day later; the reader opens the conversation first.
          t += Math.floor(MINUTE * Math.pow(2000, r.next()));
          scheduleRead(c, from, t - r.int(5, 50) * 1000, schedule, over);
        } else t += r.int(20, 180) * 1000;
      }
      const sender = from;
      const to = sender === a ? b : a;
      const text = body(sender, k === 0);
      const sentAt = t;
      schedule(sentAt, () => {
        if (over()) {
          c.ended = true;
          return null;
        }
        const id = `msg${++counters.message}`;
        c.newestTo.set(to, id);
        return { kind: 'message', id, at: iso(sentAt), from: `m${sender + 1}`, to: `m${to + 1}`, body: text };
      });
    }
    if (r.next() < 0.7) {
      const reader = from === a ? b : a;
      scheduleRead(c, reader, t + Math.floor(MINUTE * Math.pow(600, r.next())), schedule, over);
    }
  }

  function scheduleRead(
    c: Conversation,
    reader: number,
    t: number,
    schedule: (t: number, make: () => DumpRecord | null) => void,
    over: () => boolean,
  ): void {
    schedule(t, () => {
      const newest = c.newestTo.get(reader);
      if (over() || newest === undefined || c.readUpTo.get(reader) === newest) return null;
      c.readUpTo.set(reader, newest);
      return {
        kind: 'conversation-read',
        id: `cr${++counters.read}`,
        at: iso(t),
        member: `m${reader + 1}`,
        message: newest,
      };
    });
  }

  function activities(dayStart: number, dayEnd: number, today: Pending[]): void {
    const k = eligible.count;
    const at = () => dayStart + Math.floor(r.next() * DAY);
    const push = (t: number, make: () => DumpRecord | null) => today.push({ at: t, seq: seq++, make });
    const schedule = (t: number, make: () => DumpRecord | null) =>
      t < dayEnd ? push(t, make) : later(t, make);
    // Blocks first: whatever else the pair would do today is then left out.
    for (let x = r.round(k * RATES.block); x > 0; x--) {
      const from = eligible.byActivity(r);
      const to = eligible.byPopularity(r);
      if (!apart(from, to)) continue;
      blocked.add(pair(from, to));
      const t = at();
      push(t, () => ({
        kind: 'block',
        id: `b${++counters.block}`,
        at: iso(t),
        from: `m${from + 1}`,
        to: `m${to + 1}`,
      }));
    }
    const flirtsToday = new Map<number, number>();
    const flirtedToday = new Set<number>();
    for (let x = r.round(k * RATES.flirt); x > 0; x--) {
      const from = eligible.byActivity(r);
      if ((flirtsToday.get(from) ?? 0) >= FLIRTS_PER_UTC_DAY) continue;
      for (let tries = 0; tries < 8; tries++) {
        const to = eligible.byPopularity(r);
        const key = pair(from, to);
        if (!apart(from, to) || !fits(from, to) || flirtedToday.has(key) || flirtedYesterday.has(key))
          continue;
        flirtedToday.add(key);
        flirtsToday.set(from, (flirtsToday.get(from) ?? 0) + 1);
        const t = at();
        push(t, () => ({
          kind: 'flirt',
          id: `f${++counters.flirt}`,
          at: iso(t),
          from: `m${from + 1}`,
          to: `m${to + 1}`,
        }));
        break;
      }
    }
    flirtedYesterday = flirtedToday;
    for (let x = r.round(k * RATES.visit); x > 0; x--) {
      const from = eligible.byActivity(r);
      const to = eligible.byPopularity(r);
      if (!apart(from, to) || (!fits(from, to) && r.next() < 0.8)) continue;
      const t = at();
      push(t, () => ({
        kind: 'visit',
        id: `v${++counters.visit}`,
        at: iso(t),
        from: `m${from + 1}`,
        to: `m${to + 1}`,
      }));
    }
    for (let x = r.round(k * RATES.favourite); x > 0; x--) {
      const from = eligible.byActivity(r);
      const to = eligible.byPopularity(r);
      if (!apart(from, to) || !fits(from, to) || favourites.has(pair(from, to))) continue;
      favourites.add(pair(from, to));
      const t = at();
      push(t, () => ({
        kind: 'favourite',
        id: `fav${++counters.favourite}`,
        at: iso(t),
        from: `m${from + 1}`,
        to: `m${to + 1}`,
      }));
    }
    for (let x = r.round(k * RATES.diary); x > 0; x--) {
      const from = eligible.byActivity(r);
      const tags = p.interests[from]!;
      const values = {
        city: p.places[p.place[from]!]!.name,
        a: tags.length > 0 ? r.pick(tags) : 'hiking',
        b: r.pick(INTERESTS),
      };
      const text = fill(r.pick(DIARY_POSTS), values);
      const t = at();
      push(t, () => ({
        kind: 'diary',
        id: `d${++counters.diary}`,
        at: iso(t),
        member: `m${from + 1}`,
        text,
      }));
    }
    for (let x = r.round(k * RATES.unlock); x > 0; x--) {
      const owner = eligible.byActivity(r);
      const to = eligible.byPopularity(r);
      if (!privateAlbums.has(owner) || !apart(owner, to) || unlocks.has(pair(owner, to))) continue;
      unlocks.add(pair(owner, to));
      const t = at();
      push(t, () => ({
        kind: 'album-unlock',
        id: `u${++counters.unlock}`,
        at: iso(t),
        from: `m${owner + 1}`,
        to: `m${to + 1}`,
      }));
    }
    // Likes go to photos approved before today, in albums the liker may see.
    for (let x = r.round(k * RATES.photoLike); x > 0; x--) {
      const from = eligible.byActivity(r);
      const owner = eligible.byPopularity(r);
      const albums = shown.get(owner);
      if (!albums || !apart(from, owner)) continue;
      const visible = unlocked.has(pair(owner, from)) ? [...albums.public, ...albums.private] : albums.public;
      if (visible.length === 0) continue;
      const photo = r.pick(visible);
      if (likes.has(`${photo}>${from}`)) continue;
      likes.add(`${photo}>${from}`);
      const t = at();
      push(t, () => ({
        kind: 'photo-like',
        id: `l${++counters.like}`,
        at: iso(t),
        from: `m${from + 1}`,
        photo,
      }));
    }
    for (let x = r.round(k * RATES.conversation); x > 0; x--) {
      const from = eligible.byActivity(r);
      const to = eligible.byPopularity(r);
      const key = Math.min(from, to) * n + Math.max(from, to);
      if (!apart(from, to) || !fits(from, to) || talked.has(key)) continue;
      talked.add(key);
      converse(from, to, at(), schedule);
    }
  }
}

/**
 * A realistic synthetic community as dump records, header first: Nordic members in real
 * places, their reviews, interests, diary posts, flirts, visits, favourites and blocks.
 * The same options always give the same records (a seeded PRNG, no wall clock).
 */
export async function* generateCommunity(options: GenerateOptions): AsyncGenerator<DumpRecord> {
  const p = await plan(options);
  let records = 0;
  // Counting makes no images: only the records written carry them.
  for (const _ of history(p)) records++;
  yield {
    kind: 'header',
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    dumpId: communityDumpId(options),
    source: `meetcute community generator, seed ${p.seed}, ${p.n} members`,
    createdAt: new Date(p.now).toISOString(),
    records,
  };
  // Images are encoded a few dozen records ahead, on the image library's threads, in order.
  const ahead: Array<Promise<DumpRecord>> = [];
  for (const record of history(p)) {
    const next = record.kind === 'photo' ? withImage(p.seed, record) : Promise.resolve(record);
    next.catch(() => undefined);
    ahead.push(next);
    if (ahead.length >= 64) yield await ahead.shift()!;
  }
  while (ahead.length > 0) yield await ahead.shift()!;
}

async function withImage(seed: number, record: PhotoRecord): Promise<PhotoRecord> {
  const [, owner, k] = /^p(\d+)-(\d+)$/.exec(record.id)!;
  return { ...record, data: (await photoImage(seed, Number(owner) - 1, Number(k))).toString('base64') };
}

function rgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A small picture in the member's own colour: a gradient with a round shape on it,
 * 64 to 160 pixels wide, as JPEG. Enough for every page to show something different.
 */
export async function photoImage(seed: number, owner: number, k: number): Promise<Buffer> {
  const hue = new Random(seed, owner, 6).next() * 360;
  const r = new Random(seed, owner, 7, k);
  const width = r.int(64, 160);
  const height = Math.min(160, Math.round(width * (1 + r.next() * 0.4)));
  const top = rgb(hue, 0.55, 0.25 + 0.2 * r.next());
  const bottom = rgb((hue + 40) % 360, 0.6, 0.6 + 0.2 * r.next());
  const shape = rgb((hue + 180) % 360, 0.5, 0.75);
  const cx = width * (0.3 + 0.4 * r.next());
  const cy = height * (0.3 + 0.3 * r.next());
  const radius = Math.min(width, height) * (0.15 + 0.2 * r.next());
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const mix = y / (height - 1);
    for (let x = 0; x < width; x++) {
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++)
        pixels[o + c] = inside ? shape[c]! : Math.round(top[c]! * (1 - mix) + bottom[c]! * mix);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** The dumpId of a generated community: the same community imports (and resumes) as one. */
export function communityDumpId(options: GenerateOptions): string {
  const now = (options.now ?? new Date(COMMUNITY_EPOCH)).toISOString();
  return `community-seed${options.seed}-members${Math.floor(options.members)}-${now}-days${options.days ?? 365}`;
}
