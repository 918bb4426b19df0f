/** How many visits one page of the list holds. */
export const PAGE = { default: 20, max: 50 };

/**
 * The day a visit counts for: the UTC calendar day of the view. One member's views of
 * another on the same day are one visit (at the latest view); a view on a later day
 * is a new visit, so someone who keeps coming back shows once per day.
 */
export function visitDay(occurredAt: string): string {
  return occurredAt.slice(0, 10);
}

/** Pages end where the last entry's time and id say; the chassis keeps the cursor format. */
export { encodeCursor, decodeCursor, type TimeCursor as Cursor } from '@meetcute/core';
