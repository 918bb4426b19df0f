import type { FieldProblem } from '@meetcute/core';

export const LIMITS = {
  tag: { min: 2, max: 30 },
  perMember: 20,
};

// Tags are shared by everyone, so they are lower-cased and sorted the same way
// whoever types them: Swedish and Finnish agree on å, ä, ö (after z, in that order).
const LOCALE = 'sv';
const collator = new Intl.Collator(LOCALE);

const ALLOWED = /^[\p{L}\p{M}\p{Nd} -]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const NOT_ALLOWED = /[^\p{L}\p{M}\p{Nd} -]/gu;
const INVISIBLE = /\p{C}/u;

const ALLOWED_TEXT = 'letters, digits, spaces and hyphens';

/** Characters as a person counts them: "å" is one, whether typed as one code point or two. */
function length(text: string): number {
  return [...text].length;
}

/**
 * A tag as it is stored and compared: Unicode NFC (so "café" typed two ways is one
 * tag), trimmed, runs of whitespace collapsed to one space, lower-cased.
 */
export function normaliseTag(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase(LOCALE).normalize('NFC');
}

/** What is wrong with characters outside the rules, quoted so the member can find them. */
function badCharacters(tag: string): string {
  const found = [...new Set(tag.match(NOT_ALLOWED) ?? [])];
  const visible = found.filter((c) => !INVISIBLE.test(c)).map((c) => `“${c}”`);
  if (found.length > visible.length) visible.push('invisible characters');
  return visible.join(', ');
}

/** A tag as the member typed it, normalised and checked; errors name `field` and say what is allowed. */
export function checkTag(input: string, field = 'tag'): { tag: string; errors: FieldProblem[] } {
  const tag = normaliseTag(input);
  const { min, max } = LIMITS.tag;
  const problem = (message: string) => ({ tag, errors: [{ field, message }] });
  if (tag === '') {
    return problem(`Write an interest of ${min} to ${max} ${ALLOWED_TEXT}, such as “hiking” or “jazz”.`);
  }
  if (!ALLOWED.test(tag)) {
    return problem(`An interest can hold only ${ALLOWED_TEXT}, not ${badCharacters(tag)}.`);
  }
  if (!LETTER_OR_DIGIT.test(tag)) return problem('An interest needs at least one letter or digit.');
  const n = length(tag);
  if (n < min) return problem(`An interest needs at least ${min} characters: ${ALLOWED_TEXT}.`);
  if (n > max) {
    return problem(`An interest can be at most ${max} characters of ${ALLOWED_TEXT}; this one has ${n}.`);
  }
  return { tag, errors: [] };
}

/** Tags in the order a Nordic reader expects (…, z, å, ä, ö); ties, if any, by code point. */
export function sortTags(tags: readonly string[]): string[] {
  return [...tags].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Where a list page ended: the last item's time and member id. */
export interface Cursor {
  at: string;
  id: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Opaque to clients: base64url of the JSON of the last item's sort key and id. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** The cursor a client sent back, or null when it is not one we made. */
export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || !ISO.test(at) || typeof id !== 'string') return null;
    if (id.length === 0 || id.length > 64) return null;
    return { at, id };
  } catch {
    return null;
  }
}
