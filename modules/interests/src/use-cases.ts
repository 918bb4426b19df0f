import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, given, useCase, type Given } from '@meetcute/core';
import { approved, bob, eve, nancy, reinstated, signedUp, suspended, type CastMember } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block';
import { InterestAdded, InterestRemoved } from './events.ts';

const NOBODY = '00000000-0000-7000-8000-000000000999';
const PROBLEM = 'https://meetcute.dev/problems/';

const added = (member: CastMember, tag: string): Given =>
  given(InterestAdded, { memberId: member.memberId, tag }, { actorId: member.memberId });
const removed = (member: CastMember, tag: string): Given =>
  given(InterestRemoved, { memberId: member.memberId, tag }, { actorId: member.memberId });
const blocked = (blocker: CastMember, blockedMember: CastMember): Given =>
  given(
    MemberBlocked,
    { blockerId: blocker.memberId, blockedId: blockedMember.memberId },
    { actorId: blocker.memberId },
  );

/** Nancy, then Bob, added "jazz"; Eve is approved too. */
const jazzFans = [
  ...approved(nancy),
  ...approved(bob),
  ...approved(eve),
  added(nancy, 'jazz'),
  added(bob, 'jazz'),
];
const TWENTY = Array.from({ length: 20 }, (_, i) => `interest ${String.fromCharCode(97 + i)}`);

const api = {
  add: (as: string, tag: unknown) =>
    ({ as, method: 'POST', url: '/api/v1/interests', body: { tag } }) as const,
  remove: 'DELETE /api/v1/interests/:tag',
  member: 'GET /api/v1/members/:memberId/interests',
  members: 'GET /api/v1/interests/:tag/members',
  tagPage: 'GET /interests/:tag',
};
const memberInterests = (id: string) => `/api/v1/members/${id}/interests`;
const tagMembers = (tag: string, query = '') =>
  `/api/v1/interests/${encodeURIComponent(tag)}/members${query}`;
const card = (m: CastMember) => ({ memberId: m.memberId, nickname: m.application.nickname });

export const useCases = [
  // Adding
  useCase({
    title: 'Nancy adds “  Hiking ”: it is stored trimmed and lower-cased as “hiking”',
    given: approved(nancy),
    when: api.add(nancy.memberId, '  Hiking '),
    then: {
      status: 201,
      body: { tag: 'hiking' },
      events: [emitted(InterestAdded, { memberId: nancy.memberId, tag: 'hiking' })],
    },
  }),
  useCase({
    title:
      'Inner whitespace collapses and Å Ä Ö are lower-cased: “Segling  i  SKÄRGÅRDEN” is “segling i skärgården”',
    given: approved(nancy),
    when: api.add(nancy.memberId, 'Segling  i \t SKÄRGÅRDEN'),
    then: {
      status: 201,
      body: { tag: 'segling i skärgården' },
      events: [emitted(InterestAdded, { tag: 'segling i skärgården' })],
    },
  }),
  useCase({
    title:
      'An accent typed as a separate mark is composed (Unicode NFC), so “café” is one tag however it is typed',
    given: approved(nancy),
    when: api.add(nancy.memberId, 'Cafe\u0301 au lait'),
    then: {
      status: 201,
      body: { tag: 'caf\u00e9 au lait' },
      events: [emitted(InterestAdded, { tag: 'caf\u00e9 au lait' })],
    },
  }),
  useCase({
    title: 'Digits and hyphens are allowed: “80s Hip-Hop” is “80s hip-hop”',
    given: approved(nancy),
    when: api.add(nancy.memberId, '80s Hip-Hop'),
    then: {
      status: 201,
      body: { tag: '80s hip-hop' },
      events: [emitted(InterestAdded, { tag: '80s hip-hop' })],
    },
  }),
  useCase({
    title: 'Adding an interest Nancy already has (in other letters) changes nothing: 200, no event',
    given: [...approved(nancy), added(nancy, 'jazz')],
    when: api.add(nancy.memberId, ' JAZZ'),
    then: { status: 200, body: { tag: 'jazz' } },
  }),
  useCase({
    title: 'An interest of 31 characters is refused, naming the field and the limit',
    given: approved(nancy),
    when: api.add(nancy.memberId, 'a'.repeat(31)),
    then: {
      status: 400,
      body: {
        type: `${PROBLEM}validation`,
        errors: [
          {
            field: 'tag',
            message:
              'An interest can be at most 30 characters of letters, digits, spaces and hyphens; this one has 31.',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'An interest of 30 characters is accepted',
    given: approved(nancy),
    when: api.add(nancy.memberId, 'b'.repeat(30)),
    then: { status: 201, body: { tag: 'b'.repeat(30) }, events: [emitted(InterestAdded)] },
  }),
  useCase({
    title: 'An interest of one character is too short',
    given: approved(nancy),
    when: api.add(nancy.memberId, ' x '),
    then: {
      status: 400,
      body: {
        errors: [
          {
            field: 'tag',
            message: 'An interest needs at least 2 characters: letters, digits, spaces and hyphens.',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Only letters, digits, spaces and hyphens: “#jazz & blues” is refused, quoting the bad characters',
    given: approved(nancy),
    when: api.add(nancy.memberId, '#jazz & blues'),
    then: {
      status: 400,
      body: {
        errors: [
          {
            field: 'tag',
            message: 'An interest can hold only letters, digits, spaces and hyphens, not “#”, “&”.',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Hyphens alone are no interest',
    given: approved(nancy),
    when: api.add(nancy.memberId, '---'),
    then: {
      status: 400,
      body: { errors: [{ field: 'tag', message: 'An interest needs at least one letter or digit.' }] },
    },
  }),
  useCase({
    title: 'An empty interest is refused with what to write instead',
    given: approved(nancy),
    when: api.add(nancy.memberId, '   '),
    then: {
      status: 400,
      body: {
        errors: [
          {
            field: 'tag',
            message:
              'Write an interest of 2 to 30 letters, digits, spaces and hyphens, such as “hiking” or “jazz”.',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Adding needs a tag',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/interests', body: {} },
    then: { status: 400, body: { errors: [{ field: 'tag', message: 'is required' }] } },
  }),
  useCase({
    title: 'A tag must be text',
    given: approved(nancy),
    when: api.add(nancy.memberId, ['jazz']),
    then: { status: 400, body: { errors: [{ field: 'tag' }] } },
  }),
  useCase({
    title: 'Nancy has 20 interests, the most there can be: a 21st is refused until she removes one',
    given: [...approved(nancy), ...TWENTY.map((tag) => added(nancy, tag))],
    when: api.add(nancy.memberId, 'jazz'),
    then: {
      status: 409,
      body: {
        type: `${PROBLEM}too-many-interests`,
        detail: 'You have 20 interests, the most there can be. Remove one first.',
      },
    },
  }),
  useCase({
    title: 'With 20 interests, adding one she already has is still fine',
    given: [...approved(nancy), ...TWENTY.map((tag) => added(nancy, tag))],
    when: api.add(nancy.memberId, 'Interest A'),
    then: { status: 200, body: { tag: 'interest a' } },
  }),
  useCase({
    title: 'After removing one of 20, Nancy can add another',
    given: [...approved(nancy), ...TWENTY.map((tag) => added(nancy, tag)), removed(nancy, 'interest a')],
    when: api.add(nancy.memberId, 'jazz'),
    then: { status: 201, events: [emitted(InterestAdded, { tag: 'jazz' })] },
  }),
  useCase({
    title: 'Eve, still waiting for review, cannot add interests yet',
    given: signedUp(eve),
    when: api.add(eve.memberId, 'sauna'),
    then: { status: 403, body: { type: `${PROBLEM}forbidden` } },
  }),
  useCase({
    title: 'Someone not logged in cannot add interests',
    when: { method: 'POST', url: '/api/v1/interests', body: { tag: 'sauna' } },
    then: { status: 401, body: { type: `${PROBLEM}unauthenticated` } },
  }),

  // Removing
  useCase({
    title: 'Nancy removes “jazz”',
    given: [...approved(nancy), added(nancy, 'jazz'), added(nancy, 'hiking')],
    endpoint: api.remove,
    when: { as: nancy.memberId, method: 'DELETE', url: '/api/v1/interests/jazz' },
    then: { status: 204, events: [emitted(InterestRemoved, { memberId: nancy.memberId, tag: 'jazz' })] },
  }),
  useCase({
    title: 'The tag in the URL is URL-encoded and normalised like any other: “Segling i Skärgården”',
    given: [...approved(nancy), added(nancy, 'segling i skärgården')],
    endpoint: api.remove,
    when: {
      as: nancy.memberId,
      method: 'DELETE',
      url: `/api/v1/interests/${encodeURIComponent('Segling i Skärgården')}`,
    },
    then: { status: 204, events: [emitted(InterestRemoved, { tag: 'segling i skärgården' })] },
  }),
  useCase({
    title: 'Removing an interest Nancy does not have is a 404, even if Bob has it',
    given: [...approved(nancy), ...approved(bob), added(bob, 'jazz')],
    endpoint: api.remove,
    when: { as: nancy.memberId, method: 'DELETE', url: '/api/v1/interests/jazz' },
    then: { status: 404, body: { type: `${PROBLEM}not-found` } },
  }),

  // Reading
  useCase({
    title: 'Nancy lists her interests in alphabetical order, å ä ö after z',
    given: [
      ...approved(nancy),
      added(nancy, 'öl'),
      added(nancy, 'jazz'),
      added(nancy, 'ärtsoppa'),
      added(nancy, 'åka skidor'),
      added(nancy, 'zumba'),
      added(nancy, 'hiking'),
      removed(nancy, 'hiking'),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/interests/mine' },
    then: { status: 200, body: { interests: ['jazz', 'zumba', 'åka skidor', 'ärtsoppa', 'öl'] } },
  }),
  useCase({
    title: 'A member with no interests has an empty list',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/interests/mine' },
    then: { status: 200, body: { interests: [] } },
  }),
  useCase({
    title: 'Bob sees Nancy’s interests',
    given: [...approved(nancy), ...approved(bob), added(nancy, 'sailing'), added(nancy, 'jazz')],
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: memberInterests(nancy.memberId) },
    then: { status: 200, body: { interests: ['jazz', 'sailing'] } },
  }),
  useCase({
    title: 'Nancy sees her own interests by her member id too',
    given: [...approved(nancy), added(nancy, 'jazz')],
    endpoint: api.member,
    when: { as: nancy.memberId, method: 'GET', url: memberInterests(nancy.memberId) },
    then: { status: 200, body: { interests: ['jazz'] } },
  }),
  useCase({
    title: 'The interests of a member id nobody has are a 404',
    given: approved(bob),
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: memberInterests(NOBODY) },
    then: { status: 404, body: { type: `${PROBLEM}not-found` } },
  }),
  useCase({
    title: 'A member id that is not a uuid is a 400 naming it',
    given: approved(bob),
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: memberInterests('nancy') },
    then: { status: 400, body: { errors: [{ field: 'params.memberId' }] } },
  }),
  useCase({
    title: 'The interests of Eve, still in review, are a 404, as if she were absent',
    given: [...approved(bob), ...signedUp(eve), added(eve, 'sauna')],
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: memberInterests(eve.memberId) },
    then: { status: 404 },
  }),
  useCase({
    title: 'Bob blocked Nancy: Nancy gets a 404 for Bob’s interests',
    given: [...approved(nancy), ...approved(bob), added(bob, 'jazz'), blocked(bob, nancy)],
    endpoint: api.member,
    when: { as: nancy.memberId, method: 'GET', url: memberInterests(bob.memberId) },
    then: { status: 404 },
  }),
  useCase({
    title: 'Bob blocked Nancy: Bob gets a 404 for Nancy’s interests too',
    given: [...approved(nancy), ...approved(bob), added(nancy, 'jazz'), blocked(bob, nancy)],
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: memberInterests(nancy.memberId) },
    then: { status: 404 },
  }),
  useCase({
    title: 'Suspended, Bob’s interests are a 404 to Nancy, as if he were absent',
    given: [...approved(nancy), ...approved(bob), added(bob, 'jazz'), suspended(bob)],
    endpoint: api.member,
    when: { as: nancy.memberId, method: 'GET', url: memberInterests(bob.memberId) },
    then: { status: 404 },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, Nancy sees his interests again',
    given: [...approved(nancy), ...approved(bob), added(bob, 'jazz'), suspended(bob), reinstated(bob)],
    endpoint: api.member,
    when: { as: nancy.memberId, method: 'GET', url: memberInterests(bob.memberId) },
    then: { status: 200, body: { interests: ['jazz'] } },
  }),

  // Members with a tag
  useCase({
    title: 'Nancy and Bob both like jazz: Eve sees both, Bob first because he added it last',
    given: jazzFans,
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz') },
    then: {
      status: 200,
      body: {
        tag: 'jazz',
        members: [
          { ...card(bob), age: 34, gender: 'man', city: { label: 'Uppsala, Sweden' } },
          { ...card(nancy), age: 31, gender: 'woman', city: { label: 'Stockholm, Sweden' } },
        ],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'Nancy does not see herself among members who like jazz, only Bob, 64 km away',
    given: jazzFans,
    endpoint: api.members,
    when: { as: nancy.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [{ ...card(bob), distanceKm: 64 }], nextCursor: null } },
  }),
  useCase({
    title: 'The tag in the URL is normalised: “JAZZ” lists the same members',
    given: jazzFans,
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('JAZZ') },
    then: { status: 200, body: { tag: 'jazz', members: [card(bob), card(nancy)] } },
  }),
  useCase({
    title: 'A page of one member comes with a cursor to the next',
    given: jazzFans,
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz', '?limit=1') },
    then: { status: 200, body: { members: [card(bob)] } },
  }),
  useCase({
    title: 'Someone who removed the interest is no longer listed under it',
    given: [...jazzFans, removed(bob, 'jazz')],
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [card(nancy)] } },
  }),
  useCase({
    title: 'Eve, still in review, never appears under a tag',
    given: [...approved(nancy), ...approved(bob), ...signedUp(eve), added(eve, 'jazz'), added(nancy, 'jazz')],
    endpoint: api.members,
    when: { as: bob.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [card(nancy)] } },
  }),
  useCase({
    title: 'Bob blocked Nancy: Bob is missing from Nancy’s jazz list',
    given: [...jazzFans, blocked(bob, nancy)],
    endpoint: api.members,
    when: { as: nancy.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [] } },
  }),
  useCase({
    title: 'Bob blocked Nancy: Nancy is missing from Bob’s jazz list, while Eve still sees both',
    given: [...jazzFans, blocked(bob, nancy), added(eve, 'jazz')],
    endpoint: api.members,
    when: { as: bob.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [card(eve)] } },
  }),
  useCase({
    title: 'Suspended, Bob is missing from everyone’s jazz list: Eve sees only Nancy',
    given: [...jazzFans, suspended(bob)],
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [card(nancy)], nextCursor: null } },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, he is under jazz again, in his place',
    given: [...jazzFans, suspended(bob), reinstated(bob)],
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [card(bob), card(nancy)], nextCursor: null } },
  }),
  useCase({
    title: 'After Bob unblocks Nancy they find each other under jazz again',
    given: [
      ...jazzFans,
      blocked(bob, nancy),
      given(
        MemberUnblocked,
        { blockerId: bob.memberId, blockedId: nancy.memberId },
        { actorId: bob.memberId },
      ),
    ],
    endpoint: api.members,
    when: { as: nancy.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [card(bob)] } },
  }),
  useCase({
    title: 'A tag that breaks the rules is a 400 naming it',
    given: approved(eve),
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('x') },
    then: { status: 400, body: { errors: [{ field: 'params.tag' }] } },
  }),
  useCase({
    title: 'A cursor we did not give out is a 400 naming it',
    given: jazzFans,
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz', '?cursor=not-a-cursor') },
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A page holds 1 to 50 members',
    given: jazzFans,
    endpoint: api.members,
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz', '?limit=51') },
    then: { status: 400, body: { errors: [{ field: 'querystring.limit' }] } },
  }),

  // Pages
  useCase({
    title: 'Nancy’s interests page lists her tags with remove buttons, and a form to add one',
    given: [...approved(nancy), added(nancy, 'jazz'), added(nancy, 'sailing')],
    when: { as: nancy.memberId, method: 'GET', url: '/interests' },
    then: {
      status: 200,
      page: [
        'My interests',
        'href="/interests/jazz"',
        'href="/interests/sailing"',
        'action="/interests/remove"',
        'name="tag" value="jazz"',
        'aria-label="Remove jazz"',
        'action="/interests"',
        '2 of 20 interests',
      ],
    },
  }),
  useCase({
    title: 'The interests page speaks Swedish to a Swedish browser',
    given: [...approved(nancy), added(nancy, 'jazz')],
    when: { as: nancy.memberId, method: 'GET', url: '/interests', headers: { 'accept-language': 'sv' } },
    then: { status: 200, page: ['Mina intressen', 'Lägg till ett intresse', 'Ta bort'] },
  }),
  useCase({
    title: 'Someone not logged in is sent to log in first',
    when: { method: 'GET', url: '/interests' },
    then: { status: 303, location: '/login?next=%2Finterests' },
  }),
  useCase({
    title: 'Nancy adds an interest with the form, without JavaScript',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/interests', form: true, body: { tag: '  Hiking ' } },
    then: {
      status: 303,
      location: '/interests?interest=added#my-interests',
      events: [emitted(InterestAdded, { memberId: nancy.memberId, tag: 'hiking' })],
    },
  }),
  useCase({
    title: 'Adding from a tag’s page leads back to that page, at its buttons, to say it was added',
    given: [...approved(nancy), ...approved(bob), added(bob, 'hip-hop')],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/interests',
      form: true,
      body: { tag: 'hip-hop', back: '/interests/hip-hop#tag-actions' },
    },
    then: {
      status: 303,
      location: '/interests/hip-hop?interest=added#tag-actions',
      events: [emitted(InterestAdded, { tag: 'hip-hop' })],
    },
  }),
  useCase({
    title: 'A form may only lead back within the site',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/interests',
      form: true,
      body: { tag: 'jazz', back: '//evil.example/' },
    },
    then: {
      status: 303,
      location: '/interests?interest=added#my-interests',
      events: [emitted(InterestAdded)],
    },
  }),
  useCase({
    title: 'Adding an interest she has already says so and changes nothing',
    given: [...approved(nancy), added(nancy, 'jazz')],
    when: { as: nancy.memberId, method: 'POST', url: '/interests', form: true, body: { tag: 'Jazz' } },
    then: { status: 303, location: '/interests?interest=already#my-interests' },
  }),
  useCase({
    title: 'A bad interest in the form shows the form again with what is allowed',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/interests', form: true, body: { tag: 'c++' } },
    then: {
      status: 400,
      page: [
        'Please fix this and try again',
        'An interest can hold only letters, digits, spaces and hyphens, not “+”.',
        'value="c++"',
      ],
    },
  }),
  useCase({
    title: 'A 21st interest in the form says to remove one first',
    given: [...approved(nancy), ...TWENTY.map((tag) => added(nancy, tag))],
    when: { as: nancy.memberId, method: 'POST', url: '/interests', form: true, body: { tag: 'jazz' } },
    then: { status: 409, page: ['You have 20 interests, the most there can be. Remove one first.'] },
  }),
  useCase({
    title: 'Nancy removes an interest with its button',
    given: [...approved(nancy), added(nancy, 'jazz')],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/interests/remove',
      form: true,
      body: { tag: 'jazz', back: '/interests#my-interests' },
    },
    then: {
      status: 303,
      location: '/interests?interest=removed#my-interests',
      events: [emitted(InterestRemoved, { memberId: nancy.memberId, tag: 'jazz' })],
    },
  }),
  useCase({
    title: 'Back from removing an interest, her list says so where it stands',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/interests?interest=removed' },
    then: {
      status: 200,
      page: ['<section id="my-interests"', 'role="status"', 'Removed from your profile.'],
    },
  }),
  useCase({
    title: 'An outcome the page does not know shows the page as it is',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/interests?interest=%3Cscript%3E&to=x' },
    then: {
      status: 200,
      page: ['<section id="my-interests"'],
      pageLacks: ['data-feedback-notice', '<script>'],
    },
  }),
  useCase({
    title: 'Pressing remove twice is harmless: the interest is gone either way',
    given: [...approved(nancy), added(nancy, 'jazz'), removed(nancy, 'jazz')],
    when: { as: nancy.memberId, method: 'POST', url: '/interests/remove', form: true, body: { tag: 'jazz' } },
    then: { status: 303, location: '/interests?interest=removed#my-interests' },
  }),
  useCase({
    title: 'A form without its token is refused',
    given: [...approved(nancy), added(nancy, 'jazz')],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/interests/remove',
      form: true,
      body: { tag: 'jazz', _csrf: 'forged' },
    },
    then: { status: 403 },
  }),
  useCase({
    title: 'Eve opens “jazz” and sees cards for Bob and Nancy, with an add button',
    given: jazzFans,
    endpoint: api.tagPage,
    when: { as: eve.memberId, method: 'GET', url: '/interests/jazz' },
    then: {
      status: 200,
      page: [
        'Members who like “jazz”',
        `href="/members/${bob.memberId}"`,
        `href="/members/${nancy.memberId}"`,
        '34 years · man · Uppsala, Sweden',
        'Add “jazz” to my interests',
      ],
      pageLacks: ['rel="next"'],
    },
  }),
  useCase({
    title: 'Nancy opens “jazz”: Bob is there, she is not, and she can remove it from her own',
    given: jazzFans,
    endpoint: api.tagPage,
    when: { as: nancy.memberId, method: 'GET', url: '/interests/jazz' },
    then: {
      status: 200,
      page: [`href="/members/${bob.memberId}"`, 'You have this interest too.', 'Remove jazz'],
      pageLacks: [`href="/members/${nancy.memberId}"`],
    },
  }),
  useCase({
    title: 'A tag’s page shows an Older link when more members follow',
    given: jazzFans,
    endpoint: api.tagPage,
    when: { as: eve.memberId, method: 'GET', url: '/interests/jazz?limit=1' },
    then: {
      status: 200,
      page: [`href="/members/${bob.memberId}"`, 'rel="next"', 'Older'],
      pageLacks: [`href="/members/${nancy.memberId}"`],
    },
  }),
  useCase({
    title: 'A tag with spaces and å ä ö has its own page',
    given: [...approved(nancy), ...approved(eve), added(nancy, 'segling i skärgården')],
    endpoint: api.tagPage,
    when: {
      as: eve.memberId,
      method: 'GET',
      url: `/interests/${encodeURIComponent('segling i skärgården')}`,
    },
    then: {
      status: 200,
      page: ['Members who like “segling i skärgården”', `href="/members/${nancy.memberId}"`],
    },
  }),
  useCase({
    title: 'Bob blocked Nancy: her jazz page has no Bob and an empty note',
    given: [...jazzFans, blocked(bob, nancy)],
    endpoint: api.tagPage,
    when: { as: nancy.memberId, method: 'GET', url: '/interests/jazz' },
    then: {
      status: 200,
      page: ['Nobody else has this interest yet.'],
      pageLacks: [`href="/members/${bob.memberId}"`],
    },
  }),
  useCase({
    title: 'Suspended, Bob is not on Nancy’s jazz page',
    given: [...jazzFans, suspended(bob)],
    endpoint: api.tagPage,
    when: { as: nancy.memberId, method: 'GET', url: '/interests/jazz' },
    then: {
      status: 200,
      page: ['Nobody else has this interest yet.'],
      pageLacks: [`href="/members/${bob.memberId}"`],
    },
  }),
  useCase({
    title: 'Nancy’s own profile lists her interests as links, with a link to edit them',
    given: [...approved(nancy), added(nancy, 'jazz'), added(nancy, 'segling i skärgården')],
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: {
      status: 200,
      page: [
        '<h2 id="interests">Interests</h2>',
        'href="/interests/jazz"',
        `href="${`/interests/${encodeURIComponent('segling i skärgården')}`}"`,
        'href="/interests">Edit</a>',
      ],
    },
  }),
  useCase({
    title: 'A tag’s page for a tag that breaks the rules is a 400 page saying what is allowed',
    given: approved(eve),
    endpoint: api.tagPage,
    when: { as: eve.memberId, method: 'GET', url: '/interests/x' },
    then: { status: 400, page: ['An interest needs at least 2 characters'] },
  }),
  ...sanctionedRequestsTo('who likes hiking', '/api/v1/interests/hiking/members'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: jazz fans are Bob alone now',
    given: [...jazzFans, deleted(nancy)],
    when: { as: eve.memberId, method: 'GET', url: tagMembers('jazz') },
    then: { status: 200, body: { members: [card(bob)] } },
  }),
];
