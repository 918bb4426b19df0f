import { given, useCase } from '@meetcute/core';
import { approved, bob, nancy } from '@meetcute/cast';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';

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
];
