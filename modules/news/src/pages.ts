import type { FastifyRequest } from 'fastify';
import type { Http, ServiceRegistry } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import {
  factsLine,
  formatMoment,
  html,
  languageOf,
  MEMBER_ACTIONS,
  portraitPath,
  memberActions,
  sendPage,
  translator,
  type Html,
  type MemberAction,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { PageQuery } from './routes.ts';
import type { Member } from './store.ts';
import type { NewsItem, NewsReads } from './views.ts';

/** What the viewer had seen before this visit marked everything seen, so new items can say so. */
const seenBefore = new WeakMap<FastifyRequest, string | null>();

function card(
  request: FastifyRequest,
  item: NewsItem,
  viewer: Member | undefined,
  isNew: boolean,
  buttons: Html,
): Html {
  const t = translator(messages, languageOf(request));
  const { member, author } = item;
  const facts = factsLine(request, {
    age: member.age,
    gender: author.gender,
    cityLabel: member.cityLabel,
    distanceKm: viewer ? Math.round(distanceKm(viewer.city, author.city)) : null,
  });
  const what =
    item.kind === 'new-member' ? t('joined') : item.kind === 'photo' ? t('addedPhoto') : t('wrote');
  return html`<li class="card member-card news-item ${item.kind}" id="item-${item.itemId}">
    <img
      class="portrait"
      src="${portraitPath(member.memberId)}"
      width="80"
      height="80"
      loading="lazy"
      alt="${member.nickname}"
    />
    <p class="note">
      ${isNew ? html`<strong class="badge">${t('new')}</strong> ` : ''}${what} ·
      <time datetime="${item.at}"
        >${formatMoment(languageOf(request), viewer?.city.timeZone ?? 'UTC', item.at, 'date-time')}</time
      >
    </p>
    <h3><a href="/members/${member.memberId}">${member.nickname}</a></h3>
    <p class="facts">${facts}</p>
    ${item.text === undefined ? '' : html`<blockquote class="diary-text">${item.text}</blockquote>`}
    ${
      item.photo === undefined
        ? ''
        : html`<a class="news-photo" href="${item.photo.full}"
            ><img
              src="${item.photo.thumb}"
              width="240"
              height="240"
              loading="lazy"
              alt="${t('photoOf', { name: member.nickname })}"
          /></a>`
    }
    <div class="actions">${buttons}</div>
  </li>`;
}

export function newsPages(http: Http, commands: Commands, reads: NewsReads, services: ServiceRegistry): void {
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
      const [list, viewer] = await Promise.all([
        reads.page(viewerId, request.query.cursor, request.query.limit),
        reads.member(viewerId),
      ]);
      const before = seenBefore.get(request) ?? null;
      const buttons = await memberActions(
        services.contributions<MemberAction>(MEMBER_ACTIONS),
        request,
        list.items.map((item) => item.member.memberId),
        'card',
      );
      const cards = list.items.map((item) =>
        card(request, item, viewer, before === null || item.at > before, buttons(item.member.memberId)),
      );
      return sendPage(request, reply, {
        title: t('title'),
        body: html`<h1>${t('title')}</h1>
          <p>${t('explain')}</p>
          ${
            cards.length === 0
              ? html`<p class="empty">${t('empty')}</p>`
              : html`<ul class="cards news" data-infinite>
                  ${cards}
                </ul>`
          }
          ${
            list.nextCursor
              ? html`<p><a rel="next" href="/news?cursor=${list.nextCursor}">${t('older')}</a></p>`
              : ''
          }`,
      });
    },
  );
}
