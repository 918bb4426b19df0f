import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { given, useCase } from '@meetcute/core';
import { approved, bob, eve, nancy, reinstated, signedUp, suspended } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { ProfileViewed } from '@meetcute/profile/events';
import { encodeCursor } from './rules.ts';

const viewed = (viewerId: string, memberId: string, at?: string) =>
  given(ProfileViewed, { viewerId, memberId }, at ? { actorId: viewerId, at } : { actorId: viewerId });
const blocked = (blockerId: string, blockedId: string) =>
  given(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId });
const unblocked = (blockerId: string, blockedId: string) =>
  given(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId });

const nancyAndBob = [...approved(nancy), ...approved(bob)];
/** Nancy and Bob looked at each other's profiles. */
const mutualVisits = [
  ...nancyAndBob,
  viewed(nancy.memberId, bob.memberId),
  viewed(bob.memberId, nancy.memberId),
];

// 12:05 and 16:30 in Stockholm on 1 June; 11:00 there the next morning.
const MORNING = '2026-06-01T10:05:00.000Z';
const AFTERNOON = '2026-06-01T14:30:00.000Z';
const NEXT_DAY = '2026-06-02T09:00:00.000Z';

const nancyCard = { memberId: nancy.memberId, nickname: 'Nancy', age: 31, cityLabel: 'Stockholm, Sweden' };
const bobCard = { memberId: bob.memberId, nickname: 'Bob', age: 34, cityLabel: 'Uppsala, Sweden' };
const eveCard = { memberId: eve.memberId, nickname: 'Eve', age: 29, cityLabel: 'Helsinki, Finland' };

/** Nancy visited Bob in the morning, Eve in the afternoon. */
const twoVisitors = [
  ...nancyAndBob,
  ...approved(eve),
  viewed(nancy.memberId, bob.memberId, MORNING),
  viewed(eve.memberId, bob.memberId, AFTERNOON),
];
const afterEve = encodeCursor({ at: AFTERNOON, id: eve.memberId });

const visitors = (as: string, query = '') =>
  ({ as, method: 'GET', url: `/api/v1/visitors${query}` }) as const;
const noVisitors = { status: 200, body: { visitors: [], nextCursor: null } };

export const useCases = [
  // USE-CASES.md #6
  useCase({
    title: 'Nancy views Bob’s profile twice today: Bob’s visitors show Nancy once',
    given: nancyAndBob,
    before: [
      { as: nancy.memberId, method: 'GET', url: `/api/v1/profiles/${bob.memberId}` },
      { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    ],
    when: visitors(bob.memberId),
    then: { status: 200, body: { visitors: [{ visitor: nancyCard }], nextCursor: null } },
  }),
  useCase({
    title: 'A second view the same day moves the visit to the later time',
    given: [
      ...nancyAndBob,
      viewed(nancy.memberId, bob.memberId, MORNING),
      viewed(nancy.memberId, bob.memberId, AFTERNOON),
    ],
    when: visitors(bob.memberId),
    then: { status: 200, body: { visitors: [{ visitor: nancyCard, visitedAt: AFTERNOON }] } },
  }),
  useCase({
    title: 'Views that arrive out of order still keep the day’s latest time',
    given: [
      ...nancyAndBob,
      viewed(nancy.memberId, bob.memberId, AFTERNOON),
      viewed(nancy.memberId, bob.memberId, MORNING),
    ],
    when: visitors(bob.memberId),
    then: { status: 200, body: { visitors: [{ visitor: nancyCard, visitedAt: AFTERNOON }] } },
  }),
  useCase({
    title: 'Visiting again the next day (UTC) is a new visit, listed above the first',
    given: [
      ...nancyAndBob,
      viewed(nancy.memberId, bob.memberId, AFTERNOON),
      viewed(nancy.memberId, bob.memberId, NEXT_DAY),
    ],
    clock: '2026-06-02T10:00:00.000Z',
    when: visitors(bob.memberId),
    then: {
      status: 200,
      body: {
        visitors: [
          { visitor: nancyCard, visitedAt: NEXT_DAY },
          { visitor: nancyCard, visitedAt: AFTERNOON },
        ],
      },
    },
  }),
  useCase({
    title: 'Visitors come newest first, a page at a time',
    given: twoVisitors,
    when: visitors(bob.memberId, '?limit=1'),
    then: {
      status: 200,
      body: { visitors: [{ visitor: eveCard, visitedAt: AFTERNOON }], nextCursor: afterEve },
    },
  }),
  useCase({
    title: 'The cursor of one page leads to the earlier visitors, and the last page says so',
    given: twoVisitors,
    when: visitors(bob.memberId, `?limit=1&cursor=${afterEve}`),
    then: { status: 200, body: { visitors: [{ visitor: nancyCard, visitedAt: MORNING }], nextCursor: null } },
  }),
  useCase({
    title: 'Only Bob sees who visited Bob',
    given: twoVisitors,
    when: visitors(nancy.memberId),
    then: noVisitors,
  }),
  useCase({
    title: 'Looking at one’s own profile is no visit',
    given: [...nancyAndBob, viewed(bob.memberId, bob.memberId)],
    when: visitors(bob.memberId),
    then: noVisitors,
  }),
  useCase({
    title: 'A made-up cursor is a 400 naming the cursor',
    given: twoVisitors,
    when: visitors(bob.memberId, '?cursor=bm90LWEtY3Vyc29y'),
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A page holds at most 50 visitors',
    given: twoVisitors,
    when: visitors(bob.memberId, '?limit=51'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'A page holds at least one visitor',
    given: twoVisitors,
    when: visitors(bob.memberId, '?limit=0'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'A member still in review has no visitors list yet',
    given: [...approved(nancy), ...signedUp(eve)],
    when: visitors(eve.memberId),
    then: { status: 403 },
  }),
  useCase({
    title: 'Someone not logged in has no visitors list',
    given: nancyAndBob,
    when: { method: 'GET', url: '/api/v1/visitors' },
    then: { status: 401 },
  }),

  // Blocks, both ways
  useCase({
    title: 'Bob blocking Nancy hides her visit from his visitors',
    given: [...mutualVisits, blocked(bob.memberId, nancy.memberId)],
    when: visitors(bob.memberId),
    then: noVisitors,
  }),
  useCase({
    title: 'Bob blocking Nancy hides his visit from her visitors',
    given: [...mutualVisits, blocked(bob.memberId, nancy.memberId)],
    when: visitors(nancy.memberId),
    then: noVisitors,
  }),
  useCase({
    title: 'Visits a block hid come back when it is lifted',
    given: [...mutualVisits, blocked(bob.memberId, nancy.memberId), unblocked(bob.memberId, nancy.memberId)],
    when: visitors(nancy.memberId),
    then: { status: 200, body: { visitors: [{ visitor: bobCard }], nextCursor: null } },
  }),
  useCase({
    title: 'A view across a block is never recorded as a visit',
    given: [...nancyAndBob, blocked(bob.memberId, nancy.memberId), viewed(nancy.memberId, bob.memberId)],
    when: visitors(bob.memberId),
    then: noVisitors,
  }),
  useCase({
    title: 'A view across a block is not recorded, so lifting the block does not bring it out',
    given: [
      ...nancyAndBob,
      blocked(bob.memberId, nancy.memberId),
      viewed(nancy.memberId, bob.memberId),
      unblocked(bob.memberId, nancy.memberId),
    ],
    when: visitors(bob.memberId),
    then: noVisitors,
  }),
  useCase({
    title: 'A view by a suspended member is not recorded, so reinstating her does not bring it out',
    given: [...nancyAndBob, suspended(nancy), viewed(nancy.memberId, bob.memberId), reinstated(nancy)],
    when: visitors(bob.memberId),
    then: noVisitors,
  }),
  useCase({
    title: 'After the block is lifted, a new view is a visit again',
    given: [
      ...mutualVisits,
      blocked(bob.memberId, nancy.memberId),
      unblocked(bob.memberId, nancy.memberId),
      viewed(nancy.memberId, bob.memberId),
    ],
    when: visitors(bob.memberId),
    then: { status: 200, body: { visitors: [{ visitor: nancyCard }] } },
  }),

  // A suspension hides the suspended member's visits without removing them
  useCase({
    title: 'Suspended, Nancy is not among Bob’s visitors',
    given: [...twoVisitors, suspended(nancy)],
    when: visitors(bob.memberId),
    then: { status: 200, body: { visitors: [{ visitor: eveCard }], nextCursor: null } },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, her visit is among Bob’s visitors again',
    given: [...twoVisitors, suspended(nancy), reinstated(nancy)],
    when: visitors(bob.memberId),
    then: {
      status: 200,
      body: { visitors: [{ visitor: eveCard }, { visitor: nancyCard }], nextCursor: null },
    },
  }),
  useCase({
    title: 'Suspended, Nancy is not on Bob’s visitors page',
    given: [...nancyAndBob, viewed(nancy.memberId, bob.memberId, MORNING), suspended(nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/visitors' },
    then: { status: 200, page: ['Nobody has visited your profile yet.'], pageLacks: ['Nancy'] },
  }),

  // The page
  useCase({
    title: 'Bob’s visitors page shows Nancy’s card, when she came in his time, and a favourite button',
    given: [...nancyAndBob, viewed(nancy.memberId, bob.memberId, MORNING)],
    clock: '2026-06-01T13:10:00.000Z',
    when: { as: bob.memberId, method: 'GET', url: '/visitors' },
    then: {
      status: 200,
      page: [
        '<h1>Visitors</h1>',
        `href="/members/${nancy.memberId}"`,
        '31 years · woman · Stockholm, Sweden',
        `datetime="${MORNING}"`,
        // How long ago, as alerts and flirts say it.
        'Visited you 3 h ago',
        `action="/members/${nancy.memberId}/favourite"`,
        '★ Favourite',
      ],
      pageLacks: ['Older'],
    },
  }),
  useCase({
    title: 'The visitors page in Finnish',
    given: [...nancyAndBob, viewed(nancy.memberId, bob.memberId, MORNING)],
    clock: '2026-06-01T13:10:00.000Z',
    when: { as: bob.memberId, method: 'GET', url: '/visitors', headers: { 'accept-language': 'fi' } },
    then: { status: 200, page: ['<h1>Vierailijat</h1>', 'Vieraili luonasi 3 t sitten'] },
  }),
  useCase({
    title: 'A visit over a month old gives its date in the member’s language, as alerts do',
    given: [...nancyAndBob, viewed(nancy.memberId, bob.memberId, MORNING)],
    clock: '2026-07-15T10:00:00.000Z',
    when: { as: bob.memberId, method: 'GET', url: '/visitors', headers: { 'accept-language': 'sv' } },
    then: { status: 200, page: ['Besökte dig den 1 juni 2026'] },
  }),
  useCase({
    title: 'The visitors page links to earlier visitors without JavaScript',
    given: twoVisitors,
    when: { as: bob.memberId, method: 'GET', url: '/visitors?limit=1' },
    then: {
      status: 200,
      page: ['Eve', `href="/visitors?cursor=${afterEve}"`, 'Older'],
      pageLacks: ['Nancy'],
    },
  }),
  useCase({
    title: 'With no visitors the page says so',
    given: nancyAndBob,
    when: { as: bob.memberId, method: 'GET', url: '/visitors' },
    then: { status: 200, page: ['Nobody has visited your profile yet.'] },
  }),
  useCase({
    title: 'The visitors page with a made-up cursor is a 400 page',
    given: nancyAndBob,
    when: { as: bob.memberId, method: 'GET', url: '/visitors?cursor=xyz' },
    then: { status: 400, page: ['cursor'] },
  }),
  useCase({
    title: 'Blocked members are not on the visitors page',
    given: [...mutualVisits, blocked(nancy.memberId, bob.memberId)],
    when: { as: bob.memberId, method: 'GET', url: '/visitors' },
    then: { status: 200, page: ['Nobody has visited your profile yet.'], pageLacks: ['Nancy'] },
  }),
  ...sanctionedRequestsTo('his visitors', '/api/v1/visitors'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: her visit leaves Bob’s visitors',
    given: [...mutualVisits, deleted(nancy)],
    when: visitors(bob.memberId),
    then: noVisitors,
  }),
];
