import type { FieldProblem } from '@meetcute/core';

export const LIMITS = {
  aboutMe: { max: 2000 },
  reason: { min: 3, max: 500 },
};

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
function length(text: string): number {
  return [...text].length;
}

/** An about-me as it will be stored: trimmed; empty is allowed and removes it. */
export function checkAboutMe(text: string): { text: string; errors: FieldProblem[] } {
  const trimmed = text.trim();
  if (length(trimmed) > LIMITS.aboutMe.max) {
    return {
      text: trimmed,
      errors: [{ field: 'text', message: `About me can be at most ${LIMITS.aboutMe.max} characters.` }],
    };
  }
  return { text: trimmed, errors: [] };
}

export function checkReason(reason: string): FieldProblem[] {
  const n = length(reason.trim());
  if (n < LIMITS.reason.min || n > LIMITS.reason.max) {
    return [
      {
        field: 'reason',
        message: `Give the member a reason of ${LIMITS.reason.min} to ${LIMITS.reason.max} characters they can act on.`,
      },
    ];
  }
  return [];
}
