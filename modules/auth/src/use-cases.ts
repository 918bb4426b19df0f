import { emitted, given, useCase, type When } from '@meetcute/core';
import { approved, bob, eve, mo, nancy, otto, PASSWORD, signedUp, withPassword } from '@meetcute/cast';
import { RegistrationRejected } from '@meetcute/registration';
import {
  LoggedOut,
  LoggedOutEverywhere,
  LoginLocked,
  PasswordChanged,
  RoleGranted,
  RoleRevoked,
  SessionStarted,
  TwoFactorEnabled,
} from './events.ts';

/** A second password and its argon2id hash, for members who changed theirs. */
const NEW_PASSWORD = 'a brand new secret';
const NEW_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$3o8j36OAA2zjnEdhUAwT/A$cIGYVZZqTbw8gvMpgLP8PE3XeITVCeiqqrZNPiupqrc';

const PROBLEM = 'https://meetcute.dev/problems/';

const logIn = (email: string, password: string): When => ({
  method: 'POST',
  url: '/api/v1/sessions',
  body: { email, password },
});

/** The default limit (MEETCUTE_LOGIN_LIMIT_PER_ACCOUNT) of wrong passwords in a row. */
const fiveWrongPasswords: When[] = Array.from({ length: 5 }, () => logIn(nancy.email, 'not my password'));

const bobIsModerator = given(
  RoleGranted,
  { memberId: bob.memberId, role: 'moderator' },
  { actorId: mo.memberId },
);

const bobHasAnApp = given(
  TwoFactorEnabled,
  { memberId: bob.memberId, sessionId: '00000000-0000-7000-8000-0000000005b0' },
  { actorId: bob.memberId },
);

export const useCases = [
  // Logging in: the consumed registration events decide status; roles come from events and config.
  useCase({
    title: 'Nancy, approved, logs in and learns her status and roles',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: logIn(nancy.email, PASSWORD),
    then: {
      status: 200,
      body: { memberId: nancy.memberId, status: 'approved', roles: [] },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'The email is matched whatever its case and surrounding spaces',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: logIn('  Nancy@Example.COM ', PASSWORD),
    then: {
      status: 200,
      body: { memberId: nancy.memberId },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Bob, still waiting for review, can log in and sees he is submitted',
    credentials: withPassword(bob),
    given: signedUp(bob),
    when: logIn(bob.email, PASSWORD),
    then: {
      status: 200,
      body: { memberId: bob.memberId, status: 'submitted', roles: [] },
      events: [emitted(SessionStarted, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Nancy, whose sign-up was sent back, logs in and sees she is rejected',
    credentials: withPassword(nancy),
    given: [
      ...signedUp(nancy),
      given(
        RegistrationRejected,
        { memberId: nancy.memberId, moderatorId: mo.memberId, reason: 'The nickname is an email address' },
        { actorId: mo.memberId },
      ),
    ],
    when: logIn(nancy.email, PASSWORD),
    then: {
      status: 200,
      body: { status: 'rejected' },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Mo, listed in MEETCUTE_MODERATORS, is a moderator',
    given: approved(mo),
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/sessions/current' },
    then: { status: 200, body: { memberId: mo.memberId, status: 'approved', roles: ['moderator'] } },
  }),
  useCase({
    title: 'Otto, listed in MEETCUTE_OPERATORS, is an operator',
    given: approved(otto),
    when: { as: otto.memberId, method: 'GET', url: '/api/v1/sessions/current' },
    then: { status: 200, body: { memberId: otto.memberId, status: 'approved', roles: ['operator'] } },
  }),
  useCase({
    title: 'An operator’s menu leads to the console',
    given: approved(otto),
    when: { as: otto.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['<a href="/ops">Console</a>'] },
  }),
  useCase({
    title: 'A wrong password is refused with no event',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: logIn(nancy.email, 'not my password'),
    then: {
      status: 401,
      body: { type: `${PROBLEM}login-failed`, title: 'Email or password is wrong' },
    },
  }),
  useCase({
    title: 'An unknown email gets the very same answer as a wrong password',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: logIn('nobody@example.com', PASSWORD),
    then: {
      status: 401,
      body: { type: `${PROBLEM}login-failed`, title: 'Email or password is wrong' },
    },
  }),
  useCase({
    title: 'A log-in without a password names the missing field',
    credentials: withPassword(nancy),
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: nancy.email } },
    then: { status: 400, body: { type: `${PROBLEM}validation`, errors: [{ field: 'password' }] } },
  }),
  useCase({
    title: 'After five wrong passwords the next try waits half a minute, even with the right one',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: fiveWrongPasswords,
    when: logIn(nancy.email, PASSWORD),
    then: {
      status: 429,
      body: {
        type: `${PROBLEM}rate-limited`,
        detail: 'Too many failed log-ins. Try again in 1 minute.',
      },
    },
  }),
  useCase({
    title: 'The fifth wrong password, the one that locks the account, tells its owner',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: fiveWrongPasswords.slice(1),
    when: logIn(nancy.email, 'not my password'),
    then: {
      status: 401,
      events: [emitted(LoginLocked, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Half a minute after the fifth wrong password Nancy can log in again: slowed, never locked out',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: fiveWrongPasswords,
    clock: '2026-06-01T10:00:31.000Z',
    when: logIn(nancy.email, PASSWORD),
    then: {
      status: 200,
      body: { memberId: nancy.memberId },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A successful log-in forgives the earlier wrong passwords',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: [...fiveWrongPasswords.slice(1), logIn(nancy.email, PASSWORD), ...fiveWrongPasswords.slice(1)],
    when: logIn(nancy.email, PASSWORD),
    then: {
      status: 200,
      body: { memberId: nancy.memberId },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Thirty failures from one address, on any accounts, lock log-in from that address',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: Array.from({ length: 30 }, (_, i) => logIn(`guess${i}@example.com`, 'password123')),
    when: logIn(nancy.email, PASSWORD),
    then: { status: 429, body: { type: `${PROBLEM}rate-limited` } },
  }),

  // Who am I
  useCase({
    title: 'A logged-in member asks who they are',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/sessions/current' },
    then: { status: 200, body: { memberId: nancy.memberId, status: 'approved', roles: [] } },
  }),
  useCase({
    title: 'A member logged in by sign-up before their account reached auth counts as submitted',
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/sessions/current' },
    then: { status: 200, body: { memberId: nancy.memberId, status: 'submitted', roles: [] } },
  }),
  useCase({
    title: 'A visitor without a session is asked to log in',
    when: { method: 'GET', url: '/api/v1/sessions/current' },
    then: { status: 401, body: { type: `${PROBLEM}unauthenticated` } },
  }),

  // Logging out
  useCase({
    title: 'Nancy logs out on this device, and that session’s live channels are told',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'DELETE', url: '/api/v1/sessions/current' },
    then: { status: 204, events: [emitted(LoggedOut, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'Nancy logs out everywhere, and her live channels are told',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'DELETE', url: '/api/v1/sessions' },
    then: { status: 204, events: [emitted(LoggedOutEverywhere, { memberId: nancy.memberId })] },
  }),

  // Passwords
  useCase({
    title: 'Nancy changes her password',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/account/password',
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    },
    then: { status: 204, events: [emitted(PasswordChanged, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'A password change with the wrong current password names that field',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/account/password',
      body: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
    },
    then: {
      status: 400,
      body: { errors: [{ field: 'currentPassword', message: 'This is not your current password' }] },
    },
  }),
  useCase({
    title: 'A new password shorter than 10 characters is refused, naming the field',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/account/password',
      body: { currentPassword: PASSWORD, newPassword: 'short' },
    },
    then: { status: 400, body: { errors: [{ field: 'newPassword' }] } },
  }),
  useCase({
    title: 'A "new" password equal to the current one is refused',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/account/password',
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    },
    then: { status: 400, body: { errors: [{ field: 'newPassword' }] } },
  }),
  useCase({
    title: 'After PasswordChanged the new password lets Nancy in',
    credentials: [{ memberId: nancy.memberId, passwordHash: NEW_PASSWORD_HASH }],
    given: [...approved(nancy), given(PasswordChanged, { memberId: nancy.memberId })],
    when: logIn(nancy.email, NEW_PASSWORD),
    then: {
      status: 200,
      body: { memberId: nancy.memberId },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'After PasswordChanged the old password no longer works',
    credentials: [{ memberId: nancy.memberId, passwordHash: NEW_PASSWORD_HASH }],
    given: [...approved(nancy), given(PasswordChanged, { memberId: nancy.memberId })],
    when: logIn(nancy.email, PASSWORD),
    then: { status: 401, body: { type: `${PROBLEM}login-failed` } },
  }),

  // Moderators
  useCase({
    title: 'Mo makes Bob a moderator, a role that holds once Bob sets up a second factor',
    given: [...approved(mo), ...approved(bob)],
    when: { as: mo.memberId, method: 'POST', url: '/api/v1/moderators', body: { email: bob.email } },
    then: {
      status: 200,
      body: {
        memberId: bob.memberId,
        roles: [],
        heldBack: { roles: ['moderator'], href: '/account/two-factor' },
      },
      events: [emitted(RoleGranted, { memberId: bob.memberId, role: 'moderator' })],
    },
  }),
  useCase({
    title: 'Making a moderator of someone who already is one changes nothing',
    given: [...approved(mo), ...approved(bob), bobIsModerator, bobHasAnApp],
    when: { as: mo.memberId, method: 'POST', url: '/api/v1/moderators', body: { email: bob.email } },
    then: { status: 200, body: { memberId: bob.memberId, roles: ['moderator'] } },
  }),
  useCase({
    title: 'Bob, made a moderator by RoleGranted and with a second factor, can appoint others',
    given: [...approved(bob), bobIsModerator, bobHasAnApp, ...approved(eve)],
    when: { as: bob.memberId, method: 'POST', url: '/api/v1/moderators', body: { email: eve.email } },
    then: {
      status: 200,
      body: { memberId: eve.memberId },
      events: [emitted(RoleGranted, { memberId: eve.memberId })],
    },
  }),
  useCase({
    title: 'Nancy, not a moderator, may not appoint one',
    given: [...approved(nancy), ...approved(bob)],
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/moderators', body: { email: nancy.email } },
    then: { status: 403, body: { type: `${PROBLEM}forbidden` } },
  }),
  useCase({
    title: 'Appointing an unknown email is a clear 404',
    given: approved(mo),
    when: {
      as: mo.memberId,
      method: 'POST',
      url: '/api/v1/moderators',
      body: { email: 'nobody@example.com' },
    },
    then: { status: 404 },
  }),
  useCase({
    title: 'Appointing without an email names the missing field',
    given: approved(mo),
    when: { as: mo.memberId, method: 'POST', url: '/api/v1/moderators', body: {} },
    then: { status: 400, body: { errors: [{ field: 'email' }] } },
  }),
  useCase({
    title: 'Mo takes the moderator role from Bob',
    endpoint: 'DELETE /api/v1/moderators/:memberId',
    given: [...approved(mo), ...approved(bob), bobIsModerator],
    when: { as: mo.memberId, method: 'DELETE', url: `/api/v1/moderators/${bob.memberId}` },
    then: {
      status: 200,
      body: { memberId: bob.memberId, roles: [] },
      events: [emitted(RoleRevoked, { memberId: bob.memberId, role: 'moderator' })],
    },
  }),
  useCase({
    title: 'After RoleRevoked Bob is an ordinary member again',
    given: [
      ...approved(bob),
      bobIsModerator,
      given(RoleRevoked, { memberId: bob.memberId, role: 'moderator' }, { actorId: mo.memberId }),
    ],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/sessions/current' },
    then: { status: 200, body: { roles: [] } },
  }),
  useCase({
    title: 'A moderator from the operator’s list cannot be removed through the API',
    endpoint: 'DELETE /api/v1/moderators/:memberId',
    given: approved(mo),
    when: { as: mo.memberId, method: 'DELETE', url: `/api/v1/moderators/${mo.memberId}` },
    then: { status: 409, body: { type: `${PROBLEM}moderator-by-configuration` } },
  }),
  useCase({
    title: 'Removing the role from an unknown member is a clear 404',
    endpoint: 'DELETE /api/v1/moderators/:memberId',
    given: approved(mo),
    when: { as: mo.memberId, method: 'DELETE', url: '/api/v1/moderators/no-such-member' },
    then: { status: 404 },
  }),

  // Pages
  useCase({
    title: 'The log-in page shows a labelled form',
    credentials: withPassword(nancy),
    when: { method: 'GET', url: '/login' },
    then: {
      status: 200,
      page: [
        '<form method="post" action="/login"',
        'name="_csrf"',
        '<label for="f-email">Email</label>',
        '<label for="f-password">Password</label>',
        'autocomplete="current-password"',
      ],
    },
  }),
  useCase({
    title: 'The log-in page speaks Swedish to a Swedish browser',
    credentials: withPassword(nancy),
    when: { method: 'GET', url: '/login', headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' } },
    then: { status: 200, page: ['<h1>Logga in</h1>', 'Lösenord'] },
  }),
  useCase({
    title: 'The log-in page keeps where to go next',
    when: { method: 'GET', url: '/login?next=%2Fprofile' },
    then: { status: 200, page: ['name="next" value="/profile"'] },
  }),
  useCase({
    title: 'Logging in with the form leads on to the page asked for',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      method: 'POST',
      url: '/login',
      form: true,
      body: { email: nancy.email, password: PASSWORD, next: '/profile' },
    },
    then: {
      status: 303,
      location: '/profile',
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A log-in link can never send a member to another site',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      method: 'POST',
      url: '/login',
      form: true,
      body: { email: nancy.email, password: PASSWORD, next: '//evil.example/phish' },
    },
    then: { status: 303, location: '/', events: [emitted(SessionStarted, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'A log-in link whose way on is not Latin-1, or hides a tab, goes home instead of failing',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      method: 'POST',
      url: '/login',
      form: true,
      body: { email: nancy.email, password: PASSWORD, next: '/\t/evil.example/€' },
    },
    then: { status: 303, location: '/', events: [emitted(SessionStarted, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'A wrong password in the form shows the form again with the error',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      method: 'POST',
      url: '/login',
      form: true,
      body: { email: nancy.email, password: 'not my password' },
    },
    then: {
      status: 401,
      page: ['role="alert"', 'Email or password is wrong', `value="${nancy.email}"`],
    },
  }),
  useCase({
    title: 'A form without an email names the missing field',
    credentials: withPassword(nancy),
    when: { method: 'POST', url: '/login', form: true, body: { email: '', password: PASSWORD } },
    then: { status: 400, page: ['Email is missing', 'aria-invalid="true"'] },
  }),
  useCase({
    title: 'A locked log-in form says how long to wait',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: fiveWrongPasswords,
    when: { method: 'POST', url: '/login', form: true, body: { email: nancy.email, password: PASSWORD } },
    then: { status: 429, page: ['Too many failed log-ins. Try again in 1 minute.'] },
  }),
  useCase({
    title: 'A log-in form posted without its CSRF token is refused',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      method: 'POST',
      url: '/login',
      form: true,
      body: { _csrf: 'forged', email: nancy.email, password: PASSWORD },
    },
    then: { status: 403, page: ['This form has expired'] },
  }),
  useCase({
    title: 'The log-out button leads to the start page',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/logout', form: true, body: {} },
    then: { status: 303, location: '/', events: [emitted(LoggedOut, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'The account page offers a password change and logging out everywhere',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account' },
    then: {
      status: 200,
      page: [
        '<form method="post" action="/account/password"',
        '<label for="f-currentPassword">Current password</label>',
        'autocomplete="new-password"',
        '<form method="post" action="/account/logout-everywhere"',
        'Open sessions: 1',
      ],
    },
  }),
  useCase({
    title: 'A visitor opening the account page is sent to log in first',
    when: { method: 'GET', url: '/account' },
    then: { status: 303, location: '/login?next=%2Faccount' },
  }),
  useCase({
    title: 'Nancy changes her password with the form',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/password',
      form: true,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    },
    then: {
      status: 303,
      location: '/account?account=password#password',
      events: [emitted(PasswordChanged, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Back on her account page after changing her password, Nancy reads it in the password section',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account?account=password' },
    then: {
      status: 200,
      page: [
        'id="password" aria-labelledby="password-title"',
        'role="status" tabindex="-1" data-feedback-notice>Your password is changed. Other devices were logged out.',
      ],
    },
  }),
  useCase({
    title: 'An account page address naming no change it knows shows the page as it is',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account?account=%3Cscript%3E&to=x' },
    then: { status: 200, page: ['id="password"'], pageLacks: ['data-feedback-notice'] },
  }),
  useCase({
    title: 'The password form with a wrong current password shows the error on that field',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/password',
      form: true,
      body: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
    },
    then: { status: 400, page: ['This is not your current password', 'href="#f-currentPassword"'] },
  }),
  useCase({
    title: 'The password form refuses a too short new password',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/password',
      form: true,
      body: { currentPassword: PASSWORD, newPassword: 'short' },
    },
    then: { status: 400, page: ['Use at least 10 characters', 'href="#f-newPassword"'] },
  }),
  useCase({
    title: 'The log-out-everywhere button ends every session and says so',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/account/logout-everywhere', form: true, body: {} },
    then: {
      status: 303,
      location: '/login?done=everywhere',
      events: [emitted(LoggedOutEverywhere, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'After logging out everywhere the log-in page confirms it',
    when: { method: 'GET', url: '/login?done=everywhere' },
    then: { status: 200, page: ['You are now logged out on every device.'] },
  }),
];
