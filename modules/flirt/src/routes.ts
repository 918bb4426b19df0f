import { ProblemSchema as Problem } from '@meetcute/core';
import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import type { Direction } from './store.ts';
import { PAGE_SIZE, type FlirtLists } from './views.ts';

const FlirtView = Type.Object({
  flirtId: Type.String({ format: 'uuid' }),
  member: Type.Object({
    memberId: Type.String({ format: 'uuid' }),
    nickname: Type.String(),
    age: Type.Integer({ description: 'Whole years, counted where the member lives' }),
    cityLabel: Type.String(),
  }),
  sentAt: Type.String({ format: 'date-time' }),
  mutual: Type.Boolean({ description: 'True when we flirted with each other: a match' }),
});

const Page = Type.Object({
  flirts: Type.Array(FlirtView),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as `cursor` for the next, older page; null on the last page',
  }),
});

const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ description: 'The nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default })),
});

export function flirtRoutes(http: Http, commands: Commands, lists: FlirtLists): void {
  const api = { access: 'approved', kind: 'api' } as const;

  http.post(
    '/api/v1/flirts',
    {
      config: api,
      schema: {
        summary:
          'Flirt with a member: once a day per member and 20 a day in all, counted in my own time zone',
        tags: ['flirt'],
        body: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        response: {
          201: Type.Object({
            flirtId: Type.String({ format: 'uuid' }),
            recipientId: Type.String({ format: 'uuid' }),
            sentAt: Type.String({ format: 'date-time' }),
            mutual: Type.Boolean({ description: 'True when the recipient had flirted with me before' }),
          }),
          404: Problem,
          409: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const flirted = await commands.flirt(request.viewer!.memberId, request.body.memberId);
      return reply.code(201).send(flirted);
    },
  );

  const list = (direction: Direction, summary: string) =>
    http.get(
      `/api/v1/flirts/${direction}`,
      {
        config: api,
        schema: {
          summary,
          tags: ['flirt'],
          querystring: PageQuery,
          response: { 200: Page },
        },
      },
      async (request) => {
        const page = await lists.page(
          request.viewer!.memberId,
          direction,
          request.query.cursor,
          request.query.limit,
        );
        return {
          flirts: page.items.map((i) => ({
            flirtId: i.flirtId,
            member: {
              memberId: i.member.memberId,
              nickname: i.member.nickname,
              age: i.member.age,
              cityLabel: i.member.city.label,
            },
            sentAt: i.sentAt,
            mutual: i.mutual,
          })),
          nextCursor: page.nextCursor,
        };
      },
    );

  list('received', 'Members who flirted with me, newest first');
  list('sent', 'Members I flirted with, newest first');
}
