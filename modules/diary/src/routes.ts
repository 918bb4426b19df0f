import { ProblemSchema as Problem } from '@meetcute/core';
import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { LIMITS } from './rules.ts';
import type { DiaryReads } from './views.ts';

const Uuid = Type.String({ format: 'uuid' });

export const Post = Type.Object({
  postId: Type.String(),
  memberId: Type.String(),
  text: Type.String(),
  postedAt: Type.String({ format: 'date-time' }),
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the author last changed it; null if never',
  }),
});

// Bounded generously here; the 2,000-character rule applies after trimming, in rules.ts.
const Text = Type.Object({
  text: Type.String({ maxLength: 20000, description: '1 to 2,000 characters after trimming' }),
});

export const ListQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'The nextCursor of the previous page; omit for the newest' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max, default: LIMITS.page.default })),
});

const api = { access: 'approved', kind: 'api' } as const;
const PostParams = Type.Object({ postId: Uuid });

/** The diary API: the member's own posts, written, changed and deleted, and any member's diary. */
export function diaryRoutes(http: Http, commands: Commands, reads: DiaryReads): void {
  writingRoutes(http, commands);
  diaryRoute(http, reads);
}

/** Writing, changing and deleting the member's own posts. */
function writingRoutes(http: Http, commands: Commands): void {
  http.post(
    '/api/v1/diary',
    {
      config: api,
      schema: { summary: 'Write a diary post', tags: ['diary'], body: Text, response: { 201: Post } },
    },
    async (request, reply) => {
      const post = await commands.post(request.viewer!.memberId, request.body.text);
      return reply.code(201).send(post);
    },
  );

  http.put(
    '/api/v1/diary/:postId',
    {
      config: api,
      schema: {
        summary: 'Change one of my diary posts',
        tags: ['diary'],
        params: PostParams,
        body: Text,
        response: { 200: Post, 404: Problem },
      },
    },
    (request) => commands.edit(request.viewer!.memberId, request.params.postId, request.body.text),
  );

  http.delete(
    '/api/v1/diary/:postId',
    {
      config: api,
      schema: {
        summary: 'Delete one of my diary posts',
        tags: ['diary'],
        params: PostParams,
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await commands.remove(request.viewer!.memberId, request.params.postId);
      return reply.code(204).send(null);
    },
  );
}

/** A member's diary, one page at a time; 404 for a member the viewer cannot see. */
function diaryRoute(http: Http, reads: DiaryReads): void {
  http.get(
    '/api/v1/members/:memberId/diary',
    {
      config: api,
      schema: {
        summary: 'A member’s diary posts, newest first',
        tags: ['diary'],
        params: Type.Object({ memberId: Uuid }),
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Post),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: 'Pass as cursor for the next, older page; null on the last page',
            }),
          }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const page = await reads.page(request.viewer!.memberId, request.params.memberId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? LIMITS.page.default,
      });
      return { items: page.posts, nextCursor: page.nextCursor };
    },
  );
}
