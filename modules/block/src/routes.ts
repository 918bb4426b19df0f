import { ProblemSchema as Problem } from '@meetcute/core';
import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { blockedBy, type BlockDb } from './store.ts';

const MemberId = Type.String({ format: 'uuid' });

export interface Names {
  nickname(memberId: string): Promise<string | null>;
  /** Where the member lives, for the dates on their pages. */
  timeZone(memberId: string): Promise<string>;
}

/** What the block routes and pages work with. */
export interface BlockDeps {
  db: BlockDb;
  commands: Commands;
  names: Names;
}

const api = { access: 'approved', kind: 'api' } as const;

export function blockRoutes(http: Http, deps: BlockDeps): void {
  blockingRoutes(http, deps);
  blockListRoute(http, deps);
}

/** Blocking a member, and lifting the block. */
function blockingRoutes(http: Http, { commands }: BlockDeps): void {
  http.post(
    '/api/v1/blocks',
    {
      config: api,
      schema: {
        summary: 'Block a member: each of you disappears from the other everywhere',
        tags: ['block'],
        body: Type.Object({
          memberId: MemberId,
          hours: Type.Optional(
            Type.Integer({ description: 'A temporary block of 24 or 168 hours: it lifts itself then' }),
          ),
        }),
        response: {
          201: Type.Object({ memberId: Type.String(), blocked: Type.Literal(true) }),
          200: Type.Object({ memberId: Type.String(), blocked: Type.Literal(true) }),
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const isNew = await commands.block(
        request.viewer!.memberId,
        request.body.memberId,
        request.body.hours ?? null,
      );
      return reply.code(isNew ? 201 : 200).send({ memberId: request.body.memberId, blocked: true as const });
    },
  );

  http.delete(
    '/api/v1/blocks/:memberId',
    {
      config: api,
      schema: {
        summary: 'Lift a block: what it hid comes back; the alerts and feed items it removed do not',
        tags: ['block'],
        params: Type.Object({ memberId: MemberId }),
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await commands.unblock(request.viewer!.memberId, request.params.memberId);
      return reply.code(204).send(null);
    },
  );
}

function blockListRoute(http: Http, { db, names }: BlockDeps): void {
  http.get(
    '/api/v1/blocks',
    {
      config: api,
      schema: {
        summary: 'The members I blocked, most recent first',
        tags: ['block'],
        response: {
          200: Type.Object({
            blocks: Type.Array(
              Type.Object({
                memberId: Type.String(),
                nickname: Type.Union([Type.String(), Type.Null()]),
                blockedAt: Type.String({ format: 'date-time' }),
                until: Type.Union([Type.String(), Type.Null()], {
                  description: 'When a temporary block lifts itself; null: until unblocked',
                }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const entries = await blockedBy(db, request.viewer!.memberId);
      return {
        blocks: await Promise.all(
          entries.map(async (e) => ({ ...e, nickname: await names.nickname(e.memberId) })),
        ),
      };
    },
  );
}
