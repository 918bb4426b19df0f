import { sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { given, useCase, type Given } from '@meetcute/core';
import {
  approved,
  bob,
  deleted,
  eve,
  mo,
  nancy,
  reinstated,
  signedUp,
  suspended,
  type CastMember,
} from '@meetcute/cast';
import { distanceKm } from '@meetcute/cities';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import {
  CityChanged,
  LookingForChanged,
  NicknameApproved,
  RegistrationApproved,
  type Application,
} from '@meetcute/registration/events';
import {
  PhotoApproved,
  PhotoDeleted,
  PhotoUploaded,
  PortraitChosen,
  type Album,
} from '@meetcute/photos/events';
import { ProfilePropertiesChanged } from '@meetcute/profile/events';
import { encodeCursor } from './rules.ts';

const API = '/api/v1/search';
const VALIDATION = 'https://meetcute.dev/problems/validation';

const STOCKHOLM = nancy.application.city;
const UPPSALA = bob.application.city;
const HELSINKI = eve.application.city;
const ENKOPING = {
  id: 2716166,
  name: 'Enköping',
  label: 'Enköping, Sweden',
  country: 'SE',
  latitude: 59.63607,
  longitude: 17.07768,
  timeZone: 'Europe/Stockholm',
};
const VASTERAS = {
  id: 2664454,
  name: 'Västerås',
  label: 'Västerås, Sweden',
  country: 'SE',
  latitude: 59.61617,
  longitude: 16.55276,
  timeZone: 'Europe/Stockholm',
};

/** More approved members for Bob to find, each with a distinct birthday and place. */
function member(
  n: number,
  nickname: string,
  gender: Application['gender'],
  birthday: string,
  city: Application['city'],
): CastMember {
  return {
    memberId: `00000000-0000-7000-8000-0000000005${String(n).padStart(2, '0')}`,
    email: `${nickname.toLowerCase()}@example.com`,
    application: {
      nickname,
      gender,
      birthday,
      city,
      lookingFor: { genders: ['man'], minAge: 25, maxAge: 45, maxDistanceKm: 100 },
      aboutMe: `${nickname} here.`,
    },
  };
}

// Ages on the use-case clock's day, 2026-06-01; distances from Bob in Uppsala.
const frida = member(1, 'Frida', 'woman', '1998-06-15', VASTERAS); // 27, 67 km
const hanna = member(2, 'Hanna', 'woman', '2000-09-09', ENKOPING); // 25, 40 km
const ida = member(3, 'Ida', 'woman', '1996-12-12', UPPSALA); // 29, 0 km
const karin = member(4, 'Karin', 'woman', '1993-03-03', UPPSALA); // 33, 0 km
const greta = member(5, 'Greta', 'woman', '1980-05-05', UPPSALA); // 46: older than Bob looks for
const adam = member(6, 'Adam', 'man', '1994-04-04', STOCKHOLM); // 32, 64 km
const sam = member(7, 'Sam', 'nonbinary', '1991-01-01', ENKOPING); // 35, 40 km
// Birthdays around the clock's day: 28 today, 28 until tomorrow, 27 until tomorrow, 29 today.
const lena = member(8, 'Lena', 'woman', '1998-06-01', UPPSALA);
const nora = member(9, 'Nora', 'woman', '1997-06-02', UPPSALA);
const maja = member(10, 'Maja', 'woman', '1998-06-02', UPPSALA);
const olga = member(11, 'Olga', 'woman', '1997-06-01', UPPSALA);

/** The member signed up and Mo approved them at `at`. */
const joined = (m: CastMember, at: string): Given[] => [
  ...signedUp(m),
  given(
    RegistrationApproved,
    { memberId: m.memberId, moderatorId: mo.memberId, application: m.application },
    { actorId: mo.memberId, at },
  ),
];
const interest = (m: CastMember, tag: string, at?: string) =>
  given(
    InterestAdded,
    { memberId: m.memberId, tag },
    at ? { actorId: m.memberId, at } : { actorId: m.memberId },
  );

/**
 * Women Bob looks for, each approved and last active at a different time:
 * by last active Hanna, Frida, Nancy, Karin, Ida; newest Karin, Ida, Hanna, Nancy, Frida;
 * nearest Ida and Karin (both in Uppsala), Hanna, Nancy, Frida.
 */
const crowd: Given[] = [
  ...approved(bob),
  ...joined(frida, '2026-05-01T08:00:00.000Z'),
  ...joined(nancy, '2026-05-05T08:00:00.000Z'),
  ...joined(hanna, '2026-05-10T08:00:00.000Z'),
  ...joined(greta, '2026-05-15T08:00:00.000Z'),
  ...joined(ida, '2026-05-20T08:00:00.000Z'),
  ...joined(karin, '2026-05-25T08:00:00.000Z'),
  ...approved(eve),
  interest(karin, 'hiking', '2026-05-28T10:00:00.000Z'),
  interest(nancy, 'hiking', '2026-05-29T10:00:00.000Z'),
  interest(nancy, 'jazz', '2026-05-29T10:05:00.000Z'),
  given(
    FlirtSent,
    { flirtId: '00000000-0000-7000-8000-000000000f11', senderId: frida.memberId, recipientId: bob.memberId },
    { actorId: frida.memberId, at: '2026-05-30T12:00:00.000Z' },
  ),
  given(
    FavouriteAdded,
    { memberId: hanna.memberId, favouriteId: bob.memberId },
    { actorId: hanna.memberId, at: '2026-05-31T09:00:00.000Z' },
  ),
];

const photoId = (n: number) => `00000000-0000-7000-8000-b${String(n).padStart(11, '0')}`;
const SIZES = {
  thumb: { width: 240, height: 240 },
  profile: { width: 640, height: 480 },
  full: { width: 1600, height: 1200 },
};
const uploaded = (m: CastMember, n: number, album: Album = 'public', at?: string): Given =>
  given(
    PhotoUploaded,
    { photoId: photoId(n), ownerId: m.memberId, album, sizes: SIZES },
    at ? { actorId: m.memberId, at } : { actorId: m.memberId },
  );
const photoApproved = (m: CastMember, n: number, album: Album = 'public'): Given =>
  given(PhotoApproved, { photoId: photoId(n), ownerId: m.memberId, album }, { actorId: mo.memberId });
const portraitChosen = (m: CastMember, n: number | null): Given =>
  given(
    PortraitChosen,
    { memberId: m.memberId, photoId: n === null ? null : photoId(n) },
    { actorId: m.memberId },
  );
const photoDeleted = (m: CastMember, n: number): Given =>
  given(PhotoDeleted, { photoId: photoId(n), ownerId: m.memberId }, { actorId: m.memberId });
/** The member's public photo n, chosen as their portrait and approved by Mo: their card shows it. */
const withPortrait = (m: CastMember, n: number): Given[] => [
  uploaded(m, n),
  portraitChosen(m, n),
  photoApproved(m, n),
];

/**
 * Of the women Bob finds, only Nancy has a photo on her card. Karin's portrait waits for
 * review, Ida's only approved photo is private, Hanna deleted her portrait, and Frida has
 * an approved public photo but took it off as her portrait.
 */
const somePhotos: Given[] = [
  ...crowd,
  ...withPortrait(nancy, 1),
  uploaded(karin, 2),
  portraitChosen(karin, 2),
  uploaded(ida, 3, 'private'),
  photoApproved(ida, 3, 'private'),
  ...withPortrait(hanna, 4),
  photoDeleted(hanna, 4),
  ...withPortrait(frida, 5),
  portraitChosen(frida, null),
];

const ids = (...members: CastMember[]) => members.map((m) => ({ memberId: m.memberId }));
const asBob = (query = '') => ({ as: bob.memberId, method: 'GET' as const, url: `${API}${query}` });
const invalid = (...fields: string[]) => ({
  status: 400,
  body: { type: VALIDATION, errors: fields.map((field) => ({ field })) },
});
const blocked = (blocker: CastMember, blockee: CastMember) =>
  given(
    MemberBlocked,
    { blockerId: blocker.memberId, blockedId: blockee.memberId },
    { actorId: blocker.memberId },
  );
const nancyAndBob = [...approved(nancy), ...approved(bob)];
/** Bob is 182 cm, wants children and speaks Swedish and English. */
const bobTellsHisProperties = given(
  ProfilePropertiesChanged,
  { memberId: bob.memberId, properties: { heightCm: 182, children: 'want', languages: ['sv', 'en'] } },
  { actorId: bob.memberId },
);
/** Members of the crowd who tell they speak Swedish. */
const speaksSwedish = (...members: CastMember[]): Given[] =>
  members.map((m) =>
    given(
      ProfilePropertiesChanged,
      { memberId: m.memberId, properties: { languages: ['sv'] } },
      { actorId: m.memberId },
    ),
  );

const lastActiveCursor = (m: CastMember, at: string) =>
  encodeCursor({ sort: 'lastActive', value: at, memberId: m.memberId });
const distanceCursor = (m: CastMember) =>
  encodeCursor({ sort: 'distance', value: distanceKm(UPPSALA, m.application.city), memberId: m.memberId });
// Ida and Karin are both in Uppsala: equal distance, so the member id decides.
const [firstInUppsala, secondInUppsala] = ida.memberId < karin.memberId ? [ida, karin] : [karin, ida];

export const useCases = [
  useCase({
    title: 'Bob asks for members online now and finds Nancy, who was active a moment ago',
    given: [...approved(nancy), ...approved(bob)],
    before: [{ as: nancy.memberId, method: 'GET', url: '/api/v1/profiles/me' }],
    when: { as: bob.memberId, method: 'GET', url: `${API}?online=true` },
    then: { status: 200, body: { results: [{ memberId: nancy.memberId }], applied: { onlineOnly: true } } },
  }),
  useCase({
    title: 'Online now finds nobody when nobody who fits has been around',
    given: [...approved(nancy), ...approved(bob)],
    when: { as: bob.memberId, method: 'GET', url: `${API}?online=true` },
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Online is yes or no',
    given: [...approved(nancy), ...approved(bob)],
    when: { as: bob.memberId, method: 'GET', url: `${API}?online=maybe` },
    then: { status: 400, body: { type: VALIDATION, errors: [{ field: 'online' }] } },
  }),
  // Has photo: an approved portrait, the photo a card shows
  useCase({
    title:
      'Bob asks for members with a photo: only Nancy, whose portrait Mo approved, not those whose cards show none',
    given: somePhotos,
    when: asBob('?hasPhoto=true'),
    then: {
      status: 200,
      body: { results: [{ memberId: nancy.memberId, nickname: 'Nancy' }], applied: { hasPhoto: true } },
    },
  }),
  useCase({
    title: 'Without the photo filter Bob finds the same women with and without photos',
    given: somePhotos,
    when: asBob('?sort=newest'),
    then: {
      status: 200,
      body: { results: ids(karin, ida, hanna, nancy, frida), applied: { hasPhoto: false } },
    },
  }),
  useCase({
    title: 'Nancy’s portrait counts once Mo approves it, not while it waits for review',
    given: [...nancyAndBob, uploaded(nancy, 1), portraitChosen(nancy, 1)],
    when: asBob('?hasPhoto=true'),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Nancy chooses an approved photo as her portrait again: she has a photo again',
    given: [...nancyAndBob, ...withPortrait(nancy, 1), portraitChosen(nancy, null), portraitChosen(nancy, 1)],
    when: asBob('?hasPhoto=true'),
    then: { status: 200, body: { results: ids(nancy) } },
  }),
  useCase({
    title: 'Nancy deletes her portrait: another approved photo of hers does not put one on her card',
    given: [
      ...nancyAndBob,
      ...withPortrait(nancy, 1),
      uploaded(nancy, 2),
      photoApproved(nancy, 2),
      photoDeleted(nancy, 1),
    ],
    when: asBob('?hasPhoto=1'),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Uploading a photo counts as being active: Nancy moves to the top by last active',
    given: [...crowd, uploaded(nancy, 1, 'private', '2026-06-01T09:00:00.000Z')],
    when: asBob('?limit=1'),
    then: {
      status: 200,
      body: { results: [{ memberId: nancy.memberId, lastActiveAt: '2026-06-01T09:00:00.000Z' }] },
    },
  }),
  useCase({
    title: 'Has photo is yes or no',
    given: nancyAndBob,
    when: asBob('?hasPhoto=perhaps'),
    then: invalid('hasPhoto'),
  }),
  useCase({
    title: 'Blocked members never appear, photo or not',
    given: [...nancyAndBob, ...withPortrait(nancy, 1), blocked(nancy, bob)],
    when: asBob('?hasPhoto=true'),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'The search page has a "with a photo" box that stays ticked and is kept in the next-page link',
    given: [...somePhotos, ...withPortrait(karin, 6)],
    when: { as: bob.memberId, method: 'GET', url: '/search?hasPhoto=true&sort=newest&limit=1' },
    then: {
      status: 200,
      page: [
        'name="hasPhoto" value="true" checked',
        'Only members with a photo',
        'Karin',
        `src="/members/${karin.memberId}/portrait/profile"`,
        '&amp;hasPhoto=true&amp;sort=newest&amp;limit=1&amp;cursor=',
      ],
      pageLacks: ['Nancy', 'Hanna', 'Frida', 'Ida'],
    },
  }),
  useCase({
    title:
      'A search form sent with every gender unticked asks for one, instead of searching Bob’s usual genders',
    given: [...somePhotos],
    when: { as: bob.memberId, method: 'GET', url: '/search?gender=&minAge=18&maxAge=99&sort=lastActive' },
    then: {
      status: 400,
      page: ['Tick at least one gender to search for.', 'id="f-gender" aria-invalid="true"'],
      // The boxes come back as Bob left them: none ticked, not his usual genders.
      pageLacks: ['Karin', 'name="gender" value="woman" checked'],
    },
  }),
  useCase({
    title: 'The search form sends an empty gender beside its boxes, and a ticked box searches that gender',
    given: [...somePhotos, ...withPortrait(karin, 6)],
    when: { as: bob.memberId, method: 'GET', url: '/search?gender=&gender=woman&sort=lastActive' },
    then: {
      status: 200,
      page: [
        '<input type="hidden" name="gender" value="" />',
        'name="gender" value="woman" checked',
        'Karin',
      ],
    },
  }),
  useCase({
    title: 'The photo box on the search page in Swedish, with a mistake shown next to it',
    given: approved(bob),
    when: {
      as: bob.memberId,
      method: 'GET',
      url: '/search?hasPhoto=kanske',
      headers: { 'accept-language': 'sv' },
    },
    then: { status: 400, page: ['Bara medlemmar med foto', 'Har foto är true eller false.'] },
  }),
  // Defaults from the searcher's own preferences
  useCase({
    title:
      'Bob, looking for women 25–35 within 100 km of Uppsala, finds Nancy 64 km away but not Eve in Helsinki',
    given: [...approved(nancy), ...approved(bob), ...approved(eve)],
    when: asBob(),
    then: {
      status: 200,
      body: {
        results: [
          {
            memberId: nancy.memberId,
            nickname: 'Nancy',
            age: 31,
            gender: 'woman',
            city: { id: STOCKHOLM.id, label: 'Stockholm, Sweden' },
            distanceKm: 64,
            interests: [],
          },
        ],
        nextCursor: null,
        applied: {
          genders: ['woman'],
          minAge: 25,
          maxAge: 35,
          cityId: UPPSALA.id,
          maxDistanceKm: 100,
          interests: [],
          sort: 'lastActive',
        },
      },
    },
  }),
  useCase({
    title: 'Nancy looks for men within 50 km, so Bob 64 km away is not among them',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: API },
    then: {
      status: 200,
      body: {
        results: [],
        nextCursor: null,
        applied: { genders: ['man'], minAge: 28, maxAge: 40, cityId: STOCKHOLM.id, maxDistanceKm: 50 },
      },
    },
  }),
  useCase({
    title: 'Nancy now looks for men within 100 km: her search starts there and finds Bob',
    given: [
      ...nancyAndBob,
      given(
        LookingForChanged,
        { memberId: nancy.memberId, lookingFor: { ...nancy.application.lookingFor, maxDistanceKm: 100 } },
        { actorId: nancy.memberId },
      ),
    ],
    when: { as: nancy.memberId, method: 'GET', url: API },
    then: {
      status: 200,
      body: {
        results: [{ memberId: bob.memberId, distanceKm: 64 }],
        applied: { genders: ['man'], minAge: 28, maxAge: 40, cityId: STOCKHOLM.id, maxDistanceKm: 100 },
      },
    },
  }),
  useCase({
    title:
      'Nancy moved to Uppsala: her search starts from there, and Bob finds her 0 km away by her new nickname',
    given: [
      ...nancyAndBob,
      given(CityChanged, { memberId: nancy.memberId, city: UPPSALA }, { actorId: nancy.memberId }),
      given(NicknameApproved, { memberId: nancy.memberId, moderatorId: mo.memberId, nickname: 'NancySails' }),
    ],
    when: asBob(),
    then: {
      status: 200,
      body: {
        results: [
          {
            memberId: nancy.memberId,
            nickname: 'NancySails',
            city: { id: UPPSALA.id, label: 'Uppsala, Sweden' },
            distanceKm: 0,
          },
        ],
      },
    },
  }),
  useCase({
    title:
      'Nancy searches within 100 km for men who want children, are 175 cm or taller and speak Swedish: Bob does',
    given: [...nancyAndBob, bobTellsHisProperties],
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: `${API}?maxDistanceKm=100&children=want,have&minHeight=175&language=sv`,
    },
    then: { status: 200, body: { results: [{ memberId: bob.memberId }] } },
  }),
  useCase({
    title: 'A member who keeps a property to himself, or tells another value, is not found by a filter on it',
    given: [
      ...nancyAndBob,
      given(
        ProfilePropertiesChanged,
        { memberId: bob.memberId, properties: { heightCm: 182, smoking: 'sometimes' } },
        { actorId: bob.memberId },
      ),
    ],
    when: { as: nancy.memberId, method: 'GET', url: `${API}?maxDistanceKm=100&smoking=no` },
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Property filters outside their lists name each parameter to fix',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: `${API}?minHeight=20&goal=fling&language=tlh` },
    then: {
      status: 400,
      body: {
        type: VALIDATION,
        errors: [{ field: 'goal' }, { field: 'language' }, { field: 'minHeight' }],
      },
    },
  }),
  useCase({
    title: 'Nancy widens her search to 100 km and finds Bob, 34, in Uppsala',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: `${API}?maxDistanceKm=100` },
    then: {
      status: 200,
      body: {
        results: [
          {
            memberId: bob.memberId,
            nickname: 'Bob',
            age: 34,
            gender: 'man',
            city: { id: UPPSALA.id, label: 'Uppsala, Sweden' },
            distanceKm: 64,
          },
        ],
        applied: { genders: ['man'], minAge: 28, maxAge: 40, maxDistanceKm: 100 },
      },
    },
  }),
  useCase({
    title: 'Bob sees when each member he finds was last active: the latest thing they did',
    given: crowd,
    when: asBob('?limit=1'),
    then: {
      status: 200,
      body: { results: [{ memberId: hanna.memberId, lastActiveAt: '2026-05-31T09:00:00.000Z' }] },
    },
  }),

  // Each filter
  useCase({
    title: 'Bob looks for men instead: only Adam, not the women',
    given: [...nancyAndBob, ...joined(adam, '2026-05-01T08:00:00.000Z')],
    when: asBob('?gender=man'),
    then: { status: 200, body: { results: ids(adam), applied: { genders: ['man'] } } },
  }),
  useCase({
    title: 'Genders can be repeated or given as a comma list',
    given: [
      ...nancyAndBob,
      ...joined(adam, '2026-05-01T08:00:00.000Z'),
      ...joined(sam, '2026-05-02T08:00:00.000Z'),
    ],
    when: asBob('?gender=man,nonbinary&gender=woman&sort=newest'),
    then: {
      status: 200,
      body: { results: ids(nancy, sam, adam), applied: { genders: ['woman', 'man', 'nonbinary'] } },
    },
  }),
  useCase({
    title: 'Bob narrows the age range to 28–32: Nancy and Ida, not the younger or older women',
    given: crowd,
    when: asBob('?minAge=28&maxAge=32'),
    then: { status: 200, body: { results: ids(nancy, ida), applied: { minAge: 28, maxAge: 32 } } },
  }),
  useCase({
    title: 'Ages count to the day: who turns 28 today is in, who turns 28 tomorrow is not yet',
    given: [
      ...approved(bob),
      ...joined(lena, '2026-05-01T08:00:00.000Z'),
      ...joined(nora, '2026-05-02T08:00:00.000Z'),
      ...joined(maja, '2026-05-03T08:00:00.000Z'),
      ...joined(olga, '2026-05-04T08:00:00.000Z'),
    ],
    when: asBob('?minAge=28&maxAge=28&sort=newest'),
    then: {
      status: 200,
      body: {
        results: [
          { memberId: nora.memberId, age: 28 },
          { memberId: lena.memberId, age: 28 },
        ],
      },
    },
  }),
  useCase({
    title: 'Bob searches around Helsinki instead of his own city and finds Eve there',
    given: [...approved(nancy), ...approved(bob), ...approved(eve)],
    when: asBob(`?cityId=${HELSINKI.id}`),
    then: {
      status: 200,
      body: {
        results: [
          { memberId: eve.memberId, distanceKm: 0, city: { id: HELSINKI.id, label: 'Helsinki, Finland' } },
        ],
        applied: { cityId: HELSINKI.id },
      },
    },
  }),
  useCase({
    title: 'Bob looks only within 50 km: Nancy in Stockholm and Frida in Västerås drop out',
    given: crowd,
    when: asBob('?maxDistanceKm=50'),
    then: { status: 200, body: { results: ids(hanna, karin, ida), applied: { maxDistanceKm: 50 } } },
  }),
  useCase({
    title: 'Bob finds the women who like hiking, whatever case he types it in',
    given: crowd,
    when: asBob('?interest=%20Hiking'),
    then: {
      status: 200,
      body: {
        results: [
          { memberId: nancy.memberId, interests: ['hiking', 'jazz'] },
          { memberId: karin.memberId, interests: ['hiking'] },
        ],
        applied: { interests: ['hiking'] },
      },
    },
  }),
  useCase({
    title: 'Several interests find the members who have all of them',
    given: crowd,
    when: asBob('?interest=hiking&interest=jazz'),
    then: { status: 200, body: { results: ids(nancy), applied: { interests: ['hiking', 'jazz'] } } },
  }),
  useCase({
    title: 'An interest a member removed no longer finds her',
    given: [
      ...nancyAndBob,
      interest(nancy, 'jazz'),
      given(InterestRemoved, { memberId: nancy.memberId, tag: 'jazz' }, { actorId: nancy.memberId }),
    ],
    when: asBob('?interest=jazz'),
    then: { status: 200, body: { results: [] } },
  }),

  // Sorting and paging
  useCase({
    title: 'By last active (the default), most recent first, a page at a time',
    given: crowd,
    when: asBob('?limit=2'),
    then: {
      status: 200,
      body: {
        results: ids(hanna, frida),
        nextCursor: lastActiveCursor(frida, '2026-05-30T12:00:00.000Z'),
      },
    },
  }),
  useCase({
    title: 'The next page by last active continues where the cursor left off',
    given: crowd,
    when: asBob(`?limit=2&cursor=${lastActiveCursor(frida, '2026-05-30T12:00:00.000Z')}`),
    then: {
      status: 200,
      body: { results: ids(nancy, karin), nextCursor: lastActiveCursor(karin, '2026-05-28T10:00:00.000Z') },
    },
  }),
  useCase({
    title: 'The last page by last active has no next cursor',
    given: crowd,
    when: asBob(`?limit=2&cursor=${lastActiveCursor(karin, '2026-05-28T10:00:00.000Z')}`),
    then: { status: 200, body: { results: ids(ida), nextCursor: null } },
  }),
  useCase({
    title: 'By distance, nearest first; members in the same place in a stable order',
    given: crowd,
    when: asBob('?sort=distance&limit=3'),
    then: {
      status: 200,
      body: {
        results: [
          { memberId: firstInUppsala.memberId, distanceKm: 0 },
          { memberId: secondInUppsala.memberId, distanceKm: 0 },
          { memberId: hanna.memberId, distanceKm: 40 },
        ],
        nextCursor: distanceCursor(hanna),
        applied: { sort: 'distance' },
      },
    },
  }),
  useCase({
    title: 'The next page by distance continues after the cursor, even between equal distances',
    given: crowd,
    when: asBob(`?sort=distance&limit=1&cursor=${distanceCursor(firstInUppsala)}`),
    then: {
      status: 200,
      body: { results: ids(secondInUppsala), nextCursor: distanceCursor(secondInUppsala) },
    },
  }),
  useCase({
    title: 'By newest, the most recently approved members first',
    given: crowd,
    when: asBob('?sort=newest'),
    then: { status: 200, body: { results: ids(karin, ida, hanna, nancy, frida), nextCursor: null } },
  }),
  useCase({
    title: 'The next page by newest continues where the cursor left off',
    given: crowd,
    when: asBob(
      `?sort=newest&limit=2&cursor=${encodeCursor({ sort: 'newest', value: '2026-05-20T08:00:00.000Z', memberId: ida.memberId })}`,
    ),
    then: {
      status: 200,
      body: {
        results: ids(hanna, nancy),
        nextCursor: encodeCursor({
          sort: 'newest',
          value: '2026-05-05T08:00:00.000Z',
          memberId: nancy.memberId,
        }),
      },
    },
  }),

  // Bad input: a 400 naming the parameter
  useCase({
    title: 'A negative age is refused, naming minAge',
    given: approved(bob),
    when: asBob('?minAge=-5'),
    then: invalid('minAge'),
  }),
  useCase({
    title: 'A lowest age above the highest is refused, naming minAge',
    given: approved(bob),
    when: asBob('?minAge=40&maxAge=30'),
    then: {
      status: 400,
      body: { errors: [{ field: 'minAge', message: 'The lowest age must not be above the highest (30).' }] },
    },
  }),
  useCase({
    title: 'A highest age below the lowest from Bob’s preferences is refused, naming maxAge',
    given: approved(bob),
    when: asBob('?maxAge=20'),
    then: invalid('maxAge'),
  }),
  useCase({
    title: 'Ages outside 18–120 are refused',
    given: approved(bob),
    when: asBob('?minAge=17&maxAge=121'),
    then: invalid('minAge', 'maxAge'),
  }),
  useCase({
    title: 'A distance that is not a whole number of km is refused',
    given: approved(bob),
    when: asBob('?maxDistanceKm=far'),
    then: {
      status: 400,
      body: {
        errors: [
          { field: 'maxDistanceKm', message: 'The distance must be a whole number of km from 1 to 5000.' },
        ],
      },
    },
  }),
  useCase({
    title: 'A distance of zero or less is refused',
    given: approved(bob),
    when: asBob('?maxDistanceKm=-10'),
    then: invalid('maxDistanceKm'),
  }),
  useCase({
    title: 'A place nobody knows is refused, naming cityId',
    given: approved(bob),
    when: asBob('?cityId=999999999'),
    then: {
      status: 400,
      body: {
        errors: [
          {
            field: 'cityId',
            message: 'We do not know the place 999999999. Find places with /api/v1/cities.',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'A place given by name instead of id is refused, naming cityId',
    given: approved(bob),
    when: asBob('?cityId=Uppsala'),
    then: invalid('cityId'),
  }),
  useCase({
    title: 'A cursor this search never gave out is refused',
    given: approved(bob),
    when: asBob('?cursor=not-a-cursor'),
    then: invalid('cursor'),
  }),
  useCase({
    title: 'A cursor from another sort order is refused',
    given: approved(bob),
    when: asBob(`?sort=newest&cursor=${distanceCursor(nancy)}`),
    then: invalid('cursor'),
  }),
  useCase({
    title: 'An unknown sort order is refused',
    given: approved(bob),
    when: asBob('?sort=popular'),
    then: {
      status: 400,
      body: { errors: [{ field: 'sort', message: 'Sort by lastActive, distance or newest.' }] },
    },
  }),
  useCase({
    title: 'An unknown gender is refused',
    given: approved(bob),
    when: asBob('?gender=woman,cat'),
    then: invalid('gender'),
  }),
  useCase({
    title: 'Pages hold 1 to 50 members',
    given: approved(bob),
    when: asBob('?limit=51'),
    then: invalid('limit'),
  }),
  useCase({
    title: 'Every mistake is named at once',
    given: approved(bob),
    when: asBob('?minAge=old&maxDistanceKm=0&sort=x&limit=0'),
    then: invalid('minAge', 'maxDistanceKm', 'sort', 'limit'),
  }),

  // Blocks, review and access
  useCase({
    title: 'Bob blocked Nancy: she is not in his search',
    given: [...nancyAndBob, blocked(bob, nancy)],
    when: asBob(),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Nancy blocked Bob: she is not in his search either',
    given: [...nancyAndBob, blocked(nancy, bob)],
    when: asBob(),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Bob blocked Nancy: he is not in her search',
    given: [...nancyAndBob, blocked(bob, nancy)],
    when: { as: nancy.memberId, method: 'GET', url: `${API}?maxDistanceKm=100` },
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Once Bob lifts his block, they find each other again',
    given: [
      ...nancyAndBob,
      blocked(bob, nancy),
      given(
        MemberUnblocked,
        { blockerId: bob.memberId, blockedId: nancy.memberId },
        { actorId: bob.memberId },
      ),
    ],
    when: asBob(),
    then: { status: 200, body: { results: ids(nancy) } },
  }),
  useCase({
    title: 'Suspended, Nancy is in nobody’s search: Bob does not find her',
    given: [...nancyAndBob, suspended(nancy)],
    when: asBob(),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Banned, Nancy is in nobody’s search either',
    given: [...nancyAndBob, suspended(nancy, null)],
    when: asBob(),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, Bob finds her in his search again',
    given: [...nancyAndBob, suspended(nancy), reinstated(nancy)],
    when: asBob(),
    then: { status: 200, body: { results: ids(nancy) } },
  }),
  useCase({
    title: 'Eve, still waiting for review, never appears, even after adding an interest',
    given: [...approved(bob), ...signedUp(eve), interest(eve, 'sauna')],
    when: asBob(`?cityId=${HELSINKI.id}&gender=woman,man,nonbinary&minAge=18&maxAge=120`),
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Bob, still waiting for review, cannot search yet',
    given: [...approved(nancy), ...signedUp(bob)],
    when: asBob(),
    then: { status: 403 },
  }),
  useCase({
    title: 'Someone not logged in cannot search',
    when: { method: 'GET', url: API },
    then: { status: 401 },
  }),

  // The page
  useCase({
    title: 'Bob’s search page is filled in with his preferences and shows Nancy as a card',
    given: [...approved(nancy), ...approved(bob), ...approved(eve)],
    when: { as: bob.memberId, method: 'GET', url: '/search' },
    then: {
      status: 200,
      page: [
        '<form method="get" action="/search"',
        'value="woman" checked',
        'id="f-minAge" name="minAge"',
        'value="25"',
        'value="35"',
        'value="Uppsala, Sweden"',
        'list="city-list" data-cities',
        '<datalist id="city-list">',
        'value="100"',
        `href="/members/${nancy.memberId}"`,
        '31 years · woman · Stockholm, Sweden · 64 km away',
        `action="/members/${nancy.memberId}/flirt"`,
      ],
      pageLacks: ['Eve', 'rel="next"'],
    },
  }),
  useCase({
    title: 'The search page works from query parameters alone, with a place typed by name',
    given: [...approved(nancy), ...approved(bob), ...approved(eve)],
    when: { as: bob.memberId, method: 'GET', url: '/search?city=helsinki&maxDistanceKm=50&interest=' },
    then: {
      status: 200,
      page: [
        'value="Helsinki, Finland"',
        'value="50"',
        'Eve',
        '29 years · woman · Helsinki, Finland · 0 km away',
      ],
      pageLacks: [`href="/members/${nancy.memberId}"`],
    },
  }),
  useCase({
    title:
      'Read in Swedish, a place typed in Finnish ("Tukholma") is searched from, shown in Swedish, and the cards name places in Swedish',
    given: [...approved(nancy), ...approved(bob), ...approved(eve)],
    when: {
      as: bob.memberId,
      method: 'GET',
      url: '/search?city=Tukholma&maxDistanceKm=50&interest=',
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 200,
      page: ['value="Stockholm, Sverige"', '31 år · kvinna · Stockholm, Sverige · 0 km bort'],
      pageLacks: ['value="Tukholma', 'Sweden', 'Eve'],
    },
  }),
  useCase({
    title: 'Read in Swedish, the page searched around Helsinki names it Helsingfors, Finland',
    given: [...approved(nancy), ...approved(bob), ...approved(eve)],
    when: {
      as: bob.memberId,
      method: 'GET',
      url: '/search?city=helsinki&maxDistanceKm=50&interest=',
      headers: { 'accept-language': 'sv' },
    },
    then: { status: 200, page: ['value="Helsingfors, Finland"', 'Eve', 'Helsingfors, Finland · 0 km bort'] },
  }),
  useCase({
    title: 'The search page finds members by interests typed with commas',
    given: crowd,
    when: { as: bob.memberId, method: 'GET', url: '/search?interest=Hiking%2C+jazz' },
    then: { status: 200, page: ['value="hiking, jazz"', 'hiking · jazz', 'Nancy'], pageLacks: ['Karin'] },
  }),
  useCase({
    title:
      'The search page has labelled controls for the property filters, set from its address so a result page can be shared and reloaded',
    given: [...nancyAndBob, bobTellsHisProperties],
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: '/search?maxDistanceKm=100&minHeight=175&children=want&children=have&language=sv',
    },
    then: {
      status: 200,
      page: [
        '<details class="more-filters" open>',
        '<label for="f-minHeight">Shortest (cm)</label>',
        'name="minHeight"',
        'value="175"',
        '<legend>Children</legend>',
        'name="children" value="want" checked',
        'name="children" value="have" checked',
        '<legend>Looking for</legend>',
        'name="language" value="sv" checked',
        'Swedish',
        `href="/members/${bob.memberId}"`,
      ],
      pageLacks: ['value="none" checked', 'value="dont-want" checked'],
    },
  }),
  useCase({
    title: 'In Finnish the property controls speak Finnish, and stay folded away while none is set',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/search', headers: { 'accept-language': 'fi' } },
    then: {
      status: 200,
      page: ['<details class="more-filters" >', 'Lyhin (cm)', '<legend>Tupakointi</legend>', 'ruotsi'],
    },
  }),
  useCase({
    title: 'A property filter the page cannot take comes back on the form, saying what to fix',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/search?minHeight=20&goal=fling' },
    then: {
      status: 400,
      page: ['<details class="more-filters" open>', 'value="20"', 'Height is', 'aria-invalid="true"'],
    },
  }),
  useCase({
    title: 'The search page links to the next page with the whole search and a cursor',
    given: crowd,
    when: { as: bob.memberId, method: 'GET', url: '/search?limit=2' },
    then: {
      status: 200,
      page: [
        'Hanna',
        'Frida',
        'rel="next"',
        `&amp;limit=2&amp;cursor=${lastActiveCursor(frida, '2026-05-30T12:00:00.000Z')}`,
        'Next page',
      ],
      pageLacks: ['Nancy'],
    },
  }),
  useCase({
    title: 'The next-page link keeps the property filters of the search',
    given: [...crowd, ...speaksSwedish(hanna, frida, nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/search?language=sv&limit=2' },
    then: {
      status: 200,
      // Three speak Swedish, two to a page: the link to the third asks for Swedish speakers too.
      page: ['rel="next"', 'language=sv&amp;sort=lastActive&amp;limit=2&amp;cursor='],
    },
  }),
  useCase({
    title: 'Following the next-page link shows the next members and a way back to the first page',
    given: crowd,
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/search?gender=woman&minAge=25&maxAge=35&city=Uppsala%2C+Sweden&maxDistanceKm=100&sort=lastActive&limit=2&cursor=${lastActiveCursor(frida, '2026-05-30T12:00:00.000Z')}`,
    },
    then: { status: 200, page: ['Nancy', 'Karin', 'Back to the first page'], pageLacks: ['Hanna'] },
  }),
  useCase({
    title: 'A place name several places share asks Bob to choose one',
    given: approved(bob),
    when: { as: bob.memberId, method: 'GET', url: '/search?city=Vik' },
    then: {
      status: 400,
      page: [
        'Several places are called that. Choose one:',
        '<option value="Vik, Norway (near Trondheim)">',
        'value="Vik"',
        'aria-invalid="true"',
      ],
    },
  }),
  useCase({
    title: 'A place name nobody knows is shown as a mistake on the form',
    given: approved(bob),
    when: { as: bob.memberId, method: 'GET', url: '/search?city=Xyzzy' },
    then: { status: 400, page: ['We do not know that place.', 'value="Xyzzy"'] },
  }),
  useCase({
    title: 'A bad age on the search page is shown next to the field, with the rest kept',
    given: approved(bob),
    when: { as: bob.memberId, method: 'GET', url: '/search?minAge=-1&maxDistanceKm=30' },
    then: {
      status: 400,
      page: ['The lowest age must be a whole number of years from 18 to 120.', 'value="-1"', 'value="30"'],
    },
  }),
  useCase({
    title: 'Bob, still waiting for review, is sent to his sign-up instead of the search page',
    given: signedUp(bob),
    when: { as: bob.memberId, method: 'GET', url: '/search' },
    then: { status: 303, location: '/registration?closed=1' },
  }),
  ...sanctionedRequestsTo('search', '/api/v1/search'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: Bob’s search finds her no more',
    given: [...approved(nancy), ...approved(bob), deleted(nancy)],
    before: [{ as: bob.memberId, method: 'GET', url: '/api/v1/profiles/me' }],
    when: { as: bob.memberId, method: 'GET', url: `${API}?maxDistanceKm=500` },
    then: { status: 200, body: { results: [] } },
  }),
];
