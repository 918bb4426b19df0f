import { ProblemSchema as Problem } from '@meetcute/core';
import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import type { Commands } from './commands.ts';
import { PAGE } from './rules.ts';
import { favouritePage } from './views.ts';
import type { FavouritesDb } from './store.ts';

const MemberId = Type.String({ format: 'uuid' });
const Favourite = Type.Object({ memberId: Type.String(), favourite: Type.Boolean() });

export const ListQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'The nextCursor of the previous page; omit for the newest' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE.max, default: PAGE.default })),
});

export function favouriteRoutes(
  http: Http,
  db: FavouritesDb,
  commands: Commands,
  profiles: ProfileDirectory,
): void {
  const api = { access: 'approved', kind: 'api' } as const;

  http.post(
    '/api/v1/favourites',
    {
      config: api,
      schema: {
        summary: 'Add a member to my favourites',
        tags: ['favourites'],
        body: Type.Object({ memberId: MemberId }),
        response: {
          201: Favourite,
          200: Favourite,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          415: Problem,
        },
      },
    },
    async (request, reply) => {
      const isNew = await commands.add(request.viewer!.memberId, request.body.memberId);
      return reply.code(isNew ? 201 : 200).send({ memberId: request.body.memberId, favourite: true });
    },
  );

  http.delete(
    '/api/v1/favourites/:memberId',
    {
      config: api,
      schema: {
        summary: 'Take a member off my favourites',
        tags: ['favourites'],
        params: Type.Object({ memberId: MemberId }),
        response: { 204: Type.Null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const removed = await commands.remove(request.viewer!.memberId, request.params.memberId);
      if (!removed) throw problems.notFound('This favourite');
      return reply.code(204).send(null);
    },
  );

  http.get(
    '/api/v1/favourites',
    {
      config: api,
      schema: {
        summary: 'My favourites, the most recently added first',
        tags: ['favourites'],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            favourites: Type.Array(
              Type.Object({
                member: Type.Object({
                  memberId: Type.String(),
                  nickname: Type.String(),
                  age: Type.Integer(),
                  cityLabel: Type.String(),
                }),
                addedAt: Type.String({ format: 'date-time' }),
              }),
            ),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: 'Pass as cursor for the next, older page; null on the last page',
            }),
          }),
          400: Problem,
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => {
      const page = await favouritePage(db, profiles, request.viewer!.memberId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? PAGE.default,
      });
      return {
        favourites: page.favourites.map((f) => ({
          member: {
            memberId: f.member.memberId,
            nickname: f.member.nickname,
            age: f.member.age,
            cityLabel: f.member.city.label,
          },
          addedAt: f.addedAt,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  http.get(
    '/api/v1/favourites/:memberId',
    {
      config: api,
      schema: {
        summary: 'Whether a member is among my favourites',
        tags: ['favourites'],
        params: Type.Object({ memberId: MemberId }),
        response: {
          200: Type.Object({ favourite: Type.Boolean() }),
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request) => ({
      favourite: await commands.isFavourite(request.viewer!.memberId, request.params.memberId),
    }),
  );
}
