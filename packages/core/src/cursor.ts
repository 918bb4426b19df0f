import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { problems } from './http/problems.ts';

/**
 * Where a newest-first page ends: the last item's time and id (the id breaks ties).
 * Handed to clients as opaque base64url text; anything else they send back is a 400
 * naming `cursor`, never a 500.
 */
export interface TimeCursor {
  at: string;
  id: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A keyset part: what a list is ordered by (a time, a distance, a name) and the id that breaks ties. */
export type KeysetPart = string | number;

/**
 * Where a page of any list ends, as opaque base64url text: the values of the last item's
 * sort keys. Every list's cursor is made here, and read back by `readKeyset`, so there is
 * one format to trust; what the parts mean is the list's to check.
 */
export function encodeKeyset(parts: readonly KeysetPart[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * The parts of a cursor `encodeKeyset` made, or undefined when the text is not one
 * (too long, not base64url, not a list of strings and finite numbers): a list answers
 * that as a 400 naming its cursor, never a 500.
 */
export function readKeyset(text: string): KeysetPart[] | undefined {
  if (text.length > 600 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const parts = value as unknown[];
  const valid = parts.every(
    (p) => (typeof p === 'string' && p.length <= 200) || (typeof p === 'number' && Number.isFinite(p)),
  );
  return valid ? (parts as KeysetPart[]) : undefined;
}

export function encodeCursor(cursor: TimeCursor): string {
  return encodeKeyset([cursor.at, cursor.id]);
}

/** The cursor a list gave out, undefined for the first page, or a 400 problem. */
export function decodeCursor(text: string | undefined): TimeCursor | undefined {
  if (text === undefined || text === '') return undefined;
  const value = readKeyset(text);
  if (value?.length === 2) {
    const [at, id] = value;
    if (
      typeof at === 'string' &&
      ISO.test(at) &&
      typeof id === 'string' &&
      id.length > 0 &&
      id.length <= 200
    ) {
      return { at, id };
    }
  }
  throw problems.invalid([
    { field: 'cursor', message: 'is not a cursor this list gave out; open the list again without it.' },
  ]);
}

/**
 * One newest-first page by keyset: the condition for "after the cursor" on a time
 * column and an id column. Fetch `limit + 1` rows ordered (time desc, id desc) and
 * hand them to `pageOf`, which says whether there is a next page.
 */
export function afterCursor(cursor: TimeCursor, atColumn: string, idColumn: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      eb(atColumn, '<', cursor.at),
      eb.and([eb(atColumn, '=', cursor.at), eb(idColumn, '<', cursor.id)]),
    ]);
}

/** The first `limit` items and the cursor after the last of them, when more were found. */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  key: (item: T) => TimeCursor,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/**
 * The newest `size` items of a newest-first list (an in-memory head of a feed) after
 * `item` arrived: in its place by time then id, or left out when older than everything
 * a full head holds. A head shorter than `size` holds the whole list, so an older item
 * joins it at the end. An item already there (same id) changes nothing.
 */
export function withNewest<T>(
  head: readonly T[],
  item: T,
  keyOf: (item: T) => TimeCursor,
  size: number,
): T[] {
  const key = keyOf(item);
  if (head.some((h) => keyOf(h).id === key.id)) return [...head];
  const newer = (a: TimeCursor, b: TimeCursor) => a.at > b.at || (a.at === b.at && a.id > b.id);
  const at = head.findIndex((h) => newer(key, keyOf(h)));
  if (at === -1) return head.length < size ? [...head, item] : [...head];
  return [...head.slice(0, at), item, ...head.slice(at)].slice(0, size);
}
