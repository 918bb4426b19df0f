import {
  emitted,
  given,
  linkTokens,
  useCase,
  USE_CASE_EPOCH,
  USE_CASE_LINK_KEY,
  type When,
} from '@meetcute/core';
import { approved, bob, mo, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { RoleGranted, SessionStarted, TwoFactorDisabled, TwoFactorEnabled } from './events.ts';
import { codeAt, stepAt } from './totp.ts';

// One call each; the whole journey with codes from a secret made at setup is in auth.test.ts.

const PROBLEM = 'https://meetcute.dev/problems/';
const HELD_BACK =
  'Moderators need two-factor authentication: set it up on your account to reach the review queues.';

const nancyHasAnApp = given(
  TwoFactorEnabled,
  { memberId: nancy.memberId, sessionId: '00000000-0000-7000-8000-0000000005a1' },
  { actorId: nancy.memberId },
);
const OPERATORS_NEED_IT =
  'Operators need two-factor authentication: set it up on your account to reach the console.';
const bobIsOperator = given(
  RoleGranted,
  { memberId: bob.memberId, role: 'operator' },
  { actorId: bob.memberId },
);
const bobIsModerator = given(
  RoleGranted,
  { memberId: bob.memberId, role: 'moderator' },
  { actorId: mo.memberId },
);

/** What the right password earns Nancy: the ticket of a code form, as log-in makes it. */
const ticket = linkTokens(USE_CASE_LINK_KEY).make(
  'second-factor',
  nancy.memberId,
  new Date(Date.parse(USE_CASE_EPOCH) + 10 * 60_000),
);

/** The key in Nancy's authenticator app, and the code it shows when the story happens. */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODE_NOW = codeAt(SECRET, stepAt(new Date(USE_CASE_EPOCH)));
const nancysApp = [{ ...withPassword(nancy)[0]!, totp: { secret: SECRET } }];

const startSetUp: When = { as: nancy.memberId, method: 'POST', url: '/api/v1/account/two-factor/setup' };

export const secondFactorUseCases = [
  useCase({
    title: 'Nancy turns it on with the code her app shows: ten recovery codes, shown once',
    credentials: [{ ...withPassword(nancy)[0]!, totp: { pending: SECRET } }],
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/account/two-factor', body: { code: CODE_NOW } },
    then: { status: 201, events: [emitted(TwoFactorEnabled, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'The code from the app completes the log-in',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    when: { method: 'POST', url: '/api/v1/sessions/second-factor', body: { ticket, code: CODE_NOW } },
    then: {
      status: 200,
      body: { memberId: nancy.memberId, status: 'approved', roles: [] },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A code works once: seen over a shoulder, it lets nobody in after',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    before: [{ method: 'POST', url: '/api/v1/sessions/second-factor', body: { ticket, code: CODE_NOW } }],
    when: { method: 'POST', url: '/api/v1/sessions/second-factor', body: { ticket, code: CODE_NOW } },
    then: { status: 401, body: { type: `${PROBLEM}login-failed` } },
  }),
  useCase({
    title: 'With the code from the form Nancy is logged in and sent on',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      method: 'POST',
      url: '/login/code',
      form: true,
      body: { ticket, code: CODE_NOW, next: '/chats' },
    },
    then: {
      status: 303,
      location: '/chats',
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Nancy turns it off with her password and a code',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      as: nancy.memberId,
      method: 'DELETE',
      url: '/api/v1/account/two-factor',
      body: { currentPassword: PASSWORD, code: CODE_NOW },
    },
    then: { status: 204, events: [emitted(TwoFactorDisabled, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'With an authenticator app set up, the right password earns a ticket for the code, not a session',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: nancy.email, password: PASSWORD } },
    then: { status: 202, body: { detail: 'Send a code from your authenticator app with this ticket.' } },
  }),
  useCase({
    title: 'Mo, a moderator with an app, is asked for the code after the password',
    credentials: withPassword(mo),
    given: approved(mo),
    when: {
      method: 'POST',
      url: '/login',
      form: true,
      body: { email: mo.email, password: PASSWORD, next: '/' },
    },
    then: {
      status: 200,
      page: ['Enter your code', 'name="ticket"', 'autocomplete="one-time-code"', 'action="/login/code"'],
    },
  }),
  useCase({
    title: 'A wrong code is refused like a wrong password',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    when: { method: 'POST', url: '/api/v1/sessions/second-factor', body: { ticket, code: '000000' } },
    then: { status: 401, body: { type: `${PROBLEM}login-failed` } },
  }),
  useCase({
    title: 'A ticket not made here sends the member back to the password',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      method: 'POST',
      url: '/api/v1/sessions/second-factor',
      body: { ticket: `${ticket.slice(0, -2)}xx`, code: '123456' },
    },
    then: { status: 401, body: { type: `${PROBLEM}login-expired` } },
  }),
  useCase({
    title: 'An expired code form goes back to log-in, which says to start again',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    clock: '2026-06-01T10:11:00.000Z',
    when: {
      method: 'POST',
      url: '/login/code',
      form: true,
      body: { ticket, code: '123456', next: '/chats' },
    },
    then: { status: 303, location: '/login?next=%2Fchats&done=expired' },
  }),
  useCase({
    title: 'The code form sent without a code says it is missing',
    given: [...approved(nancy), nancyHasAnApp],
    when: { method: 'POST', url: '/login/code', form: true, body: { ticket, code: ' ', next: '/' } },
    then: { status: 400, page: ['Code is missing', 'aria-invalid="true"', 'name="ticket"'] },
  }),
  useCase({
    title: 'A wrong code in the form shows the form again with the error on the code',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    when: { method: 'POST', url: '/login/code', form: true, body: { ticket, code: '000000', next: '/' } },
    then: {
      status: 401,
      page: ['This code does not match: type the one your app shows now', 'aria-invalid="true"'],
    },
  }),
  useCase({
    title: 'A moderator without a second factor holds no moderator role, and the answer says why',
    credentials: withPassword(bob),
    given: [...approved(bob), bobIsModerator],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: bob.email, password: PASSWORD } },
    then: {
      status: 200,
      body: { roles: [], heldBack: { roles: ['moderator'], href: '/account/two-factor', detail: HELD_BACK } },
      events: [emitted(SessionStarted, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'An operator without a second factor holds no operator role either, and the answer says why',
    credentials: withPassword(bob),
    given: [...approved(bob), bobIsOperator],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: bob.email, password: PASSWORD } },
    then: {
      status: 200,
      body: {
        roles: [],
        heldBack: {
          roles: ['operator'],
          href: '/account/two-factor',
          detail: OPERATORS_NEED_IT,
        },
      },
      events: [emitted(SessionStarted, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'A moderator and operator without a second factor is told both roles wait for it',
    given: [...approved(bob), bobIsModerator, bobIsOperator],
    when: { as: bob.memberId, method: 'GET', url: '/account/two-factor' },
    then: {
      status: 200,
      page: ['Moderators need two-factor authentication', 'Operators need two-factor authentication'],
    },
  }),
  useCase({
    title: 'Logging in with the form takes a moderator without a second factor to set one up',
    credentials: withPassword(bob),
    given: [...approved(bob), bobIsModerator],
    when: {
      method: 'POST',
      url: '/login',
      form: true,
      body: { email: bob.email, password: PASSWORD, next: '/news' },
    },
    then: {
      status: 303,
      location: '/account/two-factor',
      events: [emitted(SessionStarted, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'The review queues send a moderator without a second factor to set one up',
    given: [...approved(bob), bobIsModerator],
    when: { as: bob.memberId, method: 'GET', url: '/moderation/log' },
    then: { status: 303, location: '/account/two-factor' },
  }),
  useCase({
    title: 'The moderators’ API tells a moderator without a second factor what to do',
    given: [...approved(bob), bobIsModerator],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/review/about-me' },
    then: { status: 403, body: { detail: HELD_BACK } },
  }),
  useCase({
    title: 'The settings page tells a moderator why, and offers to set an app up',
    given: [...approved(bob), bobIsModerator],
    when: { as: bob.memberId, method: 'GET', url: '/account/two-factor' },
    then: {
      status: 200,
      page: [
        'Moderators need two-factor authentication',
        'Set up an authenticator app',
        'Two-factor authentication is off.',
      ],
    },
  }),
  useCase({
    title: 'Setting up starts with a new key for the app, and changes nothing yet',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: startSetUp,
    then: { status: 201, events: [] },
  }),
  useCase({
    title: 'With a setup started the page shows the QR code, the key and where to type the code',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: [startSetUp],
    when: { as: nancy.memberId, method: 'GET', url: '/account/two-factor' },
    then: {
      status: 200,
      page: ['<svg', 'href="otpauth://totp/', 'class="secret"', 'action="/account/two-factor"'],
    },
  }),
  useCase({
    title: 'A wrong code does not turn it on',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: [startSetUp],
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/account/two-factor', body: { code: '000000' } },
    then: { status: 400, body: { errors: [{ field: 'code' }] }, events: [] },
  }),
  useCase({
    title: 'Confirming without a setup started is a conflict',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/account/two-factor', body: { code: '123456' } },
    then: { status: 409, body: { type: `${PROBLEM}two-factor-not-started` } },
  }),
  useCase({
    title: 'With it on, setting up again is a conflict',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    when: startSetUp,
    then: { status: 409, body: { type: `${PROBLEM}two-factor-on` } },
  }),
  useCase({
    title: 'The settings page with it on offers new recovery codes and turning it off',
    given: [...approved(nancy), nancyHasAnApp],
    when: { as: nancy.memberId, method: 'GET', url: '/account/two-factor' },
    then: {
      status: 200,
      page: [
        'Two-factor authentication is on.',
        'You have 0 unused recovery codes.',
        'action="/account/two-factor/off"',
      ],
    },
  }),
  useCase({
    title: 'Turning it off needs the password',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      as: nancy.memberId,
      method: 'DELETE',
      url: '/api/v1/account/two-factor',
      body: { currentPassword: 'not my password', code: '123456' },
    },
    then: { status: 400, body: { errors: [{ field: 'currentPassword' }] }, events: [] },
  }),
  useCase({
    title: 'Turning it off needs a code as well as the password',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      as: nancy.memberId,
      method: 'DELETE',
      url: '/api/v1/account/two-factor',
      body: { currentPassword: PASSWORD, code: '000000' },
    },
    then: { status: 400, body: { errors: [{ field: 'code' }] }, events: [] },
  }),
  useCase({
    title: 'After TwoFactorDisabled the password alone lets Nancy in again',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyHasAnApp, given(TwoFactorDisabled, { memberId: nancy.memberId })],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: nancy.email, password: PASSWORD } },
    then: {
      status: 200,
      body: { memberId: nancy.memberId },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Nancy asks whether her log-in asks for a code, and how many recovery codes are left',
    given: [...approved(nancy), nancyHasAnApp],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/account/two-factor' },
    then: { status: 200, body: { enabled: true, recoveryCodesLeft: 0 } },
  }),
  useCase({
    title: 'The set-up button starts a setup and shows it on the page',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/account/two-factor/setup', form: true, body: {} },
    then: { status: 303, location: '/account/two-factor' },
  }),
  useCase({
    title: 'Nancy turns it on with the form: the page lists her recovery codes, once',
    credentials: [{ ...withPassword(nancy)[0]!, totp: { pending: SECRET } }],
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/two-factor',
      form: true,
      body: { code: CODE_NOW },
    },
    then: {
      status: 201,
      page: ['Save your recovery codes', 'class="recovery-codes"', 'I have saved them'],
      events: [emitted(TwoFactorEnabled, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A wrong code in the setup form shows the form again with the error',
    credentials: [{ ...withPassword(nancy)[0]!, totp: { pending: SECRET } }],
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/two-factor',
      form: true,
      body: { code: '000000' },
    },
    then: { status: 400, page: ['This code does not match', 'class="secret"'] },
  }),
  useCase({
    title: 'New recovery codes for a code from the app',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/api/v1/account/two-factor/recovery-codes',
      body: { code: CODE_NOW },
    },
    then: { status: 201 },
  }),
  useCase({
    title: 'New recovery codes with the form, shown once',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/two-factor/recovery-codes',
      form: true,
      body: { code: CODE_NOW },
    },
    then: { status: 201, page: ['Save your recovery codes'] },
  }),
  useCase({
    title: 'Nancy turns it off with the form, her password and a code',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/two-factor/off',
      form: true,
      body: { currentPassword: PASSWORD, offCode: CODE_NOW },
    },
    then: {
      status: 303,
      location: '/account/two-factor?account=two-factor-off#two-factor-off',
      events: [emitted(TwoFactorDisabled, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Back on the settings page, Nancy reads that it is off where it offers to set it up again',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account/two-factor?account=two-factor-off' },
    then: {
      status: 200,
      page: [
        '<div id="two-factor-off">',
        'data-feedback-notice>Two-factor authentication is off.',
        'Set up an authenticator app',
      ],
    },
  }),
  useCase({
    title: 'A wrong password in the turn-off form is shown on that field',
    credentials: nancysApp,
    given: [...approved(nancy), nancyHasAnApp],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/two-factor/off',
      form: true,
      body: { currentPassword: 'not my password', offCode: CODE_NOW },
    },
    then: { status: 400, page: ['This is not your current password', 'href="#f-currentPassword"'] },
  }),
  useCase({
    title: 'The account page says whether log-in asks for a code',
    given: [...approved(nancy), nancyHasAnApp],
    when: { as: nancy.memberId, method: 'GET', url: '/account' },
    then: { status: 200, page: ['Two-factor authentication is on.', 'href="/account/two-factor"'] },
  }),
];
