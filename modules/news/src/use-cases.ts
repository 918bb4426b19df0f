import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, encodeCursor, given, useCase, type Given, type When } from '@meetcute/core';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from '@meetcute/diary/events';
import {
  PhotoApproved,
  PhotoDeleted,
  PhotoRejected,
  PhotoUploaded,
  type Album,
} from '@meetcute/photos/events';
import { FlagCreated, FlagKilled } from '@meetcute/flags/events';
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
import { CityChanged, LookingForChanged, NicknameApproved } from '@meetcute/registration/events';
import { InterestAdded } from '@meetcute/interests/events';
import { AboutMeRemoved } from '@meetcute/profile/events';
import { NewsSeen } from './events.ts';

const PROBLEMS = 'https://meetcute.dev/problems/';

/** A man in Stockholm who looks for women 40–50: Nancy (31) is too young for him. */
export const carl: CastMember = {
  memberId: '00000000-0000-7000-8000-0000000000c0',
  email: 'carl@example.com',
  application: {
    nickname: 'Carl',
    gender: 'man',
    birthday: '1980-05-05',
    city: nancy.application.city,
    lookingFor: { genders: ['woman'], minAge: 40, maxAge: 50, maxDistanceKm: 100 },
    aboutMe: 'Chess and cycling.',
  },
};

/** A man of 33 in Stockholm who looks for women 25–40 nearby: he and Nancy fit each other. */
export const adam: CastMember = {
  memberId: '00000000-0000-7000-8000-0000000000ad',
  email: 'adam@example.com',
  application: {
    nickname: 'Adam',
    gender: 'man',
    birthday: '1993-04-04',
    city: nancy.application.city,
    lookingFor: { genders: ['woman'], minAge: 25, maxAge: 40, maxDistanceKm: 50 },
    aboutMe: 'Runner.',
  },
};

export const postId = (n: number) => `00000000-0000-7000-8000-d${String(n).padStart(11, '0')}`;

export function posted(author: CastMember, n: number, text: string, at?: string): Given {
  return given(
    DiaryPosted,
    { postId: postId(n), memberId: author.memberId, text },
    at === undefined ? { actorId: author.memberId } : { actorId: author.memberId, at },
  );
}

const blocked = (blocker: CastMember, other: CastMember): Given =>
  given(
    MemberBlocked,
    { blockerId: blocker.memberId, blockedId: other.memberId },
    { actorId: blocker.memberId },
  );
const unblocked = (blocker: CastMember, other: CastMember): Given =>
  given(
    MemberUnblocked,
    { blockerId: blocker.memberId, blockedId: other.memberId },
    { actorId: blocker.memberId },
  );

const newsOf = (member: CastMember, query = ''): When => ({
  as: member.memberId,
  method: 'GET',
  url: `/api/v1/news${query}`,
});
const pageOf = (member: CastMember, query = ''): When => ({
  as: member.memberId,
  method: 'GET',
  url: `/news${query}`,
});
const seenBy = (member: CastMember): When => ({
  as: member.memberId,
  method: 'POST',
  url: '/api/v1/news/seen',
});

const card = (m: CastMember, age: number) => ({
  memberId: m.memberId,
  nickname: m.application.nickname,
  age,
  cityLabel: m.application.city.label,
});
const NANCY = card(nancy, 31);
const ADAM = card(adam, 33);
const nancyJoined = { kind: 'new-member', member: NANCY };
const nancyWrote = (n: number, text: string) => ({
  itemId: postId(n),
  kind: 'diary-post',
  member: NANCY,
  text,
});

const SAILING = 'Sailed to Sandhamn today.';
const JAZZ = 'Jazz at Fasching tonight, anyone?';

// The four of USE-CASES.md #9, approved in this order; Nancy then writes a post.
const cast = [...approved(nancy), ...approved(bob), ...approved(eve), ...approved(carl)];
const nancyPosts = [...cast, posted(nancy, 1, SAILING)];

const feeds = [
  useCase({
    title: 'Nancy writes in her diary: Bob, who looks for women 25–35 within 100 km, has it in his news',
    given: nancyPosts,
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyWrote(1, SAILING), nancyJoined], nextCursor: null } },
  }),
  useCase({
    title: 'A man who looks for women 40–50 does not get Nancy’s post',
    given: nancyPosts,
    when: newsOf(carl),
    then: { status: 200, body: { items: [], nextCursor: null } },
  }),
  useCase({
    title: 'The man who looked for women 40–50 now looks for 25–50: Nancy’s post is in his news at once',
    given: [
      ...nancyPosts,
      given(LookingForChanged, {
        memberId: carl.memberId,
        lookingFor: { ...carl.application.lookingFor, minAge: 25 },
      }),
    ],
    when: newsOf(carl),
    then: { status: 200, body: { items: [nancyWrote(1, SAILING), nancyJoined], nextCursor: null } },
  }),
  useCase({
    title: 'Bob now looks for men: Nancy’s post leaves his news',
    given: [
      ...nancyPosts,
      given(LookingForChanged, {
        memberId: bob.memberId,
        lookingFor: { ...bob.application.lookingFor, genders: ['man'] },
      }),
    ],
    when: newsOf(bob),
    then: { status: 200, body: { items: [], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy moved to Helsinki under a new nickname: Eve gets her post, with her new name and place',
    given: [
      ...cast,
      given(CityChanged, { memberId: nancy.memberId, city: eve.application.city }),
      given(NicknameApproved, { memberId: nancy.memberId, moderatorId: mo.memberId, nickname: 'NancySails' }),
      posted(nancy, 1, SAILING),
    ],
    when: newsOf(eve),
    then: {
      status: 200,
      body: {
        items: [
          {
            ...nancyWrote(1, SAILING),
            member: { ...NANCY, nickname: 'NancySails', cityLabel: 'Helsinki, Finland' },
          },
          {
            kind: 'new-member',
            member: { ...NANCY, nickname: 'NancySails', cityLabel: 'Helsinki, Finland' },
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Eve in Helsinki does not get Nancy’s post: Stockholm is beyond her 300 km',
    given: nancyPosts,
    when: newsOf(eve),
    then: { status: 200, body: { items: [], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy’s own post and members who do not fit her stay out of her news',
    given: nancyPosts,
    when: newsOf(nancy),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'The match is one-way: Adam fits Nancy, so his joining is in her news',
    given: [...cast, ...approved(adam)],
    when: newsOf(nancy),
    then: { status: 200, body: { items: [{ kind: 'new-member', member: ADAM }] } },
  }),
  useCase({
    title: 'A newly approved member’s news starts with recent posts by members who fit them',
    given: [...approved(nancy), posted(nancy, 1, SAILING), posted(nancy, 2, JAZZ), ...approved(bob)],
    when: newsOf(bob),
    then: {
      status: 200,
      body: { items: [nancyWrote(2, JAZZ), nancyWrote(1, SAILING), nancyJoined], nextCursor: null },
    },
  }),
  useCase({
    title: 'An edited diary post shows its new text',
    given: [
      ...nancyPosts,
      given(DiaryPostEdited, {
        postId: postId(1),
        memberId: nancy.memberId,
        text: 'Sailed to Sandhamn and back.',
      }),
    ],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyWrote(1, 'Sailed to Sandhamn and back.'), nancyJoined] } },
  }),
  useCase({
    title: 'A deleted diary post leaves every news feed',
    given: [...nancyPosts, given(DiaryPostDeleted, { postId: postId(1), memberId: nancy.memberId })],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyJoined] } },
  }),
  useCase({
    title: 'Only the author can edit or delete a post: someone else’s events change nothing',
    given: [
      ...nancyPosts,
      given(DiaryPostEdited, { postId: postId(1), memberId: eve.memberId, text: 'Hijacked' }),
      given(DiaryPostDeleted, { postId: postId(1), memberId: eve.memberId }),
    ],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyWrote(1, SAILING), nancyJoined] } },
  }),
  useCase({
    title: 'A diary post by a member still in review reaches nobody',
    given: [...approved(bob), ...signedUp(nancy), posted(nancy, 1, SAILING)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [] } },
  }),
];

// Three posts by Nancy a minute apart, so pages and cursors can name them.
const T1 = '2026-06-01T09:00:00.000Z';
const T2 = '2026-06-01T09:01:00.000Z';
const T3 = '2026-06-01T09:02:00.000Z';
const threePosts = [
  ...approved(bob),
  ...approved(nancy),
  posted(nancy, 1, 'one', T1),
  posted(nancy, 2, 'two', T2),
  posted(nancy, 3, 'three', T3),
];
const afterTwo = encodeCursor({ at: T2, id: postId(2) });

const paging = [
  useCase({
    title: 'News comes a page at a time, newest first',
    given: threePosts,
    when: newsOf(bob, '?limit=2'),
    then: {
      status: 200,
      body: { items: [{ kind: 'new-member' }, { itemId: postId(3), text: 'three', at: T3 }] },
    },
  }),
  useCase({
    title: 'The next page starts after the cursor',
    given: threePosts,
    when: newsOf(bob, `?limit=2&cursor=${afterTwo}`),
    then: { status: 200, body: { items: [{ itemId: postId(1), text: 'one', at: T1 }], nextCursor: null } },
  }),
  useCase({
    title: 'A cursor that is not one of ours is a 400 naming it',
    given: threePosts,
    when: newsOf(bob, '?cursor=not-a-cursor'),
    then: { status: 400, body: { type: `${PROBLEMS}validation`, errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A page size out of range is a 400 naming the limit',
    given: threePosts,
    when: newsOf(bob, '?limit=500'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'A visitor who is not logged in has no news',
    given: approved(bob),
    when: { method: 'GET', url: '/api/v1/news' },
    then: { status: 401 },
  }),
  useCase({
    title: 'A member still in review has no news yet',
    given: signedUp(bob),
    when: newsOf(bob),
    then: { status: 403 },
  }),
];

/** Posts by Nancy, one a minute from 2 June 2026 (after everyone’s approval, so none is back-fill). */
const manyPosts = (n: number): Given[] =>
  Array.from({ length: n }, (_, i) =>
    posted(nancy, 1000 + i, `Post ${i}`, new Date(Date.UTC(2026, 5, 2, 0, i)).toISOString()),
  );

const seen = [
  useCase({
    title: 'Bob marks his news seen up to the newest item',
    given: threePosts,
    when: seenBy(bob),
    then: {
      status: 200,
      body: { unseen: 0 },
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Marking news seen again with nothing new publishes nothing',
    given: threePosts,
    before: [seenBy(bob)],
    when: seenBy(bob),
    then: { status: 200, body: { unseen: 0 } },
  }),
  useCase({
    title: 'An empty news feed has nothing to mark seen',
    given: approved(bob),
    when: seenBy(bob),
    then: { status: 200, body: { upTo: null, unseen: 0 } },
  }),
  useCase({
    title: 'A post after Bob’s last visit is unseen again',
    given: [...threePosts, given(NewsSeen, { memberId: bob.memberId, upTo: T3 }), posted(nancy, 4, 'four')],
    when: seenBy(bob),
    then: { status: 200, body: { unseen: 0 }, events: [emitted(NewsSeen, { memberId: bob.memberId })] },
  }),
  useCase({
    title: 'Bob reads his news; Nancy posts again: his counter reads 1, counted from what he was shown',
    given: threePosts,
    before: [
      pageOf(bob),
      { as: nancy.memberId, method: 'POST', url: '/api/v1/diary', body: { text: 'Four.' } },
    ],
    when: { as: bob.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['data-counter="news"', '<span class="badge" >1</span>'] },
  }),
  useCase({
    // Nancy's joining came after T3 too: 26 items, more than the first page he was shown holds.
    title: 'Nancy joined and posted 25 times since Bob last read his news: his counter reads 26',
    given: [...threePosts, given(NewsSeen, { memberId: bob.memberId, upTo: T3 }), ...manyPosts(25)],
    when: { as: bob.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['data-counter="news"', '<span class="badge" >26</span>'] },
  }),
  useCase({
    title: 'Past a hundred new items Bob’s news counter reads 99+: it stops counting there',
    given: [...approved(bob), ...approved(nancy), ...manyPosts(101)],
    when: { as: bob.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['data-counter="news"', '>99+</span>'] },
  }),
  useCase({
    title: 'A post past the hundredth leaves the counter Bob’s open page holds at 99+',
    given: [...approved(bob), ...approved(nancy), ...manyPosts(100)],
    before: [{ as: bob.memberId, method: 'GET', url: '/profile' }],
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/diary', body: { text: 'One more.' } },
    // The counter Bob's page loaded (100: counted no further) stays at 100 in memory; the
    // audit after every use case holds it against a count from the tables, which stops there too.
    then: { status: 201, events: [emitted(DiaryPosted)] },
  }),
  useCase({
    title: 'Marking news seen needs a logged-in, approved member',
    given: signedUp(bob),
    when: seenBy(bob),
    then: { status: 403 },
  }),
];

const nancyAndAdam = [
  ...approved(nancy),
  ...approved(adam),
  posted(nancy, 1, SAILING),
  posted(adam, 2, 'Ran 10 km.'),
];

const blocks = [
  useCase({
    title: 'After Nancy blocks Adam, her posts are gone from his news',
    given: [...nancyAndAdam, blocked(nancy, adam)],
    when: newsOf(adam),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'After Nancy blocks Adam, his posts are gone from her news too',
    given: [...nancyAndAdam, blocked(nancy, adam)],
    when: newsOf(nancy),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'A post written during a block does not reach the other',
    given: [...approved(nancy), ...approved(adam), blocked(adam, nancy), posted(nancy, 1, SAILING)],
    when: newsOf(adam),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'A newly approved member’s news leaves out someone they were blocked by',
    given: [...approved(nancy), posted(nancy, 1, SAILING), blocked(nancy, bob), ...approved(bob)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'After an unblock, what the block removed stays gone; new posts arrive again',
    given: [...nancyAndAdam, blocked(nancy, adam), unblocked(nancy, adam), posted(nancy, 3, JAZZ)],
    when: newsOf(adam),
    then: { status: 200, body: { items: [{ itemId: postId(3), text: JAZZ, member: NANCY }] } },
  }),
  useCase({
    title: 'Blocks leave other members’ news alone',
    given: [...nancyAndAdam, ...approved(bob), blocked(nancy, adam)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyWrote(1, SAILING), nancyJoined] } },
  }),
];

// A suspension hides the member's items from everyone's news and removes none of them.
const suspensions = [
  useCase({
    title: 'Suspended, Nancy is gone from Bob’s news: her post and her joining',
    given: [...nancyPosts, suspended(nancy)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [], nextCursor: null } },
  }),
  useCase({
    title: 'Suspended, Nancy is not on Bob’s news page',
    given: [...nancyPosts, suspended(nancy)],
    when: pageOf(bob),
    then: { status: 200, pageLacks: [SAILING, 'Nancy'] },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, her post and her joining are back in Bob’s news',
    given: [...nancyPosts, suspended(nancy), reinstated(nancy)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyWrote(1, SAILING), nancyJoined], nextCursor: null } },
  }),
  useCase({
    title: 'A member approved while Nancy was suspended has her posts once it is lifted',
    given: [
      ...approved(nancy),
      posted(nancy, 1, SAILING),
      suspended(nancy),
      ...approved(bob),
      reinstated(nancy),
    ],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyWrote(1, SAILING), nancyJoined], nextCursor: null } },
  }),
];

const pages = [
  useCase({
    title: 'Bob opens his news: Nancy’s post as a card, and the visit marks it seen',
    given: nancyPosts,
    when: pageOf(bob),
    then: {
      status: 200,
      page: ['<h1>News</h1>', `href="/members/${nancy.memberId}"`, SAILING, 'data-infinite', 'New member'],
      pageLacks: ['rel="next"', 'Eve', 'Carl'],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'A long feed links to older items, for the reader and the infinite scroll',
    given: [
      ...approved(mo),
      ...approved(adam),
      ...approved(carl),
      posted(adam, 1, 'one', '2026-06-02T09:00:00.000Z'),
      posted(carl, 2, 'two', '2026-06-02T09:01:00.000Z'),
      posted(adam, 3, 'three', '2026-06-02T09:02:00.000Z'),
    ],
    when: pageOf(mo, '?limit=2'),
    then: {
      status: 200,
      page: ['diary-text">three<', 'diary-text">two<', 'rel="next"', 'Older', 'data-infinite'],
      pageLacks: ['diary-text">one<'],
      events: [emitted(NewsSeen, { memberId: mo.memberId })],
    },
  }),
  useCase({
    title:
      'A page that would end inside Nancy’s run of posts takes the rest of it: her card is not split across pages',
    given: threePosts,
    when: pageOf(bob, '?limit=2'),
    then: {
      status: 200,
      page: ['diary-text">three<', 'diary-text">two<', 'diary-text">one<'],
      pageLacks: ['rel="next"'],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title:
      'A run of Nancy’s posts longer than a page is read on over the pages after it, and the page ends where her run does',
    given: threePosts,
    when: pageOf(bob, '?limit=1'),
    then: {
      status: 200,
      page: ['diary-text">three<', 'diary-text">two<', 'diary-text">one<'],
      pageLacks: ['rel="next"'],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title:
      'Bob’s open news page takes in new items by itself: its list is marked live, and Nancy’s card is known by her newest item (her arrival) and holds her posts, so a newer card of hers replaces it',
    given: threePosts,
    when: pageOf(bob),
    then: {
      status: 200,
      page: ['data-live="news"', 'data-item="', `data-holds="${postId(3)} ${postId(2)} ${postId(1)}"`],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'The older page continues after the cursor',
    given: threePosts,
    before: [pageOf(bob)],
    when: pageOf(bob, `?limit=2&cursor=${afterTwo}`),
    then: { status: 200, page: ['diary-text">one<'], pageLacks: ['diary-text">three<', 'rel="next"'] },
  }),
  useCase({
    title: 'An empty news page says what will come',
    given: approved(eve),
    when: pageOf(eve),
    then: { status: 200, page: ['Nothing here yet'], pageLacks: ['data-infinite'] },
  }),
  useCase({
    title: 'The news page in Swedish',
    given: nancyPosts,
    when: { ...pageOf(bob), headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: ['<h1>Nyheter</h1>', 'Skrev i sin dagbok'],
      events: [emitted(NewsSeen)],
    },
  }),
  useCase({
    title: 'A bad cursor on the news page is a 400, not a crash',
    given: approved(bob),
    when: pageOf(bob, '?cursor=%25%25'),
    then: { status: 400 },
  }),
  useCase({
    title: 'A visitor who is not logged in is sent to log in',
    given: approved(bob),
    when: { method: 'GET', url: '/news' },
    then: { status: 303, location: '/login?next=%2Fnews' },
  }),
  useCase({
    title: 'Nancy’s news page leaves out Adam once she blocked him',
    given: [...nancyAndAdam, blocked(nancy, adam)],
    when: pageOf(nancy),
    then: { status: 200, pageLacks: ['Adam', 'Ran 10 km.'] },
  }),
];

export const photoId = (n: number) => `00000000-0000-7000-8000-e${String(n).padStart(11, '0')}`;
const SIZES = {
  thumb: { width: 240, height: 240 },
  profile: { width: 640, height: 480 },
  full: { width: 1600, height: 1200 },
};
const uploaded = (owner: CastMember, n: number, album: Album = 'public'): Given =>
  given(
    PhotoUploaded,
    { photoId: photoId(n), ownerId: owner.memberId, album, sizes: SIZES },
    { actorId: owner.memberId },
  );
/** The owner uploaded photo n and Mo approved it. */
export const photoAdded = (owner: CastMember, n: number, album: Album = 'public'): Given[] => [
  uploaded(owner, n, album),
  given(PhotoApproved, { photoId: photoId(n), ownerId: owner.memberId, album }, { actorId: mo.memberId }),
];
const photoDeleted = (owner: CastMember, n: number): Given =>
  given(PhotoDeleted, { photoId: photoId(n), ownerId: owner.memberId }, { actorId: owner.memberId });
const nancyAddedPhoto = (n: number) => ({
  itemId: photoId(n),
  kind: 'photo',
  member: NANCY,
  photo: { thumb: `/photos/${photoId(n)}/thumb`, full: `/photos/${photoId(n)}/full` },
});
const nancyPhoto = [...cast, ...photoAdded(nancy, 1)];
/** The operators' flag over photo items, on for everyone (as if there were no flag). */
const photosFlag = given(
  FlagCreated,
  {
    key: 'news.photos',
    description: 'Photo items in the news feed',
    variants: [],
    ramp: 100,
    targeting: { members: [], roles: [], countries: [], languages: [] },
  },
  { actorId: mo.memberId },
);

const navOf = (member: CastMember) => ({ as: member.memberId, method: 'GET', url: '/api/v1/nav' }) as const;

const photos = [
  useCase({
    title: 'Nancy adds a photo and Mo approves it: Bob has “Nancy added a photo” with its thumb in his news',
    given: nancyPhoto,
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyAddedPhoto(1), nancyJoined], nextCursor: null } },
  }),
  useCase({
    title: 'Nancy’s photo reaches only those she fits: not Carl, who looks for women 40–50',
    given: nancyPhoto,
    when: newsOf(carl),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'With the news.photos flag killed, Bob’s news shows no photo items, only the rest',
    given: [...nancyPhoto, photosFlag, given(FlagKilled, { key: 'news.photos' }, { actorId: mo.memberId })],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyJoined], nextCursor: null } },
  }),
  useCase({
    title: 'With the news.photos flag killed, the news page shows no photo',
    given: [...nancyPhoto, photosFlag, given(FlagKilled, { key: 'news.photos' }, { actorId: mo.memberId })],
    when: { as: bob.memberId, method: 'GET', url: '/news' },
    then: {
      status: 200,
      page: ['Nancy'],
      pageLacks: ['news-photo'],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title:
      'With the news.photos flag killed, Bob’s news counter counts Nancy joining but not her photo he cannot see',
    given: [...nancyPhoto, photosFlag, given(FlagKilled, { key: 'news.photos' }, { actorId: mo.memberId })],
    when: navOf(bob),
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts' }, { name: 'news', count: 1 }, { name: 'chats' }] },
    },
  }),
  useCase({
    title: 'With the news.photos flag on, Bob’s news counter counts Nancy joining and her photo',
    given: [...nancyPhoto, photosFlag],
    when: navOf(bob),
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts' }, { name: 'news', count: 2 }, { name: 'chats' }] },
    },
  }),
  useCase({
    title: 'With the news.photos flag on for everyone, Bob’s news page shows Nancy’s photo',
    given: [...nancyPhoto, photosFlag],
    when: { as: bob.memberId, method: 'GET', url: '/news' },
    then: {
      status: 200,
      page: ['news-photo', `/photos/${photoId(1)}/thumb`],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title:
      'Bob, new here, finds a checklist at the top of his news: a portrait, interests, a little more about him',
    given: cast,
    when: { as: bob.memberId, method: 'GET', url: '/news' },
    then: {
      status: 200,
      page: [
        'Get your profile ready',
        '<li><a href="/photos">Add a portrait</a></li>',
        '<li><a href="/interests">Add a few interests</a></li>',
        '<li><a href="/profile/properties">Tell a little more: height, children, languages</a></li>',
        // He wrote his about-me when he signed up.
        '<span>✓ Write a few words about yourself</span>',
      ],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Once a moderator removed Bob’s about-me, his checklist asks him to write one again',
    given: [
      ...cast,
      given(
        AboutMeRemoved,
        { memberId: bob.memberId, moderatorId: mo.memberId, reason: 'A phone number' },
        { actorId: mo.memberId },
      ),
    ],
    when: { as: bob.memberId, method: 'GET', url: '/news' },
    then: {
      status: 200,
      page: ['<li><a href="/profile/edit">Write a few words about yourself</a></li>'],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'A step Bob has done is ticked off the checklist',
    given: [
      ...cast,
      given(InterestAdded, { memberId: bob.memberId, tag: 'jazz' }, { actorId: bob.memberId }),
    ],
    when: { as: bob.memberId, method: 'GET', url: '/news' },
    then: {
      status: 200,
      page: ['<span>✓ Add a few interests</span>', '<li><a href="/photos">Add a portrait</a></li>'],
      pageLacks: ['<li><a href="/interests">Add a few interests</a></li>'],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'A photo waiting for review is not news yet',
    given: [...cast, uploaded(nancy, 1)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyJoined] } },
  }),
  useCase({
    title: 'A photo Mo rejected never appears',
    given: [
      ...cast,
      uploaded(nancy, 1),
      given(
        PhotoRejected,
        { photoId: photoId(1), ownerId: nancy.memberId, reason: 'Not a photo of you' },
        { actorId: mo.memberId },
      ),
    ],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyJoined] } },
  }),
  useCase({
    title: 'A photo in the private album never appears, even once approved',
    given: [...cast, ...photoAdded(nancy, 1, 'private')],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyJoined] } },
  }),
  useCase({
    title: 'Nancy deletes her photo: it leaves every news feed',
    given: [...nancyPhoto, photoDeleted(nancy, 1)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyJoined] } },
  }),
  useCase({
    title: 'Only the owner’s deletion removes a photo item: someone else’s changes nothing',
    given: [
      ...nancyPhoto,
      given(PhotoDeleted, { photoId: photoId(1), ownerId: eve.memberId }, { actorId: eve.memberId }),
    ],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyAddedPhoto(1), nancyJoined] } },
  }),
  useCase({
    title: 'A photo of a member still in review reaches nobody',
    given: [...approved(bob), ...signedUp(nancy), ...photoAdded(nancy, 1)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'A newly approved member’s news starts with recent photos by members who fit them',
    given: [...approved(nancy), ...photoAdded(nancy, 1), ...approved(bob)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [nancyAddedPhoto(1), nancyJoined] } },
  }),
  useCase({
    title: 'After Nancy blocks Bob her photo is gone from his news, and a later one never reaches him',
    given: [...nancyPhoto, blocked(nancy, bob), ...photoAdded(nancy, 2)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'Bob’s news page shows Nancy’s photo as a thumb that opens it in her gallery, with her portrait',
    given: nancyPhoto,
    when: pageOf(bob),
    then: {
      status: 200,
      page: [
        'Added a photo',
        `href="/members/${nancy.memberId}/photos/${photoId(1)}"`,
        `src="/photos/${photoId(1)}/thumb"`,
        'alt="Photo by Nancy"',
        `src="/members/${nancy.memberId}/portrait/thumb"`,
      ],
      events: [emitted(NewsSeen, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'The photo item in Finnish',
    given: nancyPhoto,
    when: { ...pageOf(bob), headers: { 'accept-language': 'fi' } },
    then: { status: 200, page: ['Lisäsi kuvan', 'alt="Jäsenen Nancy kuva"'], events: [emitted(NewsSeen)] },
  }),
];

export const useCases = [
  ...feeds,
  ...paging,
  ...seen,
  ...blocks,
  ...suspensions,
  ...pages,
  ...photos,
  ...sanctionedRequestsTo('his news', '/api/v1/news'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: her posts and her arrival leave Bob’s news',
    given: [...nancyPosts, deleted(nancy)],
    when: newsOf(bob),
    then: { status: 200, body: { items: [], nextCursor: null } },
  }),
];
