// The members of a generated community, drawn before anything happens: who they are,
// where they live, what they look for and like, when they join and how active they are.
import { createHash } from 'node:crypto';
import { hash, type Algorithm } from '@node-rs/argon2';
import { largestPlaces, type City } from '@meetcute/cities';
import { Random } from './random.ts';
import type { Gender, MemberRecord } from './records.ts';
import {
  ABOUT_CLOSERS,
  ABOUT_MIDDLES,
  ABOUT_OPENERS,
  FIRST_NAMES,
  INTERESTS,
  NAME_COUNTRY,
  NEUTRAL_NAMES,
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

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const GENDERS: readonly Gender[] = ['woman', 'man', 'nonbinary'];
const PLACES = 400;
const DISTANCES = [20, 50, 100, 200, 300, 500, 1000, 2000];

// Algorithm is an ambient const enum the native binding does not export; 2 is Argon2id.
const ARGON2ID: Algorithm.Argon2id = 2;

/** Who the members are, drawn once; the history and the member records read it. */
export interface Plan {
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

export function weightedIndex(cumulative: ArrayLike<number>, count: number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

export async function plan(options: GenerateOptions): Promise<Plan> {
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
export function memberRecord(p: Plan, i: number, nicknames: Set<string>): MemberRecord {
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
