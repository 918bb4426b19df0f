import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, encodeCursor, given, useCase } from '@meetcute/core';
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
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { AboutMeApproved, AboutMeRejected, ProfileViewed } from '@meetcute/profile/events';
import {
  PhotoApproved,
  PhotoDeleted,
  PhotoLiked,
  PhotoRejected,
  PrivateAlbumLocked,
  PrivateAlbumUnlocked,
} from '@meetcute/photos/events';
import { AlertsRead } from './events.ts';

let flirts = 0;
const flirted = (senderId: string, recipientId: string, at?: string) =>
  given(
    FlirtSent,
    { flirtId: `00000000-0000-7000-8000-${String(++flirts).padStart(12, '0')}`, senderId, recipientId },
    at ? { actorId: senderId, at } : { actorId: senderId },
  );
const viewed = (viewerId: string, memberId: string, at?: string) =>
  given(ProfileViewed, { viewerId, memberId }, at ? { actorId: viewerId, at } : { actorId: viewerId });
const favoured = (memberId: string, favouriteId: string, at?: string) =>
  given(FavouriteAdded, { memberId, favouriteId }, at ? { actorId: memberId, at } : { actorId: memberId });
const photoLiked = (memberId: string, ownerId: string, n: number) =>
  given(
    PhotoLiked,
    { photoId: `00000000-0000-7000-8000-a${String(n).padStart(11, '0')}`, ownerId, memberId },
    { actorId: memberId },
  );
const photoDeleted = (ownerId: string, n: number) =>
  given(
    PhotoDeleted,
    { photoId: `00000000-0000-7000-8000-a${String(n).padStart(11, '0')}`, ownerId },
    { actorId: ownerId },
  );
const read = (memberId: string, upTo: string) => given(AlertsRead, { memberId, upTo }, { actorId: memberId });
const blocked = (blockerId: string, blockedId: string) =>
  given(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId });
const unblocked = (blockerId: string, blockedId: string) =>
  given(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId });

const photoApproved = (ownerId: string, n: number, album: 'public' | 'private' = 'public') =>
  given(
    PhotoApproved,
    { photoId: `00000000-0000-7000-8000-a${String(n).padStart(11, '0')}`, ownerId, album },
    { actorId: mo.memberId },
  );
const photoRejected = (ownerId: string, n: number, reason: string) =>
  given(
    PhotoRejected,
    { photoId: `00000000-0000-7000-8000-a${String(n).padStart(11, '0')}`, ownerId, reason },
    { actorId: mo.memberId },
  );

const nancyUnlockedForBob = (at?: string) =>
  given(
    PrivateAlbumUnlocked,
    { ownerId: nancy.memberId, memberId: bob.memberId },
    at === undefined ? { actorId: nancy.memberId } : { actorId: nancy.memberId, at },
  );
/**
 * Members approved well before everything below, who have read their welcome alert: it
 * stays at the end of their list, read.
 */
const SETTLED = '2026-05-01T00:00:00.000Z';
const settled = (member: CastMember) => [
  ...approved(member).map((g) => ({ ...g, at: SETTLED })),
  read(member.memberId, SETTLED),
];
/** The alert every approved member got first. */
const welcome = { kind: 'registration-approved', actor: null, at: SETTLED, unread: false } as const;
const nancyAndBob = [...settled(nancy), ...settled(bob)];
/** Nancy and Bob, and a photo in Nancy's private album. */
const nancyWithPrivatePhoto = [...nancyAndBob, photoApproved(nancy.memberId, 9, 'private')];
const everyone = [...nancyAndBob, ...settled(eve)];

// Two hours before the use cases' clock (10:00 UTC), then one hour, then on 2 June.
const EARLY = '2026-06-01T08:00:00.000Z';
const LATER = '2026-06-01T09:00:00.000Z';
const NEXT_DAY = '2026-06-02T09:00:00.000Z';

const nancyCard = { memberId: nancy.memberId, nickname: 'Nancy', age: 31, cityLabel: 'Stockholm, Sweden' };
const bobCard = { memberId: bob.memberId, nickname: 'Bob', age: 34, cityLabel: 'Uppsala, Sweden' };
const eveCard = { memberId: eve.memberId, nickname: 'Eve', age: 29, cityLabel: 'Helsinki, Finland' };

/** Nancy flirted with Bob early; Eve added him to her favourites later. */
const twoAlerts = [
  ...everyone,
  flirted(nancy.memberId, bob.memberId, EARLY),
  favoured(eve.memberId, bob.memberId, LATER),
];
/** Nancy flirted with Bob, and Bob visited Nancy: an alert each way. */
const eachWay = [...nancyAndBob, flirted(nancy.memberId, bob.memberId), viewed(bob.memberId, nancy.memberId)];

const list = (as: string, query = '') => ({ as, method: 'GET', url: `/api/v1/alerts${query}` }) as const;
const unread = (as: string) => ({ as, method: 'GET', url: '/api/v1/alerts/unread' }) as const;
const markRead = (as: string) => ({ as, method: 'POST', url: '/api/v1/alerts/read' }) as const;
const onlyWelcome = { status: 200, body: { items: [welcome], nextCursor: null } };

export const useCases = [
  useCase({
    title: 'Bob flirts back at Nancy, who flirted first: Nancy hears they like each other',
    given: [...nancyAndBob, flirted(nancy.memberId, bob.memberId)],
    before: [{ as: bob.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: nancy.memberId } }],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'match', actor: bobCard, unread: true }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'Nancy’s match alert takes her straight to writing to Bob',
    given: [...nancyAndBob, flirted(nancy.memberId, bob.memberId), flirted(bob.memberId, nancy.memberId)],
    when: { as: nancy.memberId, method: 'GET', url: '/alerts' },
    then: {
      status: 200,
      page: ['Bob flirted back: you like each other!', `href="/chats/${bob.memberId}"`, 'Write to Bob'],
      events: [emitted(AlertsRead, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'The one who flirted back saw the match at once; Nancy flirting again is a plain flirt for Bob',
    given: [
      ...nancyAndBob,
      flirted(nancy.memberId, bob.memberId, '2026-05-20T10:00:00.000Z'),
      flirted(bob.memberId, nancy.memberId, '2026-05-21T10:00:00.000Z'),
      flirted(nancy.memberId, bob.memberId, '2026-05-22T10:00:00.000Z'),
    ],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: {
        items: [{ kind: 'flirt', actor: nancyCard }, { kind: 'flirt', actor: nancyCard }, welcome],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'A pair matches once: Bob’s next flirt at Nancy is a flirt again',
    given: [
      ...nancyAndBob,
      flirted(nancy.memberId, bob.memberId, '2026-05-20T10:00:00.000Z'),
      flirted(bob.memberId, nancy.memberId, '2026-05-21T10:00:00.000Z'),
      flirted(bob.memberId, nancy.memberId, '2026-05-23T10:00:00.000Z'),
    ],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: {
        items: [{ kind: 'flirt', actor: bobCard }, { kind: 'match', actor: bobCard }, welcome],
        nextCursor: null,
      },
    },
  }),
  // USE-CASES.md #5, the alert part
  useCase({
    title: 'Nancy flirts with Bob: Bob has one unread alert naming Nancy with her age and city',
    given: nancyAndBob,
    before: [{ as: nancy.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: bob.memberId } }],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'flirt', actor: nancyCard, unread: true }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'After Nancy’s flirt Bob has one unread alert',
    given: [...nancyAndBob, flirted(nancy.memberId, bob.memberId)],
    when: unread(bob.memberId),
    then: { status: 200, body: { count: 1 } },
  }),
  useCase({
    title: 'The one who flirted gets no alert for it',
    given: [...nancyAndBob, flirted(nancy.memberId, bob.memberId)],
    when: list(nancy.memberId),
    then: onlyWelcome,
  }),

  // Visits
  useCase({
    title: 'Nancy views Bob’s profile twice today: Bob has one visit alert',
    given: nancyAndBob,
    before: [
      { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
      { as: nancy.memberId, method: 'GET', url: `/api/v1/profiles/${bob.memberId}` },
    ],
    when: list(bob.memberId),
    then: { status: 200, body: { items: [{ kind: 'visit', actor: nancyCard, unread: true }, welcome] } },
  }),
  useCase({
    title: 'A visit the next day (UTC) is a new alert, above the first',
    given: [
      ...nancyAndBob,
      viewed(nancy.memberId, bob.memberId, LATER),
      viewed(nancy.memberId, bob.memberId, NEXT_DAY),
    ],
    clock: '2026-06-02T10:00:00.000Z',
    when: list(bob.memberId),
    then: {
      status: 200,
      body: {
        items: [{ kind: 'visit', at: NEXT_DAY }, { kind: 'visit', at: LATER }, welcome],
      },
    },
  }),
  useCase({
    title: 'Looking at one’s own profile gives no alert',
    given: [...nancyAndBob, viewed(bob.memberId, bob.memberId)],
    when: list(bob.memberId),
    then: onlyWelcome,
  }),

  // Favourites
  useCase({
    title: 'Eve adds Bob to her favourites: Bob has an alert naming Eve',
    given: everyone,
    before: [
      { as: eve.memberId, method: 'POST', url: '/api/v1/favourites', body: { memberId: bob.memberId } },
    ],
    when: list(bob.memberId),
    then: { status: 200, body: { items: [{ kind: 'favourite', actor: eveCard, unread: true }, welcome] } },
  }),
  useCase({
    title: 'Adding, removing and adding Bob again the same day gives him one favourite alert',
    given: [
      ...everyone,
      favoured(eve.memberId, bob.memberId, EARLY),
      favoured(eve.memberId, bob.memberId, LATER),
    ],
    when: list(bob.memberId),
    then: { status: 200, body: { items: [{ kind: 'favourite', at: EARLY }, welcome] } },
  }),

  // Paging
  useCase({
    title: 'Alerts come newest first, a page at a time',
    given: twoAlerts,
    when: list(bob.memberId, '?limit=1'),
    then: { status: 200, body: { items: [{ kind: 'favourite', actor: eveCard, at: LATER }] } },
  }),
  useCase({
    title: 'The cursor leads to older alerts, and the last page says so',
    given: twoAlerts,
    when: list(
      bob.memberId,
      `?limit=2&cursor=${encodeCursor({ at: LATER, id: '00000000-0000-0000-0000-000000000000' })}`,
    ),
    then: {
      status: 200,
      body: { items: [{ kind: 'flirt', actor: nancyCard, at: EARLY }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'A made-up cursor is a 400 naming the cursor',
    given: twoAlerts,
    when: list(bob.memberId, '?cursor=bm90LWEtY3Vyc29y'),
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A page holds at most 50 alerts',
    given: twoAlerts,
    when: list(bob.memberId, '?limit=51'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'Only Bob sees Bob’s alerts',
    given: twoAlerts,
    when: list(eve.memberId),
    then: onlyWelcome,
  }),

  // Reading
  useCase({
    title: 'Bob marks all his alerts read',
    given: twoAlerts,
    when: markRead(bob.memberId),
    then: {
      status: 200,
      body: { unread: 0 },
      events: [emitted(AlertsRead, { memberId: bob.memberId, upTo: LATER })],
    },
  }),
  useCase({
    title: 'After marking all read Bob’s alerts are no longer unread',
    given: twoAlerts,
    before: [markRead(bob.memberId)],
    when: list(bob.memberId),
    then: { status: 200, body: { items: [{ unread: false }, { unread: false }, welcome] } },
  }),
  useCase({
    title: 'After marking all read the unread count is 0',
    given: twoAlerts,
    before: [markRead(bob.memberId)],
    when: unread(bob.memberId),
    then: { status: 200, body: { count: 0 } },
  }),
  useCase({
    title: 'An alert after the mark is unread again, the older ones stay read',
    given: [...twoAlerts, read(bob.memberId, LATER), viewed(nancy.memberId, bob.memberId)],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'visit', unread: true }, { unread: false }, { unread: false }, welcome] },
    },
  }),
  useCase({
    title: 'With nothing unread, marking all read records nothing',
    given: [...twoAlerts, read(bob.memberId, LATER)],
    when: markRead(bob.memberId),
    then: { status: 200, body: { unread: 0 } },
  }),

  // Access
  useCase({
    title: 'A member still in review has no alerts yet',
    given: [...approved(nancy), ...signedUp(eve)],
    when: list(eve.memberId),
    then: { status: 403 },
  }),
  useCase({
    title: 'Someone not logged in has no unread count',
    given: nancyAndBob,
    when: { method: 'GET', url: '/api/v1/alerts/unread' },
    then: { status: 401 },
  }),
  useCase({
    title: 'Someone not logged in cannot mark alerts read',
    given: nancyAndBob,
    when: { method: 'POST', url: '/api/v1/alerts/read' },
    then: { status: 401 },
  }),

  // Blocks, both ways (USE-CASES.md #7, #8)
  useCase({
    title: 'Bob blocking Nancy hides her flirt from his alerts',
    given: [...eachWay, blocked(bob.memberId, nancy.memberId)],
    when: list(bob.memberId),
    then: onlyWelcome,
  }),
  useCase({
    title: 'Bob blocking Nancy hides his visit from her alerts',
    given: [...eachWay, blocked(bob.memberId, nancy.memberId)],
    when: list(nancy.memberId),
    then: onlyWelcome,
  }),
  useCase({
    title: 'Bob blocking Nancy takes her flirt out of his unread count',
    given: [...eachWay, blocked(bob.memberId, nancy.memberId)],
    when: unread(bob.memberId),
    then: { status: 200, body: { count: 0 } },
  }),
  useCase({
    title: 'Alerts a block hid come back when it is lifted, unread as they were',
    given: [...eachWay, blocked(nancy.memberId, bob.memberId), unblocked(nancy.memberId, bob.memberId)],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'flirt', actor: nancyCard, unread: true }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'Lifting a block brings the other way’s alerts back too: Bob’s visit is among Nancy’s again',
    given: [...eachWay, blocked(nancy.memberId, bob.memberId), unblocked(nancy.memberId, bob.memberId)],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'visit', actor: bobCard, unread: true }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'Once the block is lifted, Nancy’s flirt counts in Bob’s unread alerts again',
    given: [...eachWay, blocked(bob.memberId, nancy.memberId)],
    before: [{ as: bob.memberId, method: 'DELETE', url: `/api/v1/blocks/${nancy.memberId}` }],
    when: unread(bob.memberId),
    then: { status: 200, body: { count: 1 } },
  }),
  useCase({
    title: 'A flirt across a block never becomes an alert',
    given: [...nancyAndBob, blocked(bob.memberId, nancy.memberId), flirted(nancy.memberId, bob.memberId)],
    when: list(bob.memberId),
    then: onlyWelcome,
  }),
  useCase({
    title: 'After the block is lifted, a new visit is an alert again',
    given: [
      ...eachWay,
      blocked(nancy.memberId, bob.memberId),
      unblocked(nancy.memberId, bob.memberId),
      viewed(bob.memberId, nancy.memberId),
    ],
    when: list(nancy.memberId),
    then: { status: 200, body: { items: [{ kind: 'visit', actor: bobCard }, welcome] } },
  }),

  // The page
  useCase({
    title: 'Bob’s alerts page: who did what and when, the new ones marked, and opening it reads them',
    given: twoAlerts,
    when: { as: bob.memberId, method: 'GET', url: '/alerts' },
    then: {
      status: 200,
      page: [
        '<h1>Alerts</h1>',
        `href="/members/${nancy.memberId}"`,
        'Nancy flirted with you</a>',
        '· <time datetime="2026-06-01T08:00:00.000Z">2 h ago</time>',
        'Eve added you to her favourites',
        '1 h ago',
        '31 years · woman · Stockholm, Sweden',
        'class="card alert-card with-portrait unread"',
        // Each alert shows the face of the member it is about.
        `src="/members/${nancy.memberId}/portrait/thumb"`,
        `src="/members/${eve.memberId}/portrait/thumb"`,
        '>new</span> <a',
        'data-infinite',
        'data-counter="alerts"',
        // Neither is online: their badges wait hidden for the open page to show them.
        `data-presence="${nancy.memberId}" title="Online now" hidden`,
        `data-presence="${eve.memberId}" title="Online now" hidden`,
      ],
      // Read as they are shown: there is nothing left to mark. Neither Nancy nor Eve is online.
      pageLacks: ['Older', 'Mark all as read'],
      events: [emitted(AlertsRead, { memberId: bob.memberId, upTo: LATER })],
    },
  }),
  useCase({
    title: 'An alert from a member who is online right now says so',
    given: twoAlerts,
    // Nancy has just used the site: she is online.
    before: [{ as: nancy.memberId, method: 'GET', url: '/api/v1/alerts/unread' }],
    when: { as: bob.memberId, method: 'GET', url: '/alerts' },
    then: {
      status: 200,
      page: ['Nancy flirted with you</a> <span class="online-badge"'],
      events: [emitted(AlertsRead, { memberId: bob.memberId, upTo: LATER })],
    },
  }),
  useCase({
    title: 'Once Bob has opened his alerts, the top bar counts none',
    given: twoAlerts,
    before: [{ as: bob.memberId, method: 'GET', url: '/alerts' }],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/nav' },
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts', count: 0 }, { name: 'news' }, { name: 'chats' }] },
    },
  }),
  useCase({
    title: 'The alerts page in Swedish',
    given: twoAlerts,
    when: { as: bob.memberId, method: 'GET', url: '/alerts', headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: ['<h1>Händelser</h1>', 'Nancy flörtade med dig', 'för 2 tim sedan'],
      events: [emitted(AlertsRead)],
    },
  }),
  useCase({
    title: 'The alerts page in Finnish',
    given: [...nancyAndBob, viewed(nancy.memberId, bob.memberId, EARLY)],
    when: { as: bob.memberId, method: 'GET', url: '/alerts', headers: { 'accept-language': 'fi' } },
    then: {
      status: 200,
      page: ['<h1>Ilmoitukset</h1>', 'Nancy vieraili profiilissasi', '2 t sitten'],
      events: [emitted(AlertsRead)],
    },
  }),
  useCase({
    title: 'Read alerts are not marked new, and there is nothing to mark',
    given: [...twoAlerts, read(bob.memberId, LATER)],
    when: { as: bob.memberId, method: 'GET', url: '/alerts' },
    then: {
      status: 200,
      page: ['Nancy flirted with you'],
      pageLacks: ['>new</span> <a', 'alert-card unread', 'Mark all as read'],
      events: [],
    },
  }),
  useCase({
    title: 'The alerts page links to older alerts without JavaScript',
    given: twoAlerts,
    when: { as: bob.memberId, method: 'GET', url: '/alerts?limit=1' },
    then: {
      status: 200,
      page: ['Eve added you to her favourites', 'rel="next" href="/alerts?cursor=', 'Older'],
      pageLacks: ['Nancy flirted with you'],
      events: [emitted(AlertsRead)],
    },
  }),
  useCase({
    title: 'Marking all read from the page goes back to the alerts, at the button',
    given: twoAlerts,
    when: {
      as: bob.memberId,
      method: 'POST',
      url: '/alerts/read',
      form: true,
      body: { back: '/alerts#alerts-read' },
    },
    then: {
      status: 303,
      location: '/alerts?alerts=read#alerts-read',
      events: [emitted(AlertsRead, { memberId: bob.memberId, upTo: LATER })],
    },
  }),
  useCase({
    title: 'Back from marking all read, the alerts say so where the button was',
    given: nancyAndBob,
    when: { as: bob.memberId, method: 'GET', url: '/alerts?alerts=read' },
    then: { status: 200, page: ['id="alerts-read"', 'role="status"', 'All your alerts are marked as read.'] },
  }),
  useCase({
    title: 'With nothing but the welcome, the page shows it with the ways on, and nothing to mark',
    given: nancyAndBob,
    when: { as: bob.memberId, method: 'GET', url: '/alerts' },
    then: {
      status: 200,
      page: [
        'Welcome! Your profile was approved',
        '<a href="/search">Find people</a>',
        '<a href="/profile">Your profile</a>',
      ],
      pageLacks: ['Mark all as read', 'Nothing has happened yet.'],
    },
  }),
  useCase({
    title: 'The alerts page with a made-up cursor is a 400 page',
    given: nancyAndBob,
    when: { as: bob.memberId, method: 'GET', url: '/alerts?cursor=xyz' },
    then: { status: 400, page: ['cursor'] },
  }),
  useCase({
    title: 'Blocked members’ alerts are not on the page',
    given: [...eachWay, blocked(nancy.memberId, bob.memberId)],
    when: { as: bob.memberId, method: 'GET', url: '/alerts' },
    then: { status: 200, page: ['Welcome! Your profile was approved'], pageLacks: ['Nancy'] },
  }),

  // A suspension hides the suspended member's alerts from the others and removes none (issue 13)
  useCase({
    title: 'Suspended, Nancy is gone from Bob’s alerts: Eve’s favourite stays',
    given: [...twoAlerts, suspended(nancy)],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'favourite', actor: eveCard }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'Suspended, Nancy’s flirt no longer counts in Bob’s unread alerts',
    given: [...twoAlerts, suspended(nancy)],
    when: unread(bob.memberId),
    then: { status: 200, body: { count: 1 } },
  }),
  useCase({
    title: 'Suspended, Nancy is not on Bob’s alerts page',
    given: [...eachWay, suspended(nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/alerts' },
    then: { status: 200, page: ['Welcome! Your profile was approved'], pageLacks: ['Nancy'] },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, her flirt is back in Bob’s alerts, still unread',
    given: [...twoAlerts, suspended(nancy), reinstated(nancy)],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: {
        items: [
          { kind: 'favourite', actor: eveCard, at: LATER },
          { kind: 'flirt', actor: nancyCard, at: EARLY, unread: true },
          welcome,
        ],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, her flirt counts in Bob’s unread alerts again',
    given: [...twoAlerts, suspended(nancy), reinstated(nancy)],
    when: unread(bob.memberId),
    then: { status: 200, body: { count: 2 } },
  }),

  // Photos
  useCase({
    title: 'Bob likes two of Nancy’s photos: Nancy has one alert that Bob liked her photo',
    given: [
      ...nancyAndBob,
      photoLiked(bob.memberId, nancy.memberId, 1),
      photoLiked(bob.memberId, nancy.memberId, 2),
    ],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'like', actor: bobCard, unread: true }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'Nancy unlocks her private album for Bob: Bob hears of it',
    given: [...nancyWithPrivatePhoto, nancyUnlockedForBob()],
    when: list(bob.memberId),
    then: { status: 200, body: { items: [{ kind: 'unlock', actor: nancyCard }, welcome], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy shows Bob her private album while nothing in it is approved: no alert',
    given: [
      ...nancyAndBob,
      photoApproved(nancy.memberId, 8),
      photoRejected(nancy.memberId, 9, 'Not you'),
      nancyUnlockedForBob(),
    ],
    when: list(bob.memberId),
    then: onlyWelcome,
  }),
  useCase({
    title: 'Nancy’s only private photo was deleted before she showed her album: no alert',
    given: [
      ...nancyWithPrivatePhoto,
      given(PhotoDeleted, {
        photoId: `00000000-0000-7000-8000-a${String(9).padStart(11, '0')}`,
        ownerId: nancy.memberId,
      }),
      nancyUnlockedForBob(),
    ],
    when: list(bob.memberId),
    then: onlyWelcome,
  }),
  useCase({
    title: 'Nancy shows Bob her album, takes it back and shows it again: he has the one alert',
    given: [
      ...nancyWithPrivatePhoto,
      nancyUnlockedForBob(EARLY),
      given(
        PrivateAlbumLocked,
        { ownerId: nancy.memberId, memberId: bob.memberId },
        { actorId: nancy.memberId, at: LATER },
      ),
      nancyUnlockedForBob(),
    ],
    when: list(bob.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'unlock', actor: nancyCard, at: EARLY }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'Bob’s alerts page says Nancy showed him her private photos',
    given: [...nancyWithPrivatePhoto, nancyUnlockedForBob()],
    when: { as: bob.memberId, method: 'GET', url: '/alerts' },
    then: { status: 200, page: ['Nancy showed you her private photos</a>'], events: [emitted(AlertsRead)] },
  }),
  useCase({
    title: 'Nancy deletes the photo Bob and Eve liked: both like alerts go, Bob’s flirt stays',
    given: [
      ...everyone,
      flirted(bob.memberId, nancy.memberId),
      photoLiked(bob.memberId, nancy.memberId, 1),
      photoLiked(eve.memberId, nancy.memberId, 1),
      photoDeleted(nancy.memberId, 1),
    ],
    when: list(nancy.memberId),
    then: { status: 200, body: { items: [{ kind: 'flirt', actor: bobCard }, welcome], nextCursor: null } },
  }),
  useCase({
    title: 'The deleted photo’s unread like alert no longer counts',
    given: [...nancyAndBob, photoLiked(bob.memberId, nancy.memberId, 1), photoDeleted(nancy.memberId, 1)],
    when: unread(nancy.memberId),
    then: { status: 200, body: { count: 0 } },
  }),
  useCase({
    title: 'Bob liked two of Nancy’s photos: deleting one keeps the alert for the other',
    given: [
      ...nancyAndBob,
      photoLiked(bob.memberId, nancy.memberId, 1),
      photoLiked(bob.memberId, nancy.memberId, 2),
      photoDeleted(nancy.memberId, 1),
    ],
    when: list(nancy.memberId),
    then: { status: 200, body: { items: [{ kind: 'like', actor: bobCard, unread: true }, welcome] } },
  }),
  useCase({
    title: 'Once both photos Bob liked are deleted, his like alert is gone',
    given: [
      ...nancyAndBob,
      photoLiked(bob.memberId, nancy.memberId, 1),
      photoLiked(bob.memberId, nancy.memberId, 2),
      photoDeleted(nancy.memberId, 2),
      photoDeleted(nancy.memberId, 1),
    ],
    when: list(nancy.memberId),
    then: onlyWelcome,
  }),
  useCase({
    title: 'Deleting a photo nobody liked changes no alert',
    given: [...nancyAndBob, photoLiked(bob.memberId, nancy.memberId, 1), photoDeleted(nancy.memberId, 2)],
    when: list(nancy.memberId),
    then: { status: 200, body: { items: [{ kind: 'like', actor: bobCard }, welcome] } },
  }),
  useCase({
    title: 'The like alert is on the alerts page in words',
    given: [...nancyAndBob, photoLiked(bob.memberId, nancy.memberId, 1)],
    when: { as: nancy.memberId, method: 'GET', url: '/alerts' },
    then: { status: 200, page: ['Bob liked your photo'], events: [emitted(AlertsRead)] },
  }),

  // What the moderators decided: the member hears it here, with the reason for a no, and
  // never which moderator it was.
  useCase({
    title: 'Mo approves Nancy’s sign-up: her first alert welcomes her, from the site, unread',
    given: [...signedUp(mo), ...signedUp(nancy)],
    before: [
      { as: mo.memberId, method: 'POST', url: `/api/v1/review/registrations/${nancy.memberId}/approve` },
    ],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'registration-approved', actor: null, unread: true }], nextCursor: null },
    },
  }),
  useCase({
    title: 'Once approved, Nancy’s top bar counts the welcome as her one new alert',
    given: approved(nancy),
    when: unread(nancy.memberId),
    then: { status: 200, body: { count: 1 } },
  }),
  useCase({
    title: 'Nancy’s welcome in Swedish says she is in and leads on',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/alerts', headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: ['Välkommen! Din profil har godkänts', '<a href="/search">Hitta folk</a>'],
      events: [emitted(AlertsRead, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Nancy’s welcome in Finnish',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/alerts', headers: { 'accept-language': 'fi' } },
    then: {
      status: 200,
      page: ['Tervetuloa! Profiilisi on hyväksytty', '<a href="/search">Löydä ihmisiä</a>'],
      events: [emitted(AlertsRead, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Mo approves Nancy’s photo: Nancy has an unread alert from the site, naming no moderator',
    given: [...nancyAndBob, photoApproved(nancy.memberId, 1)],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: { items: [{ kind: 'photo-approved', actor: null, unread: true }, welcome], nextCursor: null },
    },
  }),
  useCase({
    title: 'Mo turns down Nancy’s photo: her alert carries the reason',
    given: [...nancyAndBob, photoRejected(nancy.memberId, 1, 'Only you should be in the photo.')],
    when: list(nancy.memberId),
    then: {
      status: 200,
      body: {
        items: [
          { kind: 'photo-rejected', actor: null, reason: 'Only you should be in the photo.', unread: true },
          welcome,
        ],
      },
    },
  }),
  useCase({
    title: 'On the alerts page a turned-down photo says why and leads to her photos',
    given: [...nancyAndBob, photoRejected(nancy.memberId, 1, 'Only you should be in the photo.')],
    when: { as: nancy.memberId, method: 'GET', url: '/alerts' },
    then: {
      status: 200,
      page: [
        'Your photo was turned down',
        'The moderator’s reason: Only you should be in the photo.',
        '<a href="/photos">Your photos</a>',
      ],
      pageLacks: ['Mo'],
      events: [emitted(AlertsRead)],
    },
  }),
  useCase({
    title: 'Mo approves Bob’s new about-me text: Bob hears it, in Swedish too',
    given: [
      ...nancyAndBob,
      given(
        AboutMeApproved,
        { memberId: bob.memberId, moderatorId: mo.memberId, text: 'Hej!' },
        { actorId: mo.memberId },
      ),
    ],
    when: { as: bob.memberId, method: 'GET', url: '/alerts', headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: ['Din nya presentation godkändes: andra ser den nu', '<a href="/profile">Din profil</a>'],
      events: [emitted(AlertsRead)],
    },
  }),
  useCase({
    title: 'Mo turns down Bob’s new about-me text: the alert says why, and counts as unread',
    given: [
      ...nancyAndBob,
      given(
        AboutMeRejected,
        { memberId: bob.memberId, moderatorId: mo.memberId, reason: 'No phone numbers, please.' },
        { actorId: mo.memberId },
      ),
    ],
    when: unread(bob.memberId),
    then: { status: 200, body: { count: 1 } },
  }),
  useCase({
    title: 'A member who blocked the moderator still hears what was decided',
    given: [
      ...nancyAndBob,
      ...approved(mo),
      blocked(nancy.memberId, mo.memberId),
      photoApproved(nancy.memberId, 2),
    ],
    when: list(nancy.memberId),
    then: { status: 200, body: { items: [{ kind: 'photo-approved', actor: null }, welcome] } },
  }),
  ...sanctionedRequestsTo('his alerts', '/api/v1/alerts'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Bob deleted his account: the alert of his flirt leaves Nancy’s alerts, and her count with it',
    given: [...nancyAndBob, flirted(bob.memberId, nancy.memberId), deleted(bob)],
    when: unread(nancy.memberId),
    then: { status: 200, body: { count: 0 } },
  }),
  useCase({
    title: 'Bob deleted his account: Nancy’s alerts no longer name him',
    given: [...nancyAndBob, flirted(bob.memberId, nancy.memberId), deleted(bob)],
    when: list(nancy.memberId),
    then: onlyWelcome,
  }),
];
