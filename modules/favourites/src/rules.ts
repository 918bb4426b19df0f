/** How many favourites one page of the list holds. */
export const PAGE = { default: 20, max: 50 };

/** Pages end where the last entry's time and id say; the chassis keeps the cursor format. */
export { encodeCursor, decodeCursor, type TimeCursor as Cursor } from '@meetcute/core';
