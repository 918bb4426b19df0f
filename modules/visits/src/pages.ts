import type { FastifyRequest } from 'fastify';
import type { Clock, Http, ServiceRegistry } from '@meetcute/core';
import type { VisitsDb } from './store.ts';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  MEMBER_ACTIONS,
  cardFacts,
  formatAgo,
  html,
  languageOf,
  sendMemberList,
  translator,
  type MemberAction,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { ListQuery } from './routes.ts';
import { PAGE } from './rules.ts';
import { visitPage } from './views.ts';

const t = (request: FastifyRequest) => translator(messages, languageOf(request));

export function visitPages(
  http: Http,
  db: VisitsDb,
  profiles: ProfileDirectory,
  services: ServiceRegistry,
  clock: Clock,
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
          // How long ago, as alerts and flirts say it.
          note: html`<time datetime="${visitedAt}"
            >${tr('visited', { when: formatAgo(languageOf(request), timeZone, visitedAt, clock.now()) })}</time
          >`,
        })),
        pager: { next: list.nextCursor, more: tr('older') },
      });
    },
  );
}
