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
