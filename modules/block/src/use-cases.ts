import { emitted, given, useCase } from '@meetcute/core';
import { approved, bob, deleted, eve, nancy, signedUp } from '@meetcute/cast';
import { ProfileViewed } from '@meetcute/profile/events';
import { MemberBlocked, MemberUnblocked } from './events.ts';

const bobBlockedNancy = [
  ...approved(nancy),
  ...approved(bob),
  given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }, { actorId: bob.memberId }),
];
/** Bob blocked Nancy for a week: until 8 June, 10:00 UTC. */
const bobBlockedNancyForAWeek = [
  ...approved(nancy),
  ...approved(bob),
  given(
    MemberBlocked,
    { blockerId: bob.memberId, blockedId: nancy.memberId, until: '2026-06-08T10:00:00.000Z' },
    { actorId: bob.memberId },
  ),
];

export const useCases = [
  useCase({
    title: 'Bob blocks Nancy for a day: the block says when it lifts itself',
    given: [...approved(nancy), ...approved(bob)],
    when: {
      as: bob.memberId,
      method: 'POST',
      url: '/api/v1/blocks',
      body: { memberId: nancy.memberId, hours: 24 },
    },
    then: {
      status: 201,
      events: [emitted(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A block lasts a day, a week or until lifted: any other length is refused',
    given: [...approved(nancy), ...approved(bob)],
    when: {
      as: bob.memberId,
      method: 'POST',
      url: '/api/v1/blocks',
      body: { memberId: nancy.memberId, hours: 5 },
    },
    then: { status: 400, body: { errors: [{ field: 'hours' }] }, events: [] },
  }),
  useCase({
    title: 'Bob’s block list says until when a temporary block lasts',
    given: bobBlockedNancyForAWeek,
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/blocks' },
    then: {
      status: 200,
      body: { blocks: [{ memberId: nancy.memberId, until: '2026-06-08T10:00:00.000Z' }] },
    },
  }),
  useCase({
    title: 'The block page asks for how long',
    given: [...approved(nancy), ...approved(bob)],
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}/block` },
    then: { status: 200, page: ['For how long?', 'For 24 hours', 'For a week', 'Until I unblock'] },
  }),
  useCase({
    title:
      'The block page says what comes back after unblocking, what does not, and that reporting stays open',
    given: [...approved(nancy), ...approved(bob)],
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}/block` },
    then: {
      status: 200,
      page: [
        'Your conversation, flirts, favourites, alerts and visits are hidden for both of you, not deleted',
        'if you unblock Nancy later on the Blocked members page, they come back',
        'Gone for good: the posts each of you made before in the other’s news',
        'You can still report Nancy from the Blocked members page.',
      ],
    },
  }),
  useCase({
    title: 'In Finnish, lifting a block says what came back and what did not',
    given: [...approved(nancy), ...approved(bob)],
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/blocks?block=unblocked&to=${nancy.memberId}`,
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 200,
      page: [
        `id="member-${nancy.memberId}"`,
        'role="status"',
        'Esto poistettu.',
        'ilmoituksenne ja vierailunne',
        'Sen poistamat yksityiset albumit eivät palaa.',
      ],
    },
  }),
  useCase({
    title: 'Blocking for a week from the page',
    given: [...approved(nancy), ...approved(bob)],
    when: {
      as: bob.memberId,
      method: 'POST',
      url: `/members/${nancy.memberId}/block`,
      form: true,
      body: { hours: '168' },
    },
    then: {
      status: 303,
      location: `/blocks?block=blocked&to=${nancy.memberId}#member-${nancy.memberId}`,
      events: [emitted(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Bob blocks Nancy',
    given: [...approved(nancy), ...approved(bob)],
    when: { as: bob.memberId, method: 'POST', url: '/api/v1/blocks', body: { memberId: nancy.memberId } },
    then: {
      status: 201,
      body: { blocked: true },
      events: [emitted(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Blocking someone already blocked changes nothing',
    given: bobBlockedNancy,
    when: { as: bob.memberId, method: 'POST', url: '/api/v1/blocks', body: { memberId: nancy.memberId } },
    then: { status: 200, body: { blocked: true } },
  }),
  useCase({
    title: 'Nancy blocks Bob back, and learns nothing about whether he had blocked her',
    given: bobBlockedNancy,
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/blocks', body: { memberId: bob.memberId } },
    then: {
      status: 201,
      body: { blocked: true },
      events: [emitted(MemberBlocked, { blockerId: nancy.memberId, blockedId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Nobody can block themselves',
    given: approved(bob),
    when: { as: bob.memberId, method: 'POST', url: '/api/v1/blocks', body: { memberId: bob.memberId } },
    then: { status: 400, body: { errors: [{ field: 'memberId', message: 'You cannot block yourself.' }] } },
  }),
  useCase({
    title: 'Blocking an unknown member is a 404',
    given: approved(bob),
    when: {
      as: bob.memberId,
      method: 'POST',
      url: '/api/v1/blocks',
      body: { memberId: '00000000-0000-7000-8000-000000000999' },
    },
    then: { status: 404 },
  }),
  useCase({
    title: 'Blocking needs a member id',
    given: approved(bob),
    when: { as: bob.memberId, method: 'POST', url: '/api/v1/blocks', body: { memberId: 'nancy' } },
    then: { status: 400, body: { errors: [{ field: 'memberId' }] } },
  }),
  useCase({
    title: 'A member still in review cannot block anyone yet',
    given: [...approved(nancy), ...signedUp(eve)],
    when: { as: eve.memberId, method: 'POST', url: '/api/v1/blocks', body: { memberId: nancy.memberId } },
    then: { status: 403 },
  }),
  useCase({
    title: 'Bob sees whom he blocked',
    given: bobBlockedNancy,
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/blocks' },
    then: { status: 200, body: { blocks: [{ memberId: nancy.memberId, nickname: 'Nancy' }] } },
  }),
  useCase({
    title: 'Nancy does not see that Bob blocked her in her own block list',
    given: bobBlockedNancy,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/blocks' },
    then: { status: 200, body: { blocks: [] } },
  }),
  useCase({
    title: 'After Bob lifted his block, his block list is empty again',
    given: [
      ...bobBlockedNancy,
      given(
        MemberUnblocked,
        { blockerId: bob.memberId, blockedId: nancy.memberId },
        { actorId: bob.memberId },
      ),
    ],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/blocks' },
    then: { status: 200, body: { blocks: [] } },
  }),
  useCase({
    title: 'Bob lifts his block',
    given: bobBlockedNancy,
    endpoint: 'DELETE /api/v1/blocks/:memberId',
    when: { as: bob.memberId, method: 'DELETE', url: `/api/v1/blocks/${nancy.memberId}` },
    then: {
      status: 204,
      events: [emitted(MemberUnblocked, { blockerId: bob.memberId, blockedId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Only the one who blocked can lift a block',
    given: bobBlockedNancy,
    endpoint: 'DELETE /api/v1/blocks/:memberId',
    when: { as: nancy.memberId, method: 'DELETE', url: `/api/v1/blocks/${bob.memberId}` },
    then: { status: 404 },
  }),
  useCase({
    title:
      'Nancy’s profile offers Bob “Block…”, a link to a page that asks first, apart from the friendly actions',
    given: [...approved(nancy), ...approved(bob)],
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: {
      status: 200,
      page: [
        `<a class="button secondary" href="/members/${nancy.memberId}/block">Block…</a></div>`,
        '<div class="actions safety" id="safety">',
      ],
      pageLacks: [`action="/members/${nancy.memberId}/block"`],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Before blocking Nancy, Bob is told what a block does, with a button to do it and a way back',
    given: [...approved(nancy), ...approved(bob)],
    endpoint: 'GET /members/:memberId/block',
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}/block` },
    then: {
      status: 200,
      page: [
        '<h1>Block Nancy?</h1>',
        'Nancy is not told.',
        'if you unblock Nancy later on the Blocked members page, they come back.',
        `<form method="post" action="/members/${nancy.memberId}/block"`,
        'name="_csrf"',
        '<button type="submit">Block Nancy</button>',
        `<a class="button secondary" href="/members/${nancy.memberId}">Cancel</a>`,
      ],
    },
  }),
  useCase({
    title:
      'Nancy, blocked by Bob, cannot reach a page about blocking him: it is not found, as his profile is',
    given: bobBlockedNancy,
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}/block` },
    then: { status: 404, pageLacks: ['Bob'] },
  }),
  useCase({
    title: 'Asking to block someone already blocked leads to the block list',
    given: bobBlockedNancy,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}/block` },
    then: { status: 303, location: '/blocks' },
  }),
  useCase({
    title: 'Bob blocks Nancy from her profile page, without JavaScript',
    given: [...approved(nancy), ...approved(bob)],
    endpoint: 'POST /members/:memberId/block',
    when: { as: bob.memberId, method: 'POST', url: `/members/${nancy.memberId}/block`, form: true, body: {} },
    then: {
      status: 303,
      location: `/blocks?block=blocked&to=${nancy.memberId}#member-${nancy.memberId}`,
      events: [emitted(MemberBlocked)],
    },
  }),
  useCase({
    title: 'Unblocking with a way back to another site lands on his block list instead, at her row',
    given: bobBlockedNancy,
    endpoint: 'POST /members/:memberId/unblock',
    when: {
      as: bob.memberId,
      method: 'POST',
      url: `/members/${nancy.memberId}/unblock`,
      form: true,
      body: { back: '//evil.example/blocks' },
    },
    then: {
      status: 303,
      location: `/blocks?block=unblocked&to=${nancy.memberId}#member-${nancy.memberId}`,
      events: [emitted(MemberUnblocked)],
    },
  }),
  useCase({
    title: 'Bob unblocks Nancy from his block list',
    given: bobBlockedNancy,
    endpoint: 'POST /members/:memberId/unblock',
    when: {
      as: bob.memberId,
      method: 'POST',
      url: `/members/${nancy.memberId}/unblock`,
      form: true,
      body: {},
    },
    then: {
      status: 303,
      location: `/blocks?block=unblocked&to=${nancy.memberId}#member-${nancy.memberId}`,
      events: [emitted(MemberUnblocked)],
    },
  }),
  useCase({
    title: 'The block list page shows each blocked member with an unblock button',
    given: bobBlockedNancy,
    when: { as: bob.memberId, method: 'GET', url: '/blocks' },
    then: {
      status: 200,
      page: [
        'Blocked members',
        'Nancy',
        `/members/${nancy.memberId}/unblock`,
        'blocked 1 Jun 2026',
        // A block hides what she wrote; a report still reaches the moderators.
        `href="/reports/new?kind=profile&amp;contentId=${nancy.memberId}"`,
        'Report…',
      ],
      pageLacks: ['2026-06-01'],
    },
  }),
  useCase({
    title: 'A temporary block says until when, written as dates are in the member’s language',
    given: bobBlockedNancyForAWeek,
    when: { as: bob.memberId, method: 'GET', url: '/blocks', headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: ['blockerad 1 juni 2026', 'till 8 juni 2026 12:00'],
      pageLacks: ['2026-06-08'],
    },
  }),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy, whom Bob blocked, deleted her account: she leaves his block list',
    given: [...bobBlockedNancy, deleted(nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/blocks' },
    then: { status: 200, body: { blocks: [] } },
  }),
];
