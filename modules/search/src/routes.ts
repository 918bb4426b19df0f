import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { CityDirectory } from '@meetcute/cities';
import { GenderSchema as Gender } from '@meetcute/registration';
import { translator } from '@meetcute/web';
import { messages } from './messages.ts';
import { single, SORTS, whole, type CityChoice, type RawQuery } from './rules.ts';
import { applied, type Searches } from './searches.ts';

// Parameters arrive as text and are read by rules.ts, so every mistake is named the same
// way on the API and the page; the schema only bounds their size and documents them.
const text = (description: string) => Type.Optional(Type.String({ maxLength: 100, description }));
const repeatable = (description: string) =>
  Type.Optional(
    Type.Union(
      [Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })],
      {
        description,
      },
    ),
  );

const SearchQuery = Type.Object({
  gender: repeatable('woman, man or nonbinary; repeat it or give a comma list. Default: whom you look for'),
  minAge: text('Whole years, 18–120. Default: your own lowest age'),
  maxAge: text('Whole years, 18–120, not below minAge. Default: your own highest age'),
  cityId: text('A place id from /api/v1/cities to measure from. Default: your own city'),
  maxDistanceKm: text('Whole km, 1–5000. Default: your own distance'),
  interest: repeatable('A tag; repeat it to find members who have all of them'),
  online: text('true to find only members online now. Default: false'),
  hasPhoto: text('true to find only members with a portrait a moderator approved. Default: false'),
  minHeight: text('Whole cm, 120–230: only members who tell a height at least this'),
  maxHeight: text('Whole cm, 120–230: only members who tell a height at most this'),
  goal: repeatable('friendship, dating, relationship or marriage; any of those given'),
  children: repeatable('none, want, dont-want or have; any of those given'),
  smoking: repeatable('no, sometimes or yes; any of those given'),
  language: repeatable('An ISO 639-1 code (sv, fi, en…); members who speak any of those given'),
  sort: text(`${SORTS.join(', ')}. Default: lastActive`),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor from the previous page' })),
  limit: text('Members per page, 1–50. Default: 20'),
});

const Sort = Type.Union([Type.Literal('lastActive'), Type.Literal('distance'), Type.Literal('newest')]);

const Hit = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  age: Type.Integer({ description: 'Whole years, counted where the member lives' }),
  gender: Gender,
  city: Type.Object({ id: Type.Integer(), label: Type.String() }),
  distanceKm: Type.Integer({ description: 'Great-circle from the search’s place, in whole km' }),
  interests: Type.Array(Type.String(), { description: 'Alphabetical' }),
  lastActiveAt: Type.String({ format: 'date-time' }),
});

const Applied = Type.Object(
  {
    genders: Type.Array(Gender),
    minAge: Type.Integer(),
    maxAge: Type.Integer(),
    cityId: Type.Integer(),
    maxDistanceKm: Type.Integer(),
    interests: Type.Array(Type.String()),
    onlineOnly: Type.Boolean(),
    hasPhoto: Type.Boolean(),
    sort: Sort,
  },
  { description: 'The search that ran, defaults filled in' },
);

export function searchRoutes(http: Http, run: Searches, cities: CityDirectory): void {
  const say = translator(messages, 'en');

  http.get(
    '/api/v1/search',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary:
          'Find approved members by gender, age, distance, interests and photo; what you leave out comes from your own preferences',
        tags: ['search'],
        querystring: SearchQuery,
        response: {
          200: Type.Object({
            results: Type.Array(Hit),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            applied: Applied,
          }),
        },
      },
    },
    async (request) => {
      const raw = request.query as RawQuery;
      const city: CityChoice = { field: 'cityId', chosen: undefined };
      const idText = single(raw, 'cityId');
      if (idText !== undefined) {
        const id = whole(idText, 1, 999_999_999);
        const place = Number.isNaN(id) ? undefined : cities.get(id);
        if (place) city.chosen = place;
        else city.problem = Number.isNaN(id) ? say('badCityId') : say('unknownCityId', { id });
      }
      const { criteria, found } = await run.run(request.viewer!.memberId, raw, city, say);
      return { ...found, applied: applied(criteria) };
    },
  );
}
