import { ageIn, decodeCursor, type TimeCursor } from '@meetcute/core';
import { photoPath } from '@meetcute/web';
import { PAGE_SIZE } from './rules.ts';
import {
  entriesPage,
  feedPage,
  HEAD,
  isOlder,
  seenUpTo,
  type EntriesPage,
  type FeedEntry,
  type ItemKind,
  type Member,
  type NewsDb,
} from './store.ts';
import type { NewsMemory } from './memory.ts';
import type { FlagSubject, Flags } from '@meetcute/flags';

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
  /** Who wrote the item right after the page, when there is one (a page finishing a run asks). */
  following?: string;
}

export interface NewsReads {
  /** One page of the viewer's feed, newest first; a bad cursor is a 400 naming `cursor`. */
  page(viewerId: string, cursor: string | undefined, limit?: number): Promise<NewsPage>;
  /**
   * Items newer than what the member has seen: the nav counter. Photo items count only
   * when the news.photos flag is on for them (`subject`: as the page asks; by default as
   * the flags module knows the member), as the feed shows them only then.
   */
  unseen(memberId: string, subject?: FlagSubject): Promise<number>;
  seenUpTo(memberId: string): Promise<string | null>;
  member(memberId: string): Promise<Member | undefined>;
}

/**
 * A page of a feed from memory (its head, its items, their authors) when the head holds
 * all of it: the page and the entry after it lie inside the head, or the head is the whole
 * feed. The head is the feed's newest entries in the feed's order, so the entries after a
 * cursor inside it are the feed's. Undefined when it does not hold the page, or an item or
 * author the head names is gone (the tables then answer).
 */
async function pageFromHead(
  memory: NewsMemory,
  viewerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<EntriesPage | undefined> {
  const head = (await memory.heads.get(viewerId)) ?? [];
  const start = cursor ? head.findIndex((e) => isOlder(e, cursor)) : 0;
  const wanted = start === -1 ? [] : head.slice(start, start + limit + 1);
  if (wanted.length <= limit && head.length >= HEAD) return undefined;
  const [items, authors] = await Promise.all([
    memory.items.getMany(wanted.map((e) => e.itemId)),
    memory.authors.getMany(wanted.map((e) => e.authorId)),
  ]);
  const entries: FeedEntry[] = [];
  for (const e of wanted) {
    const item = items.get(e.itemId);
    const author = authors.get(e.authorId);
    if (!item || !author) return undefined;
    entries.push({ itemId: e.itemId, kind: item.kind, text: item.text, at: e.at, author });
  }
  return entriesPage(entries, limit);
}

/** One page of a viewer's feed as the API and the page show it; a bad cursor is a 400 naming `cursor`. */
export function feedReader(db: NewsDb, now: () => Date, memory?: NewsMemory): NewsReads['page'] {
  return async (viewerId, cursorText, limit = PAGE_SIZE.default) => {
    const cursor = decodeCursor(cursorText);
    const {
      items: entries,
      nextCursor,
      following,
    } = (memory ? await pageFromHead(memory, viewerId, cursor, limit) : undefined) ??
    (await feedPage(db, viewerId, cursor, limit));
    // One moment for the page, not an ISO text parsed again per item.
    const moment = now();
    const items = entries.map((e): NewsItem => {
      const item: NewsItem = {
        itemId: e.itemId,
        kind: e.kind,
        member: {
          memberId: e.author.memberId,
          nickname: e.author.nickname,
          age: ageIn(e.author.city.timeZone, e.author.birthday, moment),
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
    return following === undefined ? { items, nextCursor } : { items, nextCursor, following };
  };
}

/** The nav counter as a member sees it: without photo items when their flag is off. */
export function unseenCounter(
  memory: NewsMemory,
  flags: Flags,
): (memberId: string, subject?: FlagSubject) => Promise<number> {
  return async (memberId, subject = { memberId }) => {
    const counter = await memory.unseen.get(memberId);
    if (!counter) return 0;
    // No photo among them: no flag to ask.
    if (counter.withoutPhotos === counter.count) return counter.count;
    return (await flags.isOn(PHOTOS_FLAG, subject)) ? counter.count : counter.withoutPhotos;
  };
}

export function newsReads(db: NewsDb, now: () => Date, memory: NewsMemory, flags: Flags): NewsReads {
  return {
    page: feedReader(db, now, memory),
    unseen: unseenCounter(memory, flags),
    // Only "seen up to", not the count: a counter not in memory would count the feed (up to
    // 100 items worked out in SQL) on a first visit to /news, which then marks it all seen.
    seenUpTo: async (memberId) => {
      const held = memory.unseen.known(memberId);
      return held ? (held.value?.upTo ?? null) : seenUpTo(db, memberId);
    },
    member: (memberId) => memory.authors.get(memberId),
  };
}

/** The feature flag over the feed's photo items (on unless an operator turns it down or off). */
export const PHOTOS_FLAG = 'news.photos';

/** The page as the viewer may see it: without photo items when their flag is off. */
export function withPhotos(page: NewsPage, shown: boolean): NewsPage {
  return shown ? page : { ...page, items: page.items.filter((item) => item.kind !== 'photo') };
}
