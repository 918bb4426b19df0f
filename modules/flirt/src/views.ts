import { decodeCursor } from '@meetcute/core';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import { flirtedBack, flirtsPage, type Direction, type FlirtDb } from './store.ts';

export const PAGE_SIZE = { default: 20, max: 50 };

/** A flirt in a list, with the other member's public facts. */
export interface FlirtItem {
  flirtId: string;
  sentAt: string;
  member: PublicProfile;
  /** They flirted with each other: a match, the moment to write. */
  mutual: boolean;
}

export interface FlirtPage {
  items: FlirtItem[];
  /** Where the next page starts, or null on the last page. */
  nextCursor: string | null;
}

export interface FlirtLists {
  /** One page of the viewer's received or sent flirts, newest first; a bad cursor is a 400 naming `cursor`. */
  page(
    viewerId: string,
    direction: Direction,
    cursor: string | undefined,
    limit?: number,
  ): Promise<FlirtPage>;
}

export function flirtLists(db: FlirtDb, profiles: ProfileDirectory): FlirtLists {
  return {
    async page(viewerId, direction, cursorText, limit = PAGE_SIZE.default) {
      const { items: entries, nextCursor } = await flirtsPage(
        db,
        viewerId,
        direction,
        decodeCursor(cursorText),
        limit,
      );
      // A member who is no longer approved is not shown; the page still continues after them.
      const [members, mutual] = await Promise.all([
        Promise.all(entries.map((e) => profiles.get(e.memberId))),
        flirtedBack(
          db,
          viewerId,
          direction,
          entries.map((e) => e.memberId),
        ),
      ]);
      const items: FlirtItem[] = [];
      entries.forEach((e, i) => {
        const member = members[i];
        if (member)
          items.push({ flirtId: e.flirtId, sentAt: e.sentAt, member, mutual: mutual.has(e.memberId) });
      });
      return { items, nextCursor };
    },
  };
}
