import type { FastifyRequest } from 'fastify';
import { encodeCursor, type Http, type ServiceRegistry } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import {
  FIRST_STEPS,
  firstSteps,
  type FirstStepCheck,
  factsLine,
  formatMoment,
  galleryPath,
  html,
  itemList,
  languageOf,
  MEMBER_ACTIONS,
  portraitPath,
  memberActions,
  pager,
  sendPage,
  SPONSORED_ITEMS,
  sponsoredSlots,
  withSponsored,
  type SponsoredItems,
  translator,
  type Html,
  type MemberAction,
  nextStep,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { PageQuery } from './routes.ts';
import type { Member } from './store.ts';
import { subjectOf, type Flags } from '@meetcute/flags';
import { PHOTOS_FLAG, withPhotos, type NewsItem, type NewsPage, type NewsReads } from './views.ts';

/** What the viewer had seen before this visit marked everything seen, so new items can say so. */
const seenBefore = new WeakMap<FastifyRequest, string | null>();

/**
 * Consecutive items by one member, as one card: a member who adds five photos in a row
 * shows up once, with all five, instead of filling the feed.
 */
export function runsByMember(items: NewsItem[]): NewsItem[][] {
  const runs: NewsItem[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.member.memberId === item.member.memberId) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** How many pages further a page reaches to finish its last member's run. */
const RUN_PAGES = 3;

/**
 * A page that ends inside a member's run takes the rest of the run too, so the next page
 * (which scrolling puts right under this one) does not open with that member's card again.
 * A run longer than a few pages still breaks, so a page stays a page.
 */
async function finishRun(
  reads: NewsReads,
  viewerId: string,
  list: NewsPage,
  limit: number | undefined,
): Promise<NewsPage> {
  const last = list.items.at(-1);
  let { items, nextCursor, following } = list;
  // Another page is read only when the item after this one is the same member's: on most
  // pages it is not, and the first page comes from memory while the next would come from SQL.
  for (
    let extra = 0;
    last && nextCursor && following === last.member.memberId && extra < RUN_PAGES;
    extra++
  ) {
    const more = await reads.page(viewerId, nextCursor, limit);
    const end = more.items.findIndex((item) => item.member.memberId !== last.member.memberId);
    const taken = end === -1 ? more.items : more.items.slice(0, end);
    items = [...items, ...taken];
    if (end === -1) {
      ({ nextCursor, following } = more);
      continue;
    }
    const through = taken.at(-1);
    if (through) nextCursor = encodeCursor({ at: through.at, id: through.itemId });
    break;
  }
  return { items, nextCursor };
}

function entry(request: FastifyRequest, item: NewsItem, viewer: Member | undefined, isNew: boolean): Html {
  const t = translator(messages, languageOf(request));
  const what =
    item.kind === 'new-member' ? t('joined') : item.kind === 'photo' ? t('addedPhoto') : t('wrote');
  return html`<div class="news-entry" id="item-${item.itemId}">
    <p class="note">
      ${isNew ? html`<strong class="badge">${t('new')}</strong> ` : ''}${what} ·
      <time datetime="${item.at}"
        >${formatMoment(languageOf(request), viewer?.city.timeZone ?? 'UTC', item.at, 'date-time')}</time
      >
    </p>
    ${item.text === undefined ? '' : html`<blockquote class="diary-text">${item.text}</blockquote>`}
    ${
      item.photo === undefined
        ? ''
        : html`<a class="news-photo" href="${galleryPath(item.member.memberId, item.itemId)}"
            ><img
              src="${item.photo.thumb}"
              width="240"
              height="240"
              loading="lazy"
              alt="${t('photoOf', { name: item.member.nickname })}"
          /></a>`
    }
  </div>`;
}

/** Who an item's member is, as a card's facts line says it to this viewer (the news page and the home page). */
export function memberFacts(item: NewsItem, viewer: Member | undefined) {
  const { member, author } = item;
  return {
    age: member.age,
    gender: author.gender,
    cityLabel: member.cityLabel,
    distanceKm: viewer ? Math.round(distanceKm(viewer.city, author.city)) : null,
  };
}

function card(
  request: FastifyRequest,
  run: NewsItem[],
  viewer: Member | undefined,
  isNew: (item: NewsItem) => boolean,
  buttons: Html,
): Html {
  const { member } = run[0]!;
  const facts = factsLine(request, memberFacts(run[0]!, viewer));
  const kinds = [...new Set(run.map((item) => item.kind))].join(' ');
  // Known by its newest item; taken in live, it replaces the card its older items stood in.
  const holds = run
    .slice(1)
    .map((item) => item.itemId)
    .join(' ');
  return html`<li
    class="card member-card news-item ${kinds}"
    data-item="${run[0]!.itemId}"
    data-holds="${holds}"
  >
    <img
      class="portrait"
      src="${portraitPath(member.memberId)}"
      width="80"
      height="80"
      loading="lazy"
      alt="${member.nickname}"
    />
    <h3><a href="/members/${member.memberId}">${member.nickname}</a></h3>
    <p class="facts">${facts}</p>
    ${run.map((item) => entry(request, item, viewer, isNew(item)))}
    <div class="actions">${buttons}</div>
  </li>`;
}

export function newsPages(
  http: Http,
  commands: Commands,
  reads: NewsReads,
  services: ServiceRegistry,
  flags: Flags,
): void {
  http.get(
    '/news',
    {
      config: { access: 'approved', kind: 'page' },
      schema: { hide: true, querystring: PageQuery },
      // Opening the news marks it seen before the nav is counted, so the top bar shows 0 at once.
      preValidation: async (request) => {
        const memberId = request.viewer?.memberId;
        if (!memberId || request.viewer?.status !== 'approved') return;
        seenBefore.set(request, await reads.seenUpTo(memberId));
        await commands.markSeen(memberId);
      },
    },
    async (request, reply) => {
      const t = translator(messages, languageOf(request));
      const viewerId = request.viewer!.memberId;
      // Sponsored items stand among the cards when the ads module is on (never in chat).
      const sponsored = services.optional<SponsoredItems>(SPONSORED_ITEMS);
      const [all, viewer, photos, every] = await Promise.all([
        reads
          .page(viewerId, request.query.cursor, request.query.limit)
          .then((page) => finishRun(reads, viewerId, page, request.query.limit)),
        reads.member(viewerId),
        flags.isOn(PHOTOS_FLAG, subjectOf(request)),
        sponsored ? sponsored.every(request, 'news') : 0,
      ]);
      const list = withPhotos(all, photos);
      const before = seenBefore.get(request) ?? null;
      const buttons = await memberActions(
        services.contributions<MemberAction>(MEMBER_ACTIONS),
        request,
        list.items.map((item) => item.member.memberId),
        'card',
      );
      const isNew = (item: NewsItem) => before === null || item.at > before;
      const cards = runsByMember(list.items).map((run) =>
        card(request, run, viewer, isNew, buttons(run[0]!.member.memberId)),
      );
      const slots = sponsoredSlots(cards.length, every);
      const ads = sponsored && slots > 0 ? await sponsored.render(request, 'news', slots) : [];
      // A new member's checklist heads the first page here too, as on their home (/home).
      const steps = request.query.cursor
        ? html``
        : await firstSteps(request, services.contributions<FirstStepCheck>(FIRST_STEPS));
      return sendPage(request, reply, {
        title: t('title'),
        body: html`<h1>${t('title')}</h1>
          <p>${t('explain')}</p>
          ${steps}
          <div data-live="news">
            ${itemList(withSponsored(cards, ads, every), { empty: t('empty'), next: nextStep(request, 'search'), class: 'cards news', infinite: true })}
            ${
              cards.length === 0 && ads.length > 0
                ? html`<ul class="cards news">
                    ${ads}
                  </ul>`
                : ''
            }
            ${pager(request, { next: list.nextCursor, more: t('older') })}
          </div>`,
      });
    },
  );
}
