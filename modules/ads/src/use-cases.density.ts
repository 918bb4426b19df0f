import { emitted, given, useCase, type Given } from '@meetcute/core';
import { approved, bob, nancy, otto, type CastMember } from '@meetcute/cast';
import { AlertsRead } from '@meetcute/alerts/events';
import { NewsSeen } from '@meetcute/news/events';
import { SessionStarted } from '@meetcute/auth/events';
import { conversationIdOf, MessageSent } from '@meetcute/chat/events';
import { ExperimentCreated, ExperimentExposed, ExperimentStarted, FlagCreated } from '@meetcute/flags/events';
import { AdsShown, CampaignCreated } from './events.ts';
import { members, news, sailing } from './use-cases.kit.ts';

/**
 * Ad density as an experiment (density.ts): a placement's flag (ads.news, ads.alerts,
 * ads.profile) names each variant's density, and the experiment over it shows what each
 * density costs in members' activity.
 */

/** Ida (27, Uppsala like Bob) joins after him: with Nancy she makes two cards in his news. */
const ida: CastMember = {
  memberId: '00000000-0000-7000-8000-0000000001da',
  email: 'ida@example.com',
  application: {
    nickname: 'Ida',
    gender: 'woman',
    birthday: '1999-05-05',
    city: bob.application.city,
    lookingFor: { genders: ['man'], minAge: 25, maxAge: 45, maxDistanceKm: 100 },
    aboutMe: 'Choir on Tuesdays.',
  },
};

/** Two campaigns for every member, so a page may show one or two. */
const FERRY = 'Ferries to Åland';
const CONCERT = 'Jazz by the water';
const forEveryone = (n: number, headline: string): Given =>
  given(
    CampaignCreated,
    {
      campaignId: `00000000-0000-7000-8000-0000000ad1${n}0`,
      operatorId: otto.memberId,
      terms: {
        ...sailing,
        name: headline,
        targeting: {
          ...sailing.targeting,
          genders: [],
          minAge: null,
          maxAge: null,
          country: null,
          near: null,
        },
        creatives: [
          {
            creativeId: `00000000-0000-7000-8000-0000000ad1${n}1`,
            headline,
            text: 'For two.',
            url: `https://example.com/${n}`,
          },
        ],
      },
    },
    { actorId: otto.memberId },
  );
const campaigns = [...members, ...approved(ida), forEveryone(1, FERRY), forEveryone(2, CONCERT)];

const by = { actorId: otto.memberId };
/** A flag with these variants for every member, and an experiment over it, started. */
const experiment = (flagKey: string, variants: string[], ramp = 100): Given[] => [
  given(
    FlagCreated,
    {
      key: flagKey,
      description: 'Ad density',
      variants,
      ramp,
      targeting: { members: [], roles: [], countries: [], languages: [] },
    },
    by,
  ),
  given(ExperimentCreated, { key: 'density', flagKey, description: '', metric: 'writers' }, by),
  given(ExperimentStarted, { key: 'density' }, by),
];
const exposed = (member: CastMember, variant: string): Given =>
  given(
    ExperimentExposed,
    { experimentKey: 'density', memberId: member.memberId, variant },
    { actorId: member.memberId },
  );

/** ads.news: the configured density (one after every 5 cards) against one after each card. */
const newsExperiment = [...campaigns, ...experiment('ads.news', ['control', 'every-1'])];
/** ads.alerts: one item (as configured), two, or none at the top of the alerts. */
const alertsExperiment = [...campaigns, ...experiment('ads.alerts', ['show-1', 'show-2', 'none'])];
const alerts = { as: nancy.memberId, method: 'GET', url: '/alerts' } as const;
/** The page's impressions, as the one event they are written in: `count` of them, all the member's in the placement. */
const shown = (memberId: string, placement: string, count = 1) =>
  emitted(AdsShown, { impressions: Array.from({ length: count }, () => ({ memberId, placement })) });

export const densityUseCases = [
  useCase({
    title: 'Bob, in the ads.news variant every-1, gets a sponsored item after each of his two news cards',
    given: [...newsExperiment, exposed(bob, 'every-1')],
    when: news(bob.memberId),
    then: {
      status: 200,
      page: [FERRY, CONCERT, 'Ida', 'Nancy'],
      events: [emitted(NewsSeen), shown(bob.memberId, 'news', 2)],
    },
  }),
  useCase({
    title:
      'Bob’s first news page in the density experiment records his exposure: control, and the configured one item',
    given: newsExperiment,
    when: news(bob.memberId),
    then: {
      status: 200,
      page: [FERRY],
      pageLacks: [CONCERT],
      // The log takes each module's outbox in module order: flags' before news' and ads'.
      events: [
        emitted(ExperimentExposed, { experimentKey: 'density', memberId: bob.memberId, variant: 'control' }),
        emitted(NewsSeen),
        shown(bob.memberId, 'news'),
      ],
    },
  }),
  useCase({
    title: 'Without a density flag the configured density holds: one item among Bob’s two cards',
    given: campaigns,
    when: news(bob.memberId),
    then: {
      status: 200,
      page: [FERRY],
      pageLacks: [CONCERT],
      events: [emitted(NewsSeen), shown(bob.memberId, 'news')],
    },
  }),
  useCase({
    title: 'Nancy, in the ads.alerts variant show-2, sees two sponsored items at the top of her alerts',
    given: [...alertsExperiment, exposed(nancy, 'show-2')],
    when: alerts,
    then: {
      status: 200,
      page: [FERRY, CONCERT, 'sponsored-block'],
      events: [emitted(AlertsRead), shown(nancy.memberId, 'alerts', 2)],
    },
  }),
  useCase({
    title: 'Nancy, in the ads.alerts variant none, sees no sponsored item on her alerts',
    given: [...alertsExperiment, exposed(nancy, 'none')],
    when: alerts,
    then: { status: 200, pageLacks: [FERRY, CONCERT, 'Sponsored'], events: [emitted(AlertsRead)] },
  }),
  useCase({
    title:
      'A member the density flag does not reach gets its first variant; control names no density, so the configured one holds',
    given: [...campaigns, ...experiment('ads.alerts', ['control', 'show-2'], 0)],
    when: alerts,
    then: {
      status: 200,
      page: [FERRY],
      pageLacks: [CONCERT],
      events: [emitted(AlertsRead), shown(nancy.memberId, 'alerts')],
    },
  }),
  useCase({
    title:
      'Otto sees what denser news cost: per variant, the messages sent and sessions started since exposure',
    given: [
      ...newsExperiment,
      exposed(bob, 'every-1'),
      exposed(nancy, 'control'),
      given(SessionStarted, { memberId: nancy.memberId, sessionId: '00000000-0000-7000-8000-0000000ad1f0' }),
      given(
        MessageSent,
        {
          messageId: '00000000-0000-7000-8000-0000000ad1f1',
          conversationId: conversationIdOf(nancy.memberId, bob.memberId),
          senderId: nancy.memberId,
          recipientId: bob.memberId,
          body: 'Hi Bob!',
        },
        { actorId: nancy.memberId },
      ),
    ],
    when: { as: otto.memberId, method: 'GET', url: '/api/v1/ops/experiments/density' },
    endpoint: 'GET /api/v1/ops/experiments/:key',
    then: {
      status: 200,
      body: {
        results: [
          { variant: 'control', exposed: 1, messages: 1, sessions: 1 },
          { variant: 'every-1', exposed: 1, messages: 0, sessions: 0 },
        ],
      },
    },
  }),
];
