import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, encodeCursor, given, useCase, type Given, type When } from '@meetcute/core';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
import { ProfileViewed } from '@meetcute/profile/events';
import {
  approved,
  bob,
  eve,
  mo,
  nancy,
  reinstated,
  signedUp,
  suspended,
  type CastMember,
} from '@meetcute/cast';
import { FlirtSent } from './events.ts';
import { FLIRTS_PER_DAY } from './rules.ts';

const PROBLEMS = 'https://meetcute.dev/problems/';
const UNKNOWN = '00000000-0000-7000-8000-000000000999';

/** Flirt ids in the givens, so lists and cursors can name them. */
const flirtId = (n: number) => `00000000-0000-7000-8000-f${String(n).padStart(11, '0')}`;

/** An earlier flirt; `at` defaults to the test clock, i.e. "today". */
function flirted(from: CastMember, to: CastMember | string, n: number, at?: string): Given {
  const recipientId = typeof to === 'string' ? to : to.memberId;
  return given(
    FlirtSent,
    { flirtId: flirtId(n), senderId: from.memberId, recipientId },
    at === undefined ? { actorId: from.memberId } : { actorId: from.memberId, at },
  );
}

/** Nancy flirted with this many other members (they need not exist for her limits to count them). */
const nancyFlirtedWithMany = (count: number, at?: string): Given[] =>
  Array.from({ length: count }, (_, i) =>
    flirted(nancy, `00000000-0000-7000-8000-1${String(i).padStart(11, '0')}`, 100 + i, at),
  );

const blocked = (blocker: CastMember, blockedMember: CastMember): Given =>
  given(
    MemberBlocked,
    { blockerId: blocker.memberId, blockedId: blockedMember.memberId },
    { actorId: blocker.memberId },
  );

const nancyAndBob = [...approved(nancy), ...approved(bob)];

const nancyFlirtsBob: When = {
  as: nancy.memberId,
  method: 'POST',
  url: '/api/v1/flirts',
  body: { memberId: bob.memberId },
};
const nancyFlirtsBobOnPage = (back?: string): When => ({
  as: nancy.memberId,
  method: 'POST',
  url: `/members/${bob.memberId}/flirt`,
  form: true,
  body: back === undefined ? {} : { back },
});
const FORM = 'POST /members/:memberId/flirt';

const received = (as: CastMember, query = ''): When => ({
  as: as.memberId,
  method: 'GET',
  url: `/api/v1/flirts/received${query}`,
});
const sent = (as: CastMember, query = ''): When => ({
  as: as.memberId,
  method: 'GET',
  url: `/api/v1/flirts/sent${query}`,
});

const nancyAsCard = { memberId: nancy.memberId, nickname: 'Nancy', age: 31, cityLabel: 'Stockholm, Sweden' };
const bobAsCard = { memberId: bob.memberId, nickname: 'Bob', age: 34, cityLabel: 'Uppsala, Sweden' };

// Three flirts for Bob, a minute apart: Nancy's, Eve's, then Mo's.
const T1 = '2026-06-01T09:00:00.000Z';
const T2 = '2026-06-01T09:01:00.000Z';
const T3 = '2026-06-01T09:02:00.000Z';
const bobHasThreeFlirts = [
  ...nancyAndBob,
  ...approved(eve),
  ...approved(mo),
  flirted(nancy, bob, 1, T1),
  flirted(eve, bob, 2, T2),
  flirted(mo, bob, 3, T3),
];
const afterEve = encodeCursor({ at: T2, id: flirtId(2) });

const sending = [
  useCase({
    title: 'Nancy flirts with Bob',
    given: nancyAndBob,
    when: nancyFlirtsBob,
    then: {
      status: 201,
      body: { recipientId: bob.memberId },
      events: [emitted(FlirtSent, { senderId: nancy.memberId, recipientId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Bob had flirted with Nancy: her flirt back says they like each other',
    given: [...nancyAndBob, flirted(bob, nancy, 1)],
    when: nancyFlirtsBob,
    then: {
      status: 201,
      body: { recipientId: bob.memberId, mutual: true },
      events: [emitted(FlirtSent, { senderId: nancy.memberId, recipientId: bob.memberId })],
    },
  }),
  useCase({
    title: 'A first flirt is not mutual',
    given: nancyAndBob,
    when: nancyFlirtsBob,
    then: { status: 201, body: { mutual: false }, events: [emitted(FlirtSent)] },
  }),
  useCase({
    title: 'A second flirt to Bob the same day is refused with the reason',
    given: nancyAndBob,
    before: [nancyFlirtsBob],
    when: nancyFlirtsBob,
    then: {
      status: 429,
      body: {
        type: `${PROBLEMS}flirt-limit`,
        detail: 'You already flirted with Bob today. Try again tomorrow.',
      },
    },
  }),
  useCase({
    title: 'The next day Nancy may flirt with Bob again',
    given: nancyAndBob,
    before: [nancyFlirtsBob],
    clock: '2026-06-02T10:00:00.000Z',
    when: nancyFlirtsBob,
    then: { status: 201, events: [emitted(FlirtSent, { recipientId: bob.memberId })] },
  }),
  useCase({
    title: 'Nancy’s day ends at midnight in Stockholm, not in UTC',
    // 23:30 on 1 June in Stockholm, then 00:30 on 2 June there (still 1 June in UTC).
    given: [...nancyAndBob, flirted(nancy, bob, 1, '2026-06-01T21:30:00.000Z')],
    clock: '2026-06-01T22:30:00.000Z',
    when: nancyFlirtsBob,
    then: { status: 201, events: [emitted(FlirtSent)] },
  }),
  useCase({
    title: 'A flirt just after midnight in Stockholm counts for that whole Stockholm day',
    // 00:05 on 2 June in Stockholm, then 23:55 the same Stockholm day (another day in UTC).
    given: [...nancyAndBob, flirted(nancy, bob, 1, '2026-06-01T22:05:00.000Z')],
    clock: '2026-06-02T21:55:00.000Z',
    when: nancyFlirtsBob,
    then: { status: 429, body: { type: `${PROBLEMS}flirt-limit` } },
  }),
  useCase({
    title: `The ${FLIRTS_PER_DAY}th flirt of the day is still allowed`,
    given: [...nancyAndBob, ...nancyFlirtedWithMany(FLIRTS_PER_DAY - 1)],
    when: nancyFlirtsBob,
    then: { status: 201, events: [emitted(FlirtSent)] },
  }),
  useCase({
    title: `After ${FLIRTS_PER_DAY} flirts in a day the next one is refused until tomorrow`,
    given: [...nancyAndBob, ...nancyFlirtedWithMany(FLIRTS_PER_DAY)],
    when: nancyFlirtsBob,
    then: {
      status: 429,
      body: {
        type: `${PROBLEMS}flirt-budget`,
        detail: `You have used today's ${FLIRTS_PER_DAY} flirts. More tomorrow.`,
      },
    },
  }),
  useCase({
    title: 'Yesterday’s flirts do not count against today’s budget',
    given: [...nancyAndBob, ...nancyFlirtedWithMany(FLIRTS_PER_DAY, '2026-05-31T12:00:00.000Z')],
    when: nancyFlirtsBob,
    then: { status: 201, events: [emitted(FlirtSent)] },
  }),
  useCase({
    title: 'Nobody can flirt with themselves',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: nancy.memberId } },
    then: {
      status: 400,
      body: { errors: [{ field: 'memberId', message: 'You cannot flirt with yourself.' }] },
    },
  }),
  useCase({
    title: 'Flirting with an unknown member is a 404',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: UNKNOWN } },
    then: { status: 404 },
  }),
  useCase({
    title: 'Flirting with a member still in review is a 404: they are not visible yet',
    given: [...approved(nancy), ...signedUp(eve)],
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: eve.memberId } },
    then: { status: 404 },
  }),
  useCase({
    title: 'A flirt needs a member id',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: 'bob' } },
    then: { status: 400, body: { errors: [{ field: 'memberId' }] } },
  }),
  useCase({
    title: 'A flirt without a member id names the missing field',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/flirts', body: {} },
    then: { status: 400, body: { errors: [{ field: 'memberId', message: 'is required' }] } },
  }),
  useCase({
    title: 'A visitor who is not logged in cannot flirt',
    given: approved(bob),
    when: { method: 'POST', url: '/api/v1/flirts', body: { memberId: bob.memberId } },
    then: { status: 401 },
  }),
  useCase({
    title: 'A member still in review cannot flirt yet',
    given: [...approved(bob), ...signedUp(eve)],
    when: { as: eve.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: bob.memberId } },
    then: { status: 403 },
  }),
];

const blocking = [
  useCase({
    title: 'Nancy cannot flirt with Bob, whom she blocked, and is told why',
    given: [...nancyAndBob, blocked(nancy, bob)],
    when: nancyFlirtsBob,
    then: {
      status: 409,
      body: { type: `${PROBLEMS}blocked`, detail: 'You blocked Bob. Unblock to flirt.' },
    },
  }),
  useCase({
    title: 'Nancy cannot flirt with Bob, who blocked her: to her he is not there',
    given: [...nancyAndBob, blocked(bob, nancy)],
    when: nancyFlirtsBob,
    then: { status: 404, body: { type: `${PROBLEMS}not-found` } },
  }),
  useCase({
    title: 'Once Bob lifts his block, Nancy can flirt with him again',
    given: [
      ...nancyAndBob,
      blocked(bob, nancy),
      given(MemberUnblocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
    ],
    when: nancyFlirtsBob,
    then: { status: 201, events: [emitted(FlirtSent)] },
  }),
  useCase({
    title: 'When Bob blocks Nancy, her flirt leaves his received list',
    given: [...nancyAndBob, flirted(nancy, bob, 1), blocked(bob, nancy)],
    when: received(bob),
    then: { status: 200, body: { flirts: [], nextCursor: null } },
  }),
  useCase({
    title: 'When Bob blocks Nancy, her flirt leaves her sent list too',
    given: [...nancyAndBob, flirted(nancy, bob, 1), blocked(bob, nancy)],
    when: sent(nancy),
    then: { status: 200, body: { flirts: [], nextCursor: null } },
  }),
  useCase({
    title: 'When Nancy blocks Bob after flirting with him, her flirt leaves his list',
    given: [...nancyAndBob, flirted(nancy, bob, 1), blocked(nancy, bob)],
    when: received(bob),
    then: { status: 200, body: { flirts: [], nextCursor: null } },
  }),
  useCase({
    title: 'A flirt that raced Bob’s block is hidden while the block lasts',
    given: [...nancyAndBob, blocked(bob, nancy), flirted(nancy, bob, 1)],
    when: received(bob),
    then: { status: 200, body: { flirts: [], nextCursor: null } },
  }),
  useCase({
    title: 'A flirt that raced Bob’s block is kept: it is there once the block is lifted',
    given: [
      ...nancyAndBob,
      blocked(bob, nancy),
      flirted(nancy, bob, 1),
      given(MemberUnblocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
    ],
    when: received(bob),
    then: { status: 200, body: { flirts: [{ flirtId: flirtId(1), member: { nickname: 'Nancy' } }] } },
  }),
  useCase({
    title: 'Lifting a block brings back the flirts it hid, in both lists',
    given: [
      ...nancyAndBob,
      flirted(nancy, bob, 1),
      blocked(bob, nancy),
      given(MemberUnblocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
    ],
    when: sent(nancy),
    then: {
      status: 200,
      body: { flirts: [{ flirtId: flirtId(1), member: { nickname: 'Bob' } }], nextCursor: null },
    },
  }),
  useCase({
    title: 'A block and its lift do not reset the day: Nancy, who flirted with Bob today, still waits',
    given: [
      ...nancyAndBob,
      flirted(nancy, bob, 1),
      blocked(bob, nancy),
      given(MemberUnblocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
    ],
    when: nancyFlirtsBob,
    then: { status: 429, body: { type: `${PROBLEMS}flirt-limit` } },
  }),
];

// A suspension hides the member from every flirt list and refuses flirts to them; it removes nothing.
const suspensions = [
  useCase({
    title: 'Nancy cannot flirt with suspended Bob: to her he is not there',
    given: [...nancyAndBob, suspended(bob)],
    when: nancyFlirtsBob,
    then: { status: 404, body: { type: `${PROBLEMS}not-found` } },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, Nancy can flirt with him',
    given: [...nancyAndBob, suspended(bob), reinstated(bob)],
    when: nancyFlirtsBob,
    then: {
      status: 201,
      events: [emitted(FlirtSent, { senderId: nancy.memberId, recipientId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Suspended, Nancy is gone from Bob’s received flirts',
    given: [...bobHasThreeFlirts, suspended(nancy)],
    when: received(bob),
    then: {
      status: 200,
      body: { flirts: [{ flirtId: flirtId(3) }, { flirtId: flirtId(2) }], nextCursor: null },
    },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, her flirt is back in Bob’s received flirts',
    given: [...bobHasThreeFlirts, suspended(nancy), reinstated(nancy)],
    when: received(bob),
    then: {
      status: 200,
      body: {
        flirts: [
          { flirtId: flirtId(3) },
          { flirtId: flirtId(2) },
          { flirtId: flirtId(1), member: nancyAsCard },
        ],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'Suspended, Bob is gone from the flirts Nancy sent',
    given: [...nancyAndBob, flirted(nancy, bob, 1, T1), suspended(bob)],
    when: sent(nancy),
    then: { status: 200, body: { flirts: [], nextCursor: null } },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, he is back among the flirts Nancy sent',
    given: [...nancyAndBob, flirted(nancy, bob, 1, T1), suspended(bob), reinstated(bob)],
    when: sent(nancy),
    then: {
      status: 200,
      body: { flirts: [{ flirtId: flirtId(1), member: bobAsCard, sentAt: T1 }], nextCursor: null },
    },
  }),
  useCase({
    title: 'A flirt form to suspended Bob finds nobody',
    given: [...nancyAndBob, suspended(bob)],
    endpoint: FORM,
    when: nancyFlirtsBobOnPage(),
    then: { status: 404 },
  }),
];

const lists = [
  useCase({
    title: 'Bob sees that Nancy flirted with him',
    given: [...nancyAndBob, flirted(nancy, bob, 1, T1)],
    when: received(bob),
    then: {
      status: 200,
      body: { flirts: [{ flirtId: flirtId(1), member: nancyAsCard, sentAt: T1 }], nextCursor: null },
    },
  }),
  useCase({
    title: 'Nancy sees that she flirted with Bob',
    given: [...nancyAndBob, flirted(nancy, bob, 1, T1)],
    when: sent(nancy),
    then: {
      status: 200,
      body: { flirts: [{ flirtId: flirtId(1), member: bobAsCard, sentAt: T1 }], nextCursor: null },
    },
  }),
  useCase({
    title: 'Received flirts come newest first, a page at a time',
    given: bobHasThreeFlirts,
    when: received(bob, '?limit=2'),
    then: {
      status: 200,
      body: {
        flirts: [
          { flirtId: flirtId(3), member: { nickname: 'Mo' } },
          { flirtId: flirtId(2), member: { nickname: 'Eve' } },
        ],
        nextCursor: afterEve,
      },
    },
  }),
  useCase({
    title: 'The next page continues after the cursor and is the last',
    given: bobHasThreeFlirts,
    when: received(bob, `?limit=2&cursor=${afterEve}`),
    then: {
      status: 200,
      body: { flirts: [{ flirtId: flirtId(1), member: { nickname: 'Nancy' } }], nextCursor: null },
    },
  }),
  useCase({
    title: 'A cursor that was not given out is a 400 naming the cursor',
    given: approved(bob),
    when: received(bob, '?cursor=not-a-cursor'),
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A page holds 1 to 50 flirts',
    given: approved(nancy),
    when: sent(nancy, '?limit=51'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
];

const pages = [
  useCase({
    title: 'Bob’s flirts page shows Nancy’s flirt as a card with a flirt-back button',
    given: [...nancyAndBob, flirted(nancy, bob, 1, '2026-06-01T10:00:00.000Z')],
    clock: '2026-06-01T12:00:00.000Z',
    when: { as: bob.memberId, method: 'GET', url: '/flirts' },
    then: {
      status: 200,
      page: [
        'Flirted with you',
        'Nancy',
        '31 years · woman · Stockholm, Sweden · 64 km away',
        'Flirted with you 2 h ago',
        `action="/members/${nancy.memberId}/flirt"`,
        'You have not flirted with anyone yet.',
      ],
    },
  }),
  useCase({
    title: 'Nancy’s flirts page shows Bob among those she flirted with, flirted today',
    given: [...nancyAndBob, flirted(nancy, bob, 1)],
    when: { as: nancy.memberId, method: 'GET', url: '/flirts' },
    then: {
      status: 200,
      page: [
        'You flirted with',
        'Bob',
        'You flirted just now',
        'Flirted today',
        'Nobody has flirted with you yet.',
      ],
      pageLacks: [`action="/members/${bob.memberId}/flirt"`],
    },
  }),
  useCase({
    title: 'Older flirts are a link away, without JavaScript',
    given: bobHasThreeFlirts,
    when: { as: bob.memberId, method: 'GET', url: `/flirts?received=${afterEve}` },
    then: { status: 200, page: ['Nancy'], pageLacks: ['>Eve<', '>Mo<'] },
  }),
  useCase({
    title: 'The flirts page refuses a cursor it did not give out',
    given: approved(bob),
    when: { as: bob.memberId, method: 'GET', url: '/flirts?sent=garbage' },
    then: { status: 400 },
  }),
  useCase({
    title: 'Nobody Bob blocked appears on his flirts page',
    given: [...nancyAndBob, flirted(nancy, bob, 1), blocked(bob, nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/flirts' },
    then: { status: 200, page: ['Nobody has flirted with you yet.'], pageLacks: ['Nancy'] },
  }),
  useCase({
    title: 'Nancy flirts from Bob’s profile and returns there',
    given: nancyAndBob,
    endpoint: FORM,
    when: nancyFlirtsBobOnPage(`/members/${bob.memberId}`),
    then: {
      status: 303,
      location: `/members/${bob.memberId}?flirt=sent&to=${bob.memberId}`,
      events: [emitted(FlirtSent, { senderId: nancy.memberId, recipientId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Flirting from a list keeps the list’s own query',
    given: nancyAndBob,
    endpoint: FORM,
    when: nancyFlirtsBobOnPage(`/search?gender=man&flirt=limit&to=${UNKNOWN}`),
    then: {
      status: 303,
      location: `/search?gender=man&flirt=sent&to=${bob.memberId}`,
      events: [emitted(FlirtSent)],
    },
  }),
  useCase({
    title: 'Without a page to return to, the flirt form leads to the flirts page',
    given: nancyAndBob,
    endpoint: FORM,
    when: nancyFlirtsBobOnPage('https://elsewhere.example/'),
    then: {
      status: 303,
      location: `/flirts?flirt=sent&to=${bob.memberId}#member-${bob.memberId}`,
      events: [emitted(FlirtSent)],
    },
  }),
  useCase({
    title: 'A second flirt from a page the same day returns with the limit, and sends nothing',
    given: nancyAndBob,
    before: [nancyFlirtsBobOnPage()],
    endpoint: FORM,
    when: nancyFlirtsBobOnPage('/flirts'),
    then: { status: 303, location: `/flirts?flirt=limit&to=${bob.memberId}` },
  }),
  useCase({
    title: 'A flirt from a page over the daily budget returns with the budget, and sends nothing',
    given: [...nancyAndBob, ...nancyFlirtedWithMany(FLIRTS_PER_DAY)],
    endpoint: FORM,
    when: nancyFlirtsBobOnPage(),
    then: { status: 303, location: `/flirts?flirt=budget&to=${bob.memberId}#member-${bob.memberId}` },
  }),
  useCase({
    title: 'The flirts page says a flirt went out on that member’s card, not at the top',
    given: [...nancyAndBob, flirted(nancy, bob, 1)],
    when: { as: nancy.memberId, method: 'GET', url: `/flirts?flirt=sent&to=${bob.memberId}` },
    then: {
      status: 200,
      page: [`id="member-${bob.memberId}"`, 'data-feedback-notice', 'You flirted with Bob.'],
      pageLacks: ['<p class="notice" role="status">'],
    },
  }),
  useCase({
    title: 'Nancy flirts back with Bob from the form: the page she returns to nudges her to write',
    given: [...nancyAndBob, flirted(bob, nancy, 1)],
    endpoint: FORM,
    when: nancyFlirtsBobOnPage(),
    then: {
      status: 303,
      location: `/flirts?flirt=mutual&to=${bob.memberId}#member-${bob.memberId}`,
      events: [emitted(FlirtSent)],
    },
  }),
  useCase({
    title: 'The flirts page says when a flirt is mutual',
    given: [...nancyAndBob, flirted(bob, nancy, 1), flirted(nancy, bob, 2)],
    when: { as: nancy.memberId, method: 'GET', url: `/flirts?flirt=mutual&to=${bob.memberId}` },
    then: { status: 200, page: ['You and Bob flirted with each other: say hello with a message!'] },
  }),
  useCase({
    title:
      'Back on Bob’s profile after flirting back, Nancy is told it is mutual, with a link to write to him',
    given: [...nancyAndBob, flirted(bob, nancy, 1, T1), flirted(nancy, bob, 2, T2)],
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: `/members/${bob.memberId}?flirt=mutual&to=${bob.memberId}`,
    },
    then: {
      status: 200,
      page: [
        `You and Bob flirted with each other: say hello with a message! <a href="/chats/${bob.memberId}">Write to Bob</a>`,
      ],
      events: [emitted(ProfileViewed, { viewerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Flirts both ways are a match on the flirts page, with a way to write',
    given: [...nancyAndBob, flirted(bob, nancy, 1, T1), flirted(nancy, bob, 2, T2)],
    when: { as: nancy.memberId, method: 'GET', url: '/flirts' },
    then: {
      status: 200,
      page: ['You like each other', `href="/chats/${bob.memberId}"`, 'Write to Bob'],
    },
  }),
  useCase({
    title: 'A flirt not returned is no match',
    given: [...nancyAndBob, flirted(bob, nancy, 1, T1)],
    when: { as: nancy.memberId, method: 'GET', url: '/flirts' },
    then: { status: 200, pageLacks: ['You like each other'] },
  }),
  useCase({
    title: 'The API says which flirts are a match',
    given: [...nancyAndBob, flirted(bob, nancy, 1, T1), flirted(nancy, bob, 2, T2)],
    when: received(nancy),
    then: { status: 200, body: { flirts: [{ member: bobAsCard, mutual: true }] } },
  }),
  useCase({
    title: 'The flirts page says why a flirt was refused, on that member’s card',
    given: [...nancyAndBob, flirted(nancy, bob, 1)],
    when: { as: nancy.memberId, method: 'GET', url: `/flirts?flirt=limit&to=${bob.memberId}` },
    then: { status: 200, page: ['You already flirted with Bob today. Try again tomorrow.'] },
  }),
  useCase({
    title: 'The flirts page says when the day’s flirts are used up, on the card she pressed it on',
    given: [...nancyAndBob, flirted(bob, nancy, 1)],
    when: { as: nancy.memberId, method: 'GET', url: `/flirts?flirt=budget&to=${bob.memberId}` },
    then: { status: 200, page: [`${FLIRTS_PER_DAY} flirts. More tomorrow.`] },
  }),
  useCase({
    title: 'A flirt form to Bob, who blocked Nancy, finds nobody',
    given: [...nancyAndBob, blocked(bob, nancy)],
    endpoint: FORM,
    when: nancyFlirtsBobOnPage(),
    then: { status: 404 },
  }),
  useCase({
    title: 'A flirt form to Bob, whom Nancy blocked, tells her to unblock first',
    given: [...nancyAndBob, blocked(nancy, bob)],
    endpoint: FORM,
    when: nancyFlirtsBobOnPage(),
    then: { status: 409, page: ['You blocked Bob. Unblock to flirt.'] },
  }),
];

export const useCases = [
  ...sending,
  ...blocking,
  ...suspensions,
  ...lists,
  ...pages,
  ...sanctionedRequestsTo('the flirts he received', '/api/v1/flirts/received'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: her flirt leaves Bob’s received list',
    given: [...nancyAndBob, flirted(nancy, bob, 1), deleted(nancy)],
    when: received(bob),
    then: { status: 200, body: { flirts: [], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy deleted her account: Bob can no longer flirt with her',
    given: [...nancyAndBob, deleted(nancy)],
    when: { as: bob.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: nancy.memberId } },
    then: { status: 404 },
  }),
];
