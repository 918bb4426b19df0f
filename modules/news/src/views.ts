import { decodeCursor, type Db, type View } from '@meetcute/core';
import { photoPath } from '@meetcute/web';
import { ageAt, PAGE_SIZE } from './rules.ts';
import { feedPage, findMember, type ItemKind, type Member, type Unseen } from './store.ts';

/** A feed item as the API and the page show it. */
export interface NewsItem {
  itemId: string;
  kind: ItemKind;
  /** The author's facts today (the age they have now, not when they posted). */
  member: { memberId: string; nickname: string; age: number; cityLabel: string };
  /** The author, for the card (gender, place). */
  author: Member;
  text?: string;
  /** Where a photo item's photo is served, in the sizes a card and a click need. */
  photo?: { thumb: string; full: string };
  at: string;
}

export interface NewsPage {
  items: NewsItem[];
  /** Where the next, older page starts, or null on the last page. */
  nextCursor: string | null;
}

export interface NewsReads {
  /** One page of the viewer's feed, newest first; a bad cursor is a 400 naming `cursor`. */
  page(viewerId: string, cursor: string | undefined, limit?: number): Promise<NewsPage>;
  /** Items newer than what the member has seen: the nav counter. */
  unseen(memberId: string): Promise<number>;
  seenUpTo(memberId: string): Promise<string | null>;
  member(memberId: string): Promise<Member | undefined>;
}

/** One page of a viewer's feed as the API and the page show it; a bad cursor is a 400 naming `cursor`. */
export function feedReader(db: Db, now: () => Date): NewsReads['page'] {
  return async (viewerId, cursorText, limit = PAGE_SIZE.default) => {
    const { items: entries, nextCursor } = await feedPage(db, viewerId, decodeCursor(cursorText), limit);
    const today = now().toISOString();
    const items = entries.map((e): NewsItem => {
      const item: NewsItem = {
        itemId: e.itemId,
        kind: e.kind,
        member: {
          memberId: e.author.memberId,
          nickname: e.author.nickname,
          age: ageAt(e.author, today),
          cityLabel: e.author.cityLabel,
        },
        author: e.author,
        at: e.at,
      };
      if (e.text !== null) item.text = e.text;
      if (e.kind === 'photo')
        item.photo = { thumb: photoPath(e.itemId, 'thumb'), full: photoPath(e.itemId, 'full') };
      return item;
    });
    return { items, nextCursor };
  };
}

export function newsReads(db: Db, now: () => Date, unseen: View<Unseen>): NewsReads {
  return {
    page: feedReader(db, now),
    async unseen(memberId) {
      return (await unseen.get(memberId))?.count ?? 0;
    },
    seenUpTo: async (memberId) => (await unseen.get(memberId))?.upTo ?? null,
    member: (memberId) => findMember(db, memberId),
  };
}
