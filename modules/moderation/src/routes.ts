import { Type } from 'typebox';
import { decodeCursor, encodeCursor, ProblemSchema as Problem, type Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { MAX_DAYS, REASON_MAX, REASON_MIN } from './commands.ts';
import { logPage, sanctionOf, warningsOf, type LogEntry, type ModerationDb, type Warning } from './store.ts';

const MemberParams = Type.Object({ memberId: Type.String({ minLength: 1, maxLength: 100 }) });
const Reason = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: `Why, in ${REASON_MIN} to ${REASON_MAX} characters; the member reads it`,
});
const moderator = { access: 'moderator', kind: 'api' } as const;

const SanctionSchema = Type.Union([
  Type.Object({
    until: Type.Union([Type.String(), Type.Null()], { description: 'null: banned' }),
    reason: Type.String(),
    moderatorId: Type.String(),
    at: Type.String(),
  }),
  Type.Null(),
]);
const WarningSchema = Type.Object({
  warningId: Type.String(),
  reason: Type.String(),
  at: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const LogSchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  moderatorId: Type.Union([Type.String(), Type.Null()], {
    description: 'null: the site (a suspension that ran out)',
  }),
  memberId: Type.String(),
  action: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  until: Type.Union([Type.String(), Type.Null()]),
});

export function logJson(entry: LogEntry) {
  return { ...entry };
}

const warningJson = (w: Warning) => ({ warningId: w.id, reason: w.reason, at: w.at, readAt: w.readAt });

/** What the moderation routes and pages work with. */
export interface ModerationDeps {
  db: ModerationDb;
  commands: Commands;
}

export function moderationRoutes(http: Http, deps: ModerationDeps): void {
  memberStandingRoute(http, deps);
  sanctionRoutes(http, deps);
  decisionLogRoute(http, deps);
  yourWarningsRoutes(http, deps);
}

/** A member's standing, for moderators: the sanction in force and every warning. */
function memberStandingRoute(http: Http, { db }: ModerationDeps): void {
  http.get(
    '/api/v1/moderation/members/:memberId',
    {
      config: moderator,
      schema: {
        summary: 'A member’s standing: the sanction in force and their warnings',
        tags: ['moderation'],
        params: MemberParams,
        response: {
          200: Type.Object({
            memberId: Type.String(),
            sanction: SanctionSchema,
            warnings: Type.Array(WarningSchema),
          }),
        },
      },
    },
    async (request) => {
      const { memberId } = request.params;
      const [sanction, warnings] = await Promise.all([sanctionOf(db, memberId), warningsOf(db, memberId)]);
      return {
        memberId,
        sanction: sanction
          ? {
              until: sanction.until,
              reason: sanction.reason,
              moderatorId: sanction.moderatorId,
              at: sanction.at,
            }
          : null,
        warnings: warnings.map(warningJson),
      };
    },
  );
}

/** Warning a member, suspending or banning them, and lifting it. */
function sanctionRoutes(http: Http, { commands: run }: ModerationDeps): void {
  http.post(
    '/api/v1/moderation/members/:memberId/warnings',
    {
      config: moderator,
      schema: {
        summary: 'Warn a member',
        description: 'The warning stands in front of the member’s next page until they say they read it.',
        tags: ['moderation'],
        params: MemberParams,
        body: Type.Object({ reason: Reason }),
        response: { 201: Type.Object({ warningId: Type.String() }), 404: Problem },
      },
    },
    async (request, reply) => {
      const warningId = await run.warn(
        request.viewer!.memberId,
        request.params.memberId,
        request.body.reason,
      );
      return reply.code(201).send({ warningId });
    },
  );

  http.put(
    '/api/v1/moderation/members/:memberId/suspension',
    {
      config: moderator,
      schema: {
        summary: 'Suspend a member for some days, or ban them (days null)',
        description:
          'At once: their sessions end, their live channels close, and they vanish from search, news, online lists, suggestions and profiles; flirts and messages to them are refused. A sanction in force is replaced.',
        tags: ['moderation'],
        params: MemberParams,
        body: Type.Object({
          reason: Reason,
          days: Type.Union([Type.Integer(), Type.Null()], {
            description: `1 to ${MAX_DAYS} days, or null for a ban`,
          }),
        }),
        response: {
          200: Type.Object({ memberId: Type.String(), until: Type.Union([Type.String(), Type.Null()]) }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const { memberId } = request.params;
      const until = await run.suspend(
        request.viewer!.memberId,
        memberId,
        request.body.reason,
        request.body.days,
      );
      return { memberId, until };
    },
  );

  http.post(
    '/api/v1/moderation/members/:memberId/suspension/lift',
    {
      config: moderator,
      schema: {
        summary: 'Lift a suspension or ban',
        description: 'The member can log in again and is seen everywhere again; 409 when there is none.',
        tags: ['moderation'],
        params: MemberParams,
        body: Type.Object({ reason: Reason }),
        response: { 204: Type.Null(), 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await run.lift(request.viewer!.memberId, request.params.memberId, request.body.reason);
      return reply.code(204).send(null);
    },
  );
}

/** The log of every moderator decision, newest first. */
function decisionLogRoute(http: Http, { db }: ModerationDeps): void {
  http.get(
    '/api/v1/moderation/log',
    {
      config: moderator,
      schema: {
        summary: 'Who decided what, when and why: every moderator decision, newest first',
        tags: ['moderation'],
        querystring: Type.Object({
          memberId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(LogSchema), next: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const before = decodeCursor(request.query.cursor);
      const items = await logPage(db, { limit, memberId: request.query.memberId, before });
      const last = items.at(-1);
      return { items: items.map(logJson), next: items.length === limit && last ? encodeCursor(last) : null };
    },
  );
}

/** A member's own warnings, and saying they read one. */
function yourWarningsRoutes(http: Http, { db, commands: run }: ModerationDeps): void {
  http.get(
    '/api/v1/warnings',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'The warnings moderators gave me',
        tags: ['moderation'],
        response: { 200: Type.Object({ items: Type.Array(WarningSchema) }) },
      },
    },
    async (request) => {
      const warnings = await warningsOf(db, request.viewer!.memberId);
      return { items: warnings.map(warningJson) };
    },
  );

  http.post(
    '/api/v1/warnings/:warningId/read',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Say I read a warning',
        tags: ['moderation'],
        params: Type.Object({ warningId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await run.read(request.viewer!.memberId, request.params.warningId);
      return reply.code(204).send(null);
    },
  );
}
