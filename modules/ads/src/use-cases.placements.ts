import { emitted, useCase } from '@meetcute/core';
import { bob, nancy, otto } from '@meetcute/cast';
import { AlertsRead } from '@meetcute/alerts/events';
import { ProfileViewed } from '@meetcute/profile/events';
import { AdsShown } from './events.ts';
import {
  CAMPAIGN,
  clicked,
  figures,
  HEADLINE,
  listed,
  news,
  running,
  shown,
  SHOWN,
  SHOWN_AGAIN,
} from './use-cases.kit.ts';
import { densityUseCases } from './use-cases.density.ts';

/** The alerts and profile placements, what each placement counted, and each one's density as an experiment. */
export const placementUseCases = [
  useCase({
    title: 'Nancy sees the campaign at the top of her alerts, labelled Sponsored',
    given: running(),
    when: { as: nancy.memberId, method: 'GET', url: '/alerts', headers: { 'accept-language': 'fi' } },
    then: {
      status: 200,
      page: ['Sponsoroitu', HEADLINE, 'sponsored-block'],
      // Opening the alerts marks her welcome alert read, as it always does.
      events: [
        emitted(AlertsRead),
        emitted(AdsShown, {
          impressions: [{ campaignId: CAMPAIGN, memberId: nancy.memberId, placement: 'alerts' }],
        }),
      ],
    },
  }),
  useCase({
    title: 'Nancy sees the campaign on the profile page of a member she visits',
    given: running(),
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: {
      status: 200,
      page: ['Sponsored', HEADLINE],
      events: [
        emitted(ProfileViewed, { viewerId: nancy.memberId }),
        emitted(AdsShown, {
          impressions: [{ campaignId: CAMPAIGN, memberId: nancy.memberId, placement: 'profile' }],
        }),
      ],
    },
  }),
  useCase({
    title: 'No ad is shown inside a chat',
    given: running(),
    when: { as: nancy.memberId, method: 'GET', url: `/chats/${bob.memberId}` },
    then: { status: 200, pageLacks: [HEADLINE, 'Sponsored'] },
  }),
  useCase({
    title: 'Nancy’s open news page taking in new items by itself shows and counts no ad: it is no page view',
    given: running(),
    when: news(nancy.memberId, { 'x-meetcute-refresh': 'items' }),
    then: { status: 200, page: ['data-live="news"'], pageLacks: [HEADLINE, 'Sponsored'] },
  }),
  useCase({
    title: 'Nor does her open alerts page when it takes in a new alert',
    given: running(),
    when: { as: nancy.memberId, method: 'GET', url: '/alerts', headers: { 'x-meetcute-refresh': 'items' } },
    then: { status: 200, pageLacks: [HEADLINE, 'Sponsored'], events: [emitted(AlertsRead)] },
  }),
  useCase({
    title: 'Otto sees each placement’s impressions, members reached, clicks and click-through rate',
    given: [
      ...running(),
      shown(SHOWN),
      shown(SHOWN_AGAIN, nancy.memberId, 'alerts'),
      clicked(SHOWN_AGAIN, 'alerts'),
    ],
    when: figures,
    then: {
      status: 200,
      body: listed({
        metrics: {
          impressions: 2,
          clicks: 1,
          placements: [
            { placement: 'alerts', impressions: 1, reached: 1, clicks: 1, clickThroughRate: 1 },
            { placement: 'news', impressions: 1, reached: 1, clicks: 0, clickThroughRate: 0 },
          ],
        },
      }),
    },
  }),
  useCase({
    title: 'Otto’s campaign page shows the counts of each placement',
    given: [...running(), shown(SHOWN, nancy.memberId, 'profile'), clicked(SHOWN, 'profile')],
    when: { as: otto.memberId, method: 'GET', url: `/ops/ads/${CAMPAIGN}` },
    then: { status: 200, page: ['By placement', 'profile', '100.00%'] },
    endpoint: 'GET /ops/ads/:campaignId',
  }),
  useCase({
    title:
      'Otto’s campaign page, in Swedish, previews the creative in each placement and draws the days as a graph',
    given: [...running(), shown(SHOWN), shown(SHOWN_AGAIN, nancy.memberId, 'alerts'), clicked(SHOWN)],
    when: {
      as: otto.memberId,
      method: 'GET',
      url: `/ops/ads/${CAMPAIGN}`,
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 200,
      page: [
        'Förhandsvisning',
        'I nyhetsflödet, efter vart 5:e kort',
        'Överst bland notiserna (högst 1)',
        'Sponsrad',
        'Visningar och klick per dag',
        '<svg',
        '998 av 1000 visningar',
        'Pausa',
      ],
    },
    endpoint: 'GET /ops/ads/:campaignId',
  }),
  useCase({
    title: 'The ads console speaks Finnish',
    given: running(),
    when: { as: otto.memberId, method: 'GET', url: '/ops/ads', headers: { 'accept-language': 'fi' } },
    then: { status: 200, page: ['Kampanjat', 'Uusi kampanja', 'Näyttöbudjetti', 'käynnissä'] },
  }),
  ...densityUseCases,
];
