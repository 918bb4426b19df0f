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

export function encodeCursor(cursor: TimeCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** The cursor a list gave out, undefined for the first page, or a 400 problem. */
export function decodeCursor(text: string | undefined): TimeCursor | undefined {
  if (text === undefined || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 2) {
    const [at, id] = value as unknown[];
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
