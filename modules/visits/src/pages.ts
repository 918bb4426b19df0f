import type { FastifyRequest } from 'fastify';
import type { Http, ServiceRegistry } from '@meetcute/core';
import type { VisitsDb } from './store.ts';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  MEMBER_ACTIONS,
  cardFacts,
  formatMoment,
  html,
  languageOf,
  sendMemberList,
  translator,
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
      const viewerId = request.viewer!.memberId;
      const asked = { cursor: request.query.cursor, limit: request.query.limit ?? PAGE.default };
      const [list, viewer] = await Promise.all([
        visitPage(db, profiles, viewerId, asked),
        profiles.get(viewerId),
      ]);
      const timeZone = viewer?.city.timeZone ?? 'UTC';
      return sendMemberList(request, reply, {
        words: { title: tr('title'), intro: tr('explain'), empty: tr('empty') },
        next: 'photos',
        actions: services.contributions<MemberAction>(MEMBER_ACTIONS),
        members: list.visitors.map(({ visitor, visitedAt }) => ({
          ...cardFacts(visitor),
          note: html`<time datetime="${visitedAt}"
            >${tr('visited', moment(languageOf(request), timeZone, visitedAt))}</time
          >`,
        })),
        pager: { next: list.nextCursor, more: tr('older') },
      });
    },
  );
}
