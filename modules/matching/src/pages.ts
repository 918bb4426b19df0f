import type { Http, ServiceRegistry } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  MEMBER_ACTIONS,
  cardList,
  html,
  languageOf,
  memberActions,
  memberCard,
  sendPage,
  translator,
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
      const buttons = await memberActions(
        services.contributions<MemberAction>(MEMBER_ACTIONS),
        request,
        views.map((s) => s.member.memberId),
        'card',
      );
      const cards = views.map((s) =>
        memberCard(
          request,
          {
            memberId: s.member.memberId,
            nickname: s.member.nickname,
            age: s.member.age,
            gender: s.member.gender,
            cityLabel: s.member.city.label,
            distanceKm: s.distanceKm,
            note: sharedNote(t, s),
          },
          buttons(s.member.memberId),
        ),
      );
      return sendPage(request, reply, {
        title: t('title'),
        body: html`<h1>${t('title')}</h1>
          <p>${t('explain')}</p>
          ${cardList(cards, t('empty'))}`,
      });
    },
  );
}
