import { ProblemSchema as Problem } from '@meetcute/core';
import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import { translator } from '@meetcute/web';
import { messages } from './messages.ts';
import type { OnlineViews } from './views.ts';

// Parameters arrive as text and are read by rules.ts, so every mistake is named the same
// way on the API and the page (and as search names it); the schema only bounds their size.
const text = (description: string) => Type.Optional(Type.String({ maxLength: 100, description }));

export const OnlineQuery = Type.Object({
  gender: Type.Optional(
    Type.Union(
      [Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })],
      { description: 'woman, man or nonbinary; repeat it or give a comma list. Default: whom you look for' },
    ),
  ),
  minAge: text('Whole years, 18–120. Default: your own lowest age'),
  maxAge: text('Whole years, 18–120, not below minAge. Default: your own highest age'),
  maxDistanceKm: text('Whole km from your city, 1–5000. Default: your own distance'),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor from the previous page' })),
  limit: text('Members per page, 1–50. Default: 20'),
});

const OnlineMember = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  age: Type.Integer({ description: 'Whole years, counted where the member lives' }),
  cityLabel: Type.String(),
  distanceKm: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Great-circle from your city, in whole km',
  }),
  lastSeenAt: Type.String({ format: 'date-time', description: 'Now for a member with a page open' }),
});

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** As many members as a page shows badges for, with room to spare. */
const MAX_ASKED = 100;

export function onlineRoutes(http: Http, views: OnlineViews): void {
  badgeRoutes(http, views);
  const api = { access: 'approved', kind: 'api' } as const;
  const say = translator(messages, 'en');

  http.get(
    '/api/v1/online',
    {
      config: api,
      schema: {
        summary:
          'Approved members online now (a page open, or active in the last five minutes), most recently seen first; filters default to your own preferences',
        tags: ['online'],
        querystring: OnlineQuery,
        response: {
          200: Type.Object({
            members: Type.Array(OnlineMember),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: 'Pass as cursor for the next page; null on the last page',
            }),
          }),
        },
      },
    },
    async (request) => {
      const { page } = await views.list(request.viewer!.memberId, request.query, say);
      return {
        members: page.members.map((m) => ({
          memberId: m.memberId,
          nickname: m.nickname,
          age: m.age,
          cityLabel: m.cityLabel,
          distanceKm: m.distanceKm,
          lastSeenAt: m.lastSeenAt,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  http.get(
    '/api/v1/members/:memberId/online',
    {
      config: api,
      schema: {
        summary: 'Whether a member is online now',
        tags: ['online'],
        params: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({ online: Type.Boolean() }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const online = await views.status(request.viewer!.memberId, request.params.memberId);
      if (online === undefined) throw problems.notFound('This member');
      return { online };
    },
  );
}

/** What an open page's online badges should say now: site.js asks every half minute. */
function badgeRoutes(http: Http, views: OnlineViews): void {
  const api = { access: 'approved', kind: 'api' } as const;
  http.get(
    '/api/v1/online/status',
    {
      config: api,
      schema: {
        summary:
          'Which of these members are online now (what their online badges should say); members you may not see are left out',
        tags: ['online'],
        querystring: Type.Object({
          members: Type.String({
            pattern: `^${UUID}(,${UUID}){0,${MAX_ASKED - 1}}$`,
            description: `Up to ${MAX_ASKED} member ids, separated by commas`,
          }),
        }),
        response: { 200: Type.Object({ online: Type.Array(Type.String({ format: 'uuid' })) }) },
      },
    },
    async (request) => ({
      online: await views.onlineAmong(request.viewer!.memberId, request.query.members.split(',')),
    }),
  );
}
