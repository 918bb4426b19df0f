import { emitted, given, linkTokens, useCase, USE_CASE_LINK_KEY, type When } from '@meetcute/core';
import { approved, bob, mo, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { AccountCreated } from '@meetcute/registration';
import {
  confirmationSubject,
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmationRequested,
  EmailConfirmed,
  LINKS,
  PasswordChanged,
  PasswordResetRequested,
  PasswordUpgraded,
  SessionStarted,
} from './events.ts';

const PROBLEM = 'https://meetcute.dev/problems/';
const NEW_PASSWORD = 'a brand new secret';
const links = linkTokens(USE_CASE_LINK_KEY);

// Nancy asked for a reset at the use cases' epoch (10:00); her link works until 11:00.
const RESET_ID = 'reset-nancy-1';
const RESET_EXPIRES = '2026-06-01T11:00:00.000Z';
const nancyAskedForReset = given(
  PasswordResetRequested,
  { memberId: nancy.memberId, resetId: RESET_ID, expiresAt: RESET_EXPIRES, language: 'en' },
  { actorId: null },
);
/** The token in the link of the mail Nancy got, as she would click it. */
const resetToken = links.make(LINKS.passwordReset.purpose, RESET_ID, new Date(RESET_EXPIRES));
const CONFIRM_EXPIRES = new Date('2026-06-08T10:00:00.000Z');
const confirmToken = links.make(
  LINKS.emailConfirmation.purpose,
  confirmationSubject(nancy.memberId, nancy.email),
  CONFIRM_EXPIRES,
);

const askForReset = (email: string): When => ({
  method: 'POST',
  url: '/api/v1/password-resets',
  body: { email, language: 'sv' },
});
const redeem = (token: string, newPassword = NEW_PASSWORD): When => ({
  method: 'POST',
  url: '/api/v1/password-resets/redeem',
  body: { token, newPassword },
});
const logIn = (password: string): When => ({
  method: 'POST',
  url: '/api/v1/sessions',
  body: { email: nancy.email, password },
});
const confirmed = given(
  EmailConfirmed,
  { memberId: nancy.memberId, email: nancy.email },
  { actorId: nancy.memberId },
);

/** Bob came with his community from an older site, which kept his password with bcrypt. */
const bobsBcryptHash = {
  memberId: bob.memberId,
  passwordHash: '$2b$04$QRVRWAJmCIEI9D0WvvnqJeSEDUwFooqyuK8mbxZmdRSQYUOW3yacu',
};
const bobImportedWithBcrypt = given(
  AccountCreated,
  {
    memberId: bob.memberId,
    email: bob.email,
  },
  { actorId: bob.memberId },
);
const bobLogsIn = (password: string): When => ({
  method: 'POST',
  url: '/api/v1/sessions',
  body: { email: bob.email, password },
});

// Nancy asked to log in with a new address; the link sent to it works for a day.
const NEW_EMAIL = 'nancy.sailor@example.com';
const CHANGE_ID = 'change-nancy-1';
const CHANGE_EXPIRES = '2026-06-02T10:00:00.000Z';
const nancyAskedForNewAddress = given(
  EmailChangeRequested,
  {
    memberId: nancy.memberId,
    changeId: CHANGE_ID,
    email: NEW_EMAIL,
    expiresAt: CHANGE_EXPIRES,
    language: 'en',
  },
  { actorId: nancy.memberId },
);
const changeToken = links.make(LINKS.emailChange.purpose, CHANGE_ID, new Date(CHANGE_EXPIRES));
const changeAddress = (body: unknown): When => ({
  as: nancy.memberId,
  method: 'PUT',
  url: '/api/v1/account/email',
  body,
});
const followChangeLink = (token = changeToken): When => ({
  method: 'POST',
  url: '/api/v1/account/email/changes',
  body: { token },
});

export const recoveryUseCases = [
  // Changing the login address
  useCase({
    title: 'Nancy asks to log in with a new address: a link goes there, nothing changes yet',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: changeAddress({ email: ' Nancy.Sailor@Example.com ', currentPassword: PASSWORD, language: 'sv' }),
    then: {
      status: 202,
      events: [emitted(EmailChangeRequested, { memberId: nancy.memberId, email: NEW_EMAIL, language: 'sv' })],
    },
  }),
  useCase({
    title: 'A change of address needs the current password',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: changeAddress({ email: NEW_EMAIL, currentPassword: 'not my password' }),
    then: { status: 400, body: { errors: [{ field: 'currentPassword' }] }, events: [] },
  }),
  useCase({
    title: 'Five wrong current passwords in a row lock the checks like log-ins',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: Array.from({ length: 5 }, () => changeAddress({ email: NEW_EMAIL, currentPassword: 'a guess' })),
    when: changeAddress({ email: NEW_EMAIL, currentPassword: PASSWORD }),
    then: { status: 429, body: { type: `${PROBLEM}rate-limited` }, events: [] },
  }),
  useCase({
    title: 'Guessing the current password on the change-password form is limited too',
    credentials: withPassword(nancy),
    given: approved(nancy),
    before: Array.from({ length: 5 }, (): When => ({
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/account/password',
      body: { currentPassword: 'a guess', newPassword: NEW_PASSWORD },
    })),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/account/password',
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    },
    then: { status: 429, body: { type: `${PROBLEM}rate-limited` }, events: [] },
  }),
  useCase({
    title: 'A new address that is not one, or is the same, is refused',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: changeAddress({ email: 'NANCY@example.com', currentPassword: PASSWORD }),
    then: { status: 400, body: { errors: [{ field: 'email', message: 'This is already your address' }] } },
  }),
  useCase({
    title: 'An address another member has gets the same answer: nobody learns whose it is',
    credentials: withPassword(nancy),
    given: [...approved(nancy), ...approved(bob)],
    when: changeAddress({ email: bob.email, currentPassword: PASSWORD }),
    then: { status: 202, events: [emitted(EmailChangeRequested, { email: bob.email })] },
  }),
  useCase({
    title: 'Following the link makes the new address hers, confirmed',
    given: [...approved(nancy), nancyAskedForNewAddress],
    when: followChangeLink(),
    then: {
      status: 204,
      events: [
        emitted(EmailChanged, { memberId: nancy.memberId, email: NEW_EMAIL, previousEmail: nancy.email }),
      ],
    },
  }),
  useCase({
    title: 'After the change Nancy logs in with the new address, not the old one',
    credentials: withPassword(nancy),
    given: [
      ...approved(nancy),
      nancyAskedForNewAddress,
      given(
        EmailChanged,
        { memberId: nancy.memberId, email: NEW_EMAIL, previousEmail: nancy.email },
        { actorId: nancy.memberId },
      ),
    ],
    before: [{ method: 'POST', url: '/api/v1/sessions', body: { email: nancy.email, password: PASSWORD } }],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: NEW_EMAIL, password: PASSWORD } },
    then: {
      status: 200,
      body: { memberId: nancy.memberId },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'The old address no longer logs anyone in once changed',
    credentials: withPassword(nancy),
    given: [
      ...approved(nancy),
      given(
        EmailChanged,
        { memberId: nancy.memberId, email: NEW_EMAIL, previousEmail: nancy.email },
        { actorId: nancy.memberId },
      ),
    ],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: nancy.email, password: PASSWORD } },
    then: { status: 401 },
  }),
  useCase({
    title: 'A change link works once',
    given: [
      ...approved(nancy),
      nancyAskedForNewAddress,
      given(
        EmailChanged,
        { memberId: nancy.memberId, email: NEW_EMAIL, previousEmail: nancy.email },
        { actorId: nancy.memberId },
      ),
    ],
    when: followChangeLink(),
    then: { status: 400, body: { errors: [{ field: 'token' }] }, events: [] },
  }),
  useCase({
    title: 'A change link a day old does not work',
    given: [...approved(nancy), nancyAskedForNewAddress],
    clock: '2026-06-02T10:00:01.000Z',
    when: followChangeLink(),
    then: { status: 400, events: [] },
  }),
  useCase({
    title: 'If another member took the address meanwhile, the change cannot be made',
    given: [
      ...approved(nancy),
      given(
        EmailChangeRequested,
        {
          memberId: nancy.memberId,
          changeId: CHANGE_ID,
          email: bob.email,
          expiresAt: CHANGE_EXPIRES,
          language: 'en',
        },
        { actorId: nancy.memberId },
      ),
      ...approved(bob),
    ],
    when: followChangeLink(),
    then: { status: 409, body: { type: `${PROBLEM}email-taken` }, events: [] },
  }),
  useCase({
    title: 'The account page offers to log in with another address',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/email',
      form: true,
      body: { email: NEW_EMAIL, currentPassword: PASSWORD },
    },
    then: {
      status: 303,
      location: '/account?account=change#change-email',
      events: [emitted(EmailChangeRequested, { email: NEW_EMAIL })],
    },
  }),
  useCase({
    title: 'The change-of-address form says what to fix',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/email',
      form: true,
      body: { email: 'not an address', currentPassword: PASSWORD },
    },
    then: { status: 400, page: ['Give an email address, like name@example.com'], events: [] },
  }),
  useCase({
    title: 'The link to a new address opens a page whose button makes the change',
    given: [...approved(nancy), nancyAskedForNewAddress],
    when: { method: 'GET', url: `/account/email/change?token=${changeToken}` },
    then: { status: 200, page: ['Use this address', `value="${changeToken}"`], events: [] },
  }),
  useCase({
    title: 'The button makes the change and says so',
    given: [...approved(nancy), nancyAskedForNewAddress],
    when: { method: 'POST', url: '/account/email/change', form: true, body: { token: changeToken } },
    then: {
      status: 200,
      page: ['you log in with your new address'],
      events: [emitted(EmailChanged, { email: NEW_EMAIL })],
    },
  }),
  useCase({
    title: 'The button with a link that does not work says what to do',
    given: approved(nancy),
    when: { method: 'POST', url: '/account/email/change', form: true, body: { token: 'nonsense' } },
    then: { status: 400, page: ['Ask again on your account page'], events: [] },
  }),

  // Members brought from an older site
  useCase({
    title: 'Bob, imported with a bcrypt hash, logs in with his old password, which is now kept with argon2id',
    credentials: [bobsBcryptHash],
    given: [bobImportedWithBcrypt],
    when: bobLogsIn(PASSWORD),
    then: {
      status: 200,
      body: { memberId: bob.memberId },
      events: [
        emitted(PasswordUpgraded, { memberId: bob.memberId }),
        emitted(SessionStarted, { memberId: bob.memberId }),
      ],
    },
  }),
  useCase({
    title: 'Once upgraded, Bob’s next log-in changes nothing more',
    credentials: [bobsBcryptHash],
    given: [bobImportedWithBcrypt],
    before: [bobLogsIn(PASSWORD)],
    when: bobLogsIn(PASSWORD),
    then: { status: 200, events: [emitted(SessionStarted, { memberId: bob.memberId })] },
  }),
  useCase({
    title: 'A wrong password against an old hash is refused like any other',
    credentials: [bobsBcryptHash],
    given: [bobImportedWithBcrypt],
    when: bobLogsIn('not his password'),
    then: { status: 401, body: { type: `${PROBLEM}login-failed` }, events: [] },
  }),

  // Asking for a link
  useCase({
    title: 'Nancy forgot her password and asks for a link, in Swedish: a reset for an hour is recorded',
    given: approved(nancy),
    when: askForReset(' Nancy@Example.com '),
    then: {
      status: 202,
      events: [emitted(PasswordResetRequested, { memberId: nancy.memberId, language: 'sv' })],
    },
  }),
  useCase({
    title: 'A link asked for an address that is no member’s gets the very same answer, and nothing is sent',
    given: approved(nancy),
    when: askForReset('nobody@example.com'),
    then: { status: 202, body: {}, events: [] },
  }),
  useCase({
    title: 'A fourth link for one address within the hour is quietly not sent (the answer is the same)',
    given: approved(nancy),
    before: [askForReset(nancy.email), askForReset(nancy.email), askForReset(nancy.email)],
    when: askForReset(nancy.email),
    then: { status: 202, events: [] },
  }),
  useCase({
    title: 'Ten links asked for from one address within the hour: the eleventh must wait',
    given: approved(nancy),
    before: Array.from({ length: 10 }, (_, i) => askForReset(`guess${i}@example.com`)),
    when: askForReset(nancy.email),
    then: { status: 429, body: { type: `${PROBLEM}rate-limited` }, events: [] },
  }),
  useCase({
    title: 'Asking for a link without an address names the field',
    credentials: withPassword(nancy),
    when: { method: 'POST', url: '/api/v1/password-resets', body: {} },
    then: { status: 400, body: { type: `${PROBLEM}validation`, errors: [{ field: 'email' }] } },
  }),

  // Using the link
  useCase({
    title: 'Nancy chooses a new password with her link: the password changes for good',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    when: redeem(resetToken),
    then: { status: 204, events: [emitted(PasswordChanged, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'After the reset Nancy logs in with her new password',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    before: [redeem(resetToken)],
    when: logIn(NEW_PASSWORD),
    then: {
      status: 200,
      body: { memberId: nancy.memberId },
      events: [emitted(SessionStarted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'After the reset her old password lets nobody in',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    before: [redeem(resetToken)],
    when: logIn(PASSWORD),
    then: { status: 401 },
  }),
  useCase({
    title: 'A reset link works once',
    given: [...approved(nancy), nancyAskedForReset],
    before: [redeem(resetToken)],
    when: redeem(resetToken, 'yet another new secret'),
    then: {
      status: 400,
      body: { errors: [{ field: 'token', message: 'This link does not work any more' }] },
      events: [],
    },
  }),
  useCase({
    title: 'A reset link no longer works after its hour',
    given: [...approved(nancy), nancyAskedForReset],
    clock: '2026-06-01T11:00:01.000Z',
    when: redeem(resetToken),
    then: { status: 400, body: { errors: [{ field: 'token' }] }, events: [] },
  }),
  useCase({
    title: 'A reset link stops working once the password was changed another way',
    credentials: withPassword(nancy),
    given: [
      ...approved(nancy),
      nancyAskedForReset,
      given(PasswordChanged, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: redeem(resetToken),
    then: { status: 400, body: { errors: [{ field: 'token' }] }, events: [] },
  }),
  useCase({
    title: 'A made-up or altered link does not work',
    given: [...approved(nancy), nancyAskedForReset],
    when: redeem(`${resetToken.slice(0, -3)}AAA`),
    then: { status: 400, body: { errors: [{ field: 'token' }] }, events: [] },
  }),
  useCase({
    title: 'A link made to confirm an address cannot reset a password',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    when: redeem(confirmToken),
    then: { status: 400, body: { errors: [{ field: 'token' }] }, events: [] },
  }),
  useCase({
    title: 'A password attackers try first is refused, saying why, and the link still works',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    when: redeem(resetToken, 'qwertyuiop'),
    then: {
      status: 400,
      body: {
        errors: [
          {
            field: 'newPassword',
            message:
              'This password is one of the first that attackers try. Choose another, perhaps a few unrelated words',
          },
        ],
      },
      events: [],
    },
  }),
  useCase({
    title: 'A new password shorter than 10 characters is refused before the link is spent',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    when: redeem(resetToken, 'short'),
    then: { status: 400, body: { errors: [{ field: 'newPassword' }] }, events: [] },
  }),

  // The same as pages
  useCase({
    title: 'The log-in page offers a way back in for a forgotten password',
    when: { method: 'GET', url: '/login' },
    then: { status: 200, page: ['href="/password/forgot"', 'Forgot your password?'] },
  }),
  useCase({
    title: 'The forgotten-password page asks for the address to send a link to',
    when: { method: 'GET', url: '/password/forgot' },
    then: { status: 200, page: ['<form method="post" action="/password/forgot"', 'name="email"'] },
  }),
  useCase({
    title: 'Sending the forgotten-password form says to check the mail, whoever the address belongs to',
    given: approved(nancy),
    when: { method: 'POST', url: '/password/forgot', form: true, body: { email: nancy.email } },
    then: {
      status: 200,
      page: ['Check your mail', 'If nancy@example.com belongs to a member'],
      events: [emitted(PasswordResetRequested, { memberId: nancy.memberId, language: 'en' })],
    },
  }),
  useCase({
    title: 'The forgotten-password form without an address says what is missing',
    when: { method: 'POST', url: '/password/forgot', form: true, body: { email: ' ' } },
    then: { status: 400, page: ['Email is missing'] },
  }),
  useCase({
    title: 'Nancy’s link opens a form for her new password',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    when: { method: 'GET', url: `/password/reset?token=${resetToken}` },
    then: { status: 200, page: ['Choose a new password', 'name="newPassword"', `value="${resetToken}"`] },
  }),
  useCase({
    title: 'A link that does not work any more says so and offers a new one',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    clock: '2026-06-01T11:00:01.000Z',
    when: { method: 'GET', url: `/password/reset?token=${resetToken}` },
    then: { status: 400, page: ['This link does not work any more', 'href="/password/forgot"'] },
  }),
  useCase({
    title: 'Sending the new password logs nobody in: Nancy is sent to log in with it',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    when: {
      method: 'POST',
      url: '/password/reset',
      form: true,
      body: { token: resetToken, newPassword: NEW_PASSWORD },
    },
    then: {
      status: 303,
      location: '/login?done=reset',
      events: [emitted(PasswordChanged, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A too short password in the reset form is shown with what to fix, the link kept',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyAskedForReset],
    when: {
      method: 'POST',
      url: '/password/reset',
      form: true,
      body: { token: resetToken, newPassword: 'short' },
    },
    then: { status: 400, page: ['Use at least 10 characters', `value="${resetToken}"`] },
  }),
  useCase({
    title: 'After the reset the log-in page says the new password is set',
    credentials: withPassword(nancy),
    when: { method: 'GET', url: '/login?done=reset' },
    then: { status: 200, page: ['Your new password is set and every device was logged out.'] },
  }),

  // Confirming the address
  useCase({
    title: 'Nancy confirms her address with the link from her welcome mail',
    given: approved(nancy),
    when: { method: 'POST', url: '/api/v1/account/email/confirmations', body: { token: confirmToken } },
    then: {
      status: 200,
      body: { status: 'confirmed' },
      events: [emitted(EmailConfirmed, { memberId: nancy.memberId, email: nancy.email })],
    },
  }),
  useCase({
    title: 'Following the confirmation link again changes nothing',
    given: [...approved(nancy), confirmed],
    when: { method: 'POST', url: '/api/v1/account/email/confirmations', body: { token: confirmToken } },
    then: { status: 200, body: { status: 'already' }, events: [] },
  }),
  useCase({
    title: 'A confirmation link a week old does not work',
    given: approved(nancy),
    clock: '2026-06-08T10:00:01.000Z',
    when: { method: 'POST', url: '/api/v1/account/email/confirmations', body: { token: confirmToken } },
    then: { status: 400, body: { errors: [{ field: 'token' }] }, events: [] },
  }),
  useCase({
    title: 'A reset link cannot confirm an address',
    given: approved(nancy),
    when: { method: 'POST', url: '/api/v1/account/email/confirmations', body: { token: resetToken } },
    then: { status: 400, events: [] },
  }),
  useCase({
    title: 'Nancy sees her address and that it is not confirmed yet',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/account' },
    then: { status: 200, body: { memberId: nancy.memberId, email: nancy.email, emailConfirmed: false } },
  }),
  useCase({
    title: 'Once confirmed, her account says so',
    given: [...approved(nancy), confirmed],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/account' },
    then: { status: 200, body: { emailConfirmed: true } },
  }),
  useCase({
    title: 'Nancy asks for the confirmation link again',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/api/v1/account/email/confirmation-requests',
      body: { language: 'fi' },
    },
    then: {
      status: 202,
      events: [
        emitted(EmailConfirmationRequested, { memberId: nancy.memberId, email: nancy.email, language: 'fi' }),
      ],
    },
  }),
  useCase({
    title: 'A confirmed address needs no new link',
    given: [...approved(nancy), confirmed],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/api/v1/account/email/confirmation-requests',
      body: {},
    },
    then: { status: 409, body: { type: `${PROBLEM}already-confirmed` }, events: [] },
  }),
  useCase({
    title: 'Three confirmation links an hour are enough: the fourth must wait',
    given: approved(nancy),
    before: Array.from({ length: 3 }, (): When => ({
      as: nancy.memberId,
      method: 'POST',
      url: '/api/v1/account/email/confirmation-requests',
      body: {},
    })),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/api/v1/account/email/confirmation-requests',
      body: {},
    },
    then: { status: 429, events: [] },
  }),
  useCase({
    title: 'The confirmation link opens a page with a button: opening it alone confirms nothing',
    given: approved(nancy),
    when: { method: 'GET', url: `/account/email/confirm?token=${confirmToken}` },
    then: { status: 200, page: ['Confirm my address', `value="${confirmToken}"`], events: [] },
  }),
  useCase({
    title: 'The button confirms the address, even on a device where Nancy is not logged in',
    given: approved(nancy),
    when: { method: 'POST', url: '/account/email/confirm', form: true, body: { token: confirmToken } },
    then: {
      status: 200,
      page: ['Your email address is confirmed'],
      events: [emitted(EmailConfirmed, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A confirmation page for a link that does not work says what to do',
    given: approved(nancy),
    when: { method: 'POST', url: '/account/email/confirm', form: true, body: { token: 'nonsense' } },
    then: { status: 400, page: ['Ask for a new one on your account page'] },
  }),
  useCase({
    title: 'Nancy’s account page says her address is not confirmed and offers the link again',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account' },
    then: { status: 200, page: ['nancy@example.com is not confirmed yet', 'action="/account/email/resend"'] },
  }),
  useCase({
    title: 'Asking for the link again from the account page says it is on its way',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/account/email/resend', form: true, body: {} },
    then: {
      status: 303,
      location: '/account?account=email#email',
      events: [emitted(EmailConfirmationRequested, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A confirmed address shows as confirmed, for moderators too',
    given: [
      ...approved(mo),
      given(EmailConfirmed, { memberId: mo.memberId, email: mo.email }, { actorId: mo.memberId }),
    ],
    when: { as: mo.memberId, method: 'GET', url: '/account' },
    then: {
      status: 200,
      page: ['mo@example.com is confirmed.'],
      pageLacks: ['action="/account/email/resend"'],
    },
  }),
];
