import type { FastifyRequest } from 'fastify';
import { subjectOf, type Flags } from '@meetcute/flags';
import { formatAgo, html, languageOf, translator, type HomeCard, type HomeContribution } from '@meetcute/web';
import { messages } from './messages.ts';
import { memberFacts } from './pages.ts';
import { HEAD, type Member } from './store.ts';
import { PHOTOS_FLAG, withPhotos, type NewsItem, type NewsReads } from './views.ts';

/** A member's newest item as a card on the home page: who, and what they did how long ago. */
function newsCard(request: FastifyRequest, item: NewsItem, viewer: Member | undefined, now: Date): HomeCard {
  const t = translator(messages, languageOf(request));
  const what =
    item.kind === 'new-member' ? t('joined') : item.kind === 'photo' ? t('addedPhoto') : t('wrote');
  const ago = formatAgo(languageOf(request), viewer?.city.timeZone ?? 'UTC', item.at, now);
  return {
    memberId: item.member.memberId,
    nickname: item.member.nickname,
    ...memberFacts(item, viewer),
    at: item.at,
    note: html`${what} · <time datetime="${item.at}">${ago}</time>`,
  };
}

/**
 * The head of a member's news on their home page: the members with the newest items, each
 * once, from the feed's first page (held in memory). Reading it marks nothing seen: the
 * news counter still says what /news has that the member has not opened.
 */
export function newsHome(reads: NewsReads, flags: Flags, now: () => Date): HomeContribution {
  return {
    section: 'news',
    async read(request, limit) {
      const viewerId = request.viewer!.memberId;
      const [page, viewer, photos] = await Promise.all([
        // The most the head holds in memory: enough items for `limit` different members mostly.
        reads.page(viewerId, undefined, HEAD - 1),
        reads.member(viewerId),
        flags.isOn(PHOTOS_FLAG, subjectOf(request)),
      ]);
      const newest = new Map<string, NewsItem>();
      for (const item of withPhotos(page, photos).items) {
        if (newest.size >= limit) break;
        if (!newest.has(item.member.memberId)) newest.set(item.member.memberId, item);
      }
      const moment = now();
      return {
        cards: [...newest.values()].map((item) => newsCard(request, item, viewer, moment)),
        more: { href: '/news', label: translator(messages, languageOf(request))('all') },
      };
    },
  };
}
