import type { FastifyRequest } from 'fastify';
import type { Http, ServiceRegistry } from '@meetcute/core';
import type { VisitsDb } from './store.ts';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  MEMBER_ACTIONS,
  cardList,
  html,
  languageOf,
  memberActions,
  memberCard,
  sendPage,
  translator,
  formatMoment,
  type Language,
  type MemberAction,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { ListQuery } from './routes.ts';
import { PAGE } from './rules.ts';
import { visitPage } from './views.ts';

const t = (request: FastifyRequest) => translator(messages, languageOf(request));

/** A moment as the viewer reads it, where the viewer lives. */
function moment(language: Language, timeZone: string, iso: string): { date: string; time: string } {
  return {
    date: formatMoment(language, timeZone, iso, 'date'),
    time: formatMoment(language, timeZone, iso, 'time'),
  };
}

export function visitPages(
  http: Http,
  db: VisitsDb,
  profiles: ProfileDirectory,
  services: ServiceRegistry,
): void {
  http.get(
    '/visitors',
    { config: { access: 'approved', kind: 'page' }, schema: { hide: true, querystring: ListQuery } },
    async (request, reply) => {
      const tr = t(request);
      const language = languageOf(request);
      const viewerId = request.viewer!.memberId;
      const timeZone = (await profiles.get(viewerId))?.city.timeZone ?? 'UTC';
      const list = await visitPage(db, profiles, viewerId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? PAGE.default,
      });
      const buttons = await memberActions(
        services.contributions<MemberAction>(MEMBER_ACTIONS),
        request,
        list.visitors.map(({ visitor }) => visitor.memberId),
        'card',
      );
      const cards = list.visitors.map(({ visitor, visitedAt }) =>
        memberCard(
          request,
          {
            memberId: visitor.memberId,
            nickname: visitor.nickname,
            age: visitor.age,
            gender: visitor.gender,
            cityLabel: visitor.city.label,
            note: html`<time datetime="${visitedAt}"
              >${tr('visited', moment(language, timeZone, visitedAt))}</time
            >`,
          },
          buttons(visitor.memberId),
        ),
      );
      return sendPage(request, reply, {
        title: tr('title'),
        body: html`<h1>${tr('title')}</h1>
          <p>${tr('explain')}</p>
          ${cardList(cards, tr('empty'))}
          ${
            list.nextCursor
              ? html`<p><a rel="next" href="/visitors?cursor=${list.nextCursor}">${tr('older')}</a></p>`
              : ''
          }`,
      });
    },
  );
}
