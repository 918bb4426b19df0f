import { createHash } from 'node:crypto';
import type { FieldProblem } from '@meetcute/core';

/** Whom a flag is for besides its ramp; an empty list does not narrow. */
export interface Targeting {
  members: string[];
  roles: string[];
  countries: string[];
  languages: string[];
}

export const NO_TARGETING: Targeting = { members: [], roles: [], countries: [], languages: [] };

/** A flag as evaluation reads it: the module's view holds one per key. */
export interface Flag {
  key: string;
  description: string;
  /** Empty for an on/off flag; else the variants, the first being what members outside get. */
  variants: string[];
  /** The share of members (0–100) the flag reaches among those its targeting lets in. */
  ramp: number;
  targeting: Targeting;
  killed: boolean;
  createdAt: string;
  changedAt: string;
}

/** Who asks: what targeting can look at. A visitor has no member id. */
export interface FlagSubject {
  memberId?: string | undefined;
  roles?: readonly string[] | undefined;
  country?: string | undefined;
  language?: string | undefined;
}

export type Reason = 'killed' | 'named' | 'outside' | 'ramp' | 'held-back';

/** What a flag serves one subject: on or off, the variant, and why. */
export interface Served {
  on: boolean;
  variant: string;
  reason: Reason;
}

/** Ramps are decided in ten-thousandths, so a share can be as fine as 0.01 % one day. */
const BUCKETS = 10_000;

function digest(key: string, memberId: string): Buffer {
  return createHash('sha256').update(`${key}\u0000${memberId}`).digest();
}

/**
 * Where a member falls for a flag (0–9,999): a stable hash of (flag, member). A ramp lets in
 * the buckets below it, so raising a ramp only adds members, and each flag draws its own.
 */
export function bucketOf(key: string, memberId: string): number {
  return digest(key, memberId).readUInt32BE(0) % BUCKETS;
}

/** Which variant a member who gets the flag is given: even shares, from other bits of the same hash. */
export function variantOf(flag: Pick<Flag, 'key' | 'variants'>, memberId: string): string {
  return flag.variants[digest(flag.key, memberId).readUInt32BE(4) % flag.variants.length]!;
}

function offOf(flag: Flag, reason: Reason): Served {
  return { on: false, variant: flag.variants[0] ?? 'off', reason };
}

/** Whether the subject passes every targeting list that is set (members named aside). */
export function inAudience(targeting: Targeting, subject: FlagSubject): boolean {
  const { roles, countries, languages } = targeting;
  if (roles.length > 0 && !(subject.roles ?? []).some((r) => roles.includes(r))) return false;
  if (countries.length > 0 && (!subject.country || !countries.includes(subject.country))) return false;
  if (languages.length > 0 && (!subject.language || !languages.includes(subject.language))) return false;
  return true;
}

/**
 * The one decision: the kill switch first (off, whatever the rules), then members named
 * by id (in), then targeting (out when a set list does not match), then the ramp. A
 * visitor, without a member id to hash, gets a flag only at 100 %.
 */
export function evaluate(flag: Flag, subject: FlagSubject): Served {
  if (flag.killed) return offOf(flag, 'killed');
  const id = subject.memberId;
  const serve = (reason: Reason): Served => ({
    on: true,
    variant: flag.variants.length === 0 ? 'on' : variantOf(flag, id ?? ''),
    reason,
  });
  if (id && flag.targeting.members.includes(id)) return serve('named');
  if (!inAudience(flag.targeting, subject)) return offOf(flag, 'outside');
  const inRamp = id ? bucketOf(flag.key, id) < flag.ramp * (BUCKETS / 100) : flag.ramp === 100;
  return inRamp ? serve('ramp') : offOf(flag, 'held-back');
}

/** Whether evaluating the flag needs the member's country (only then is it looked up). */
export function needsCountry(flag: Flag | undefined): boolean {
  return flag !== undefined && !flag.killed && flag.targeting.countries.length > 0;
}

// ---------------------------------------------------------------------------------------
// What operators type, checked. Each problem names its field and a message key (messages.ts),
// so the API answers in English and the pages in the operator's language.

export type FlagProblemKey =
  | 'keyBad'
  | 'keyTaken'
  | 'descriptionLong'
  | 'variantsBad'
  | 'rampBad'
  | 'membersBad'
  | 'rolesBad'
  | 'countriesBad'
  | 'languagesBad';

export interface Invalid<K extends string> {
  field: string;
  key: K;
}

export const KEY_PATTERN = '^[a-z][a-z0-9]*([.-][a-z0-9]+)*$';
const KEY = new RegExp(KEY_PATTERN);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VARIANT = /^[a-z][a-z0-9-]{0,29}$/;
const ROLE = /^[a-z][a-z-]{0,29}$/;
const COUNTRY = /^[A-Z]{2}$/;
export const LANGUAGES = ['en', 'sv', 'fi'];

/** A list typed as words separated by commas, spaces or new lines. */
export function listOf(typed: string): string[] {
  return [...new Set(typed.split(/[\s,]+/).filter((w) => w.length > 0))];
}

export function checkKey(key: string): Invalid<FlagProblemKey>[] {
  return key.length >= 2 && key.length <= 64 && KEY.test(key) ? [] : [{ field: 'key', key: 'keyBad' }];
}

export function checkRamp(ramp: number): Invalid<FlagProblemKey>[] {
  return Number.isInteger(ramp) && ramp >= 0 && ramp <= 100 ? [] : [{ field: 'ramp', key: 'rampBad' }];
}

export function checkTargeting(t: Targeting): Invalid<FlagProblemKey>[] {
  const bad: Invalid<FlagProblemKey>[] = [];
  const check = (field: keyof Targeting, ok: (w: string) => boolean, key: FlagProblemKey) => {
    if (t[field].length > 1000 || !t[field].every(ok)) bad.push({ field, key });
  };
  check('members', (w) => UUID.test(w), 'membersBad');
  check('roles', (w) => ROLE.test(w), 'rolesBad');
  check('countries', (w) => COUNTRY.test(w), 'countriesBad');
  check('languages', (w) => LANGUAGES.includes(w), 'languagesBad');
  return bad;
}

export interface NewFlag {
  key: string;
  description: string;
  variants: string[];
  ramp: number;
  targeting: Targeting;
}

export function checkNewFlag(flag: NewFlag): Invalid<FlagProblemKey>[] {
  const bad = [...checkKey(flag.key)];
  if (flag.description.length > 500) bad.push({ field: 'description', key: 'descriptionLong' });
  const { variants } = flag;
  const variantsOk =
    variants.length === 0 ||
    (variants.length >= 2 &&
      variants.length <= 10 &&
      new Set(variants).size === variants.length &&
      variants.every((v) => VARIANT.test(v)));
  if (!variantsOk) bad.push({ field: 'variants', key: 'variantsBad' });
  return [...bad, ...checkRamp(flag.ramp), ...checkTargeting(flag.targeting)];
}

/** The problems in words, for the API or a page. */
export function toProblems<K extends string>(bad: Invalid<K>[], say: (key: K) => string): FieldProblem[] {
  return bad.map((b) => ({ field: b.field, message: say(b.key) }));
}

/** What a targeting change changed, list by list, for the audit: only the lists that differ. */
export function targetingChange(
  before: Targeting,
  after: Targeting,
): Record<string, { before: string[]; after: string[] }> {
  const changed: Record<string, { before: string[]; after: string[] }> = {};
  for (const list of ['members', 'roles', 'countries', 'languages'] as const) {
    if (before[list].join(',') !== after[list].join(','))
      changed[list] = { before: before[list], after: after[list] };
  }
  return changed;
}

/**
 * The 95 % Wilson score interval for a proportion (successes of n): unlike the normal
 * approximation it stays within 0–1 and is honest for small counts. Null for no trials.
 */
export function wilson(successes: number, n: number, z = 1.959964): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
}
