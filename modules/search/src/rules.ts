import { encodeKeyset, readKeyset, type FieldProblem } from '@meetcute/core';
import { normaliseTag } from '@meetcute/interests';
import type { Gender } from '@meetcute/registration/events';
import { LIMITS as WHO_LIMITS, readWho, single, values, whole, type RawQuery } from './filters.ts';
import { readPropertyFilters, type PropertyFilters } from './properties.ts';

export { birthdayRange, single, values, whole, type RawQuery } from './filters.ts';

export const SORTS = ['lastActive', 'distance', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export const LIMITS = { ...WHO_LIMITS, interests: { max: 10, tagLength: 50 } };

/** Tags are compared as the interests module stores them, so "Hiking " finds "hiking". */
export { normaliseTag };

/** The place a search measures from. */
export interface Origin {
  id: number;
  label: string;
  latitude: number;
  longitude: number;
}

/** Where the last page ended: its last member's sort value and id. */
export interface Cursor {
  sort: Sort;
  value: string | number;
  memberId: string;
}

/** A search with every blank filled in: what runs, and what `applied` shows the client. */
export interface Criteria {
  genders: Gender[];
  minAge: number;
  maxAge: number;
  origin: Origin;
  maxDistanceKm: number;
  interests: string[];
  /** Only members online now (a live page open, or active in the last minutes). */
  onlineOnly: boolean;
  /** Only members with an approved portrait: the ones whose card shows a photo. */
  hasPhoto: boolean;
  /** Height, what they look for, children, smoking, languages: what a member must tell to be found. */
  properties: PropertyFilters;
  sort: Sort;
  cursor: Cursor | null;
  limit: number;
}

/** The searcher's own preferences and city, which fill in whatever the query leaves out. */
export interface Defaults {
  genders: Gender[];
  minAge: number;
  maxAge: number;
  maxDistanceKm: number;
  origin: Origin | null;
}

/** The message keys rules use; API and pages translate them each in their own way. */
export type RuleMessage =
  | 'badGender'
  | 'badMinAge'
  | 'badMaxAge'
  | 'minAboveMax'
  | 'maxBelowMin'
  | 'badDistance'
  | 'badInterest'
  | 'tooManyInterests'
  | 'badSort'
  | 'badCursor'
  | 'otherSortCursor'
  | 'badLimit'
  | 'badOnline'
  | 'badHasPhoto'
  | 'badHeight'
  | 'badProperty'
  | 'noCity';
export type Say = (key: RuleMessage, vars?: Record<string, string | number>) => string;

const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The cursor in core's one keyset format: [sort, value, memberId]. */
export function encodeCursor(cursor: Cursor): string {
  return encodeKeyset([cursor.sort, cursor.value, cursor.memberId]);
}

/**
 * The cursor, or null when the text is not one this search gave out: a keyset of a sort
 * this search knows, its value (a distance in km, or a time), and a member id.
 */
export function decodeCursor(text: string): Cursor | null {
  const parts = readKeyset(text);
  if (parts?.length !== 3) return null;
  const [sort, value, memberId] = parts;
  if (typeof memberId !== 'string' || !CURSOR_ID.test(memberId)) return null;
  if (sort === 'distance' && typeof value === 'number' && value >= 0) return { sort, value, memberId };
  if ((sort === 'lastActive' || sort === 'newest') && typeof value === 'string' && ISO.test(value))
    return { sort, value, memberId };
  return null;
}

const YES = ['1', 'true', 'on', 'yes'];
const NO = ['0', 'false', 'off', 'no'];

/** Whether a yes/no parameter (a form's checkbox, or true/false) is on; blank is no; undefined when it is neither. */
export function yesNo(raw: RawQuery, name: string): boolean | undefined {
  const text = (single(raw, name) ?? '').toLowerCase();
  if (text === '' || NO.includes(text)) return false;
  return YES.includes(text) ? true : undefined;
}

/**
 * The place a search was asked to measure from, resolved by the caller (an id for the
 * API, a typed name on the page): the place, nothing asked, or what was wrong with it.
 */
export interface CityChoice {
  /** The parameter that names the place: cityId in the API, city on the page. */
  field: string;
  chosen: Origin | undefined;
  problem?: string | undefined;
}

/**
 * Reads a search from query parameters, filling blanks from the searcher's defaults.
 * Every mistake is reported at once, each naming its parameter.
 */
export function readCriteria(
  raw: RawQuery,
  defaults: Defaults,
  city: CityChoice,
  say: Say,
): { criteria: Criteria; errors: [] } | { criteria: null; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];

  const { genders, minAge, maxAge, maxDistanceKm } = readWho(raw, defaults, say, errors);

  const interests = [...new Set(values(raw, 'interest', false).map(normaliseTag))];
  if (interests.some((tag) => [...tag].length > LIMITS.interests.tagLength))
    errors.push({ field: 'interest', message: say('badInterest', { max: LIMITS.interests.tagLength }) });
  else if (interests.length > LIMITS.interests.max)
    errors.push({ field: 'interest', message: say('tooManyInterests', { max: LIMITS.interests.max }) });

  const onlineOnly = yesNo(raw, 'online');
  if (onlineOnly === undefined) errors.push({ field: 'online', message: say('badOnline') });
  const hasPhoto = yesNo(raw, 'hasPhoto');
  if (hasPhoto === undefined) errors.push({ field: 'hasPhoto', message: say('badHasPhoto') });

  const properties = readPropertyFilters(raw, say, errors);

  const sortText = single(raw, 'sort') ?? 'lastActive';
  const sort = SORTS.find((s) => s === sortText);
  if (!sort) errors.push({ field: 'sort', message: say('badSort') });

  let cursor: Cursor | null = null;
  const cursorText = single(raw, 'cursor');
  if (cursorText !== undefined) {
    cursor = decodeCursor(cursorText);
    if (!cursor) errors.push({ field: 'cursor', message: say('badCursor') });
    else if (sort && cursor.sort !== sort) errors.push({ field: 'cursor', message: say('otherSortCursor') });
  }

  let limit: number = LIMITS.page.default;
  const limitText = single(raw, 'limit');
  if (limitText !== undefined) {
    limit = whole(limitText, LIMITS.page.min, LIMITS.page.max);
    if (Number.isNaN(limit)) errors.push({ field: 'limit', message: say('badLimit') });
  }

  const place = city.chosen ?? (city.problem === undefined ? defaults.origin : null);
  if (city.problem !== undefined) errors.push({ field: city.field, message: city.problem });
  else if (!place) errors.push({ field: city.field, message: say('noCity') });

  if (errors.length > 0 || !sort || !place || onlineOnly === undefined || hasPhoto === undefined)
    return { criteria: null, errors };
  return {
    criteria: {
      genders,
      minAge,
      maxAge,
      origin: place,
      maxDistanceKm,
      interests,
      onlineOnly,
      hasPhoto,
      properties,
      sort,
      cursor,
      limit,
    },
    errors: [],
  };
}

// The box around a place is geography; search's queries take it from the cities module.
export { boundingBox } from '@meetcute/cities';
