import { encodeKeyset, readKeyset } from '@meetcute/core';
import type { FieldProblem } from '@meetcute/core';
import { GENDERS, type Gender } from '@meetcute/registration/events';
import { FILTER_LIMITS, readWho, single, whole, type RawQuery, type WhoMessage } from '@meetcute/search';

// Online members are filtered exactly as search filters: same names, bounds and messages.
export { birthdayRange, single, values, type RawQuery } from '@meetcute/search';

/** How long a request keeps a member online, and how often one member's requests are written. */
export const PRESENCE = {
  onlineMs: 5 * 60 * 1000,
  writeEveryMs: 60 * 1000,
};

export const LIMITS = FILTER_LIMITS;

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

export type RuleMessage = WhoMessage | 'badCursor' | 'badLimit';
export type Say = (key: RuleMessage, vars?: Record<string, string | number>) => string;

const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function encodeCursor(cursor: Cursor): string {
  return encodeKeyset([cursor.seenAt, cursor.memberId]);
}

/** The cursor, or null when the text is not one this list gave out. */
export function decodeCursor(text: string): Cursor | null {
  const parts = readKeyset(text);
  if (parts?.length !== 2) return null;
  const [seenAt, memberId] = parts;
  if (typeof seenAt !== 'string' || !ISO.test(seenAt)) return null;
  if (typeof memberId !== 'string' || !CURSOR_ID.test(memberId)) return null;
  return { seenAt, memberId };
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

  const { genders, minAge, maxAge, maxDistanceKm } = readWho(raw, defaults, say, errors);

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
