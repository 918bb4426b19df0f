import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import { languageOf, translator } from '@meetcute/web';
import { messages } from './messages.ts';
import { LIMITS, reason } from './rules.ts';
import type { Matching } from './service.ts';
import { suggestionViews } from './views.ts';

export const SuggestionsQuery = Type.Object({
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: LIMITS.suggestions.max, default: LIMITS.suggestions.default }),
  ),
});

export function matchingRoutes(http: Http, matching: Matching, profiles: ProfileDirectory): void {
  http.get(
    '/api/v1/suggestions',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary: 'Members mutually compatible with me, best first',
        description:
          'Each fits what the other looks for (gender, age, distance within the smaller limit). More shared interests first, then nearer. Never blocked members, never oneself, never members in review.',
        tags: ['matching'],
        querystring: SuggestionsQuery,
        response: {
          200: Type.Object({
            suggestions: Type.Array(
              Type.Object({
                member: Type.Object({
                  memberId: Type.String(),
                  nickname: Type.String(),
                  age: Type.Integer(),
                  cityLabel: Type.String(),
                }),
                reason: Type.String({
                  description: 'e.g. "3 shared interests, 12 km away", in the caller’s language',
                }),
                sharedInterests: Type.Array(Type.String()),
                distanceKm: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const say = translator(messages, languageOf(request));
      const views = await suggestionViews(
        matching,
        profiles,
        request.viewer!.memberId,
        request.query.limit ?? LIMITS.suggestions.default,
      );
      return {
        suggestions: views.map((s) => ({
          member: {
            memberId: s.member.memberId,
            nickname: s.member.nickname,
            age: s.member.age,
            cityLabel: s.member.city.label,
          },
          reason: reason(say, s),
          sharedInterests: s.sharedInterests,
          distanceKm: s.distanceKm,
        })),
      };
    },
  );
}
