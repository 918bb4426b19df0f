import { Buffer } from 'node:buffer';
import { problems } from '@meetcute/core';

export const LIMITS = {
  /** Characters (code points) of a post after trimming. */
  text: { min: 1, max: 2000 },
  page: { default: 20, max: 50 },
  /** Posts in the profile section. */
  onProfile: 5,
};

/** How long a text is as a person counts it: "é" and "😀" are one character each. */
export function lengthOf(text: string): number {
  return [...text].length;
}

/** The text as it is stored: trimmed, 1–2,000 characters; otherwise a 400 naming the field. */
export function checkText(input: string, field = 'text'): string {
  const text = input.trim();
  const length = lengthOf(text);
  if (length < LIMITS.text.min) {
    throw problems.invalid([{ field, message: 'Write something first: a post cannot be empty.' }]);
  }
  if (length > LIMITS.text.max) {
    throw problems.invalid([
      {
        field,
        message: `A post holds at most ${LIMITS.text.max} characters; this one has ${length}. Shorten it and send again.`,
      },
    ]);
  }
  return text;
}

/** Where a page of posts ended: the last post's time and id. Opaque to callers. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at, id: cursor.id })).toString('base64url');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor a list handed out, or a 400 naming `cursor`. Empty means the first page. */
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
      { field: 'cursor', message: 'is not a cursor this list gave out; open the list again without it.' },
    ]);
  }
  return { at, id };
}
