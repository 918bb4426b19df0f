import { yearsBetween } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import type { Gender, LookingFor } from '@meetcute/registration/events';

/** How many existing items a newly approved member's feed starts with. */
export const BACKFILL = 50;

export const PAGE_SIZE = { default: 20, max: 50 };

/** What the feed knows of a member, from their approved registration. */
export interface MemberFacts {
  memberId: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthday: string;
  city: { latitude: number; longitude: number; timeZone: string };
  lookingFor: LookingFor;
}

// Building an Intl.DateTimeFormat costs far more than using one, and a projection asks for
// thousands of ages per event (the back-fill tries every recent item), so keep one per zone.
const calendars = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at a moment in a time zone; `dateIn` from core, with a cached format. */
function dateAt(timeZone: string, at: Date): string {
  let format = calendars.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    calendars.set(timeZone, format);
  }
  return format.format(at);
}

/** Whole years at a moment, counted where the member lives. */
export function ageAt(member: Pick<MemberFacts, 'birthday' | 'city'>, at: string): number {
  return yearsBetween(member.birthday, dateAt(member.city.timeZone, new Date(at)));
}

/**
 * Whether an item by `author` belongs in `viewer`'s feed. One-way: the author must fit
 * what the viewer looks for (gender, age at the item's time, distance); what the author
 * looks for does not matter. Counting the age at the item's time, not now, keeps a
 * rebuild from the event log identical to what was projected live.
 */
export function fits(author: MemberFacts, viewer: MemberFacts, at: string): boolean {
  if (author.memberId === viewer.memberId) return false;
  const wants = viewer.lookingFor;
  if (!wants.genders.includes(author.gender)) return false;
  const age = ageAt(author, at);
  if (age < wants.minAge || age > wants.maxAge) return false;
  return distanceKm(author.city, viewer.city) <= wants.maxDistanceKm;
}

/** Where a page of the feed ends: the last item's time and id. */
export interface Cursor {
  at: string;
  itemId: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to callers: base64url JSON of the last item's time and id. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ a: cursor.at, i: cursor.itemId })).toString('base64url');
}

/** The cursor a caller sent back, or null when it is not one we made. */
export function decodeCursor(text: string): Cursor | null {
  if (text.length > 300 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { a, i } = value as { a?: unknown; i?: unknown };
    if (typeof a !== 'string' || typeof i !== 'string' || !ISO.test(a) || i.length === 0 || i.length > 100)
      return null;
    return { at: a, itemId: i };
  } catch {
    return null;
  }
}
