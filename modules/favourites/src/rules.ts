import { problems } from '@meetcute/core';

/** How many favourites one page of the list holds. */
export const PAGE = { default: 20, max: 50 };

/** Where a page of the list ends: the last entry's sort key. Opaque to callers. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at, id: cursor.id })).toString('base64url');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor a list handed out, or a 400 naming `cursor` for anything else. Empty means the first page. */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { at, id } = (parsed ?? {}) as Partial<Record<keyof Cursor, unknown>>;
  if (typeof at !== 'string' || typeof id !== 'string' || !ISO.test(at) || !UUID.test(id)) {
    throw problems.invalid([
      {
        field: 'cursor',
        message: 'is not a cursor this list gave out; open the list again without it.',
      },
    ]);
  }
  return { at, id };
}
