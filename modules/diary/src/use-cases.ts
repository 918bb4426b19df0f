import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, encodeCursor, given, useCase } from '@meetcute/core';
import { approved, bob, eve, nancy, reinstated, signedUp, suspended } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { ProfileViewed } from '@meetcute/profile';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from './events.ts';

const NOBODY = '00000000-0000-7000-8000-000000000999';
const POST = [
  '00000000-0000-7000-8000-0000000d0001',
  '00000000-0000-7000-8000-0000000d0002',
  '00000000-0000-7000-8000-0000000d0003',
] as const;
/** Nancy wrote three posts a minute apart. */
const AT = ['2026-06-01T10:01:00.000Z', '2026-06-01T10:02:00.000Z', '2026-06-01T10:03:00.000Z'] as const;
const TEXT = [
  'Sailed to Vaxholm today.',
  'Jazz at Fasching tonight!',
  'Who wants to walk in Djurgården?',
] as const;

const posted = (postId: string, memberId: string, text: string, at?: string) =>
  given(DiaryPosted, { postId, memberId, text }, at ? { actorId: memberId, at } : { actorId: memberId });
const blocked = (blockerId: string, blockedId: string) =>
  given(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId });
const unblocked = (blockerId: string, blockedId: string) =>
  given(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId });

const nancyAndBob = [...approved(nancy), ...approved(bob)];
const onePost = [...nancyAndBob, posted(POST[0], nancy.memberId, TEXT[0], AT[0])];
const threePosts = [
  ...nancyAndBob,
  posted(POST[0], nancy.memberId, TEXT[0], AT[0]),
  posted(POST[1], nancy.memberId, TEXT[1], AT[1]),
  posted(POST[2], nancy.memberId, TEXT[2], AT[2]),
];
const afterSecond = encodeCursor({ at: AT[1], id: POST[1] });

const api = {
  edit: 'PUT /api/v1/diary/:postId',
  remove: 'DELETE /api/v1/diary/:postId',
  list: 'GET /api/v1/members/:memberId/diary',
  editPage: 'GET /diary/:postId/edit',
  editPost: 'POST /diary/:postId/edit',
  deletePost: 'POST /diary/:postId/delete',
  theirs: 'GET /members/:memberId/diary',
  profile: 'GET /members/:memberId',
};
const write = (as: string, text: unknown) =>
  ({ as, method: 'POST', url: '/api/v1/diary', body: { text } }) as const;
const edit = (as: string, postId: string, text: unknown) =>
  ({ as, method: 'PUT', url: `/api/v1/diary/${postId}`, body: { text } }) as const;
const remove = (as: string, postId: string) =>
  ({ as, method: 'DELETE', url: `/api/v1/diary/${postId}` }) as const;
const list = (as: string, memberId: string, query = '') =>
  ({ as, method: 'GET', url: `/api/v1/members/${memberId}/diary${query}` }) as const;
const NOT_FOUND = 'https://meetcute.dev/problems/not-found';

export const useCases = [
  // Writing
  useCase({
    title: 'Nancy writes a diary post',
    given: nancyAndBob,
    when: write(nancy.memberId, TEXT[0]),
    then: {
      status: 201,
      body: { memberId: nancy.memberId, text: TEXT[0], editedAt: null },
      events: [emitted(DiaryPosted, { memberId: nancy.memberId, text: TEXT[0] })],
    },
  }),
  useCase({
    title: 'A post is stored without the blanks around it',
    given: nancyAndBob,
    when: write(nancy.memberId, '  \n Off to the archipelago.  \n'),
    then: {
      status: 201,
      body: { text: 'Off to the archipelago.' },
      events: [emitted(DiaryPosted, { text: 'Off to the archipelago.' })],
    },
  }),
  useCase({
    title: 'A post of only blanks is empty: 400 naming the text',
    given: nancyAndBob,
    when: write(nancy.memberId, '   \n  '),
    then: {
      status: 400,
      body: { errors: [{ field: 'text', message: 'Write something first: a post cannot be empty.' }] },
    },
  }),
  useCase({
    title: 'A post of 2,001 characters is too long: 400 naming the text, nothing stored',
    given: nancyAndBob,
    when: write(nancy.memberId, 'a'.repeat(2001)),
    then: { status: 400, body: { errors: [{ field: 'text' }] } },
  }),
  useCase({
    title: 'A post of 2,000 characters, emoji counted as one each, is fine',
    given: nancyAndBob,
    when: write(nancy.memberId, '⛵'.repeat(1000) + '🎷'.repeat(1000)),
    then: { status: 201, events: [emitted(DiaryPosted)] },
  }),
  useCase({
    title: 'A post needs a text',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/diary', body: {} },
    then: { status: 400, body: { errors: [{ field: 'text' }] } },
  }),
  useCase({
    title: 'A post’s text is text, not a number',
    given: nancyAndBob,
    when: write(nancy.memberId, 42),
    then: { status: 400, body: { errors: [{ field: 'text' }] } },
  }),
  useCase({
    title: 'A member still in review cannot write in a diary yet',
    given: signedUp(eve),
    when: write(eve.memberId, 'Hello!'),
    then: { status: 403 },
  }),
  useCase({
    title: 'Someone not logged in cannot write in a diary',
    given: nancyAndBob,
    when: { method: 'POST', url: '/api/v1/diary', body: { text: 'Hello!' } },
    then: { status: 401 },
  }),

  // Editing
  useCase({
    title: 'Nancy changes her post',
    given: onePost,
    endpoint: api.edit,
    when: edit(nancy.memberId, POST[0], ' Sailed to Vaxholm and back. '),
    then: {
      status: 200,
      body: { postId: POST[0], text: 'Sailed to Vaxholm and back.', postedAt: AT[0] },
      events: [
        emitted(DiaryPostEdited, {
          postId: POST[0],
          memberId: nancy.memberId,
          text: 'Sailed to Vaxholm and back.',
        }),
      ],
    },
  }),
  useCase({
    title: 'Saving a post unchanged tells nobody anything',
    given: onePost,
    endpoint: api.edit,
    when: edit(nancy.memberId, POST[0], TEXT[0]),
    then: { status: 200, body: { text: TEXT[0], editedAt: null } },
  }),
  useCase({
    title: 'Bob cannot change Nancy’s post: 404, as if there were none',
    given: onePost,
    endpoint: api.edit,
    when: edit(bob.memberId, POST[0], 'Bob was here'),
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Changing a post to nothing is a 400 naming the text',
    given: onePost,
    endpoint: api.edit,
    when: edit(nancy.memberId, POST[0], ''),
    then: { status: 400, body: { errors: [{ field: 'text' }] } },
  }),
  useCase({
    title: 'Changing a post that does not exist is a 404',
    given: onePost,
    endpoint: api.edit,
    when: edit(nancy.memberId, NOBODY, 'Hello'),
    then: { status: 404 },
  }),
  useCase({
    title: 'Changing a post with a malformed id is a 400 naming the id',
    given: onePost,
    endpoint: api.edit,
    when: edit(nancy.memberId, 'first-post', 'Hello'),
    then: { status: 400, body: { errors: [{ field: 'params.postId' }] } },
  }),
  useCase({
    title: 'A deleted post cannot be changed',
    given: [...onePost, given(DiaryPostDeleted, { postId: POST[0], memberId: nancy.memberId })],
    endpoint: api.edit,
    when: edit(nancy.memberId, POST[0], 'Back again'),
    then: { status: 404 },
  }),

  // Deleting
  useCase({
    title: 'Nancy deletes her post',
    given: onePost,
    endpoint: api.remove,
    when: remove(nancy.memberId, POST[0]),
    then: { status: 204, events: [emitted(DiaryPostDeleted, { postId: POST[0], memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'Bob cannot delete Nancy’s post: 404',
    given: onePost,
    endpoint: api.remove,
    when: remove(bob.memberId, POST[0]),
    then: { status: 404 },
  }),
  useCase({
    title: 'Deleting a post twice is a 404 the second time',
    given: [...onePost, given(DiaryPostDeleted, { postId: POST[0], memberId: nancy.memberId })],
    endpoint: api.remove,
    when: remove(nancy.memberId, POST[0]),
    then: { status: 404 },
  }),
  useCase({
    title: 'Deleting a post with a malformed id is a 400 naming the id',
    given: onePost,
    endpoint: api.remove,
    when: remove(nancy.memberId, '1'),
    then: { status: 400, body: { errors: [{ field: 'params.postId' }] } },
  }),

  // Reading
  useCase({
    title: 'Bob reads Nancy’s diary, newest first, a page at a time',
    given: threePosts,
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId, '?limit=2'),
    then: {
      status: 200,
      body: {
        items: [
          { postId: POST[2], memberId: nancy.memberId, text: TEXT[2], postedAt: AT[2], editedAt: null },
          { postId: POST[1], memberId: nancy.memberId, text: TEXT[1], postedAt: AT[1], editedAt: null },
        ],
        nextCursor: afterSecond,
      },
    },
  }),
  useCase({
    title: 'The cursor leads to older posts, and the last page says so',
    given: threePosts,
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId, `?limit=2&cursor=${afterSecond}`),
    then: { status: 200, body: { items: [{ postId: POST[0], text: TEXT[0] }], nextCursor: null } },
  }),
  useCase({
    title: 'A changed post reads as changed, and a deleted one is gone',
    given: [
      ...threePosts,
      given(DiaryPostEdited, { postId: POST[0], memberId: nancy.memberId, text: 'Sailed.' }, { at: AT[2] }),
      given(DiaryPostDeleted, { postId: POST[1], memberId: nancy.memberId }),
    ],
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId),
    then: {
      status: 200,
      body: {
        items: [{ postId: POST[2] }, { postId: POST[0], text: 'Sailed.', postedAt: AT[0], editedAt: AT[2] }],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'Nancy reads her own diary',
    given: onePost,
    endpoint: api.list,
    when: list(nancy.memberId, nancy.memberId),
    then: { status: 200, body: { items: [{ postId: POST[0] }], nextCursor: null } },
  }),
  useCase({
    title: 'The diary of an unknown member is a 404',
    given: onePost,
    endpoint: api.list,
    when: list(bob.memberId, NOBODY),
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'The diary of a member still in review is a 404',
    given: [...onePost, ...signedUp(eve)],
    endpoint: api.list,
    when: list(bob.memberId, eve.memberId),
    then: { status: 404 },
  }),
  useCase({
    title: 'Nancy, blocked by Bob, cannot read his diary: 404',
    given: [
      ...nancyAndBob,
      posted(POST[0], bob.memberId, 'Baked sourdough.'),
      blocked(bob.memberId, nancy.memberId),
    ],
    endpoint: api.list,
    when: list(nancy.memberId, bob.memberId),
    then: { status: 404 },
  }),
  useCase({
    title: 'Bob, who blocked Nancy, cannot read her diary either: 404',
    given: [...onePost, blocked(bob.memberId, nancy.memberId)],
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId),
    then: { status: 404 },
  }),
  useCase({
    title: 'After Bob lifts his block he reads Nancy’s diary again',
    given: [...onePost, blocked(bob.memberId, nancy.memberId), unblocked(bob.memberId, nancy.memberId)],
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId),
    then: { status: 200, body: { items: [{ postId: POST[0] }] } },
  }),
  useCase({
    title: 'Suspended, Nancy’s diary is a 404 to Bob, as if she were absent',
    given: [...threePosts, suspended(nancy)],
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId),
    then: { status: 404, body: { type: NOT_FOUND } },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, Bob reads all her posts again',
    given: [...threePosts, suspended(nancy), reinstated(nancy)],
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId),
    then: {
      status: 200,
      body: {
        items: [{ postId: POST[2] }, { postId: POST[1] }, { postId: POST[0] }],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'A made-up cursor is a 400 naming the cursor',
    given: onePost,
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId, '?cursor=nope'),
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A page of a diary holds 1 to 50 posts',
    given: onePost,
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId, '?limit=51'),
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),
  useCase({
    title: 'A diary with a malformed member id is a 400 naming it',
    given: onePost,
    endpoint: api.list,
    when: list(bob.memberId, 'nancy'),
    then: { status: 400, body: { errors: [{ field: 'params.memberId' }] } },
  }),

  // Pages
  useCase({
    title: 'Nancy’s diary page has a form to write and her posts with edit and delete',
    given: threePosts,
    when: { as: nancy.memberId, method: 'GET', url: '/diary' },
    then: {
      status: 200,
      page: [
        '<h1>My diary</h1>',
        'action="/diary"',
        'name="text"',
        'Who wants to walk in Djurgården?',
        `href="/diary/${POST[2]}/edit"`,
        `action="/diary/${POST[0]}/delete"`,
        '1 Jun 2026, 12:03',
      ],
    },
  }),
  useCase({
    title: 'The diary page in Finnish',
    given: threePosts,
    when: { as: nancy.memberId, method: 'GET', url: '/diary', headers: { 'accept-language': 'fi' } },
    then: { status: 200, page: ['<h1>Päiväkirjani</h1>', 'Muokkaa', 'Julkaise'] },
  }),
  useCase({
    title: 'With nothing written yet the diary page says where to start',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/diary?diary=deleted' },
    then: {
      status: 200,
      page: [
        'You have not written anything yet.',
        '<section id="my-diary"',
        'role="status"',
        'Your post was deleted.',
      ],
    },
  }),
  useCase({
    title: 'Nancy writes a post with the form and is back on her diary',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'POST', url: '/diary', form: true, body: { text: TEXT[1] } },
    then: {
      status: 303,
      location: '/diary?diary=posted#my-diary',
      events: [emitted(DiaryPosted, { memberId: nancy.memberId, text: TEXT[1] })],
    },
  }),
  useCase({
    title: 'An empty post from the form shows the form again with the reason',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'POST', url: '/diary', form: true, body: { text: '  ' } },
    then: { status: 400, page: ['Write something first: a post cannot be empty.', 'aria-invalid="true"'] },
  }),
  useCase({
    title: 'In Swedish, an empty post from the form is explained in Swedish',
    given: nancyAndBob,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/diary',
      form: true,
      body: { text: '  ' },
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 400,
      page: ['Skriv något först: ett inlägg kan inte vara tomt.'],
      pageLacks: ['Write something first'],
    },
  }),
  useCase({
    title: 'In Finnish, a changed post that is too long is explained in Finnish, with its length',
    given: onePost,
    endpoint: api.editPost,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/diary/${POST[0]}/edit`,
      form: true,
      body: { text: 'a'.repeat(2001) },
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 400,
      page: ['Kirjoituksessa voi olla enintään 2000 merkkiä; tässä on 2001.'],
      pageLacks: ['A post holds at most'],
    },
  }),
  useCase({
    title: 'The diary form needs the form’s token',
    given: nancyAndBob,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/diary',
      form: true,
      body: { text: 'Hi', _csrf: 'forged' },
    },
    then: { status: 403 },
  }),
  useCase({
    title: 'The edit page holds the post’s text',
    given: onePost,
    endpoint: api.editPage,
    when: { as: nancy.memberId, method: 'GET', url: `/diary/${POST[0]}/edit` },
    then: { status: 200, page: ['<h1>Edit post</h1>', `action="/diary/${POST[0]}/edit"`, TEXT[0]] },
  }),
  useCase({
    title: 'Bob gets no edit page for Nancy’s post: 404',
    given: onePost,
    endpoint: api.editPage,
    when: { as: bob.memberId, method: 'GET', url: `/diary/${POST[0]}/edit` },
    then: { status: 404 },
  }),
  useCase({
    title: 'Nancy saves her changed post with the form',
    given: onePost,
    endpoint: api.editPost,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/diary/${POST[0]}/edit`,
      form: true,
      body: { text: 'Sailed!' },
    },
    then: {
      status: 303,
      location: `/diary?diary=edited&to=${POST[0]}#post-${POST[0]}`,
      events: [emitted(DiaryPostEdited, { postId: POST[0], text: 'Sailed!' })],
    },
  }),
  useCase({
    title: 'A too-long change from the form shows the edit form again with the reason',
    given: onePost,
    endpoint: api.editPost,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/diary/${POST[0]}/edit`,
      form: true,
      body: { text: 'x'.repeat(2001) },
    },
    then: {
      status: 400,
      page: ['<h1>Edit post</h1>', 'A post holds at most 2000 characters; this one has 2001.'],
    },
  }),
  useCase({
    title: 'Bob cannot change Nancy’s post with the form either',
    given: onePost,
    endpoint: api.editPost,
    when: {
      as: bob.memberId,
      method: 'POST',
      url: `/diary/${POST[0]}/edit`,
      form: true,
      body: { text: 'Hi' },
    },
    then: { status: 404 },
  }),
  useCase({
    title: 'Nancy deletes a post with its button and is back on her diary',
    given: onePost,
    endpoint: api.deletePost,
    when: { as: nancy.memberId, method: 'POST', url: `/diary/${POST[0]}/delete`, form: true, body: {} },
    then: {
      status: 303,
      location: '/diary?diary=deleted#my-diary',
      events: [emitted(DiaryPostDeleted, { postId: POST[0], memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Bob cannot delete Nancy’s post with a forged form: 404',
    given: onePost,
    endpoint: api.deletePost,
    when: { as: bob.memberId, method: 'POST', url: `/diary/${POST[0]}/delete`, form: true, body: {} },
    then: { status: 404 },
  }),
  useCase({
    title: 'Bob reads all of Nancy’s posts on her diary page, older ones loading as he scrolls',
    given: threePosts,
    endpoint: api.theirs,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}/diary?limit=2` },
    then: {
      status: 200,
      page: [
        '<h1>Nancy’s diary</h1>',
        TEXT[2],
        TEXT[1],
        // With JavaScript the next page is fetched when its link comes into view (site.js); without, the link opens it.
        'class="plain diary" data-infinite',
        `rel="next" href="/members/${nancy.memberId}/diary?cursor=`,
      ],
      pageLacks: [TEXT[0], '/edit"', '/delete"'],
    },
  }),
  useCase({
    title: 'Nancy’s diary page is a 404 for Bob, who blocked her',
    given: [...threePosts, blocked(bob.memberId, nancy.memberId)],
    endpoint: api.theirs,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}/diary` },
    then: { status: 404 },
  }),
  useCase({
    title: 'Banned, Nancy’s diary page is a 404 for Bob',
    given: [...threePosts, suspended(nancy, null)],
    endpoint: api.theirs,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}/diary` },
    then: { status: 404, pageLacks: [TEXT[0], TEXT[1], TEXT[2]] },
  }),
  useCase({
    title: 'Nancy’s profile shows her latest five posts and a link to all of them',
    given: [
      ...nancyAndBob,
      ...[1, 2, 3, 4, 5, 6].map((n) =>
        posted(`00000000-0000-7000-8000-0000000d010${n}`, nancy.memberId, `Post number ${n}.`),
      ),
    ],
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: {
      status: 200,
      page: [
        '<h2 id="diary">Diary</h2>',
        'Post number 6.',
        'Post number 2.',
        `href="/members/${nancy.memberId}/diary"`,
      ],
      pageLacks: ['Post number 1.', 'Write in your diary'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Nancy’s own profile invites her to write in her diary',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: {
      status: 200,
      page: [
        '<h2 id="diary">Diary</h2>',
        'You have not written anything yet.',
        'href="/diary"',
        'Write in your diary',
      ],
      // The form is on the diary page, not here: nothing is "above".
      pageLacks: ['goes above'],
    },
  }),
  useCase({
    title: 'A member who wrote nothing shows no diary on their profile',
    given: nancyAndBob,
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: { status: 200, pageLacks: ['id="diary"'], events: [emitted(ProfileViewed)] },
  }),
  ...sanctionedRequestsTo("Nancy's diary", `/api/v1/members/${nancy.memberId}/diary`),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: her diary is gone, a 404 to Bob',
    given: [...onePost, deleted(nancy)],
    endpoint: api.list,
    when: list(bob.memberId, nancy.memberId),
    then: { status: 404 },
  }),
];
