import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, given, useCase } from '@meetcute/core';
import { approved, bob, eve, mo, nancy, reinstated, signedUp, suspended } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { ProfileViewed } from '@meetcute/profile/events';
import { FavouriteAdded, FavouriteRemoved } from './events.ts';
import { encodeCursor } from './rules.ts';

const NOBODY = '00000000-0000-7000-8000-000000000999';

const favoured = (memberId: string, favouriteId: string, at?: string) =>
  given(FavouriteAdded, { memberId, favouriteId }, at ? { actorId: memberId, at } : { actorId: memberId });
const unfavoured = (memberId: string, favouriteId: string) =>
  given(FavouriteRemoved, { memberId, favouriteId }, { actorId: memberId });
const blocked = (blockerId: string, blockedId: string) =>
  given(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId });
const unblocked = (blockerId: string, blockedId: string) =>
  given(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId });

const nancyAndBob = [...approved(nancy), ...approved(bob)];
const bobBlockedNancy = [...nancyAndBob, blocked(bob.memberId, nancy.memberId)];

/** Nancy saved Bob, then Eve, then Mo, a minute apart. */
const AT = ['2026-06-01T10:01:00.000Z', '2026-06-01T10:02:00.000Z', '2026-06-01T10:03:00.000Z'] as const;
const threeFavourites = [
  ...nancyAndBob,
  ...approved(eve),
  ...approved(mo),
  favoured(nancy.memberId, bob.memberId, AT[0]),
  favoured(nancy.memberId, eve.memberId, AT[1]),
  favoured(nancy.memberId, mo.memberId, AT[2]),
];
const afterEve = encodeCursor({ at: AT[1], id: eve.memberId });

const card = (member: typeof nancy, age: number) => ({
  memberId: member.memberId,
  nickname: member.application.nickname,
  age,
  cityLabel: member.application.city.label,
});

const api = {
  remove: 'DELETE /api/v1/favourites/:memberId',
  status: 'GET /api/v1/favourites/:memberId',
  favourite: 'POST /members/:memberId/favourite',
  unfavourite: 'POST /members/:memberId/unfavourite',
};
const add = (as: string, memberId: string) =>
  ({ as, method: 'POST', url: '/api/v1/favourites', body: { memberId } }) as const;
const list = (as: string, query = '') => ({ as, method: 'GET', url: `/api/v1/favourites${query}` }) as const;
const status = (as: string, memberId: string) =>
  ({ as, method: 'GET', url: `/api/v1/favourites/${memberId}` }) as const;
const remove = (as: string, memberId: string) =>
  ({ as, method: 'DELETE', url: `/api/v1/favourites/${memberId}` }) as const;
const BLOCKED = 'https://meetcute.dev/problems/blocked';
const NOT_FOUND = 'https://meetcute.dev/problems/not-found';

export const useCases = [
  // Adding
  useCase({
    title: 'Nancy adds Bob to her favourites',
    given: nancyAndBob,
    when: add(nancy.memberId, bob.memberId),
    then: {
      status: 201,
      body: { memberId: bob.memberId, favourite: true },
      events: [emitted(FavouriteAdded, { memberId: nancy.memberId, favouriteId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Adding a favourite again changes nothing',
    given: [...nancyAndBob, favoured(nancy.memberId, bob.memberId)],
    when: add(nancy.memberId, bob.memberId),
    then: { status: 200, body: { memberId: bob.memberId, favourite: true } },
  }),
  useCase({
    title: 'Nobody can be their own favourite',
    given: nancyAndBob,
    when: add(nancy.memberId, nancy.memberId),
    then: {
      status: 400,
      body: { errors: [{ field: 'memberId', message: 'You cannot make yourself a favourite.' }] },
    },
  }),
  useCase({
    title: 'Adding an unknown member is a 404',
    given: nancyAndBob,
    when: add(nancy.memberId, NOBODY),
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'A member still in review cannot be a favourite yet: 404, as if absent',
    given: [...approved(nancy), ...signedUp(eve)],
    when: add(nancy.memberId, eve.memberId),
    then: { status: 404 },
  }),
  useCase({
    title: 'Adding a favourite needs a member id',
    given: nancyAndBob,
    when: add(nancy.memberId, 'bob'),
    then: { status: 400, body: { errors: [{ field: 'memberId' }] } },
  }),
  useCase({
    title: 'A member still in review cannot keep favourites yet',
    given: [...approved(bob), ...signedUp(eve)],
    when: add(eve.memberId, bob.memberId),
    then: { status: 403 },
  }),
  useCase({
    title: 'Someone not logged in cannot keep favourites',
    given: nancyAndBob,
    when: { method: 'POST', url: '/api/v1/favourites', body: { memberId: bob.memberId } },
    then: { status: 401 },
  }),
  useCase({
    title: 'Bob, who blocked Nancy, is told why he cannot add her',
    given: bobBlockedNancy,
    when: add(bob.memberId, nancy.memberId),
    then: { status: 409, body: { type: BLOCKED, title: 'You blocked this member' } },
  }),
  useCase({
    title: 'Nancy, blocked by Bob, cannot add him: 404, as if he were absent',
    given: bobBlockedNancy,
    when: add(nancy.memberId, bob.memberId),
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'After Bob lifts his block, Nancy can add him again',
    given: [...bobBlockedNancy, unblocked(bob.memberId, nancy.memberId)],
    when: add(nancy.memberId, bob.memberId),
    then: { status: 201, events: [emitted(FavouriteAdded, { favouriteId: bob.memberId })] },
  }),

  // Removing
  useCase({
    title: 'Nancy takes Bob off her favourites',
    given: [...nancyAndBob, favoured(nancy.memberId, bob.memberId)],
    endpoint: api.remove,
    when: remove(nancy.memberId, bob.memberId),
    then: {
      status: 204,
      events: [emitted(FavouriteRemoved, { memberId: nancy.memberId, favouriteId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Taking off someone who is not a favourite is a 404',
    given: [...nancyAndBob, favoured(bob.memberId, nancy.memberId)],
    endpoint: api.remove,
    when: remove(nancy.memberId, bob.memberId),
    then: { status: 404, body: { detail: 'This favourite does not exist or is not visible to you.' } },
  }),
  useCase({
    title: 'Taking oneself off one’s favourites is a 400',
    given: nancyAndBob,
    endpoint: api.remove,
    when: remove(nancy.memberId, nancy.memberId),
    then: { status: 400, body: { errors: [{ field: 'memberId' }] } },
  }),
  useCase({
    title: 'Taking off a member with a malformed id is a 400 naming the id',
    given: nancyAndBob,
    endpoint: api.remove,
    when: remove(nancy.memberId, 'bob'),
    then: { status: 400, body: { errors: [{ field: 'params.memberId' }] } },
  }),
  useCase({
    title: 'Bob, who blocked Nancy, is told why there is no favourite to take off',
    given: bobBlockedNancy,
    endpoint: api.remove,
    when: remove(bob.memberId, nancy.memberId),
    then: { status: 409, body: { type: BLOCKED } },
  }),
  useCase({
    title: 'Nancy, blocked by Bob, finds no Bob to take off: 404',
    given: bobBlockedNancy,
    endpoint: api.remove,
    when: remove(nancy.memberId, bob.memberId),
    then: { status: 404 },
  }),

  // The list
  useCase({
    title: 'Nancy’s favourites come newest first, a page at a time',
    given: threeFavourites,
    when: list(nancy.memberId, '?limit=2'),
    then: {
      status: 200,
      body: {
        favourites: [
          { member: card(mo, 37), addedAt: AT[2] },
          { member: card(eve, 29), addedAt: AT[1] },
        ],
        nextCursor: afterEve,
      },
    },
  }),
  useCase({
    title: 'The cursor of one page leads to the older favourites, and the last page says so',
    given: threeFavourites,
    when: list(nancy.memberId, `?limit=2&cursor=${afterEve}`),
    then: {
      status: 200,
      body: { favourites: [{ member: card(bob, 34), addedAt: AT[0] }], nextCursor: null },
    },
  }),
  useCase({
    title: 'A favourite taken off is no longer in the list',
    given: [...threeFavourites, unfavoured(nancy.memberId, eve.memberId)],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: {
        favourites: [{ member: { memberId: mo.memberId } }, { member: { memberId: bob.memberId } }],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'A made-up cursor is a 400 naming the cursor',
    given: threeFavourites,
    when: list(nancy.memberId, '?cursor=not-a-cursor'),
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A page holds 1 to 50 favourites',
    given: threeFavourites,
    when: list(nancy.memberId, '?limit=51'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'An empty page is not a page',
    given: threeFavourites,
    when: list(nancy.memberId, '?limit=0'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'Bob blocking Nancy hides her from his favourites',
    given: [
      ...nancyAndBob,
      favoured(nancy.memberId, bob.memberId),
      favoured(bob.memberId, nancy.memberId),
      blocked(bob.memberId, nancy.memberId),
    ],
    when: list(bob.memberId),
    then: { status: 200, body: { favourites: [], nextCursor: null } },
  }),
  useCase({
    title: 'Bob blocking Nancy hides him from her favourites',
    given: [
      ...nancyAndBob,
      favoured(nancy.memberId, bob.memberId),
      favoured(bob.memberId, nancy.memberId),
      blocked(bob.memberId, nancy.memberId),
    ],
    when: list(nancy.memberId),
    then: { status: 200, body: { favourites: [], nextCursor: null } },
  }),
  useCase({
    title: 'Favourites a block hid come back when it is lifted',
    given: [
      ...nancyAndBob,
      favoured(nancy.memberId, bob.memberId),
      favoured(bob.memberId, nancy.memberId),
      blocked(bob.memberId, nancy.memberId),
      unblocked(bob.memberId, nancy.memberId),
    ],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: { favourites: [{ member: { memberId: bob.memberId } }], nextCursor: null },
    },
  }),
  useCase({
    title: 'A favourite that raced a block is hidden while it lasts',
    given: [...bobBlockedNancy, favoured(nancy.memberId, bob.memberId)],
    when: list(nancy.memberId),
    then: { status: 200, body: { favourites: [] } },
  }),
  useCase({
    title: 'A favourite that raced a block is kept: it is there once the block is lifted',
    given: [
      ...bobBlockedNancy,
      favoured(nancy.memberId, bob.memberId),
      unblocked(bob.memberId, nancy.memberId),
    ],
    when: list(nancy.memberId),
    then: { status: 200, body: { favourites: [{ member: { memberId: bob.memberId } }] } },
  }),

  // A suspension hides the suspended member without removing anything
  useCase({
    title: 'Suspended, Bob is not in Nancy’s favourites',
    given: [...threeFavourites, suspended(bob)],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: {
        favourites: [
          { member: card(mo, 37), addedAt: AT[2] },
          { member: card(eve, 29), addedAt: AT[1] },
        ],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, he is in Nancy’s favourites again',
    given: [...threeFavourites, suspended(bob), reinstated(bob)],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: {
        favourites: [
          { member: card(mo, 37), addedAt: AT[2] },
          { member: card(eve, 29), addedAt: AT[1] },
          { member: card(bob, 34), addedAt: AT[0] },
        ],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'Nancy cannot add suspended Bob to her favourites: 404, as if he were absent',
    given: [...nancyAndBob, suspended(bob)],
    when: add(nancy.memberId, bob.memberId),
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, Nancy can add him to her favourites',
    given: [...nancyAndBob, suspended(bob), reinstated(bob)],
    when: add(nancy.memberId, bob.memberId),
    then: { status: 201, events: [emitted(FavouriteAdded, { favouriteId: bob.memberId })] },
  }),

  // One member
  useCase({
    title: 'Nancy asks whether Bob is one of her favourites: yes',
    given: [...nancyAndBob, favoured(nancy.memberId, bob.memberId)],
    endpoint: api.status,
    when: status(nancy.memberId, bob.memberId),
    then: { status: 200, body: { favourite: true } },
  }),
  useCase({
    title: 'Bob asks whether Nancy is one of his favourites: not (she chose him, not the other way)',
    given: [...nancyAndBob, favoured(nancy.memberId, bob.memberId)],
    endpoint: api.status,
    when: status(bob.memberId, nancy.memberId),
    then: { status: 200, body: { favourite: false } },
  }),
  useCase({
    title: 'Asking about an unknown member is a 404',
    given: nancyAndBob,
    endpoint: api.status,
    when: status(nancy.memberId, NOBODY),
    then: { status: 404 },
  }),
  useCase({
    title: 'Asking about oneself is a 400',
    given: nancyAndBob,
    endpoint: api.status,
    when: status(nancy.memberId, nancy.memberId),
    then: { status: 400, body: { errors: [{ field: 'memberId' }] } },
  }),
  useCase({
    title: 'To Nancy, blocked by Bob, Bob is not visible: 404',
    given: bobBlockedNancy,
    endpoint: api.status,
    when: status(nancy.memberId, bob.memberId),
    then: { status: 404 },
  }),
  useCase({
    title: 'To Bob, who blocked Nancy, Nancy is not visible either: 404',
    given: bobBlockedNancy,
    endpoint: api.status,
    when: status(bob.memberId, nancy.memberId),
    then: { status: 404 },
  }),

  // Pages
  useCase({
    title: 'Nancy’s favourites page shows each one as a card with a button to remove it',
    given: [...threeFavourites],
    when: { as: nancy.memberId, method: 'GET', url: '/favourites' },
    then: {
      status: 200,
      page: [
        '<h1>Favourites</h1>',
        `href="/members/${mo.memberId}"`,
        'Bob',
        '34 years · man · Uppsala, Sweden',
        'added 1 Jun 2026',
        `action="/members/${bob.memberId}/unfavourite"`,
        'Remove favourite',
        // The button comes back to Bob's card, not to the top of the list.
        `name="back" value="/favourites#member-${bob.memberId}"`,
        `id="member-${bob.memberId}"`,
      ],
      pageLacks: ['Older'],
    },
  }),
  useCase({
    title: 'Back on Bob’s profile from the button, Nancy reads beside it that he is in her favourites',
    given: nancyAndBob,
    before: [add(nancy.memberId, bob.memberId)],
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: `/members/${bob.memberId}?favourite=added&to=${bob.memberId}`,
      headers: { 'accept-language': 'sv' },
    },
    endpoint: 'GET /members/:memberId',
    then: {
      status: 200,
      // In the profile's row of buttons, where she pressed it, and where its button comes back to.
      page: [
        'id="actions"',
        'data-feedback-notice>Tillagd bland dina favoriter.',
        'Ta bort favorit',
        `name="back" value="/members/${bob.memberId}#actions"`,
      ],
      events: [emitted(ProfileViewed, { viewerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'An outcome nobody wrote in the favourites page’s address shows the page as it is',
    given: nancyAndBob,
    before: [add(nancy.memberId, bob.memberId)],
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: `/favourites?favourite=%3Cscript%3E&to=${bob.memberId}`,
    },
    then: {
      status: 200,
      page: [`id="member-${bob.memberId}"`],
      pageLacks: ['data-feedback-notice', '<script>'],
    },
  }),
  useCase({
    title: 'Right after Nancy adds Bob, his profile offers to remove him',
    given: nancyAndBob,
    before: [add(nancy.memberId, bob.memberId)],
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: {
      status: 200,
      page: [`action="/members/${bob.memberId}/unfavourite"`, 'Remove favourite'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Once Nancy took Bob off her favourites, his profile offers to add him again',
    given: [...nancyAndBob, favoured(nancy.memberId, bob.memberId)],
    before: [{ as: nancy.memberId, method: 'DELETE', url: `/api/v1/favourites/${bob.memberId}` }],
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: {
      status: 200,
      page: [`action="/members/${bob.memberId}/favourite"`],
      pageLacks: [`action="/members/${bob.memberId}/unfavourite"`],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'The favourites page links to older favourites without JavaScript',
    given: threeFavourites,
    when: { as: nancy.memberId, method: 'GET', url: '/favourites?limit=2' },
    then: { status: 200, page: [`href="/favourites?cursor=${afterEve}"`, 'Older'], pageLacks: ['Bob'] },
  }),
  useCase({
    title: 'The favourites page in Swedish',
    given: threeFavourites,
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: '/favourites',
      headers: { 'accept-language': 'sv' },
    },
    then: { status: 200, page: ['<h1>Favoriter</h1>', 'Ta bort favorit', 'tillagd 1 juni 2026'] },
  }),
  useCase({
    title: 'With no favourites the page says how to add one',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/favourites' },
    then: { status: 200, page: ['No favourites yet.'] },
  }),
  useCase({
    title: 'The favourites page with a made-up cursor is a 400 page',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/favourites?cursor=xyz' },
    then: { status: 400, page: ['cursor'] },
  }),
  useCase({
    title: 'Nancy adds Bob with the button on his profile and is back on it, where it says so',
    given: nancyAndBob,
    endpoint: api.favourite,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/members/${bob.memberId}/favourite`,
      form: true,
      body: { back: `/members/${bob.memberId}` },
    },
    then: {
      status: 303,
      location: `/members/${bob.memberId}?favourite=added&to=${bob.memberId}`,
      events: [emitted(FavouriteAdded, { memberId: nancy.memberId, favouriteId: bob.memberId })],
    },
  }),
  useCase({
    title: 'The favourite button never sends anyone to another site',
    given: nancyAndBob,
    endpoint: api.favourite,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/members/${bob.memberId}/favourite`,
      form: true,
      body: { back: 'https://evil.example/' },
    },
    then: {
      status: 303,
      location: `/favourites?favourite=added&to=${bob.memberId}`,
      events: [emitted(FavouriteAdded)],
    },
  }),
  useCase({
    title: 'Bob, who blocked Nancy, gets a page saying why he cannot add her',
    given: bobBlockedNancy,
    endpoint: api.favourite,
    when: {
      as: bob.memberId,
      method: 'POST',
      url: `/members/${nancy.memberId}/favourite`,
      form: true,
      body: {},
    },
    then: { status: 409, page: ['You blocked this member', 'Unblock them first'] },
  }),
  useCase({
    title: 'Nancy removes Bob with the button on her favourites page and is back on it',
    given: [...nancyAndBob, favoured(nancy.memberId, bob.memberId)],
    endpoint: api.unfavourite,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/members/${bob.memberId}/unfavourite`,
      form: true,
      body: { back: '/favourites' },
    },
    then: {
      status: 303,
      location: `/favourites?favourite=removed&to=${bob.memberId}`,
      events: [emitted(FavouriteRemoved, { memberId: nancy.memberId, favouriteId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Removing a favourite twice (an old tab) just goes back',
    given: nancyAndBob,
    endpoint: api.unfavourite,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/members/${bob.memberId}/unfavourite`,
      form: true,
      body: { back: `/members/${bob.memberId}` },
    },
    then: { status: 303, location: `/members/${bob.memberId}?favourite=removed&to=${bob.memberId}` },
  }),
  useCase({
    title: 'The favourite button needs the form’s token',
    given: nancyAndBob,
    endpoint: api.favourite,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/members/${bob.memberId}/favourite`,
      form: true,
      body: { _csrf: 'forged' },
    },
    then: { status: 403 },
  }),
  ...sanctionedRequestsTo('his favourites', '/api/v1/favourites'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: she leaves Bob’s favourites, and hers go with her',
    given: [
      ...nancyAndBob,
      favoured(bob.memberId, nancy.memberId),
      favoured(nancy.memberId, bob.memberId),
      deleted(nancy),
    ],
    when: list(bob.memberId),
    then: { status: 200, body: { favourites: [], nextCursor: null } },
  }),
];
