import { emitted, given, useCase, type When } from '@meetcute/core';
import { approved, bob, mo, PASSWORD, reinstated, suspended, withPassword } from '@meetcute/cast';
import { AccountCreated } from '@meetcute/registration';
import { PasswordUpgraded, SessionStarted } from './events.ts';

const PROBLEM = 'https://meetcute.dev/problems/';
const REASON = 'Kept messaging members who asked him to stop';
const bobLogsIn = (password = PASSWORD): When => ({
  method: 'POST',
  url: '/api/v1/sessions',
  body: { email: bob.email, password },
});

/** Log-in and sessions under a moderator's sanction (the moderation module decides it). */
export const suspensionUseCases = [
  useCase({
    title: 'Suspended, Bob cannot log in, and is told until when and why',
    credentials: withPassword(bob),
    given: [...approved(mo), ...approved(bob), suspended(bob)],
    when: bobLogsIn(),
    then: {
      status: 403,
      body: {
        type: `${PROBLEM}account-suspended`,
        detail: `A moderator suspended your account until 8 Jun 2026, 10:00 (UTC): ${REASON}`,
      },
      events: [],
    },
  }),
  useCase({
    title: 'Banned, Bob is told his account is closed for good',
    credentials: withPassword(bob),
    given: [...approved(bob), suspended(bob, null)],
    when: bobLogsIn(),
    then: { status: 403, body: { detail: `The moderators closed your account for good: ${REASON}` } },
  }),
  useCase({
    title: 'A wrong password for a suspended account says nothing about the suspension',
    credentials: withPassword(bob),
    given: [...approved(bob), suspended(bob)],
    when: bobLogsIn('not his password'),
    then: { status: 401, body: { type: `${PROBLEM}login-failed` } },
  }),
  useCase({
    title: 'Once the week is over Bob can log in again',
    credentials: withPassword(bob),
    given: [...approved(bob), suspended(bob)],
    clock: '2026-06-08T10:00:01.000Z',
    when: bobLogsIn(),
    then: {
      status: 200,
      body: { memberId: bob.memberId },
      events: [emitted(SessionStarted, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'When a moderator lifts the suspension Bob can log in at once',
    credentials: withPassword(bob),
    given: [...approved(bob), suspended(bob), reinstated(bob)],
    when: bobLogsIn(),
    then: {
      status: 200,
      body: { memberId: bob.memberId },
      events: [emitted(SessionStarted, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'A session of a suspended member is not one: the API asks him to log in',
    given: [...approved(bob), suspended(bob)],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/sessions/current' },
    then: { status: 401, body: { type: `${PROBLEM}unauthenticated` } },
  }),
  useCase({
    title: 'The log-in page tells a suspended member why they cannot come in',
    credentials: withPassword(bob),
    given: [...approved(bob), suspended(bob)],
    when: { method: 'POST', url: '/login', form: true, body: { email: bob.email, password: PASSWORD } },
    then: { status: 403, page: ['Your account is suspended', REASON, 'href="/appeal"'] },
  }),
  useCase({
    title: 'Once upgraded to argon2id, an imported member logs in without another upgrade',
    credentials: withPassword(bob),
    given: [
      given(
        AccountCreated,
        {
          memberId: bob.memberId,
          email: bob.email,
        },
        { actorId: bob.memberId },
      ),
      given(PasswordUpgraded, { memberId: bob.memberId }, { actorId: bob.memberId }),
    ],
    when: bobLogsIn(),
    then: { status: 200, events: [emitted(SessionStarted, { memberId: bob.memberId })] },
  }),
];
