import { decodeCursor, type Db } from '@meetcute/core';
import { photoPath } from '@meetcute/web';
import { ageAt, PAGE_SIZE } from './rules.ts';
import { feedPage, findMember, seenUpTo, unseenCounts, type ItemKind, type Member } from './store.ts';

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

export function newsReads(db: Db, now: () => Date): NewsReads {
  return {
    async page(viewerId, cursorText, limit = PAGE_SIZE.default) {
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
    },
    async unseen(memberId) {
      return (await unseenCounts(db, [memberId])).get(memberId) ?? 0;
    },
    seenUpTo: (memberId) => seenUpTo(db, memberId),
    member: (memberId) => findMember(db, memberId),
  };
}
