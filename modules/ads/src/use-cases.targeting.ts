import { emitted, given, useCase } from '@meetcute/core';
import { approved, nancy, otto } from '@meetcute/cast';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { AdsShown, CampaignCreated } from './events.ts';
import { body, create, HEADLINE, news, running, sailing } from './use-cases.kit.ts';

const forSailors = { ...sailing, targeting: { ...sailing.targeting, interests: ['sailing', 'boats'] } };
const added = (tag: string) => given(InterestAdded, { memberId: nancy.memberId, tag });

/** Targeting by interests, learnt from the interests module's events. */
export const targetingUseCases = [
  useCase({
    title: 'Otto targets a campaign by interests, written as members write them',
    given: approved(otto),
    when: create(otto.memberId, {
      ...body,
      targeting: { ...body.targeting, interests: [' Sailing ', 'BOATS', 'sailing'] },
    }),
    then: {
      status: 201,
      events: [emitted(CampaignCreated, { terms: { targeting: { interests: ['sailing', 'boats'] } } })],
    },
  }),
  useCase({
    title: 'An interest no member could have is refused, naming it',
    given: approved(otto),
    when: create(otto.memberId, { ...body, targeting: { ...body.targeting, interests: ['sailing', '!!'] } }),
    then: { status: 400, body: { errors: [{ field: 'targeting.interests.1' }] } },
  }),
  useCase({
    title: 'Nancy, who likes sailing, is shown a campaign for sailors',
    given: [...running(forSailors), added('sailing')],
    when: news(nancy.memberId),
    then: { status: 200, page: [HEADLINE], events: [emitted(AdsShown)] },
  }),
  useCase({
    title: 'Nancy is not shown a campaign for sailors while she has no such interest',
    given: [...running(forSailors), added('jazz')],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'Once Nancy removes her interest in sailing, the campaign for sailors no longer reaches her',
    given: [
      ...running(forSailors),
      added('sailing'),
      given(InterestRemoved, { memberId: nancy.memberId, tag: 'sailing' }),
    ],
    when: news(nancy.memberId),
    then: { status: 200, pageLacks: [HEADLINE] },
  }),
  useCase({
    title: 'The console’s form takes interests separated by commas',
    given: [...running()],
    when: {
      as: otto.memberId,
      method: 'GET',
      url: '/ops/ads',
    },
    then: { status: 200, page: ['name="interests"'] },
  }),
];
