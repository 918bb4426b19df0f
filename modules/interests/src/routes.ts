import { ProblemSchema as Problem } from '@meetcute/core';
import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import { GenderSchema } from '@meetcute/registration';
import type { Commands } from './commands.ts';
import type { InterestReads } from './views.ts';

// Generous: the rules, not the schema, say how long a tag may be, in words a member understands.
const TagText = Type.String({ maxLength: 200 });
const TagParam = Type.Object({
  tag: Type.String({ minLength: 1, maxLength: 200, description: 'A tag, URL-encoded' }),
});
const Interests = Type.Object({
  interests: Type.Array(Type.String(), { description: 'Normalised tags, sorted' }),
});
const TagMember = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  age: Type.Integer(),
  gender: GenderSchema,
  city: Type.Object({ id: Type.Integer(), label: Type.String(), country: Type.String() }),
  distanceKm: Type.Union([Type.Integer(), Type.Null()], {
    description: 'From my city, great-circle, in whole km',
  }),
  addedAt: Type.String({ format: 'date-time', description: 'When they added the tag' }),
});
export const ListQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor from the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

/** What the interests API reads and runs. */
export interface RouteDeps {
  commands: Commands;
  reads: InterestReads;
}

const api = { access: 'approved', kind: 'api' } as const;

/** The interests API: the member's own tags, another member's, and the members with a tag. */
export function interestRoutes(http: Http, deps: RouteDeps): void {
  myInterestRoutes(http, deps);
  memberInterestsRoute(http, deps.reads);
  tagMembersRoute(http, deps.reads);
}

/** The member's own interests: listed, added, removed. */
function myInterestRoutes(http: Http, { commands, reads }: RouteDeps): void {
  http.get(
    '/api/v1/interests/mine',
    {
      config: api,
      schema: {
        summary: 'My interests, sorted',
        tags: ['interests'],
        response: { 200: Interests },
      },
    },
    async (request) => ({ interests: await reads.mine(request.viewer!.memberId) }),
  );

  http.post(
    '/api/v1/interests',
    {
      config: api,
      schema: {
        summary:
          'Add an interest to my profile: 2–30 letters, digits, spaces or hyphens, lower-cased; at most 20',
        tags: ['interests'],
        body: Type.Object({ tag: TagText }),
        response: {
          201: Type.Object({ tag: Type.String({ description: 'The tag as normalised and stored' }) }),
          200: Type.Object({ tag: Type.String({ description: 'I already had it; nothing changed' }) }),
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { tag, added } = await commands.add(request.viewer!.memberId, request.body.tag);
      return reply.code(added ? 201 : 200).send({ tag });
    },
  );

  http.delete(
    '/api/v1/interests/:tag',
    {
      config: api,
      schema: {
        summary: 'Remove an interest from my profile',
        tags: ['interests'],
        params: TagParam,
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      const { removed } = await commands.remove(request.viewer!.memberId, request.params.tag);
      if (!removed) throw problems.notFound('This interest of yours');
      return reply.code(204).send(null);
    },
  );
}

/** Another member's interests, as their profile shows them. */
function memberInterestsRoute(http: Http, reads: InterestReads): void {
  http.get(
    '/api/v1/members/:memberId/interests',
    {
      config: api,
      schema: {
        summary: 'A member’s interests, sorted',
        tags: ['interests'],
        params: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        response: { 200: Interests, 404: Problem },
      },
    },
    async (request) => ({
      interests: await reads.of(request.viewer!.memberId, request.params.memberId),
    }),
  );
}

/** The members with a tag, a page at a time. */
function tagMembersRoute(http: Http, reads: InterestReads): void {
  http.get(
    '/api/v1/interests/:tag/members',
    {
      config: api,
      schema: {
        summary: 'Members with an interest, who added it most recently first',
        tags: ['interests'],
        params: TagParam,
        querystring: ListQuery,
        response: {
          200: Type.Object({
            tag: Type.String({ description: 'The tag as normalised' }),
            members: Type.Array(TagMember),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) =>
      reads.withTag(request.viewer!.memberId, {
        tag: request.params.tag,
        cursor: request.query.cursor,
        limit: request.query.limit ?? 20,
      }),
  );
}
