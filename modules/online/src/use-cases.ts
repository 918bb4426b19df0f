import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, given, useCase, type Given, type When } from '@meetcute/core';
import { approved, bob, eve, mo, nancy, reinstated, signedUp, suspended } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { ProfileViewed } from '@meetcute/profile/events';
import { CityChanged, LookingForChanged, NicknameApproved } from '@meetcute/registration/events';
import { encodeCursor } from './rules.ts';

const API = '/api/v1/online';
const VALIDATION = 'https://meetcute.dev/problems/validation';
const NOT_FOUND = 'https://meetcute.dev/problems/not-found';
const NOBODY = '00000000-0000-7000-8000-000000000999';

/**
 * Everyone approved a month earlier, so the calls below all happen at the use-case
 * clock's start and a member's "last seen" is exactly NOW.
 */
const NOW = '2026-06-01T10:00:00.000Z';
const LATER = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const earlier = (events: Given[]): Given[] => events.map((g) => ({ ...g, at: '2026-05-01T09:00:00.000Z' }));
const members = (...cast: Array<typeof nancy>) => earlier(cast.flatMap((m) => approved(m)));

const blocked = (blockerId: string, blockedId: string) =>
  given(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId, at: '2026-05-02T09:00:00.000Z' });
const unblocked = (blockerId: string, blockedId: string) =>
  given(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId, at: '2026-05-03T09:00:00.000Z' });

/** Any call by a member counts as being seen; this one is the cheapest. */
const visit = (as: string): When => ({ as, method: 'GET', url: '/api/v1/online?limit=1' });
const list = (as: string, query = ''): When => ({ as, method: 'GET', url: `${API}${query}` });
const status = (as: string, memberId: string): When => ({
  as,
  method: 'GET',
  url: `/api/v1/members/${memberId}/online`,
});
const STATUS = 'GET /api/v1/members/:memberId/online';
const STATUS_API = '/api/v1/online/status';
const statuses = (as: string, memberIds: string[]): When => ({
  as,
  method: 'GET',
  url: `${STATUS_API}?members=${memberIds.join(',')}`,
});
const STATUSES = `GET ${STATUS_API}`;

const card = (m: typeof nancy, age: number, distanceKm: number, lastSeenAt = NOW) => ({
  memberId: m.memberId,
  nickname: m.application.nickname,
  age,
  cityLabel: m.application.city.label,
  distanceKm,
  lastSeenAt,
});
// Ages on 2026-06-01; distances from Bob in Uppsala and from Nancy in Stockholm.
const NANCY_FROM_BOB = card(nancy, 31, 64);
const EVE_FROM_BOB = card(eve, 29, 407);
const BOB_FROM_NANCY = card(bob, 34, 64);

export const useCases = [
  // Who is online
  useCase({
    title: 'Bob made a request just now, so Nancy sees him online',
    given: members(nancy, bob),
    before: [visit(bob.memberId)],
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 200, body: { online: true } },
  }),
  useCase({
    title: 'Four minutes after his last request Bob is still online',
    given: members(nancy, bob),
    before: [visit(bob.memberId)],
    clock: LATER(4),
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 200, body: { online: true } },
  }),
  useCase({
    title: 'Six minutes after his last request Bob is no longer online',
    given: members(nancy, bob),
    before: [visit(bob.memberId)],
    clock: LATER(6),
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 200, body: { online: false } },
  }),
  useCase({
    title: 'Bob, approved but not here since, is not online',
    given: members(nancy, bob),
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 200, body: { online: false } },
  }),
  useCase({
    title: 'A member nobody knows is not found',
    given: members(nancy),
    when: status(nancy.memberId, NOBODY),
    endpoint: STATUS,
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Eve, still waiting for review, is not found even right after a request',
    given: [...members(nancy), ...earlier(signedUp(eve))],
    before: [visit(eve.memberId)],
    when: status(nancy.memberId, eve.memberId),
    endpoint: STATUS,
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Bob blocked Nancy: she cannot see whether he is online',
    given: [...members(nancy, bob), blocked(bob.memberId, nancy.memberId)],
    before: [visit(bob.memberId)],
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Nancy blocked Bob: she cannot see whether he is online either',
    given: [...members(nancy, bob), blocked(nancy.memberId, bob.memberId)],
    before: [visit(bob.memberId)],
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Suspended, Bob is not found: Nancy cannot see whether he is online',
    given: [...members(nancy, bob), ...earlier([suspended(bob)])],
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, Nancy sees him online again when he is here',
    given: [...members(nancy, bob), ...earlier([suspended(bob), reinstated(bob)])],
    before: [visit(bob.memberId)],
    when: status(nancy.memberId, bob.memberId),
    endpoint: STATUS,
    then: { status: 200, body: { online: true } },
  }),
  useCase({
    title: 'A member id that is not one is refused, naming it',
    given: members(nancy),
    when: status(nancy.memberId, 'bob'),
    endpoint: STATUS,
    then: { status: 400, body: { type: VALIDATION, errors: [{ field: 'params.memberId' }] } },
  }),
  useCase({
    title: 'Someone not logged in cannot ask who is online',
    when: { method: 'GET', url: `/api/v1/members/${bob.memberId}/online` },
    endpoint: STATUS,
    then: { status: 401 },
  }),

  // The list
  useCase({
    title: 'Bob sees Nancy online with his own preferences; Eve, online too, is beyond his 100 km',
    given: members(nancy, bob, eve, mo),
    before: [visit(nancy.memberId), visit(eve.memberId), visit(mo.memberId)],
    when: list(bob.memberId),
    then: { status: 200, body: { members: [NANCY_FROM_BOB], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy looks for men within 50 km, so Bob 64 km away is online but not listed',
    given: members(nancy, bob),
    before: [visit(bob.memberId)],
    when: list(nancy.memberId),
    then: { status: 200, body: { members: [], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy widens the distance to 100 km and finds Bob online',
    given: members(nancy, bob),
    before: [visit(bob.memberId)],
    when: list(nancy.memberId, '?maxDistanceKm=100'),
    then: { status: 200, body: { members: [BOB_FROM_NANCY], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy now looks for men within 100 km: her online list finds Bob at once',
    given: [
      ...members(nancy, bob),
      ...earlier([
        given(LookingForChanged, {
          memberId: nancy.memberId,
          lookingFor: { ...nancy.application.lookingFor, maxDistanceKm: 100 },
        }),
      ]),
    ],
    before: [visit(bob.memberId)],
    when: list(nancy.memberId),
    then: { status: 200, body: { members: [BOB_FROM_NANCY], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy moved to Uppsala under a new nickname: Bob sees her online there, 0 km away, by it',
    given: [
      ...members(nancy, bob),
      ...earlier([
        given(CityChanged, { memberId: nancy.memberId, city: bob.application.city }),
        given(NicknameApproved, {
          memberId: nancy.memberId,
          moderatorId: mo.memberId,
          nickname: 'NancySails',
        }),
      ]),
    ],
    before: [visit(nancy.memberId)],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: {
        members: [{ ...NANCY_FROM_BOB, nickname: 'NancySails', cityLabel: 'Uppsala, Sweden', distanceKm: 0 }],
      },
    },
  }),
  useCase({
    title: 'Members who were here more than five minutes ago are not listed',
    given: members(nancy, bob),
    before: [visit(nancy.memberId)],
    clock: LATER(6),
    when: list(bob.memberId),
    then: { status: 200, body: { members: [], nextCursor: null } },
  }),
  useCase({
    title: 'Bob never sees himself, though he is online',
    given: members(bob),
    before: [visit(bob.memberId)],
    when: list(bob.memberId, '?gender=man&minAge=18&maxAge=120'),
    then: { status: 200, body: { members: [], nextCursor: null } },
  }),
  useCase({
    title: 'Bob widens the distance: Eve in Helsinki joins Nancy, tied on time, in member id order',
    given: members(nancy, bob, eve),
    before: [visit(eve.memberId), visit(nancy.memberId)],
    when: list(bob.memberId, '?maxDistanceKm=1000'),
    then: { status: 200, body: { members: [NANCY_FROM_BOB, EVE_FROM_BOB], nextCursor: null } },
  }),
  useCase({
    title: 'Bob asks for women aged 30 and up: Nancy (31), not Eve (29)',
    given: members(nancy, bob, eve),
    before: [visit(eve.memberId), visit(nancy.memberId)],
    when: list(bob.memberId, '?maxDistanceKm=1000&minAge=30'),
    then: { status: 200, body: { members: [NANCY_FROM_BOB] } },
  }),
  useCase({
    title: 'Bob asks for non-binary people and men: Mo, not the women',
    given: members(nancy, bob, eve, mo),
    before: [visit(eve.memberId), visit(nancy.memberId), visit(mo.memberId)],
    when: list(bob.memberId, '?gender=nonbinary,man&maxAge=40'),
    then: { status: 200, body: { members: [card(mo, 37, 64)] } },
  }),
  useCase({
    title: 'A page at a time: the first ends with a cursor',
    given: members(nancy, bob, eve),
    before: [visit(eve.memberId), visit(nancy.memberId)],
    when: list(bob.memberId, '?maxDistanceKm=1000&limit=1'),
    then: {
      status: 200,
      body: {
        members: [NANCY_FROM_BOB],
        nextCursor: encodeCursor({ seenAt: NOW, memberId: nancy.memberId }),
      },
    },
  }),
  useCase({
    title: 'The next page continues after the cursor, and is the last',
    given: members(nancy, bob, eve),
    before: [visit(eve.memberId), visit(nancy.memberId)],
    when: list(
      bob.memberId,
      `?maxDistanceKm=1000&limit=1&cursor=${encodeCursor({ seenAt: NOW, memberId: nancy.memberId })}`,
    ),
    then: { status: 200, body: { members: [EVE_FROM_BOB], nextCursor: null } },
  }),
  useCase({
    title: 'Eve, still waiting for review, is never listed though she made a request',
    given: [...members(nancy, bob), ...earlier(signedUp(eve))],
    before: [visit(eve.memberId), visit(nancy.memberId)],
    when: list(bob.memberId, '?maxDistanceKm=1000'),
    then: { status: 200, body: { members: [NANCY_FROM_BOB] } },
  }),

  // Blocks
  useCase({
    title: 'Bob blocked Nancy: she is not in his online list',
    given: [...members(nancy, bob), blocked(bob.memberId, nancy.memberId)],
    before: [visit(nancy.memberId)],
    when: list(bob.memberId),
    then: { status: 200, body: { members: [] } },
  }),
  useCase({
    title: 'Nancy blocked Bob: she is not in his online list either',
    given: [...members(nancy, bob), blocked(nancy.memberId, bob.memberId)],
    before: [visit(nancy.memberId)],
    when: list(bob.memberId),
    then: { status: 200, body: { members: [] } },
  }),
  useCase({
    title: 'Bob blocked Nancy: he is not in her online list',
    given: [...members(nancy, bob), blocked(bob.memberId, nancy.memberId)],
    before: [visit(bob.memberId)],
    when: list(nancy.memberId, '?maxDistanceKm=100'),
    then: { status: 200, body: { members: [] } },
  }),
  useCase({
    title: 'Once Bob lifts his block, Nancy is in his online list again',
    given: [
      ...members(nancy, bob),
      blocked(bob.memberId, nancy.memberId),
      unblocked(bob.memberId, nancy.memberId),
    ],
    before: [visit(nancy.memberId)],
    when: list(bob.memberId),
    then: { status: 200, body: { members: [NANCY_FROM_BOB] } },
  }),
  useCase({
    title: 'Suspended, Bob is in nobody’s online list, though he tries to be here',
    given: [...members(nancy, bob), ...earlier([suspended(bob)])],
    before: [visit(bob.memberId)],
    when: list(nancy.memberId, '?maxDistanceKm=100'),
    then: { status: 200, body: { members: [] } },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, he is in Nancy’s online list again',
    given: [...members(nancy, bob), ...earlier([suspended(bob), reinstated(bob)])],
    before: [visit(bob.memberId)],
    when: list(nancy.memberId, '?maxDistanceKm=100'),
    then: { status: 200, body: { members: [BOB_FROM_NANCY] } },
  }),

  // Bad input, named as search names it
  useCase({
    title: 'A negative age is refused, naming minAge',
    given: members(bob),
    when: list(bob.memberId, '?minAge=-1'),
    then: { status: 400, body: { type: VALIDATION, errors: [{ field: 'minAge' }] } },
  }),
  useCase({
    title: 'A lowest age above the highest is refused, naming minAge',
    given: members(bob),
    when: list(bob.memberId, '?minAge=40&maxAge=30'),
    then: {
      status: 400,
      body: { errors: [{ field: 'minAge', message: 'The lowest age must not be above the highest (30).' }] },
    },
  }),
  useCase({
    title: 'A highest age below the lowest from Bob’s preferences is refused, naming maxAge',
    given: members(bob),
    when: list(bob.memberId, '?maxAge=20'),
    then: { status: 400, body: { errors: [{ field: 'maxAge' }] } },
  }),
  useCase({
    title: 'A distance of zero is refused',
    given: members(bob),
    when: list(bob.memberId, '?maxDistanceKm=0'),
    then: { status: 400, body: { errors: [{ field: 'maxDistanceKm' }] } },
  }),
  useCase({
    title: 'An unknown gender is refused',
    given: members(bob),
    when: list(bob.memberId, '?gender=robot'),
    then: { status: 400, body: { errors: [{ field: 'gender' }] } },
  }),
  useCase({
    title: 'A cursor this list never gave out is refused',
    given: members(bob),
    when: list(bob.memberId, '?cursor=not-a-cursor'),
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'Pages hold 1 to 50 members',
    given: members(bob),
    when: list(bob.memberId, '?limit=51'),
    then: { status: 400, body: { errors: [{ field: 'limit' }] } },
  }),
  useCase({
    title: 'Every mistake is named at once',
    given: members(bob),
    when: list(bob.memberId, '?gender=robot&minAge=x&maxDistanceKm=-5&limit=0'),
    then: {
      status: 400,
      body: {
        errors: [{ field: 'gender' }, { field: 'minAge' }, { field: 'maxDistanceKm' }, { field: 'limit' }],
      },
    },
  }),
  useCase({
    title: 'Bob, still waiting for review, cannot see who is online',
    given: [...members(nancy), ...earlier(signedUp(bob))],
    when: list(bob.memberId),
    then: { status: 403 },
  }),
  useCase({
    title: 'Someone not logged in cannot see who is online',
    when: { method: 'GET', url: API },
    then: { status: 401 },
  }),

  // Pages
  useCase({
    title: 'Bob’s online page is filled in with his preferences and shows Nancy with her badge',
    given: members(nancy, bob),
    before: [visit(nancy.memberId)],
    when: { as: bob.memberId, method: 'GET', url: '/online' },
    then: {
      status: 200,
      page: [
        'Online now',
        'name="minAge"',
        'value="25"',
        'value="35"',
        'value="100"',
        `href="/members/${nancy.memberId}"`,
        '64 km away',
        'Active just now',
        'class="online-badge"',
      ],
    },
  }),
  useCase({
    title: 'The online page says when each member was last active',
    given: members(nancy, bob),
    before: [visit(nancy.memberId)],
    clock: LATER(3),
    when: { as: bob.memberId, method: 'GET', url: '/online' },
    then: { status: 200, page: ['Active 3 min ago'] },
  }),
  useCase({
    title: 'The online page links to the next page with the whole filter and a cursor',
    given: members(nancy, bob, eve),
    before: [visit(eve.memberId), visit(nancy.memberId)],
    when: { as: bob.memberId, method: 'GET', url: '/online?maxDistanceKm=1000&limit=1' },
    then: {
      status: 200,
      page: [
        `/online?gender=woman&amp;minAge=25&amp;maxAge=35&amp;maxDistanceKm=1000&amp;limit=1&amp;cursor=${encodeCursor({ seenAt: NOW, memberId: nancy.memberId })}`,
      ],
      pageLacks: [`href="/members/${eve.memberId}"`],
    },
  }),
  useCase({
    title: 'With nobody online the page says so',
    given: members(nancy, bob),
    when: { as: bob.memberId, method: 'GET', url: '/online' },
    then: { status: 200, page: ['Nobody who matches is online right now.'] },
  }),
  useCase({
    title: 'A bad age on the online page is shown next to the field, with the rest kept',
    given: members(bob),
    when: { as: bob.memberId, method: 'GET', url: '/online?minAge=abc&maxDistanceKm=70' },
    then: {
      status: 400,
      page: ['The lowest age must be a whole number of years from 18 to 120.', 'value="abc"', 'value="70"'],
    },
  }),
  useCase({
    title:
      'The online form sent with every gender unticked asks for one, instead of listing Bob’s usual genders',
    given: members(nancy, bob),
    before: [visit(nancy.memberId)],
    when: { as: bob.memberId, method: 'GET', url: '/online?gender=&minAge=18&maxAge=99&maxDistanceKm=100' },
    then: {
      status: 400,
      page: ['Tick at least one gender to show.', 'id="f-gender" aria-invalid="true"', 'value="99"'],
      // The boxes come back as Bob left them, none ticked, and nobody is listed.
      pageLacks: [' checked', `href="/members/${nancy.memberId}"`],
    },
  }),
  useCase({
    title: 'The online form sends an empty gender beside its boxes, and a ticked box lists that gender',
    given: members(nancy, bob, eve),
    before: [visit(nancy.memberId), visit(eve.memberId)],
    when: { as: nancy.memberId, method: 'GET', url: '/online?gender=&gender=woman&maxDistanceKm=1000' },
    then: {
      status: 200,
      page: [
        '<input type="hidden" name="gender" value="" />',
        'name="gender" value="woman" checked',
        `href="/members/${eve.memberId}"`,
      ],
      pageLacks: ['name="gender" value="man" checked', `href="/members/${bob.memberId}"`],
    },
  }),
  useCase({
    title: 'In Swedish, the online form with no gender ticked says so in Swedish',
    given: members(bob),
    when: {
      as: bob.memberId,
      method: 'GET',
      url: '/online?gender=',
      headers: { 'accept-language': 'sv' },
    },
    then: { status: 400, page: ['Kryssa i minst ett kön att visa.'] },
  }),
  useCase({
    title: 'Bob, still waiting for review, is sent to his sign-up instead of the online page',
    given: earlier(signedUp(bob)),
    when: { as: bob.memberId, method: 'GET', url: '/online' },
    then: { status: 303, location: '/registration?closed=1' },
  }),

  // The badge elsewhere
  useCase({
    title: 'Nancy sees the online badge on Bob’s profile while he is here',
    given: members(nancy, bob),
    before: [visit(bob.memberId)],
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    endpoint: 'GET /members/:memberId',
    then: {
      status: 200,
      page: ['class="online-badge"', 'Online'],
      events: [emitted(ProfileViewed, { viewerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'No online badge on Bob’s profile six minutes after he left',
    given: members(nancy, bob),
    before: [visit(bob.memberId)],
    clock: LATER(6),
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    endpoint: 'GET /members/:memberId',
    then: {
      status: 200,
      // Drawn hidden, so her open page can show it when he comes back.
      page: [`data-presence="${bob.memberId}" title="Online now" hidden`],
      events: [emitted(ProfileViewed, { viewerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Search results show the online badge on Nancy’s card',
    given: members(nancy, bob),
    before: [visit(nancy.memberId)],
    when: { as: bob.memberId, method: 'GET', url: '/search' },
    then: { status: 200, page: [`href="/members/${nancy.memberId}"`, 'class="online-badge"'] },
  }),
  ...sanctionedRequestsTo('whether Nancy is online', `/api/v1/members/${nancy.memberId}/online`),

  // What an open page's badges should say
  useCase({
    title: 'Bob’s open page asks which of its members are online: Nancy, here just now, is; Eve is not',
    given: members(nancy, bob, eve),
    before: [visit(nancy.memberId)],
    when: statuses(bob.memberId, [nancy.memberId, eve.memberId]),
    endpoint: STATUSES,
    then: { status: 200, body: { online: [nancy.memberId] } },
  }),
  useCase({
    title: 'Six minutes after Nancy’s last request, Bob’s open page hears she is no longer online',
    given: members(nancy, bob),
    before: [visit(nancy.memberId)],
    clock: LATER(6),
    when: statuses(bob.memberId, [nancy.memberId]),
    endpoint: STATUSES,
    then: { status: 200, body: { online: [] } },
  }),
  useCase({
    title: 'Nancy blocked Bob: to his open page she is never online',
    given: [...members(nancy, bob), blocked(nancy.memberId, bob.memberId)],
    before: [visit(nancy.memberId)],
    when: statuses(bob.memberId, [nancy.memberId]),
    endpoint: STATUSES,
    then: { status: 200, body: { online: [] } },
  }),
  useCase({
    title: 'Someone who made requests but is no approved member is never online to others',
    given: members(bob),
    before: [visit(nancy.memberId)],
    when: statuses(bob.memberId, [nancy.memberId, NOBODY]),
    endpoint: STATUSES,
    then: { status: 200, body: { online: [] } },
  }),
  useCase({
    title: 'Members that are not a list of ids are refused, naming the parameter',
    given: members(bob),
    when: { as: bob.memberId, method: 'GET', url: `${STATUS_API}?members=${nancy.memberId},bob` },
    endpoint: STATUSES,
    then: { status: 400, body: { type: VALIDATION, errors: [{ field: 'querystring.members' }] } },
  }),
  useCase({
    title: 'More than a hundred members at once are refused',
    given: members(bob),
    when: statuses(
      bob.memberId,
      Array.from({ length: 101 }, () => nancy.memberId),
    ),
    endpoint: STATUSES,
    then: { status: 400, body: { type: VALIDATION, errors: [{ field: 'querystring.members' }] } },
  }),
  useCase({
    title: 'Someone not logged in cannot ask which members are online',
    when: { method: 'GET', url: `${STATUS_API}?members=${nancy.memberId}` },
    endpoint: STATUSES,
    then: { status: 401 },
  }),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Bob deleted his account right after a request: Nancy never sees him online',
    given: [...members(nancy, bob), deleted(bob)],
    before: [visit(bob.memberId)],
    when: list(nancy.memberId),
    then: { status: 200, body: { members: [] } },
  }),
];
