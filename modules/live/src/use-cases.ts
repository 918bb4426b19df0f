import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { given, useCase, type When } from '@meetcute/core';
import { approved as approvedNow, bob, mo, nancy } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
import { LoggedOut, LoggedOutEverywhere, PasswordChanged } from '@meetcute/auth/events';
import { FlirtSent } from '@meetcute/flirt/events';

/**
 * Members approved a month before: their welcome alert was pushed then, so a channel
 * opened now holds only what the use case itself causes.
 */
const approved = (member: Parameters<typeof approvedNow>[0]) =>
  approvedNow(member).map((g) => ({ ...g, at: '2026-05-01T10:00:00.000Z' }));

const FLIRT = '00000000-0000-7000-8000-0000000f1001';

const suspendBob: When = {
  as: mo.memberId,
  method: 'PUT',
  url: `/api/v1/moderation/members/${bob.memberId}/suspension`,
  body: { reason: 'Kept messaging members who asked him to stop', days: 7 },
};

export const useCases = [
  useCase({
    title: 'With nothing new, a long poll that may not wait answers at once, empty',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, body: { notifications: [], cursor: 0 } },
  }),
  useCase({
    title: 'Only a member can listen for notifications',
    when: { method: 'GET', url: '/api/v1/live/poll?wait=0' },
    then: { status: 401 },
  }),
  useCase({
    title: 'A long poll cannot be asked to wait for minutes',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?wait=600' },
    then: { status: 400, body: { errors: [{ field: 'querystring.wait' }] } },
  }),
  // Ending a session closes its open channels at once (live.test.ts, over real sockets);
  // what a use case can show is that only ended sessions are shut out.
  useCase({
    title: 'Logging out on her old phone leaves the page Nancy has open now listening',
    given: [
      ...approved(nancy),
      given(LoggedOut, { memberId: nancy.memberId, sessionId: 'her-old-phone' }, { actorId: nancy.memberId }),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, body: { notifications: [], cursor: 0 } },
  }),
  useCase({
    title: 'After logging out everywhere and changing her password, Nancy listens again once she logs in',
    given: [
      ...approved(nancy),
      given(LoggedOutEverywhere, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
      given(PasswordChanged, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, body: { notifications: [], cursor: 0 } },
  }),
  useCase({
    title: 'What Bob flirted at Nancy is taken back from her channel when she blocks him',
    given: [...approved(nancy), ...approved(bob)],
    before: [
      { as: bob.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: nancy.memberId } },
      { as: nancy.memberId, method: 'POST', url: '/api/v1/blocks', body: { memberId: bob.memberId } },
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, pageLacks: [bob.memberId] },
  }),
  useCase({
    title: 'After an unblock, the channel carries news between them again',
    given: [
      ...approved(nancy),
      ...approved(bob),
      given(
        MemberBlocked,
        { blockerId: nancy.memberId, blockedId: bob.memberId },
        { actorId: nancy.memberId },
      ),
      given(
        MemberUnblocked,
        { blockerId: nancy.memberId, blockedId: bob.memberId },
        { actorId: nancy.memberId },
      ),
    ],
    before: [{ as: bob.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: nancy.memberId } }],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, page: [bob.memberId, '"type":"alert"'] },
  }),
  useCase({
    title: 'What Bob flirted at Nancy is not replayed on her channel while he is suspended',
    given: [...approved(nancy), ...approved(bob), ...approved(mo)],
    before: [
      { as: bob.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: nancy.memberId } },
      suspendBob,
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, pageLacks: [bob.memberId] },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, what he flirted at Nancy is on her channel again',
    given: [...approved(nancy), ...approved(bob), ...approved(mo)],
    before: [
      { as: bob.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: nancy.memberId } },
      suspendBob,
      {
        as: mo.memberId,
        method: 'POST',
        url: `/api/v1/moderation/members/${bob.memberId}/suspension/lift`,
        body: { reason: 'Apologised' },
      },
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, page: [bob.memberId, '"type":"alert"'] },
  }),
  ...sanctionedRequestsTo('his live channel', '/api/v1/live/poll'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Bob deleted his account: nothing he caused waits in Nancy’s mailbox any more',
    given: [
      ...approved(nancy),
      ...approved(bob),
      given(
        FlirtSent,
        { flirtId: FLIRT, senderId: nancy.memberId, recipientId: bob.memberId },
        { actorId: nancy.memberId },
      ),
      deleted(nancy),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/live/poll?after=0&wait=0' },
    then: { status: 200, body: { notifications: [] } },
  }),
];
