import type { FieldProblem } from '@meetcute/core';
import { GENDERS, type Gender } from '@meetcute/registration/events';

/**
 * The "who" of a search — genders, ages and distance, blanks filled from the viewer's
 * preferences — read the same way wherever members are listed by it (search, online
 * now), so the same query means the same thing and is refused with the same words.
 */
export const LIMITS = {
  age: { min: 18, max: 120 },
  distanceKm: { min: 1, max: 5000 },
  page: { min: 1, max: 50, default: 20 },
};

/** A query string as Fastify parses it: repeated names become lists. */
export type RawQuery = Record<string, string | string[] | undefined>;

export interface WhoFilters {
  genders: Gender[];
  minAge: number;
  maxAge: number;
  maxDistanceKm: number;
}

/** The messages reading the "who" may need; each caller says them in its own words and language. */
export type WhoMessage =
  'badGender' | 'badMinAge' | 'badMaxAge' | 'minAboveMax' | 'maxBelowMin' | 'badDistance';

/** Every value of a repeatable parameter, comma lists split when asked, blanks dropped. */
export function values(raw: RawQuery, name: string, commas: boolean): string[] {
  const v = raw[name];
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list
    .flatMap((item) => (commas ? item.split(',') : [item]))
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
export function whole(text: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(text)) return Number.NaN;
  const n = Number(text);
  return n >= min && n <= max ? n : Number.NaN;
}

/**
 * Reads genders, ages and distance, filling blanks from `defaults`; each mistake is added
 * to `errors`, naming its parameter (the values returned then do not matter).
 */
export function readWho(
  raw: RawQuery,
  defaults: WhoFilters,
  say: (key: WhoMessage, vars?: Record<string, string | number>) => string,
  errors: FieldProblem[],
): WhoFilters {
  const genderTexts = values(raw, 'gender', true).map((g) => g.toLowerCase());
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
  return { genders, minAge, maxAge, maxDistanceKm };
}

/**
 * Birthdays of people aged minAge to maxAge on a date: born on or before `latest`,
 * and after `after`. Exact for that calendar date; a 29 February birthday counts on
 * 1 March, as core's yearsBetween counts it, because no 29 February exists in the
 * bound's year to compare equal.
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
