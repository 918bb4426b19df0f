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
  type HomeContribution,
  type MemberAction,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { ListQuery } from './routes.ts';
import { PAGE } from './rules.ts';
import { visitPage, type VisitView } from './views.ts';

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
        members: list.visitors.map((visit) => visitCard(request, visit, timeZone, clock)),
        pager: { next: list.nextCursor, more: tr('older') },
      });
    },
  );
}

/** A visitor's card: who, and how long ago, as alerts and flirts say it. */
function visitCard(
  request: FastifyRequest,
  { visitor, visitedAt }: VisitView,
  timeZone: string,
  clock: Clock,
) {
  return {
    ...cardFacts(visitor),
    at: visitedAt,
    note: html`<time datetime="${visitedAt}"
      >${t(request)('visited', { when: formatAgo(languageOf(request), timeZone, visitedAt, clock.now()) })}</time
    >`,
  };
}

/** The latest visitors on a member's home page, with the link to all of them. */
export function visitorsHome(db: VisitsDb, profiles: ProfileDirectory, clock: Clock): HomeContribution {
  return {
    section: 'interested',
    async read(request, limit) {
      const viewerId = request.viewer!.memberId;
      const [list, viewer] = await Promise.all([
        visitPage(db, profiles, viewerId, { limit }),
        profiles.get(viewerId),
      ]);
      const timeZone = viewer?.city.timeZone ?? 'UTC';
      return {
        cards: list.visitors.map((visit) => visitCard(request, visit, timeZone, clock)),
        more: { href: '/visitors', label: t(request)('all') },
      };
    },
  };
}
