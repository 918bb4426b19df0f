import type { Http, ServiceRegistry } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  MEMBER_ACTIONS,
  cardFacts,
  languageOf,
  sendMemberList,
  translator,
  type HomeContribution,
  type MemberAction,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { SuggestionsQuery } from './routes.ts';
import { LIMITS, sharedNote } from './rules.ts';
import type { Matching } from './service.ts';
import { suggestionViews } from './views.ts';

export function matchingPages(
  http: Http,
  matching: Matching,
  profiles: ProfileDirectory,
  services: ServiceRegistry,
): void {
  http.get(
    '/suggestions',
    { config: { access: 'approved', kind: 'page' }, schema: { hide: true, querystring: SuggestionsQuery } },
    async (request, reply) => {
      const t = translator(messages, languageOf(request));
      const views = await suggestionViews(
        matching,
        profiles,
        request.viewer!.memberId,
        request.query.limit ?? LIMITS.suggestions.default,
      );
      return sendMemberList(request, reply, {
        words: { title: t('title'), intro: t('explain'), empty: t('empty') },
        next: 'search',
        actions: services.contributions<MemberAction>(MEMBER_ACTIONS),
        members: views.map((s) => ({
          ...cardFacts(s.member),
          distanceKm: s.distanceKm,
          note: sharedNote(t, s),
        })),
      });
    },
  );
}

/** The head of the suggestions on a member's home page, best first, with the link to all of them. */
export function suggestionsHome(matching: Matching, profiles: ProfileDirectory): HomeContribution {
  return {
    section: 'suggestions',
    async read(request, limit) {
      const t = translator(messages, languageOf(request));
      const views = await suggestionViews(matching, profiles, request.viewer!.memberId, limit);
      return {
        cards: views.map((s) => ({
          ...cardFacts(s.member),
          distanceKm: s.distanceKm,
          note: sharedNote(t, s),
        })),
        more: { href: '/suggestions', label: t('all') },
      };
    },
  };
}
