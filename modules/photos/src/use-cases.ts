import { sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, given, useCase, type Given, type UseCase, type When } from '@meetcute/core';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
import { ProfileViewed } from '@meetcute/profile/events';
import {
  approved,
  bob,
  deleted,
  eve,
  HEIC,
  mo,
  nancy,
  PIXEL_BOMB,
  PNG,
  reinstated,
  signedUp,
  suspended,
  WEB_PAGE,
  type CastMember,
} from '@meetcute/cast';
import {
  PhotoApproved,
  PhotoDeleted,
  PhotoLiked,
  PhotoRejected,
  PhotoUnliked,
  PhotoUploaded,
  PortraitChosen,
  PrivateAlbumLocked,
  PrivateAlbumUnlocked,
  type Album,
} from './events.ts';
import { PHOTOS_PER_MEMBER } from './rules.ts';

const PROBLEMS = 'https://meetcute.dev/problems/';
const UNKNOWN = '00000000-0000-7000-8000-000000000999';

const photoId = (n: number) => `00000000-0000-7000-8000-a${String(n).padStart(11, '0')}`;
const SIZES = {
  thumb: { width: 240, height: 240 },
  profile: { width: 640, height: 480 },
  full: { width: 1600, height: 1200 },
};

function uploaded(owner: CastMember, n: number, album: Album = 'public'): Given {
  return given(
    PhotoUploaded,
    { photoId: photoId(n), ownerId: owner.memberId, album, sizes: SIZES },
    { actorId: owner.memberId },
  );
}
const approvedPhoto = (owner: CastMember, n: number, album: Album = 'public'): Given[] => [
  uploaded(owner, n, album),
  given(PhotoApproved, { photoId: photoId(n), ownerId: owner.memberId, album }, { actorId: mo.memberId }),
];
const portrait = (owner: CastMember, n: number | null): Given =>
  given(
    PortraitChosen,
    { memberId: owner.memberId, photoId: n === null ? null : photoId(n) },
    { actorId: owner.memberId },
  );
const unlocked = (owner: CastMember, member: CastMember): Given =>
  given(
    PrivateAlbumUnlocked,
    { ownerId: owner.memberId, memberId: member.memberId },
    { actorId: owner.memberId },
  );
const liked = (member: CastMember, owner: CastMember, n: number): Given =>
  given(
    PhotoLiked,
    { photoId: photoId(n), ownerId: owner.memberId, memberId: member.memberId },
    { actorId: member.memberId },
  );
const blocked = (blocker: CastMember, other: CastMember): Given =>
  given(
    MemberBlocked,
    { blockerId: blocker.memberId, blockedId: other.memberId },
    { actorId: blocker.memberId },
  );

const cast = [...approved(nancy), ...approved(bob), ...approved(mo)];

const upload = (
  as: CastMember,
  bytes: Buffer,
  filename: string,
  body: Record<string, string> = {},
): When => ({
  as: as.memberId,
  method: 'POST',
  url: '/api/v1/photos',
  body,
  upload: { field: 'photo', filename, contentType: 'image/jpeg', bytes },
});
const get = (as: CastMember | undefined, url: string): When => ({
  ...(as ? { as: as.memberId } : {}),
  method: 'GET',
  url,
});
const call = (as: CastMember, method: When['method'], url: string, body?: unknown): When => ({
  as: as.memberId,
  method,
  url,
  ...(body === undefined ? {} : { body }),
});
const post = (as: CastMember, url: string, body: Record<string, string> = {}): When => ({
  as: as.memberId,
  method: 'POST',
  url,
  form: true,
  body,
});

const uploading = [
  useCase({
    title: 'Nancy uploads her first public photo: it waits for review and becomes her portrait',
    given: cast,
    when: upload(nancy, PNG, 'me.jpg'),
    then: {
      status: 201,
      body: {
        ownerId: nancy.memberId,
        album: 'public',
        status: 'pending',
        reason: null,
        sizes: { thumb: { width: 240, height: 240 }, full: { width: 1, height: 1 } },
        likes: 0,
        isPortrait: true,
      },
      events: [
        emitted(PhotoUploaded, { ownerId: nancy.memberId, album: 'public' }),
        emitted(PortraitChosen, { memberId: nancy.memberId }),
      ],
    },
  }),
  useCase({
    title: 'A photo for the private album never becomes the portrait by itself',
    given: cast,
    when: upload(nancy, PNG, 'private.png', { album: 'private' }),
    then: {
      status: 201,
      body: { album: 'private', isPortrait: false },
      events: [emitted(PhotoUploaded, { album: 'private' })],
    },
  }),
  useCase({
    title: 'A later public photo becomes the portrait only when Nancy asks for it',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1)],
    when: upload(nancy, PNG, 'new.png', { portrait: 'true' }),
    then: {
      status: 201,
      events: [emitted(PhotoUploaded), emitted(PortraitChosen, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A member still in review may already add photos',
    given: signedUp(eve),
    when: upload(eve, PNG, 'eve.png'),
    then: { status: 201, events: [emitted(PhotoUploaded), emitted(PortraitChosen)] },
  }),
  useCase({
    title: 'A web page named photo.jpg is refused: the bytes decide the type, not the name',
    given: cast,
    when: upload(nancy, WEB_PAGE, 'photo.jpg'),
    then: {
      status: 415,
      body: { type: `${PROBLEMS}unsupported-image`, detail: 'Upload a JPEG, PNG, WebP or AVIF image.' },
    },
  }),
  useCase({
    title: 'An iPhone HEIC photo is refused with how to export it as JPEG',
    given: cast,
    when: upload(nancy, HEIC, 'IMG.HEIC'),
    then: { status: 415, body: { title: 'HEIC photos cannot be read here' } },
  }),
  useCase({
    title: 'An image whose header claims more pixels than may be decoded is refused before it is',
    given: cast,
    when: upload(nancy, PIXEL_BOMB, 'huge.png'),
    then: { status: 422, body: { type: `${PROBLEMS}image-too-large` } },
  }),
  useCase({
    title: `With ${PHOTOS_PER_MEMBER} photos kept, Nancy's albums are full until she deletes one`,
    given: [
      ...cast,
      ...Array.from({ length: PHOTOS_PER_MEMBER }, (_, i) => uploaded(nancy, i + 1, 'private')),
    ],
    when: upload(nancy, PNG, 'one-more.png'),
    then: {
      status: 409,
      body: {
        type: `${PROBLEMS}too-many-photos`,
        detail: `You can keep ${PHOTOS_PER_MEMBER} photos. Delete one to add another.`,
      },
    },
  }),
  useCase({
    title: 'An upload without a file names the missing photo',
    given: cast,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/api/v1/photos',
      body: {},
      upload: { field: 'other', filename: 'x', contentType: 'text/plain', bytes: Buffer.alloc(0) },
    },
    then: { status: 400, body: { errors: [{ field: 'photo', message: 'Choose a photo to upload.' }] } },
  }),
  useCase({
    title: 'An album that is neither public nor private is refused',
    given: cast,
    when: upload(nancy, PNG, 'a.png', { album: 'secret' }),
    then: { status: 400, body: { errors: [{ field: 'album' }] } },
  }),
  useCase({
    title: 'An upload with a forged form token is refused',
    given: cast,
    when: upload(nancy, PNG, 'a.png', { _csrf: 'forged' }),
    then: { status: 403, body: { type: `${PROBLEMS}csrf` } },
  }),
  useCase({
    title: 'An upload declaring more than the limit is refused before it is read',
    given: cast,
    when: { ...upload(nancy, PNG, 'a.png'), headers: { 'content-length': String(200 * 1024 * 1024) } },
    then: { status: 413, body: { type: `${PROBLEMS}too-large` } },
  }),
  useCase({
    title: 'A visitor who is not logged in cannot upload',
    when: {
      method: 'POST',
      url: '/api/v1/photos',
      upload: { field: 'photo', filename: 'a.png', contentType: 'image/png', bytes: PNG },
    },
    then: { status: 401 },
  }),
];

const albums = [
  useCase({
    title: 'Nancy sees all her photos, pending and rejected ones with the reason',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 1),
      portrait(nancy, 1),
      uploaded(nancy, 2, 'private'),
      uploaded(nancy, 3),
      given(PhotoRejected, { photoId: photoId(3), ownerId: nancy.memberId, reason: 'Not you' }),
      liked(bob, nancy, 1),
    ],
    when: get(nancy, '/api/v1/photos'),
    then: {
      status: 200,
      body: {
        photos: [
          {
            photoId: photoId(1),
            status: 'approved',
            likes: 1,
            isPortrait: true,
            urls: { thumb: `/photos/${photoId(1)}/thumb` },
          },
          { photoId: photoId(2), status: 'pending', album: 'private' },
          { photoId: photoId(3), status: 'rejected', reason: 'Not you' },
        ],
      },
    },
  }),
  useCase({
    title: 'Bob sees Nancy’s approved public photos only, and which he liked',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 1),
      uploaded(nancy, 2),
      ...approvedPhoto(nancy, 3, 'private'),
      liked(bob, nancy, 1),
    ],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: {
      status: 200,
      body: { photos: [{ photoId: photoId(1), likes: 1, likedByMe: true, reason: null }] },
    },
  }),
  useCase({
    title: 'Once Nancy unlocks her private album for Bob he sees those photos too',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2, 'private'), unlocked(nancy, bob)],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: {
      status: 200,
      body: { photos: [{ photoId: photoId(1) }, { photoId: photoId(2), album: 'private' }] },
    },
  }),
  useCase({
    title: 'On Nancy’s profile, the private photo she showed Bob is marked private',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2, 'private'), unlocked(nancy, bob)],
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: {
      status: 200,
      page: ['<span class="private-mark">Private</span>'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Nancy’s own profile marks her private photo too',
    given: [...cast, ...approvedPhoto(nancy, 2, 'private')],
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['<span class="private-mark">Private</span>'] },
  }),
  useCase({
    title: 'Locking the private album again hides it from Bob',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 2, 'private'),
      unlocked(nancy, bob),
      given(PrivateAlbumLocked, { ownerId: nancy.memberId, memberId: bob.memberId }),
    ],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: { status: 200, body: { photos: [] } },
  }),
  useCase({
    title: 'A blocked member sees no photos at all: to him Nancy is not there',
    given: [...cast, ...approvedPhoto(nancy, 1), blocked(nancy, bob)],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: { status: 404 },
  }),
  useCase({
    title: 'A block also takes back an unlock, and it stays gone after unblocking',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 2, 'private'),
      unlocked(nancy, bob),
      blocked(bob, nancy),
      given(MemberUnblocked, { blockerId: bob.memberId, blockedId: nancy.memberId }),
    ],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: { status: 200, body: { photos: [] } },
  }),
  useCase({
    title: 'Suspended, Nancy has no photos to show Bob: to him she is not there',
    given: [...cast, ...approvedPhoto(nancy, 1), suspended(nancy)],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: { status: 404 },
  }),
  useCase({
    title:
      'Once Nancy’s suspension is lifted, Bob sees her photos again, the private ones she unlocked and his like',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 1),
      ...approvedPhoto(nancy, 2, 'private'),
      unlocked(nancy, bob),
      liked(bob, nancy, 1),
      suspended(nancy),
      reinstated(nancy),
    ],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: {
      status: 200,
      body: {
        photos: [
          { photoId: photoId(1), likes: 1, likedByMe: true },
          { photoId: photoId(2), album: 'private' },
        ],
      },
    },
  }),
  useCase({
    title: 'Photos of an unknown member are a 404',
    given: cast,
    when: get(bob, `/api/v1/members/${UNKNOWN}/photos`),
    then: { status: 404 },
  }),
];

const deleting = [
  useCase({
    title: 'Nancy deletes her portrait photo: it is gone, and so is her portrait',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1), liked(bob, nancy, 1)],
    when: call(nancy, 'DELETE', `/api/v1/photos/${photoId(1)}`),
    then: { status: 204, events: [emitted(PhotoDeleted, { photoId: photoId(1), ownerId: nancy.memberId })] },
  }),
  useCase({
    title: 'After deleting, the photo leaves Bob’s view of Nancy’s album',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 1),
      given(PhotoDeleted, { photoId: photoId(1), ownerId: nancy.memberId }),
    ],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: { status: 200, body: { photos: [] } },
  }),
  useCase({
    title: 'Nobody can delete someone else’s photo',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: call(bob, 'DELETE', `/api/v1/photos/${photoId(1)}`),
    then: { status: 404 },
  }),
];

const portraits = [
  useCase({
    title: 'Nancy chooses another public photo as her portrait',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2), portrait(nancy, 1)],
    when: call(nancy, 'PUT', '/api/v1/portrait', { photoId: photoId(2) }),
    then: {
      status: 200,
      body: { photoId: photoId(2) },
      events: [emitted(PortraitChosen, { photoId: photoId(2) })],
    },
  }),
  useCase({
    title: 'Nancy can go without a portrait',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1)],
    when: call(nancy, 'PUT', '/api/v1/portrait', { photoId: null }),
    then: { status: 200, events: [emitted(PortraitChosen, { photoId: null })] },
  }),
  useCase({
    title: 'A private photo cannot be the portrait',
    given: [...cast, ...approvedPhoto(nancy, 2, 'private')],
    when: call(nancy, 'PUT', '/api/v1/portrait', { photoId: photoId(2) }),
    then: { status: 400, body: { errors: [{ field: 'photoId' }] } },
  }),
  useCase({
    title: 'Bob sees Nancy’s approved portrait: a short-lived redirect to the photo',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1)],
    when: get(bob, `/members/${nancy.memberId}/portrait/thumb`),
    then: {
      status: 302,
      location: `/photos/${photoId(1)}/thumb`,
      headers: { 'cache-control': 'private, max-age=300' },
    },
  }),
  useCase({
    title: 'A portrait still in review shows others a silhouette',
    given: [...cast, uploaded(nancy, 1), portrait(nancy, 1)],
    when: get(bob, `/members/${nancy.memberId}/portrait/profile`),
    then: { status: 200, headers: { 'content-type': 'image/svg+xml', 'x-content-type-options': 'nosniff' } },
  }),
  useCase({
    title: 'Nancy sees her own portrait while it waits for review',
    given: [...cast, uploaded(nancy, 1), portrait(nancy, 1)],
    when: get(nancy, `/members/${nancy.memberId}/portrait/profile`),
    then: { status: 302, location: `/photos/${photoId(1)}/profile` },
  }),
  useCase({
    title: 'A blocked member gets the same silhouette as for no portrait, never a 404',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1), blocked(bob, nancy)],
    when: get(bob, `/members/${nancy.memberId}/portrait/thumb`),
    then: { status: 200, headers: { 'content-type': 'image/svg+xml' } },
  }),
  useCase({
    title: 'Suspended, Nancy shows Bob the silhouette instead of her portrait',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1), suspended(nancy)],
    when: get(bob, `/members/${nancy.memberId}/portrait/thumb`),
    then: { status: 200, headers: { 'content-type': 'image/svg+xml' } },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, Bob sees her portrait again',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1), suspended(nancy), reinstated(nancy)],
    when: get(bob, `/members/${nancy.memberId}/portrait/thumb`),
    then: { status: 302, location: `/photos/${photoId(1)}/thumb` },
  }),
];

const files = [
  useCase({
    title: 'A photo still in review is not served to others',
    given: [...cast, uploaded(nancy, 1)],
    when: get(bob, `/photos/${photoId(1)}/full`),
    then: { status: 404 },
  }),
  useCase({
    title: 'A private photo is not served to a member it was not unlocked for',
    given: [...cast, ...approvedPhoto(nancy, 2, 'private')],
    when: get(bob, `/photos/${photoId(2)}/thumb`),
    then: { status: 404 },
  }),
  useCase({
    title: 'A photo is not served across a block',
    given: [...cast, ...approvedPhoto(nancy, 1), blocked(nancy, bob)],
    when: get(bob, `/photos/${photoId(1)}/profile`),
    then: { status: 404 },
  }),
  useCase({
    title: 'Photos are never served to visitors who are not logged in',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: get(undefined, `/photos/${photoId(1)}/thumb`),
    then: { status: 303, location: `/login?next=${encodeURIComponent(`/photos/${photoId(1)}/thumb`)}` },
  }),
  useCase({
    title: 'Only the sizes pages use exist',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: get(nancy, `/photos/${photoId(1)}/original`),
    then: { status: 404 },
  }),
  useCase({
    title: 'An image the site never kept is not found at the site images’ address',
    when: get(undefined, `/images/${UNKNOWN}/profile`),
    then: { status: 404 },
    endpoint: 'GET /images/:imageId/:size',
  }),
  useCase({
    title: 'A member’s photo is never served at the site images’ public address, even to its owner',
    given: cast,
    before: [upload(nancy, PNG, 'me.png')],
    when: get(nancy, '/images/{photoId}/full'),
    then: { status: 404 },
    endpoint: 'GET /images/:imageId/:size',
  }),
];

const likes = [
  useCase({
    title: 'Bob likes Nancy’s photo',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: call(bob, 'PUT', `/api/v1/photos/${photoId(1)}/like`),
    then: {
      status: 200,
      body: { likes: 1, likedByMe: true },
      events: [emitted(PhotoLiked, { photoId: photoId(1), ownerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Liking twice counts once',
    given: [...cast, ...approvedPhoto(nancy, 1), liked(bob, nancy, 1)],
    when: call(bob, 'PUT', `/api/v1/photos/${photoId(1)}/like`),
    then: { status: 200, body: { likes: 1 } },
  }),
  useCase({
    title: 'Nancy cannot like her own photo',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: call(nancy, 'PUT', `/api/v1/photos/${photoId(1)}/like`),
    then: { status: 409, body: { type: `${PROBLEMS}own-photo` } },
  }),
  useCase({
    title: 'A photo Bob may not see cannot be liked',
    given: [...cast, uploaded(nancy, 1)],
    when: call(bob, 'PUT', `/api/v1/photos/${photoId(1)}/like`),
    then: { status: 404 },
  }),
  useCase({
    title: 'A suspended member’s photo cannot be liked: to Bob it is not there',
    given: [...cast, ...approvedPhoto(nancy, 1), suspended(nancy)],
    when: call(bob, 'PUT', `/api/v1/photos/${photoId(1)}/like`),
    then: { status: 404 },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, Bob can like her photo',
    given: [...cast, ...approvedPhoto(nancy, 1), suspended(nancy), reinstated(nancy)],
    when: call(bob, 'PUT', `/api/v1/photos/${photoId(1)}/like`),
    then: {
      status: 200,
      body: { likes: 1, likedByMe: true },
      events: [emitted(PhotoLiked, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Bob takes back his like',
    given: [...cast, ...approvedPhoto(nancy, 1), liked(bob, nancy, 1)],
    when: call(bob, 'DELETE', `/api/v1/photos/${photoId(1)}/like`),
    then: {
      status: 200,
      body: { likes: 0, likedByMe: false },
      events: [emitted(PhotoUnliked, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'A like taken back no longer counts',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 1),
      liked(bob, nancy, 1),
      given(PhotoUnliked, { photoId: photoId(1), ownerId: nancy.memberId, memberId: bob.memberId }),
    ],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: { status: 200, body: { photos: [{ photoId: photoId(1), likes: 0, likedByMe: false }] } },
  }),
  useCase({
    title: 'A like across a block does not count while the block lasts',
    given: [...cast, ...approvedPhoto(nancy, 1), liked(bob, nancy, 1), blocked(nancy, bob)],
    when: get(nancy, '/api/v1/photos'),
    then: { status: 200, body: { photos: [{ photoId: photoId(1), likes: 0 }] } },
  }),
  useCase({
    title: 'Once the block is lifted, Bob’s like counts again',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 1),
      liked(bob, nancy, 1),
      blocked(nancy, bob),
      given(MemberUnblocked, { blockerId: nancy.memberId, blockedId: bob.memberId }),
    ],
    when: get(bob, `/api/v1/members/${nancy.memberId}/photos`),
    then: { status: 200, body: { photos: [{ photoId: photoId(1), likes: 1, likedByMe: true }] } },
  }),
  useCase({
    title: 'A suspended member’s like does not count until the suspension is lifted',
    given: [...cast, ...approvedPhoto(nancy, 1), liked(bob, nancy, 1), suspended(bob)],
    when: get(nancy, '/api/v1/photos'),
    then: { status: 200, body: { photos: [{ photoId: photoId(1), likes: 0 }] } },
  }),
];

const unlocking = [
  useCase({
    title: 'Nancy unlocks her private album for Bob',
    given: cast,
    when: call(nancy, 'PUT', `/api/v1/photos/unlocks/${bob.memberId}`),
    then: {
      status: 200,
      body: { memberId: bob.memberId, unlocked: true },
      events: [emitted(PrivateAlbumUnlocked, { ownerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Nancy sees who may see her private album',
    given: [...cast, unlocked(nancy, bob), unlocked(nancy, mo)],
    when: get(nancy, '/api/v1/photos/unlocks'),
    then: {
      status: 200,
      body: {
        members: [
          { memberId: bob.memberId, nickname: 'Bob' },
          { memberId: mo.memberId, nickname: 'Mo' },
        ],
      },
    },
  }),
  useCase({
    title: 'Nancy locks her private album for Bob again',
    given: [...cast, unlocked(nancy, bob)],
    when: call(nancy, 'DELETE', `/api/v1/photos/unlocks/${bob.memberId}`),
    then: {
      status: 200,
      body: { unlocked: false },
      events: [emitted(PrivateAlbumLocked, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Nancy cannot unlock her album for someone who blocked her',
    given: [...cast, blocked(bob, nancy)],
    when: call(nancy, 'PUT', `/api/v1/photos/unlocks/${bob.memberId}`),
    then: { status: 404 },
  }),
  useCase({
    title: 'Unlocking for oneself makes no sense',
    given: cast,
    when: call(nancy, 'PUT', `/api/v1/photos/unlocks/${nancy.memberId}`),
    then: { status: 400, body: { errors: [{ field: 'memberId' }] } },
  }),
];

const review = [
  useCase({
    title: 'Mo sees the photos waiting for review, oldest first',
    given: [...cast, uploaded(nancy, 1), ...approvedPhoto(nancy, 2), uploaded(bob, 3, 'private')],
    when: get(mo, '/api/v1/review/photos'),
    then: {
      status: 200,
      body: {
        photos: [
          { photoId: photoId(1), ownerId: nancy.memberId, url: `/photos/${photoId(1)}/profile` },
          { photoId: photoId(3), album: 'private' },
        ],
      },
    },
  }),
  useCase({
    title: 'Only moderators see the photo queue',
    given: cast,
    when: get(nancy, '/api/v1/review/photos'),
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo approves a photo',
    given: [...cast, uploaded(nancy, 1)],
    when: call(mo, 'POST', `/api/v1/review/photos/${photoId(1)}/approve`),
    then: {
      status: 200,
      events: [emitted(PhotoApproved, { photoId: photoId(1), ownerId: nancy.memberId, album: 'public' })],
    },
  }),
  useCase({
    title: 'Mo’s own photo is not in his review queue',
    given: [...cast, uploaded(mo, 1)],
    when: get(mo, '/api/v1/review/photos'),
    then: { status: 200, body: { photos: [] } },
  }),
  useCase({
    title: 'Mo cannot approve his own photo: another moderator reviews it',
    given: [...cast, uploaded(mo, 1)],
    when: call(mo, 'POST', `/api/v1/review/photos/${photoId(1)}/approve`),
    then: { status: 403, body: { detail: 'Another moderator must review your own photo.' }, events: [] },
  }),
  useCase({
    title: 'Mo cannot reject his own photo either',
    given: [...cast, uploaded(mo, 1)],
    when: call(mo, 'POST', `/api/v1/review/photos/${photoId(1)}/reject`, { reason: 'Blurry.' }),
    then: { status: 403, events: [] },
  }),
  useCase({
    title: 'A photo is reviewed once',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: call(mo, 'POST', `/api/v1/review/photos/${photoId(1)}/approve`),
    then: { status: 409, body: { type: `${PROBLEMS}already-reviewed` } },
  }),
  useCase({
    title: 'Mo rejects a photo with a reason',
    given: [...cast, uploaded(nancy, 1)],
    when: call(mo, 'POST', `/api/v1/review/photos/${photoId(1)}/reject`, {
      reason: 'Please show your face.',
    }),
    then: { status: 200, events: [emitted(PhotoRejected, { reason: 'Please show your face.' })] },
  }),
  useCase({
    title: 'A rejection needs a reason',
    given: [...cast, uploaded(nancy, 1)],
    when: call(mo, 'POST', `/api/v1/review/photos/${photoId(1)}/reject`, { reason: ' ' }),
    then: { status: 400, body: { errors: [{ field: 'reason' }] } },
  }),
];

const gallery = (n: number) => `/members/${nancy.memberId}/photos/${photoId(n)}`;
const galleryPages = [
  useCase({
    title: 'A thumbnail on Nancy’s profile opens her photo in the gallery, not as a bare file',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: get(bob, `/members/${nancy.memberId}`),
    then: {
      status: 200,
      page: [`href="${gallery(1)}"`],
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'The gallery shows Nancy’s photo large, where it is in her album, and the way on',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2), ...approvedPhoto(nancy, 3)],
    when: get(bob, gallery(2)),
    then: {
      status: 200,
      page: [
        'Photos of Nancy',
        `src="/photos/${photoId(2)}/full"`,
        'Photo 2 of 3',
        `rel="prev" href="${gallery(1)}"`,
        `rel="next" href="${gallery(3)}"`,
        'data-gallery',
        'Back to Nancy',
        `action="/photos/${photoId(2)}/like"`,
      ],
    },
  }),
  useCase({
    title: 'The last photo has no way further on',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2)],
    when: get(bob, gallery(2)),
    then: { status: 200, page: ['Photo 2 of 2', 'rel="prev"'], pageLacks: ['rel="next"'] },
  }),
  useCase({
    title: 'A private photo not shown to Bob is not in his gallery either',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2, 'private')],
    when: get(bob, gallery(2)),
    then: { status: 404, pageLacks: [`/photos/${photoId(2)}/full`] },
  }),
  useCase({
    title: 'Once Nancy shows Bob her private photos, the gallery goes through them too, marked private',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2, 'private'), unlocked(nancy, bob)],
    when: get(bob, gallery(2)),
    then: { status: 200, page: ['Photo 2 of 2', 'class="private-mark"'] },
  }),
  useCase({
    title: 'A photo waiting for review is not in the gallery',
    given: [...cast, uploaded(nancy, 1)],
    when: get(bob, gallery(1)),
    then: { status: 404 },
  }),
  useCase({
    title: 'Across a block the gallery is not found, as the profile is not',
    given: [...cast, ...approvedPhoto(nancy, 1), blocked(nancy, bob)],
    when: get(bob, gallery(1)),
    then: { status: 404, pageLacks: [`/photos/${photoId(1)}/full`] },
  }),
  useCase({
    title: 'Nancy’s own gallery leads back to her photos, with nothing to like',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: get(nancy, gallery(1)),
    then: { status: 200, page: ['Your photos', 'href="/photos"'], pageLacks: ['/like"'] },
  }),
  useCase({
    title: 'A gallery address that names no photo is the not-found page',
    given: cast,
    when: get(bob, `/members/${nancy.memberId}/photos/not-a-photo`),
    then: { status: 404 },
  }),
];

const pages = [
  useCase({
    title: 'Nancy’s photo page has the upload form, her albums and who has access',
    given: [
      ...cast,
      ...approvedPhoto(nancy, 1),
      portrait(nancy, 1),
      uploaded(nancy, 2, 'private'),
      unlocked(nancy, bob),
    ],
    when: get(nancy, '/photos'),
    then: {
      status: 200,
      page: [
        'enctype="multipart/form-data"',
        'name="_csrf"',
        'type="file"',
        `/photos/${photoId(1)}/thumb`,
        'Your portrait',
        'Waiting for review',
        `action="/members/${bob.memberId}/lock"`,
      ],
    },
  }),
  useCase({
    title: 'Nancy’s own profile says her photo waits for review, not that she has none',
    given: [...cast, uploaded(nancy, 1)],
    when: get(nancy, '/profile'),
    then: {
      status: 200,
      page: ['Your photos are waiting for review: others see them here once a moderator approves them.'],
      pageLacks: ['No photos here yet.'],
    },
  }),
  useCase({
    title: 'Nancy’s own profile shows her approved photo and says one more waits for review',
    given: [...cast, ...approvedPhoto(nancy, 1), uploaded(nancy, 2)],
    when: get(nancy, '/profile'),
    then: {
      status: 200,
      page: [
        `/photos/${photoId(1)}/profile`,
        '1 more photo is waiting for review: others see it here once a moderator approves it.',
        'href="/photos"',
      ],
      pageLacks: [`/photos/${photoId(2)}/profile`, `/photos/${photoId(2)}/thumb`],
    },
  }),
  useCase({
    title: 'In Finnish, two more photos waiting for review are counted as Finnish counts them',
    given: [...cast, ...approvedPhoto(nancy, 1), uploaded(nancy, 2), uploaded(nancy, 3)],
    when: { ...get(nancy, '/profile'), headers: { 'accept-language': 'fi' } },
    then: { status: 200, page: ['2 kuvaa odottaa vielä tarkistusta'] },
  }),
  useCase({
    title: 'Bob sees only Nancy’s approved photo on her profile, and nothing about what waits',
    given: [...cast, ...approvedPhoto(nancy, 1), uploaded(nancy, 2)],
    when: get(bob, `/members/${nancy.memberId}`),
    then: {
      status: 200,
      page: [`/photos/${photoId(1)}/profile`],
      pageLacks: ['waiting for review', `/photos/${photoId(2)}/profile`, 'Manage my photos'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Uploading from the form returns to the photo page',
    given: cast,
    when: { ...upload(nancy, PNG, 'me.png', { album: 'public' }), url: '/photos' },
    then: {
      status: 303,
      location: '/photos?photo=uploaded#albums',
      events: [emitted(PhotoUploaded), emitted(PortraitChosen)],
    },
  }),
  useCase({
    title: 'A file that is not a photo is explained on the form',
    given: cast,
    when: { ...upload(nancy, WEB_PAGE, 'photo.jpg'), url: '/photos' },
    then: { status: 415, page: ['Upload a JPEG, PNG, WebP or AVIF image.', 'enctype="multipart/form-data"'] },
  }),
  useCase({
    title: 'Sending the photo form without choosing a photo asks for one, in words for a member',
    given: cast,
    when: { ...upload(nancy, Buffer.alloc(0), ''), url: '/photos' },
    then: {
      status: 400,
      page: ['Choose a photo to upload.', 'enctype="multipart/form-data"'],
      pageLacks: ['Fix the fields listed in errors'],
    },
  }),
  useCase({
    title: 'In Swedish, a file that is not a photo is explained on the form in Swedish',
    given: cast,
    when: { ...upload(nancy, WEB_PAGE, 'photo.jpg'), url: '/photos', headers: { 'accept-language': 'sv' } },
    then: {
      status: 415,
      page: ['Det här är inget foto vi kan använda.'],
      pageLacks: ['Upload a JPEG'],
    },
  }),
  useCase({
    title: 'In Finnish, a file declared too large is explained on the form in Finnish',
    given: cast,
    when: {
      ...upload(nancy, PNG, 'huge.png'),
      url: '/photos',
      headers: { 'content-length': String(200 * 1024 * 1024), 'accept-language': 'fi' },
    },
    then: { status: 413, page: ['Mt:n tiedostot hyväksytään'], pageLacks: ['Files up to'] },
  }),
  useCase({
    title: 'A file declared too large is explained on the form, in the member’s own layout',
    given: cast,
    when: {
      ...upload(nancy, PNG, 'huge.png'),
      url: '/photos',
      headers: { 'content-length': String(200 * 1024 * 1024) },
    },
    then: {
      status: 413,
      page: ['Files up to', 'enctype="multipart/form-data"', 'action="/logout"'],
      pageLacks: ['href="/signup"'],
    },
  }),
  useCase({
    title: 'Deleting from the photo page',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: post(nancy, `/photos/${photoId(1)}/delete`),
    then: { status: 303, location: '/photos?photo=deleted#albums', events: [emitted(PhotoDeleted)] },
  }),
  useCase({
    title: 'Choosing the portrait from the photo page',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2), portrait(nancy, 1)],
    when: post(nancy, `/photos/${photoId(2)}/portrait`),
    then: { status: 303, location: '/photos?photo=portraitSet#albums', events: [emitted(PortraitChosen)] },
  }),
  useCase({
    title: 'Liking from Nancy’s profile returns to it, at the photo, saying so',
    given: [...cast, ...approvedPhoto(nancy, 1)],
    when: post(bob, `/photos/${photoId(1)}/like`, { back: `/members/${nancy.memberId}#photo-1` }),
    then: {
      status: 303,
      location: `/members/${nancy.memberId}?photo=liked&to=${photoId(1)}#photo-1`,
      events: [emitted(PhotoLiked)],
    },
  }),
  useCase({
    title: 'Back from liking, the photo on Nancy’s profile says Bob likes it, beside it',
    given: [...cast, ...approvedPhoto(nancy, 1), liked(bob, nancy, 1)],
    when: get(bob, `/members/${nancy.memberId}?photo=liked&to=${photoId(1)}`),
    then: {
      status: 200,
      page: ['id="photo-1"', 'role="status"', 'You like this photo.'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Unliking from the profile',
    given: [...cast, ...approvedPhoto(nancy, 1), liked(bob, nancy, 1)],
    when: post(bob, `/photos/${photoId(1)}/unlike`, { back: `/members/${nancy.memberId}` }),
    then: {
      status: 303,
      location: `/members/${nancy.memberId}?photo=unliked&to=${photoId(1)}`,
      events: [emitted(PhotoUnliked)],
    },
  }),
  useCase({
    title: 'Nancy unlocks her private album from Bob’s profile and is back at the button, where it says so',
    given: cast,
    when: post(nancy, `/members/${bob.memberId}/unlock`, { back: `/members/${bob.memberId}#actions` }),
    then: {
      status: 303,
      location: `/members/${bob.memberId}?album=unlocked&to=${bob.memberId}#actions`,
      events: [emitted(PrivateAlbumUnlocked)],
    },
  }),
  useCase({
    title: 'Nancy locks it again from her photo page',
    given: [...cast, unlocked(nancy, bob)],
    when: post(nancy, `/members/${bob.memberId}/lock`, { back: '/photos#album-access' }),
    then: {
      status: 303,
      location: `/photos?album=locked&to=${bob.memberId}#album-access`,
      events: [emitted(PrivateAlbumLocked)],
    },
  }),
  useCase({
    title: 'Bob sees Nancy’s photos on her profile, with a like button that brings him back to the photo',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1), ...approvedPhoto(nancy, 2, 'private')],
    when: get(bob, `/members/${nancy.memberId}`),
    then: {
      status: 200,
      page: [
        `src="/photos/${photoId(1)}/profile"`,
        `action="/photos/${photoId(1)}/like"`,
        `name="back" value="/members/${nancy.memberId}#photo-1"`,
        'Show my private photos',
      ],
      // Her photos stand in for the portrait; the private one is not shown to Bob.
      pageLacks: [`/photos/${photoId(2)}/profile`, `/members/${nancy.memberId}/portrait/profile`],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title:
      'Nancy’s profile opens with her photos, her portrait first, each opening the gallery and reached by its number without JavaScript',
    given: [...cast, ...approvedPhoto(nancy, 1), ...approvedPhoto(nancy, 2), portrait(nancy, 2)],
    when: get(bob, `/members/${nancy.memberId}`),
    then: {
      status: 200,
      page: [
        'class="profile-gallery"',
        `<li id="photo-1" data-photo="${photoId(2)}">`,
        `<li id="photo-2" data-photo="${photoId(1)}">`,
        `href="/members/${nancy.memberId}/photos/${photoId(2)}"`,
        'tabindex="0"',
        'href="#photo-2" aria-label="Photo 2 of 2"',
        'alt="Photo of Nancy (1/2)"',
      ],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'With no photo to show, Nancy’s profile opens with her portrait, a silhouette, and no numbers',
    given: [...cast, uploaded(nancy, 1)],
    when: get(bob, `/members/${nancy.memberId}`),
    then: {
      status: 200,
      page: [`src="/members/${nancy.memberId}/portrait/profile"`],
      pageLacks: ['profile-gallery', 'href="#photo-1"'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Mo’s photo queue shows each photo with approve and reject',
    given: [...cast, uploaded(nancy, 1)],
    when: get(mo, '/review/photos'),
    then: {
      status: 200,
      page: [`/photos/${photoId(1)}/profile`, `action="/review/photos/${photoId(1)}/approve"`, 'by Nancy'],
    },
  }),
  useCase({
    title: 'Approving from the queue',
    given: [...cast, uploaded(nancy, 1)],
    when: post(mo, `/review/photos/${photoId(1)}/approve`),
    then: { status: 303, location: '/review/photos?review=approved#queue', events: [emitted(PhotoApproved)] },
  }),
  useCase({
    title: 'Rejecting from the queue',
    given: [...cast, uploaded(nancy, 1)],
    when: post(mo, `/review/photos/${photoId(1)}/reject`, { reason: 'Blurry' }),
    then: {
      status: 303,
      location: '/review/photos?review=rejected#queue',
      events: [emitted(PhotoRejected, { reason: 'Blurry' })],
    },
  }),
  useCase({
    title: 'Rejecting from the queue without a reason says so on the page',
    given: [...cast, uploaded(nancy, 1)],
    when: post(mo, `/review/photos/${photoId(1)}/reject`, { reason: '' }),
    then: { status: 400, page: ['aria-invalid="true"', 'Tell the member why, in 1 to 500 characters.'] },
  }),
];

/** The front page shows a visitor a few members: those with an approved portrait from their public album. */
const frontPage = [
  useCase({
    title: 'A visitor sees Nancy on the front page: her portrait, name, age and city',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1)],
    when: get(undefined, '/'),
    then: {
      status: 200,
      page: [
        '<h2 id="faces">Some of the people here</h2>',
        `src="/members/${nancy.memberId}/portrait/profile"`,
        '<strong>Nancy</strong>',
        'Stockholm',
      ],
      pageLacks: ['Bob'],
    },
  }),
  useCase({
    title: 'A portrait still in review keeps Nancy off the front page',
    given: [...cast, uploaded(nancy, 1), portrait(nancy, 1)],
    when: get(undefined, '/'),
    then: { status: 200, pageLacks: ['Nancy', 'Some of the people here'] },
  }),
  useCase({
    title: 'Suspended, Nancy is not on the front page',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1), suspended(nancy)],
    when: get(undefined, '/'),
    then: { status: 200, pageLacks: ['Nancy'] },
  }),
  useCase({
    title: 'A visitor gets the silhouette for a member the front page does not show',
    given: [...cast, uploaded(nancy, 1), portrait(nancy, 1)],
    when: get(undefined, `/members/${nancy.memberId}/portrait/thumb`),
    then: { status: 200, headers: { 'content-type': 'image/svg+xml' } },
  }),
  useCase({
    title: 'The front page in Swedish names its faces in Swedish',
    given: [...cast, ...approvedPhoto(nancy, 1), portrait(nancy, 1)],
    when: { method: 'GET', url: '/', headers: { 'accept-language': 'sv' } },
    then: { status: 200, page: ['Några av dem som är här', '<strong>Nancy</strong>'] },
  }),
];

export const useCases: UseCase[] = [
  ...frontPage,
  ...galleryPages,
  ...uploading,
  ...albums,
  ...deleting,
  ...portraits,
  ...files,
  ...likes,
  ...unlocking,
  ...review,
  ...pages,
  ...sanctionedRequestsTo("Nancy's photos", `/api/v1/members/${nancy.memberId}/photos`),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: her photos are gone, files and all',
    given: [...cast, ...approvedPhoto(nancy, 1), liked(bob, nancy, 1), deleted(nancy)],
    when: get(bob, `/photos/${photoId(1)}/thumb`),
    then: { status: 404 },
  }),
];
