import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import type { Commands } from './commands.ts';
import { PAGE } from './rules.ts';
import type { AlertsDb, AlertsMemory } from './store.ts';
import { alertPage } from './views.ts';

export const ListQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'The nextCursor of the previous page; omit for the newest' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE.max, default: PAGE.default })),
});

const Alert = Type.Object({
  alertId: Type.String(),
  kind: Type.Union([
    Type.Literal('flirt'),
    Type.Literal('match'),
    Type.Literal('visit'),
    Type.Literal('favourite'),
    Type.Literal('like'),
    Type.Literal('unlock'),
    Type.Literal('registration-approved'),
    Type.Literal('photo-approved'),
    Type.Literal('photo-rejected'),
    Type.Literal('about-approved'),
    Type.Literal('about-rejected'),
  ]),
  actor: Type.Union(
    [
      Type.Object({
        memberId: Type.String(),
        nickname: Type.String(),
        age: Type.Integer(),
        cityLabel: Type.String(),
      }),
      Type.Null(),
    ],
    { description: 'Who did it; null for what the moderators decided' },
  ),
  reason: Type.Optional(Type.String({ description: 'A moderator’s reason for turning something down' })),
  at: Type.String({ format: 'date-time' }),
  unread: Type.Boolean(),
});

/** What the alerts API reads and runs. */
export interface RouteDeps {
  db: AlertsDb;
  memory: AlertsMemory;
  commands: Commands;
  profiles: ProfileDirectory;
}

const api = { access: 'approved', kind: 'api' } as const;

/** The alerts API: the list, and the unread count with the way to clear it. */
export function alertRoutes(http: Http, deps: RouteDeps): void {
  listRoute(http, deps);
  unreadRoutes(http, deps);
}

/** The member's alerts, a page at a time, newest first. */
function listRoute(http: Http, { db, memory, profiles }: RouteDeps): void {
  http.get(
    '/api/v1/alerts',
    {
      config: api,
      schema: {
        summary:
          'What happened to me (flirts, visits, favourites, likes, moderators’ decisions), newest first, with unread markers',
        tags: ['alerts'],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Alert),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: 'Pass as cursor for the next, older page; null on the last page',
            }),
          }),
        },
      },
    },
    async (request) => {
      const page = await alertPage(db, memory, profiles, request.viewer!.memberId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? PAGE.default,
      });
      return {
        items: page.items.map(({ actor, reason, ...rest }) => ({
          ...rest,
          ...(reason === null ? {} : { reason }),
          actor: actor && {
            memberId: actor.memberId,
            nickname: actor.nickname,
            age: actor.age,
            cityLabel: actor.city.label,
          },
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}

/** How many alerts are unread, and marking them all read. */
function unreadRoutes(http: Http, { memory, commands }: RouteDeps): void {
  http.get(
    '/api/v1/alerts/unread',
    {
      config: api,
      schema: {
        summary: 'How many of my alerts are unread',
        tags: ['alerts'],
        response: { 200: Type.Object({ count: Type.Integer() }) },
      },
    },
    async (request) => ({ count: (await memory.unread.get(request.viewer!.memberId)) ?? 0 }),
  );

  http.post(
    '/api/v1/alerts/read',
    {
      config: api,
      schema: {
        summary: 'Mark all my alerts read',
        tags: ['alerts'],
        response: { 200: Type.Object({ unread: Type.Integer() }) },
      },
    },
    async (request) => ({ unread: await commands.markAllRead(request.viewer!.memberId) }),
  );
}
