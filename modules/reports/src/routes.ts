import { Type } from 'typebox';
import { ProblemSchema as Problem, type Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { NOTE_MAX, REASON_MAX } from './commands.ts';
import { REPORT_REASONS } from './events.ts';
import { openQueue, type ReportsDb } from './store.ts';

const Kind = Type.String({ minLength: 1, maxLength: 20, description: 'profile, photo or diary-post' });
const ContentId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'The member id for a profile or an appeal, else the photo, post or message id',
});

/** What the reports API reads and runs. */
export interface RouteDeps {
  db: ReportsDb;
  commands: Commands;
}

/** The reports API: a member's report, and the moderators' queue and its closing. */
export function reportRoutes(http: Http, deps: RouteDeps): void {
  reportRoute(http, deps.commands);
  queueRoute(http, deps);
  closeRoute(http, deps.commands);
}

/** A member reports a profile, a photo or a diary post. */
function reportRoute(http: Http, commands: Commands): void {
  http.post(
    '/api/v1/reports',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary: 'Report a profile, a photo or a diary post to the moderators',
        description:
          'The reported member is never told who. Reporting the same thing again while it is open adds nothing. A chat message is reported at /api/v1/messages/{messageId}/reports.',
        tags: ['reports'],
        body: Type.Object({
          kind: Kind,
          contentId: ContentId,
          reason: Type.String({ minLength: 1, maxLength: 40, description: REPORT_REASONS.join(', ') }),
          note: Type.Optional(Type.String({ maxLength: NOTE_MAX * 4 })),
        }),
        response: { 201: Type.Object({ memberId: Type.String() }), 404: Problem },
      },
    },
    async (request, reply) => {
      const { kind, contentId, reason, note } = request.body;
      const { memberId } = await commands.report(request.viewer!.memberId, {
        kind,
        contentId,
        reason,
        note: note ?? '',
      });
      return reply.code(201).send({ memberId });
    },
  );
}

/** The open reports, grouped by what they are about, with what was reported. */
function queueRoute(http: Http, { db, commands }: RouteDeps): void {
  http.get(
    '/api/v1/review/reports',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary: 'Open reports, grouped by what they are about: the most reported first, then the newest',
        tags: ['reports'],
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                kind: Type.String(),
                contentId: Type.String(),
                memberId: Type.String(),
                count: Type.Integer(),
                latestAt: Type.String(),
                excerpt: Type.Union([Type.String(), Type.Null()], {
                  description: 'null: the content is gone',
                }),
                context: Type.Optional(
                  Type.Array(
                    Type.Object({
                      senderId: Type.String(),
                      body: Type.String(),
                      at: Type.String(),
                      reported: Type.Boolean(),
                    }),
                    { description: 'A reported message with up to ten messages either side, oldest first' },
                  ),
                ),
                reports: Type.Array(
                  Type.Object({ reason: Type.String(), note: Type.String(), at: Type.String() }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const items = await openQueue(db, 50);
      const described = await Promise.all(items.map((i) => commands.describe(i.kind, i.contentId)));
      return {
        items: items.map((i, n) => ({
          ...i,
          memberId: i.memberId || (described[n]?.memberId ?? ''),
          excerpt: described[n]?.excerpt ?? null,
          ...(described[n]?.context ? { context: described[n].context } : {}),
        })),
      };
    },
  );
}

/** A moderator closes every open report of one thing. */
function closeRoute(http: Http, commands: Commands): void {
  http.post(
    '/api/v1/review/reports/close',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary:
          'Close every open report of one thing: dismissed, handled, or removed (the content is taken down)',
        description:
          'With `removed`, the module that owns the content takes it down first (a profile loses its about-me text; a photo or a diary post is deleted) and `reason` says why, for the moderation log. A chat message cannot be removed.',
        tags: ['reports'],
        body: Type.Object({
          kind: Type.String({ minLength: 1, maxLength: 20 }),
          contentId: ContentId,
          outcome: Type.Union([Type.Literal('dismissed'), Type.Literal('handled'), Type.Literal('removed')]),
          reason: Type.Optional(Type.String({ maxLength: REASON_MAX * 4 })),
        }),
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      const { kind, contentId, outcome, reason } = request.body;
      await commands.close(request.viewer!.memberId, kind, contentId, outcome, reason);
      return reply.code(204).send(null);
    },
  );
}
