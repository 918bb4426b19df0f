import { useCase } from '@meetcute/core';
import { approved, nancy } from '@meetcute/cast';

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
];
