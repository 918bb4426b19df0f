import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { given, useCase } from '@meetcute/core';
import { approved, bob, eve, nancy, reinstated, signedUp, suspended } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { CityChanged, LookingForChanged } from '@meetcute/registration/events';
import { adam, carl, dan, erik, frank } from './use-cases.cast.ts';

const likes = (memberId: string, ...tags: string[]) =>
  tags.map((tag) => given(InterestAdded, { memberId, tag }, { actorId: memberId }));
const blocked = (blockerId: string, blockedId: string) =>
  given(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId });
const unblocked = (blockerId: string, blockedId: string) =>
  given(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId });

/**
 * Nancy (jazz, sailing, hiking) and the men around her: Carl shares two interests
 * 29 km away, Adam one in Stockholm, Erik none 5 km away; Bob is beyond her 50 km,
 * Dan outside her ages, Frank looks for men.
 */
const around = [
  ...approved(nancy),
  ...approved(bob),
  ...approved(adam),
  ...approved(carl),
  ...approved(erik),
  ...approved(dan),
  ...approved(frank),
  ...likes(nancy.memberId, 'jazz', 'sailing', 'hiking'),
  ...likes(adam.memberId, 'jazz', 'chess'),
  ...likes(carl.memberId, 'sailing', 'jazz'),
  ...likes(bob.memberId, 'jazz', 'sailing', 'hiking'),
  ...likes(frank.memberId, 'jazz', 'sailing', 'hiking'),
];

const suggestions = (as: string, query = '') =>
  ({ as, method: 'GET', url: `/api/v1/suggestions${query}` }) as const;
const card = (member: typeof nancy, age: number) => ({
  memberId: member.memberId,
  nickname: member.application.nickname,
  age,
  cityLabel: member.application.city.label,
});

export const useCases = [
  useCase({
    title: 'Nancy’s suggestions: most shared interests first, then the nearest',
    given: around,
    when: suggestions(nancy.memberId),
    then: {
      status: 200,
      body: {
        suggestions: [
          {
            member: card(carl, 30),
            reason: '2 shared interests, 29 km away',
            sharedInterests: ['jazz', 'sailing'],
            distanceKm: 29,
          },
          {
            member: card(adam, 33),
            reason: '1 shared interest, 0 km away',
            sharedInterests: ['jazz'],
            distanceKm: 0,
          },
          { member: card(erik, 29), reason: '5 km away', sharedInterests: [], distanceKm: 5 },
        ],
      },
    },
  }),
  useCase({
    title: 'Nancy now looks for men within 100 km: she is suggested to Bob at once, 64 km away',
    given: [
      ...approved(nancy),
      ...approved(bob),
      given(LookingForChanged, {
        memberId: nancy.memberId,
        lookingFor: { ...nancy.application.lookingFor, maxDistanceKm: 100 },
      }),
    ],
    when: suggestions(bob.memberId),
    then: {
      status: 200,
      body: { suggestions: [{ member: card(nancy, 31), reason: '64 km away', distanceKm: 64 }] },
    },
  }),
  useCase({
    title: 'Nancy moved to Uppsala: Bob’s suggestions find her there, 0 km away',
    given: [
      ...approved(nancy),
      ...approved(bob),
      given(CityChanged, { memberId: nancy.memberId, city: bob.application.city }),
    ],
    when: suggestions(bob.memberId),
    then: {
      status: 200,
      body: {
        suggestions: [{ member: { ...card(nancy, 31), cityLabel: 'Uppsala, Sweden' }, distanceKm: 0 }],
      },
    },
  }),
  useCase({
    title: 'Bob, 64 km away, is not suggested to Nancy, nor Nancy to Bob: her limit is 50 km',
    given: around,
    when: suggestions(bob.memberId),
    then: { status: 200, body: { suggestions: [] } },
  }),
  useCase({
    title: 'Frank fits what Nancy looks for but she is not what he looks for, so neither is suggested',
    given: around,
    when: suggestions(frank.memberId),
    then: { status: 200, body: { suggestions: [] } },
  }),
  useCase({
    title: 'With one shared interest each, the nearer comes first',
    given: [
      ...around,
      given(InterestRemoved, { memberId: carl.memberId, tag: 'sailing' }, { actorId: carl.memberId }),
    ],
    when: suggestions(nancy.memberId),
    then: {
      status: 200,
      body: {
        suggestions: [
          { member: { memberId: adam.memberId }, reason: '1 shared interest, 0 km away' },
          {
            member: { memberId: carl.memberId },
            reason: '1 shared interest, 29 km away',
            sharedInterests: ['jazz'],
          },
          { member: { memberId: erik.memberId } },
        ],
      },
    },
  }),
  useCase({
    title: 'Nancy appears in the suggestions of the men she fits both ways',
    given: around,
    when: suggestions(carl.memberId),
    then: {
      status: 200,
      body: {
        suggestions: [
          {
            member: card(nancy, 31),
            reason: '2 shared interests, 29 km away',
            sharedInterests: ['jazz', 'sailing'],
            distanceKm: 29,
          },
        ],
      },
    },
  }),
  useCase({
    title: 'The reasons in Swedish',
    given: around,
    when: { ...suggestions(nancy.memberId), headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      body: {
        suggestions: [
          { reason: '2 gemensamma intressen, 29 km bort' },
          { reason: '1 gemensamt intresse, 0 km bort' },
          { reason: '5 km bort' },
        ],
      },
    },
  }),
  useCase({
    title: 'The reasons in Finnish',
    given: around,
    when: { ...suggestions(nancy.memberId, '?limit=1'), headers: { 'accept-language': 'fi' } },
    then: {
      status: 200,
      body: { suggestions: [{ reason: '2 yhteistä kiinnostuksen kohdetta, 29 km päässä' }] },
    },
  }),
  useCase({
    title: 'A limit of one gives only the best suggestion',
    given: around,
    when: suggestions(nancy.memberId, '?limit=1'),
    then: { status: 200, body: { suggestions: [{ member: { memberId: carl.memberId } }] } },
  }),
  useCase({
    title: 'A limit must be 1 to 50',
    given: around,
    when: suggestions(nancy.memberId, '?limit=51'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'A limit must be a number',
    given: around,
    when: suggestions(nancy.memberId, '?limit=many'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'Adam, who blocked Nancy, is not suggested to her',
    given: [...around, blocked(adam.memberId, nancy.memberId)],
    when: suggestions(nancy.memberId),
    then: {
      status: 200,
      body: {
        suggestions: [{ member: { memberId: carl.memberId } }, { member: { memberId: erik.memberId } }],
      },
    },
  }),
  useCase({
    title: 'Nancy, blocked by Adam, is not suggested to him either',
    given: [...around, blocked(adam.memberId, nancy.memberId)],
    when: suggestions(adam.memberId),
    then: { status: 200, body: { suggestions: [] } },
  }),
  useCase({
    title: 'After Adam lifts his block they are suggested to each other again',
    given: [...around, blocked(adam.memberId, nancy.memberId), unblocked(adam.memberId, nancy.memberId)],
    when: suggestions(adam.memberId),
    then: { status: 200, body: { suggestions: [{ member: { memberId: nancy.memberId } }] } },
  }),
  useCase({
    title: 'Suspended, Adam is suggested to nobody: not to Nancy',
    given: [...around, suspended(adam)],
    when: suggestions(nancy.memberId),
    then: {
      status: 200,
      body: {
        suggestions: [{ member: { memberId: carl.memberId } }, { member: { memberId: erik.memberId } }],
      },
    },
  }),
  useCase({
    title: 'Once Adam’s suspension is lifted, he is suggested to Nancy again, in his place',
    given: [...around, suspended(adam), reinstated(adam)],
    when: suggestions(nancy.memberId),
    then: {
      status: 200,
      body: {
        suggestions: [
          { member: { memberId: carl.memberId } },
          { member: { memberId: adam.memberId } },
          { member: { memberId: erik.memberId } },
        ],
      },
    },
  }),
  useCase({
    title: 'A member still in review is never suggested',
    given: [...approved(nancy), ...signedUp(adam), ...likes(adam.memberId, 'jazz')],
    when: suggestions(nancy.memberId),
    then: { status: 200, body: { suggestions: [] } },
  }),
  useCase({
    title: 'A member still in review gets no suggestions yet',
    given: [...approved(nancy), ...signedUp(adam)],
    when: suggestions(adam.memberId),
    then: { status: 403 },
  }),
  useCase({
    title: 'Someone not logged in gets no suggestions',
    given: around,
    when: { method: 'GET', url: '/api/v1/suggestions' },
    then: { status: 401 },
  }),
  useCase({
    title: 'Eve in Helsinki is too far for everyone in Stockholm',
    given: [...around, ...approved(eve)],
    when: suggestions(eve.memberId),
    then: { status: 200, body: { suggestions: [] } },
  }),

  // Pages
  useCase({
    title: 'Nancy’s “Suggested for you” page shows each member as a card with the interests they share',
    given: around,
    when: { as: nancy.memberId, method: 'GET', url: '/suggestions' },
    then: {
      status: 200,
      page: [
        '<h1>Suggested for you</h1>',
        `href="/members/${carl.memberId}"`,
        '30 years · man · Södertälje, Sweden · 29 km away',
        '<p class="note">2 shared interests</p>',
        '<p class="note">1 shared interest</p>',
      ],
      // The distance is in each card's facts; the note does not say it again.
      pageLacks: [
        '<p class="note">5 km away</p>',
        'shared interests, 29 km away',
        `href="/members/${bob.memberId}"`,
        `href="/members/${frank.memberId}"`,
        `href="/members/${dan.memberId}"`,
      ],
    },
  }),
  useCase({
    title: 'The suggestions page in Finnish',
    given: around,
    when: { as: nancy.memberId, method: 'GET', url: '/suggestions', headers: { 'accept-language': 'fi' } },
    then: {
      status: 200,
      page: [
        '<h1>Ehdotuksia sinulle</h1>',
        '<p class="note">1 yhteinen kiinnostuksen kohde</p>',
        '0 km päässä',
      ],
    },
  }),
  useCase({
    title: 'With nobody compatible the page says what may help',
    given: around,
    when: { as: bob.memberId, method: 'GET', url: '/suggestions' },
    then: { status: 200, page: ['No suggestions yet.'] },
  }),
  useCase({
    title: 'The suggestions page with a bad limit is a 400 page',
    given: around,
    when: { as: nancy.memberId, method: 'GET', url: '/suggestions?limit=0' },
    then: { status: 400, page: ['limit'] },
  }),
  ...sanctionedRequestsTo('his suggestions', '/api/v1/suggestions'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: she leaves Carl’s suggestions',
    given: [...around, deleted(nancy)],
    when: suggestions(carl.memberId),
    then: { status: 200, body: { suggestions: [] } },
  }),
];
