import { emitted, given, useCase, type Given } from '@meetcute/core';
import { approved, bob, DAY_BEFORE, nancy, otto } from '@meetcute/cast';
import { NewsSeen } from '@meetcute/news/events';
import { AlertsRead } from '@meetcute/alerts/events';
import { CityChanged } from '@meetcute/registration/events';
import { MemberDeleted } from '@meetcute/auth/events';
import {
  AdClicked,
  AdHidden,
  AdsShown,
  CampaignCreated,
  CampaignEdited,
  CampaignStatusChanged,
  type HideReason,
} from './events.ts';
import {
  body,
  CAMPAIGN,
  clicked,
  create,
  CREATIVE,
  figures,
  listed,
  HEADLINE,
  news,
  running,
  sailing,
  shown,
  shownAlone,
  SHOWN,
  SHOWN_AGAIN,
  URL,
} from './use-cases.kit.ts';
import { placementUseCases as morePlacements } from './use-cases.placements.ts';
import { targetingUseCases } from './use-cases.targeting.ts';
import { countingUseCases } from './use-cases.counting.ts';

/** Nancy hides the ad she was shown, from the page `back` names; she lands on `lands`. */
/** Nancy's hide form for the ad she was shown, as the page sends it. */
const hide = (body: Record<string, string>) =>
  ({ as: nancy.memberId, method: 'POST', url: `/ads/hide/${SHOWN}`, form: true, body }) as const;
const hiding = (title: string, o: { reason: HideReason; back: string; lands: string }) =>
  useCase({
    title,
    given: [...running(), shown(SHOWN)],
    when: hide({ reason: o.reason, back: o.back }),
    then: {
      status: 303,
      location: o.lands,
      events: [emitted(AdHidden, { campaignId: CAMPAIGN, memberId: nancy.memberId, reason: o.reason })],
    },
    endpoint: 'POST /ads/hide/:impressionId',
  });

const yesterday = (shownThen: Given): Given => ({ ...shownThen, at: DAY_BEFORE });

export const operatorUseCases = [
  useCase({
    title: 'Otto creates a campaign for women 25–35 near Stockholm',
    given: approved(otto),
    when: create(otto.memberId),
    then: {
      status: 201,
      events: [
        emitted(CampaignCreated, {
          operatorId: otto.memberId,
          terms: {
            name: 'Summer sailing',
            targeting: { genders: ['woman'], near: { label: 'Stockholm, Sweden', radiusKm: 30 } },
          },
        }),
      ],
    },
  }),
  useCase({
    title: 'A member who is not an operator cannot create a campaign',
    given: approved(nancy),
    when: create(nancy.memberId),
    then: { status: 403 },
  }),
  useCase({
    title: 'Without logging in no one creates a campaign',
    when: { method: 'POST', url: '/api/v1/ads/campaigns', body },
    then: { status: 401 },
  }),
  useCase({
    title:
      'A campaign that ends before it starts, leads to a script or names no known place is refused, field by field',
    given: approved(otto),
    when: create(otto.memberId, {
      ...body,
      endsAt: '2026-04-01T00:00:00.000Z',
      targeting: { ...body.targeting, near: { city: 'Atlantis', radiusKm: 30 } },
      creatives: [{ headline: HEADLINE, text: '', url: 'javascript:alert(1)' }],
    }),
    then: {
      status: 400,
      body: {
        errors: [{ field: 'targeting.near.city' }, { field: 'endsAt' }, { field: 'creatives.0.url' }],
      },
    },
  }),
  useCase({
    title: 'Otto changes a campaign’s terms',
    given: running(),
    when: {
      as: otto.memberId,
      method: 'PUT',
      url: `/api/v1/ads/campaigns/${CAMPAIGN}`,
      body: { ...body, dailyCap: 50 },
    },
    then: {
      status: 204,
      events: [emitted(CampaignEdited, { campaignId: CAMPAIGN, terms: { dailyCap: 50 } })],
    },
    endpoint: 'PUT /api/v1/ads/campaigns/:campaignId',
  }),
  useCase({
    title: 'Otto pauses a campaign',
    given: running(),
    when: {
      as: otto.memberId,
      method: 'POST',
      url: `/api/v1/ads/campaigns/${CAMPAIGN}/status`,
      body: { status: 'paused' },
    },
    then: {
      status: 204,
      events: [emitted(CampaignStatusChanged, { campaignId: CAMPAIGN, status: 'paused' })],
    },
    endpoint: 'POST /api/v1/ads/campaigns/:campaignId/status',
  }),
  useCase({
    title: 'An ended campaign cannot run again',
    given: [
      ...running(),
      given(CampaignStatusChanged, { campaignId: CAMPAIGN, operatorId: otto.memberId, status: 'ended' }),
    ],
    when: {
      as: otto.memberId,
      method: 'POST',
      url: `/api/v1/ads/campaigns/${CAMPAIGN}/status`,
      body: { status: 'active' },
    },
    then: { status: 409 },
    endpoint: 'POST /api/v1/ads/campaigns/:campaignId/status',
  }),
  useCase({
    title: 'Otto sees a campaign’s impressions, members reached, clicks, click-through rate and budget left',
    given: [...running(), shown(SHOWN), shown(SHOWN_AGAIN), clicked(SHOWN)],
    when: figures,
    then: {
      status: 200,
      body: listed({
        status: 'active',
        metrics: {
          impressions: 2,
          reached: 1,
          clicks: 1,
          clickThroughRate: 0.5,
          budgetLeft: 998,
          days: [
            {
              day: '2026-06-01',
              impressions: 2,
              reached: 1,
              clicks: 1,
              clickThroughRate: 0.5,
              budgetLeft: 998,
            },
          ],
          placements: [{ placement: 'news', impressions: 2, reached: 1, clicks: 1 }],
        },
      }),
    },
  }),
];

export const placementUseCases = [
  useCase({
    title:
      'Nancy (31, Stockholm) sees the campaign in her news, labelled Sponsored, and the impression is counted',
    given: running(),
    when: news(nancy.memberId),
    then: {
      status: 200,
      page: ['Sponsored', HEADLINE, '/ads/click/'],
      events: [
        emitted(AdsShown, {
          impressions: [
            {
              campaignId: CAMPAIGN,
              creativeId: CREATIVE,
              memberId: nancy.memberId,
              placement: 'news',
            },
          ],
        }),
      ],
    },
  }),
  useCase({
    title: 'In Swedish the ad says Sponsrad',
    given: running(),
    when: news(nancy.memberId, { 'accept-language': 'sv' }),
    then: { status: 200, page: ['Sponsrad', HEADLINE], events: [emitted(AdsShown)] },
  }),
  useCase({
    title: 'Bob (a man in Uppsala) is not shown a campaign for women near Stockholm',
    given: running(),
    when: news(bob.memberId),
    then: { status: 200, pageLacks: [HEADLINE, 'Sponsored'], events: [emitted(NewsSeen)] },
  }),
  useCase({
    title: 'A paused campaign is not shown',
    given: [
      ...running(),
      given(CampaignStatusChanged, { campaignId: CAMPAIGN, operatorId: otto.memberId, status: 'paused' }),
    ],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'A campaign whose impression budget is spent stops',
    given: [...running({ ...sailing, impressionBudget: 2 }), shown(SHOWN), shown(SHOWN_AGAIN, bob.memberId)],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'A member is shown a campaign no more often a day than its frequency cap',
    given: [...running({ ...sailing, frequencyCap: 2 }), shown(SHOWN), shown(SHOWN_AGAIN)],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'Impressions a log holds one event each (before they were batched) count as ever',
    given: [...running({ ...sailing, frequencyCap: 2 }), shownAlone(SHOWN), shown(SHOWN_AGAIN)],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'A campaign shown as often today as its daily cap waits for tomorrow',
    given: [
      ...running({ ...sailing, dailyCap: 2 }),
      shown(SHOWN, bob.memberId),
      shown(SHOWN_AGAIN, bob.memberId),
    ],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title:
      'The caps start again each day: shown to Nancy as often as they allow yesterday, the campaign is in her news today',
    given: [
      ...running({ ...sailing, dailyCap: 2, frequencyCap: 2 }),
      yesterday(shown(SHOWN)),
      yesterday(shown(SHOWN_AGAIN)),
    ],
    when: news(nancy.memberId),
    then: {
      status: 200,
      page: [HEADLINE],
      events: [emitted(AdsShown, { impressions: [{ campaignId: CAMPAIGN }] })],
    },
  }),
];

const HELSINKI = {
  id: 658225,
  name: 'Helsinki',
  label: 'Helsinki, Finland',
  country: 'FI',
  latitude: 60.16952,
  longitude: 24.93545,
  timeZone: 'Europe/Helsinki',
};

export const changeUseCases = [
  useCase({
    title: 'An edited campaign shows its new headline',
    given: [
      ...running(),
      given(CampaignEdited, {
        campaignId: CAMPAIGN,
        operatorId: otto.memberId,
        terms: { ...sailing, creatives: [{ ...sailing.creatives[0]!, headline: 'Sail at dawn' }] },
      }),
    ],
    when: news(nancy.memberId),
    then: { status: 200, page: ['Sail at dawn'], pageLacks: [HEADLINE], events: [emitted(AdsShown)] },
  }),
  useCase({
    title: 'Nancy moves to Helsinki: a campaign near Stockholm no longer reaches her',
    given: [...running(), given(CityChanged, { memberId: nancy.memberId, city: HELSINKI })],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'A member who deleted their account still counts in a campaign’s figures, under a pseudonym',
    given: [
      ...running(),
      shown(SHOWN),
      given(MemberDeleted, { memberId: nancy.memberId, pseudonym: '00000000-0000-7000-8000-00000000ad99' }),
    ],
    when: figures,
    then: {
      status: 200,
      body: listed({ metrics: { impressions: 1, reached: 1 } }),
    },
  }),
];

export const memberUseCases = [
  useCase({
    title:
      'Nancy clicks the ad: the click is counted and she lands on the address registered with the campaign',
    given: [...running(), shown(SHOWN)],
    when: { as: nancy.memberId, method: 'GET', url: `/ads/click/${SHOWN}` },
    then: {
      status: 303,
      location: URL,
      events: [emitted(AdClicked, { impressionId: SHOWN, campaignId: CAMPAIGN, memberId: nancy.memberId })],
    },
    endpoint: 'GET /ads/click/:impressionId',
  }),
  useCase({
    title: 'A second click on the same ad still leads there, but is not counted again',
    given: [...running(), shown(SHOWN), clicked(SHOWN)],
    when: { as: nancy.memberId, method: 'GET', url: `/ads/click/${SHOWN}` },
    then: { status: 303, location: URL },
    endpoint: 'GET /ads/click/:impressionId',
  }),
  useCase({
    title: 'Bob cannot follow (or count) an ad shown to Nancy',
    given: [...running(), shown(SHOWN)],
    when: { as: bob.memberId, method: 'GET', url: `/ads/click/${SHOWN}` },
    then: { status: 404 },
    endpoint: 'GET /ads/click/:impressionId',
  }),
  hiding('Nancy hides an ad, saying why: back to her news, at the notice where the ad stood', {
    reason: 'not-relevant',
    back: '/news',
    lands: '/news?ad=hidden#ad-hidden',
  }),
  useCase({
    title: 'Back from hiding an ad, Nancy’s page says it is hidden, in her language',
    given: [
      ...running(),
      shown(SHOWN),
      given(AdHidden, { campaignId: CAMPAIGN, memberId: nancy.memberId, reason: 'seen-too-often' }),
    ],
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: '/alerts?ad=hidden',
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 200,
      page: ['id="ad-hidden"', 'Annonsen är dold. Du ser den inte igen.'],
      pageLacks: [HEADLINE],
      // The notice takes the place of the ad: nothing else is shown or counted.
      events: [emitted(AlertsRead)],
    },
  }),
  hiding('Hiding an ad from another site’s address lands on her news instead', {
    reason: 'other',
    back: '//evil.example/news',
    lands: '/news?ad=hidden#ad-hidden',
  }),
  hiding('Hiding an ad on a later page of her news keeps the page’s address', {
    reason: 'offensive',
    back: '/news?cursor=abc&ad=old',
    lands: '/news?cursor=abc&ad=hidden#ad-hidden',
  }),
  useCase({
    title: 'Hiding without a reason from the list is refused, saying what to choose',
    given: [...running(), shown(SHOWN)],
    when: hide({ reason: 'boring' }),
    then: { status: 400, page: ['not-relevant'] },
    endpoint: 'POST /ads/hide/:impressionId',
  }),
  useCase({
    title: 'Nancy is not shown a campaign she hid',
    given: [
      ...running(),
      shown(SHOWN),
      given(AdHidden, { campaignId: CAMPAIGN, memberId: nancy.memberId, reason: 'seen-too-often' }),
    ],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
];

const opsForm = {
  name: 'Autumn dance',
  advertiser: 'The community',
  house: 'yes',
  starts: '2026-06-01',
  ends: '2026-06-30',
  impressionBudget: '500',
  dailyCap: '100',
  frequencyCap: '2',
  genders: ['woman', 'man'],
  minAge: '',
  maxAge: '',
  country: 'SE',
  city: '',
  radiusKm: '',
  headline: 'Dance with us',
  text: 'The community’s autumn dance in Stockholm.',
  url: 'https://meetcute.example/dance',
};

export const consoleUseCases = [
  useCase({
    title: 'Otto’s console lists the campaigns with their counts and a form for a new one',
    given: [...running(), shown(SHOWN)],
    when: { as: otto.memberId, method: 'GET', url: '/ops/ads' },
    then: {
      status: 200,
      page: ['Summer sailing', `/ops/ads/${CAMPAIGN}`, 'New campaign', 'Impression budget'],
    },
  }),
  useCase({
    title: 'Nancy cannot open the ads console',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/ops/ads' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Otto creates a house campaign with the console’s form',
    given: approved(otto),
    when: { as: otto.memberId, method: 'POST', url: '/ops/ads', form: true, body: opsForm },
    then: {
      status: 303,
      events: [
        emitted(CampaignCreated, {
          terms: {
            house: true,
            startsAt: '2026-06-01T00:00:00.000Z',
            endsAt: '2026-07-01T00:00:00.000Z',
            targeting: { genders: ['woman', 'man'], country: 'SE', near: null, minAge: null },
          },
        }),
      ],
    },
  }),
  useCase({
    title: 'The console’s form says which fields to fix, and keeps what was typed',
    given: approved(otto),
    when: {
      as: otto.memberId,
      method: 'POST',
      url: '/ops/ads',
      form: true,
      body: { ...opsForm, ends: 'soon', dailyCap: 'many', url: 'ftp://x' },
    },
    then: {
      status: 400,
      page: ['Write a day as YYYY-MM-DD', 'Write a whole number of at least 1', 'Autumn dance'],
    },
  }),
  useCase({
    title: 'Otto’s campaign page shows the counts by day, with pause and end',
    given: [...running(), shown(SHOWN), shown(SHOWN_AGAIN), clicked(SHOWN)],
    when: { as: otto.memberId, method: 'GET', url: `/ops/ads/${CAMPAIGN}` },
    then: {
      status: 200,
      page: ['Summer sailing', '2026-06-01', '50.00%', '998 of 1000 impressions', 'Pause', 'End for good'],
    },
    endpoint: 'GET /ops/ads/:campaignId',
  }),
  useCase({
    title: 'In Finnish, the campaign page and its form speak Finnish',
    given: [...running(), shown(SHOWN), shown(SHOWN_AGAIN), clicked(SHOWN)],
    when: {
      as: otto.memberId,
      method: 'GET',
      url: `/ops/ads/${CAMPAIGN}`,
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 200,
      page: [
        'Päivittäin (UTC)',
        '50,00',
        '998 / 1000 näyttöä',
        'Keskeytä',
        'Lopeta pysyvästi',
        'Näyttöbudjetti',
      ],
    },
    endpoint: 'GET /ops/ads/:campaignId',
  }),
  useCase({
    title: 'In Swedish, the console’s form says which fields to fix',
    given: approved(otto),
    when: {
      as: otto.memberId,
      method: 'POST',
      url: '/ops/ads',
      form: true,
      body: { ...opsForm, ends: 'soon', dailyCap: 'many' },
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 400,
      page: ['Rätta de här fälten', 'Skriv en dag som ÅÅÅÅ-MM-DD', 'Skriv ett heltal, minst 1'],
    },
  }),
  useCase({
    title: 'Otto changes a campaign with the console’s form',
    given: running(),
    when: { as: otto.memberId, method: 'POST', url: `/ops/ads/${CAMPAIGN}`, form: true, body: opsForm },
    then: {
      status: 303,
      location: `/ops/ads/${CAMPAIGN}`,
      events: [emitted(CampaignEdited, { campaignId: CAMPAIGN, terms: { name: 'Autumn dance' } })],
    },
    endpoint: 'POST /ops/ads/:campaignId',
  }),
  useCase({
    title: 'Otto ends a campaign from its page',
    given: running(),
    when: {
      as: otto.memberId,
      method: 'POST',
      url: `/ops/ads/${CAMPAIGN}/status`,
      form: true,
      body: { status: 'ended' },
    },
    then: {
      status: 303,
      location: `/ops/ads/${CAMPAIGN}`,
      events: [emitted(CampaignStatusChanged, { campaignId: CAMPAIGN, status: 'ended' })],
    },
    endpoint: 'POST /ops/ads/:campaignId/status',
  }),
  useCase({
    title: 'Otto downloads a campaign’s counts by day as CSV',
    given: [...running(), shown(SHOWN), shown(SHOWN_AGAIN), clicked(SHOWN)],
    when: { as: otto.memberId, method: 'GET', url: `/ops/ads/${CAMPAIGN}/metrics.csv` },
    then: {
      status: 200,
      page: [
        'day,placement,impressions,reached,clicks,click_through_rate,budget_left',
        '2026-06-01,all,2,1,1,0.5,998',
        '2026-06-01,news,2,1,1,0.5,',
      ],
    },
    endpoint: 'GET /ops/ads/:campaignId/metrics.csv',
  }),
];

export const useCases = [
  ...operatorUseCases,
  ...placementUseCases,
  ...morePlacements,
  ...targetingUseCases,
  ...countingUseCases,
  ...changeUseCases,
  ...memberUseCases,
  ...consoleUseCases,
];
