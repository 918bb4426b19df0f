import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { VisitsDb } from './store.ts';
import type { ProfileDirectory } from '@meetcute/profile';
import { PAGE } from './rules.ts';
import { visitPage } from './views.ts';

export const ListQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'The nextCursor of the previous page; omit for the newest' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE.max, default: PAGE.default })),
});

export function visitRoutes(http: Http, db: VisitsDb, profiles: ProfileDirectory): void {
  http.get(
    '/api/v1/visitors',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary: 'Who visited my profile, newest first: one entry per visitor per day (UTC)',
        tags: ['visits'],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            visitors: Type.Array(
              Type.Object({
                visitor: Type.Object({
                  memberId: Type.String(),
                  nickname: Type.String(),
                  age: Type.Integer(),
                  cityLabel: Type.String(),
                }),
                visitedAt: Type.String({ format: 'date-time', description: 'The latest view that day' }),
              }),
            ),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: 'Pass as cursor for the next, older page; null on the last page',
            }),
          }),
        },
      },
    },
    async (request) => {
      const page = await visitPage(db, profiles, request.viewer!.memberId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? PAGE.default,
      });
      return {
        visitors: page.visitors.map(({ visitor, visitedAt }) => ({
          visitor: {
            memberId: visitor.memberId,
            nickname: visitor.nickname,
            age: visitor.age,
            cityLabel: visitor.city.label,
          },
          visitedAt,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
