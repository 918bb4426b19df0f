import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { PAGE_SIZE } from './rules.ts';
import { subjectOf, type Flags } from '@meetcute/flags';
import { PHOTOS_FLAG, withPhotos, type NewsReads } from './views.ts';

const Item = Type.Object({
  itemId: Type.String({
    description: 'The diary post id, the photo id, or an id for the new-member item',
  }),
  kind: Type.Union([Type.Literal('new-member'), Type.Literal('diary-post'), Type.Literal('photo')]),
  member: Type.Object({
    memberId: Type.String({ format: 'uuid' }),
    nickname: Type.String(),
    age: Type.Integer({ description: 'Whole years today, counted where the member lives' }),
    cityLabel: Type.String(),
  }),
  text: Type.Optional(Type.String({ description: 'The diary post as it reads now' })),
  photo: Type.Optional(
    Type.Object(
      { thumb: Type.String(), full: Type.String() },
      { description: 'A photo item’s photo: 240×240 for the card, and the full size' },
    ),
  ),
  at: Type.String({
    format: 'date-time',
    description: 'When the member joined or posted, or when their photo was approved',
  }),
});

const Page = Type.Object({
  items: Type.Array(Item),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as `cursor` for the next, older page; null on the last page',
  }),
});

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ description: 'The nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default })),
});

export function newsRoutes(http: Http, commands: Commands, reads: NewsReads, flags: Flags): void {
  const api = { access: 'approved', kind: 'api' } as const;

  http.get(
    '/api/v1/news',
    {
      config: api,
      schema: {
        summary:
          'My news, newest first: new members, diary posts and new photos by members who fit what I look for (gender, age, distance)',
        tags: ['news'],
        querystring: PageQuery,
        response: { 200: Page },
      },
    },
    async (request) => {
      const [all, photos] = await Promise.all([
        reads.page(request.viewer!.memberId, request.query.cursor, request.query.limit),
        flags.isOn(PHOTOS_FLAG, subjectOf(request)),
      ]);
      const page = withPhotos(all, photos);
      return {
        items: page.items.map((i) => ({
          itemId: i.itemId,
          kind: i.kind,
          member: i.member,
          ...(i.text === undefined ? {} : { text: i.text }),
          ...(i.photo === undefined ? {} : { photo: i.photo }),
          at: i.at,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  http.post(
    '/api/v1/news/seen',
    {
      config: api,
      schema: {
        summary: 'Mark my news as seen up to its newest item; the news counter drops to zero',
        tags: ['news'],
        response: {
          200: Type.Object({
            upTo: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
              description: 'Everything up to this time counts as seen; null while my news is empty',
            }),
            unseen: Type.Integer({
              description: 'Items newer than that; counted up to 100, which means 100 or more',
            }),
          }),
        },
      },
    },
    async (request) => {
      const memberId = request.viewer!.memberId;
      const { upTo } = await commands.markSeen(memberId);
      return { upTo, unseen: await reads.unseen(memberId, subjectOf(request)) };
    },
  );
}
