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

const api = { access: 'approved', kind: 'api' } as const;

export interface RouteDeps {
  db: FavouritesDb;
  commands: Commands;
  profiles: ProfileDirectory;
}

/** The favourites API: adding and taking off a member, the list, and whether one member is on it. */
export function favouriteRoutes(http: Http, deps: RouteDeps): void {
  addRoute(http, deps.commands);
  removeRoute(http, deps.commands);
  listRoute(http, deps);
  isFavouriteRoute(http, deps.commands);
}

/** Adding a member: 201 the first time, 200 when they were a favourite already. */
function addRoute(http: Http, commands: Commands): void {
  http.post(
    '/api/v1/favourites',
    {
      config: api,
      schema: {
        summary: 'Add a member to my favourites',
        tags: ['favourites'],
        body: Type.Object({ memberId: MemberId }),
        response: { 201: Favourite, 200: Favourite, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const isNew = await commands.add(request.viewer!.memberId, request.body.memberId);
      return reply.code(isNew ? 201 : 200).send({ memberId: request.body.memberId, favourite: true });
    },
  );
}

/** Taking a member off; a 404 when they were not among the favourites. */
function removeRoute(http: Http, commands: Commands): void {
  http.delete(
    '/api/v1/favourites/:memberId',
    {
      config: api,
      schema: {
        summary: 'Take a member off my favourites',
        tags: ['favourites'],
        params: Type.Object({ memberId: MemberId }),
        response: { 204: Type.Null(), 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const removed = await commands.remove(request.viewer!.memberId, request.params.memberId);
      if (!removed) throw problems.notFound('This favourite');
      return reply.code(204).send(null);
    },
  );
}

/** One page of the member's favourites, the most recently added first. */
function listRoute(http: Http, { db, profiles }: RouteDeps): void {
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
}

/** Whether one member is among the viewer's favourites. */
function isFavouriteRoute(http: Http, commands: Commands): void {
  http.get(
    '/api/v1/favourites/:memberId',
    {
      config: api,
      schema: {
        summary: 'Whether a member is among my favourites',
        tags: ['favourites'],
        params: Type.Object({ memberId: MemberId }),
        response: { 200: Type.Object({ favourite: Type.Boolean() }), 404: Problem },
      },
    },
    async (request) => ({
      favourite: await commands.isFavourite(request.viewer!.memberId, request.params.memberId),
    }),
  );
}
