import { useCase } from '@meetcute/core';
import { approved, nancy, signedUp, bob } from '@meetcute/cast';

/** Nancy, approved a month before: nothing has reached her live channel since, not even her welcome. */
const approvedLongAgo = approved(nancy).map((g) => ({ ...g, at: '2026-05-01T10:00:00.000Z' }));

export const useCases = [
  useCase({
    title: 'Nancy’s top bar has a counter for each thing that can be new',
    given: approvedLongAgo,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/nav' },
    then: { status: 200, body: { liveAfter: 0 } },
  }),
  useCase({
    title: 'A member still in review has no counters yet',
    given: signedUp(bob),
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/nav' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Every page an approved member opens carries where its live channel resumes',
    given: approvedLongAgo,
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['data-live-after="0"'] },
  }),
  useCase({
    title: 'A member still in review has no counters, but their page listens for the approval',
    given: signedUp(bob),
    when: { as: bob.memberId, method: 'GET', url: '/registration' },
    then: { status: 200, page: ['data-live-after="0"'], pageLacks: ['data-counter='] },
  }),
  useCase({
    title:
      'Nancy’s bar leads to search and each counted section, marks where she is, and keeps the rest in a menu',
    given: approvedLongAgo,
    when: { as: nancy.memberId, method: 'GET', url: '/search' },
    then: {
      status: 200,
      page: [
        '<nav class="bar" aria-label="Main">',
        'href="/search" aria-current="page"',
        'href="/alerts" class="counter" data-counter="alerts"',
        '<details class="menu">',
        '<a href="/favourites">Favourites</a>',
        '<button type="submit" class="link">Log out</button>',
      ],
    },
  }),
  useCase({
    title: 'A member still in review has only the menu: their own pages and logging out',
    given: signedUp(bob),
    when: { as: bob.memberId, method: 'GET', url: '/registration' },
    then: {
      status: 200,
      page: ['<nav class="bar waiting" aria-label="Main">', '<a href="/account">Account</a>'],
      pageLacks: ['href="/favourites"', 'data-counter'],
    },
  }),
];
