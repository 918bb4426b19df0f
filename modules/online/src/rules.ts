import { Buffer } from 'node:buffer';
import type { FieldProblem } from '@meetcute/core';
import { GENDERS, type Gender } from '@meetcute/registration/events';

/** How long a request keeps a member online, and how often one member's requests are written. */
export const PRESENCE = {
  onlineMs: 5 * 60 * 1000,
  writeEveryMs: 60 * 1000,
};

/** The same bounds as search, so the two read filters alike. */
export const LIMITS = {
  age: { min: 18, max: 120 },
  distanceKm: { min: 1, max: 5000 },
  page: { min: 1, max: 50, default: 20 },
};

/** The moment from which a request still counts: anyone seen at or after it is online. */
export function onlineSince(now: Date): string {
  return new Date(now.getTime() - PRESENCE.onlineMs).toISOString();
}

/** Where the last page ended: its last member's "seen" moment and id. */
export interface Cursor {
  seenAt: string;
  memberId: string;
}

/** Filters with every blank filled in from the viewer's own preferences. */
export interface Filters {
  genders: Gender[];
  minAge: number;
  maxAge: number;
  maxDistanceKm: number;
  cursor: Cursor | null;
  limit: number;
}

/** The viewer's own preferences, which fill in whatever the query leaves out. */
export type Defaults = Pick<Filters, 'genders' | 'minAge' | 'maxAge' | 'maxDistanceKm'>;

/** With no preferences heard of yet (the approval is on its way), everyone nearby enough. */
export const OPEN_DEFAULTS: Defaults = {
  genders: [...GENDERS],
  minAge: LIMITS.age.min,
  maxAge: LIMITS.age.max,
  maxDistanceKm: 100,
};

/** A query string as Fastify parses it: repeated names become lists. */
export type RawQuery = Record<string, string | string[] | undefined>;

export type RuleMessage =
  | 'badGender'
  | 'badMinAge'
  | 'badMaxAge'
  | 'minAboveMax'
  | 'maxBelowMin'
  | 'badDistance'
  | 'badCursor'
  | 'badLimit';
export type Say = (key: RuleMessage, vars?: Record<string, string | number>) => string;

const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: cursor.seenAt, id: cursor.memberId })).toString('base64url');
}

/** The cursor, or null when the text is not one this list gave out. */
export function decodeCursor(text: string): Cursor | null {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object') return null;
  const { v, id } = data as { v?: unknown; id?: unknown };
  if (typeof id !== 'string' || !CURSOR_ID.test(id) || typeof v !== 'string' || !ISO.test(v)) return null;
  return { seenAt: v, memberId: id };
}

/** Every value of a repeatable parameter, comma lists split, blanks dropped. */
export function values(raw: RawQuery, name: string): string[] {
  const v = raw[name];
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The single value of a parameter, or undefined when absent or blank (a blank form field). */
export function single(raw: RawQuery, name: string): string | undefined {
  const v = raw[name];
  const text = (Array.isArray(v) ? v[0] : v)?.trim();
  return text ? text : undefined;
}

/** A whole number within bounds, or NaN: signs, decimals and words are all "not a number" here. */
function whole(text: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(text)) return Number.NaN;
  const n = Number(text);
  return n >= min && n <= max ? n : Number.NaN;
}

/**
 * Reads the filters as search reads its criteria (same names, bounds and messages),
 * blanks filled from the viewer's preferences. Every mistake is reported at once.
 */
export function readFilters(
  raw: RawQuery,
  defaults: Defaults,
  say: Say,
): { filters: Filters; errors: [] } | { filters: null; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];

  const genderTexts = values(raw, 'gender').map((g) => g.toLowerCase());
  const unknown = genderTexts.filter((g) => !(GENDERS as readonly string[]).includes(g));
  if (unknown.length > 0)
    errors.push({ field: 'gender', message: say('badGender', { value: unknown.join(', ') }) });
  const genders =
    genderTexts.length > 0 ? GENDERS.filter((g) => genderTexts.includes(g)) : [...defaults.genders];

  const age = (name: 'minAge' | 'maxAge'): number | undefined => {
    const text = single(raw, name);
    if (text === undefined) return undefined;
    const n = whole(text, LIMITS.age.min, LIMITS.age.max);
    if (Number.isNaN(n))
      errors.push({ field: name, message: say(name === 'minAge' ? 'badMinAge' : 'badMaxAge') });
    return n;
  };
  const givenMin = age('minAge');
  const givenMax = age('maxAge');
  const minAge = givenMin ?? defaults.minAge;
  const maxAge = givenMax ?? defaults.maxAge;
  if (minAge > maxAge) {
    // Name the parameter the viewer chose; the other bound may come from their preferences.
    if (givenMin !== undefined)
      errors.push({ field: 'minAge', message: say('minAboveMax', { max: maxAge }) });
    else errors.push({ field: 'maxAge', message: say('maxBelowMin', { min: minAge }) });
  }

  let maxDistanceKm = defaults.maxDistanceKm;
  const distanceText = single(raw, 'maxDistanceKm');
  if (distanceText !== undefined) {
    maxDistanceKm = whole(distanceText, LIMITS.distanceKm.min, LIMITS.distanceKm.max);
    if (Number.isNaN(maxDistanceKm)) errors.push({ field: 'maxDistanceKm', message: say('badDistance') });
  }

  let cursor: Cursor | null = null;
  const cursorText = single(raw, 'cursor');
  if (cursorText !== undefined) {
    cursor = decodeCursor(cursorText);
    if (!cursor) errors.push({ field: 'cursor', message: say('badCursor') });
  }

  let limit: number = LIMITS.page.default;
  const limitText = single(raw, 'limit');
  if (limitText !== undefined) {
    limit = whole(limitText, LIMITS.page.min, LIMITS.page.max);
    if (Number.isNaN(limit)) errors.push({ field: 'limit', message: say('badLimit') });
  }

  if (errors.length > 0) return { filters: null, errors };
  return { filters: { genders, minAge, maxAge, maxDistanceKm, cursor, limit }, errors: [] };
}

/**
 * Birthdays of people aged minAge to maxAge on a date (as search counts them): born
 * on or before `latest`, and after `after`.
 */
export function birthdayRange(
  minAge: number,
  maxAge: number,
  date: string,
): { latest: string; after: string } {
  const year = Number(date.slice(0, 4));
  const shift = (years: number) => `${String(year - years).padStart(4, '0')}${date.slice(4)}`;
  return { latest: shift(minAge), after: shift(maxAge + 1) };
}
