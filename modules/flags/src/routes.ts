import { Type, type Static } from 'typebox';
import { ProblemSchema as Problem, problems, type Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { auditOf, flagByKey, allFlags, type FlagsDb } from './store.ts';
import { evaluate, NO_TARGETING, type Flag, type Targeting } from './rules.ts';
import type { Flags } from './evaluation.ts';
import { subjectOf } from './subject.ts';
import type { Reach } from './reach.ts';

/** The operators' API: an operator with a second factor. */
export const OPS_API = { access: 'operator', kind: 'api' } as const;

const Word = Type.String({ maxLength: 64 });
const List = Type.Array(Word, { maxItems: 1000 });
export const TargetingBody = Type.Object({
  members: Type.Optional(List),
  roles: Type.Optional(List),
  countries: Type.Optional(List),
  languages: Type.Optional(List),
});

const TargetingJson = Type.Object({
  members: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
});

export const FlagJson = Type.Object({
  key: Type.String(),
  description: Type.String(),
  variants: Type.Array(Type.String(), {
    description: 'Empty for an on/off flag; the first is what members outside get',
  }),
  ramp: Type.Integer({ description: 'Percent of the targeted members who get it' }),
  targeting: TargetingJson,
  killed: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  changedAt: Type.String({ format: 'date-time' }),
});

const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) });

export function targetingOf(body: Static<typeof TargetingBody> | undefined): Targeting {
  return { ...NO_TARGETING, ...body };
}

export interface RouteDeps {
  db: FlagsDb;
  commands: Commands;
  flags: Flags;
  reach: (flag: Flag) => Promise<Reach>;
}

async function mustFlag(db: FlagsDb, key: string): Promise<Flag> {
  const flag = await flagByKey(db, key);
  if (!flag) throw problems.notFound('This flag');
  return flag;
}

/** The flags API for operators under /api/v1/ops/flags, and a member's own answer at /api/v1/flags/:key. */
export function flagRoutes(http: Http, deps: RouteDeps): void {
  listAndCreate(http, deps);
  flagChanges(http, deps);
  evaluations(http, deps);
  servedRoute(http, deps);
}

function listAndCreate(http: Http, { db, commands }: RouteDeps): void {
  http.get(
    '/api/v1/ops/flags',
    {
      config: OPS_API,
      schema: {
        summary: 'Every feature flag',
        tags: ['flags'],
        response: { 200: Type.Object({ flags: Type.Array(FlagJson) }) },
      },
    },
    async () => ({ flags: await allFlags(db) }),
  );
  http.post(
    '/api/v1/ops/flags',
    {
      config: OPS_API,
      schema: {
        summary: 'Create a feature flag',
        description:
          'No variants: an on/off flag. The ramp (default 0) is the share of targeted members who get it.',
        tags: ['flags'],
        body: Type.Object({
          key: Word,
          description: Type.Optional(Type.String({ maxLength: 2000 })),
          variants: Type.Optional(Type.Array(Word, { maxItems: 20 })),
          ramp: Type.Optional(Type.Integer()),
          targeting: Type.Optional(TargetingBody),
        }),
        response: { 201: FlagJson },
      },
    },
    async (request, reply) => {
      const { key, description = '', variants = [], ramp = 0, targeting } = request.body;
      await commands.create(request.viewer!.memberId, {
        key,
        description,
        variants,
        ramp,
        targeting: targetingOf(targeting),
      });
      return reply.code(201).send(await mustFlag(db, key));
    },
  );
  http.get(
    '/api/v1/ops/flags/:key',
    {
      config: OPS_API,
      schema: {
        summary: 'A flag and its changes, newest first',
        tags: ['flags'],
        params: KeyParams,
        response: {
          200: Type.Object({
            flag: FlagJson,
            audit: Type.Array(
              Type.Object({
                at: Type.String({ format: 'date-time' }),
                actorId: Type.Union([Type.String(), Type.Null()]),
                action: Type.String({ description: 'created, targeted, ramped, killed or revived' }),
                detail: Type.Record(Type.String(), Type.Unknown(), {
                  description: 'What changed: before and after',
                }),
              }),
            ),
          }),
          404: Problem,
        },
      },
    },
    async (request) => ({
      flag: await mustFlag(db, request.params.key),
      audit: await auditOf(db, request.params.key),
    }),
  );
}

function flagChanges(http: Http, { db, commands }: RouteDeps): void {
  const response = { 200: FlagJson, 404: Problem };
  http.put(
    '/api/v1/ops/flags/:key/targeting',
    {
      config: OPS_API,
      schema: {
        summary: 'Say whom a flag is for',
        tags: ['flags'],
        params: KeyParams,
        body: TargetingBody,
        response,
      },
    },
    async (request) => {
      await commands.target(request.viewer!.memberId, request.params.key, targetingOf(request.body));
      return mustFlag(db, request.params.key);
    },
  );
  http.put(
    '/api/v1/ops/flags/:key/ramp',
    {
      config: OPS_API,
      schema: {
        summary: 'Move a flag to a share of members',
        description:
          'Raising the share keeps every member who had the flag: a stable hash of (flag, member) decides.',
        tags: ['flags'],
        params: KeyParams,
        body: Type.Object({ ramp: Type.Integer() }),
        response,
      },
    },
    async (request) => {
      await commands.ramp(request.viewer!.memberId, request.params.key, request.body.ramp);
      return mustFlag(db, request.params.key);
    },
  );
  for (const [action, summary] of [
    ['kill', 'Pull the kill switch: off for everyone at once'],
    ['revive', 'Release the kill switch: the ramp and targeting apply again'],
  ] as const) {
    http.post(
      `/api/v1/ops/flags/:key/${action}`,
      { config: OPS_API, schema: { summary, tags: ['flags'], params: KeyParams, response } },
      async (request) => {
        await commands[action](request.viewer!.memberId, request.params.key);
        return mustFlag(db, request.params.key);
      },
    );
  }
}

const Subject = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  roles: Type.Optional(Type.Array(Word, { maxItems: 20 })),
  country: Type.Optional(Word),
  language: Type.Optional(Word),
});

/** Who a flag would reach, before or after a change: the same decision members get, nothing recorded. */
function evaluations(http: Http, { db, reach }: RouteDeps): void {
  http.get(
    '/api/v1/ops/flags/:key/reach',
    {
      config: OPS_API,
      schema: {
        summary: 'How many members the flag reaches now',
        description:
          'Counted over every member by the decision their requests get: roles held (with a second factor), the country they live in, the language they signed up in, and the hash of (flag, member).',
        tags: ['flags'],
        params: KeyParams,
        response: {
          200: Type.Object({
            reached: Type.Integer(),
            of: Type.Integer(),
            variants: Type.Array(Type.Object({ variant: Type.String(), members: Type.Integer() })),
          }),
          404: Problem,
        },
      },
    },
    async (request) => reach(await mustFlag(db, request.params.key)),
  );
  http.post(
    '/api/v1/ops/flags/:key/evaluations',
    {
      config: OPS_API,
      schema: {
        summary: 'Which of these members the flag reaches, and with which variant',
        tags: ['flags'],
        params: KeyParams,
        body: Type.Object({ members: Type.Array(Subject, { maxItems: 10_000 }) }),
        response: {
          200: Type.Object({
            reached: Type.Integer(),
            of: Type.Integer(),
            members: Type.Array(
              Type.Object({ memberId: Type.String(), on: Type.Boolean(), variant: Type.String() }),
            ),
          }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const flag = await mustFlag(db, request.params.key);
      const members = request.body.members.map((m) => ({ memberId: m.memberId, ...evaluate(flag, m) }));
      return {
        reached: members.filter((m) => m.on).length,
        of: members.length,
        members: members.map(({ memberId, on, variant }) => ({ memberId, on, variant })),
      };
    },
  );
}

/** What the caller is served: the answer a page gets, through the same one function. */
function servedRoute(http: Http, { db, flags }: RouteDeps): void {
  http.get(
    '/api/v1/flags/:key',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'What a flag says for me',
        description:
          'For a flag in a running experiment, the first answer records my exposure and my variant stays mine.',
        tags: ['flags'],
        params: KeyParams,
        response: {
          200: Type.Object({ key: Type.String(), on: Type.Boolean(), variant: Type.String() }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const flag = await mustFlag(db, request.params.key);
      const subject = subjectOf(request);
      if (flag.variants.length === 0) {
        const on = await flags.isOn(flag.key, subject, false);
        return { key: flag.key, on, variant: on ? 'on' : 'off' };
      }
      const variant = await flags.variant(flag.key, subject, flag.variants[0]!);
      return { key: flag.key, on: variant !== flag.variants[0], variant };
    },
  );
}
