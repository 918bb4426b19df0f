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
