import { given, useCase, type Given } from '@meetcute/core';
import { approvedLongAgo, deleted, mo, nancy, signedUp } from '@meetcute/cast';
import { AccountCreated, RegistrationRejected, SignUpWithTakenEmail } from '@meetcute/registration';
import {
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmationRequested,
  LoginLocked,
  PasswordChanged,
  TwoFactorEnabled,
  TwoFactorDisabled,
  PasswordResetRequested,
} from '@meetcute/auth/events';

const outbox = { as: mo.memberId, method: 'GET', url: '/api/v1/mail' } as const;

/** Nancy signed up on the site itself, in Swedish (the sign-up form says which language). */
const nancySignedUpInSwedish: Given = given(
  AccountCreated,
  { memberId: nancy.memberId, email: nancy.email, language: 'sv' },
  { actorId: nancy.memberId },
);

/** Nancy signed up on the site in Swedish and waits for a moderator. */
const nancyWaitsInSwedish: Given[] = [
  nancySignedUpInSwedish,
  ...signedUp(nancy).filter((g) => g.event !== AccountCreated),
];

export const useCases = [
  useCase({
    title: 'Once Mo approves Nancy’s sign-up, a mail in Swedish, her language, tells her she is in',
    given: [...approvedLongAgo(mo), ...nancyWaitsInSwedish],
    before: [
      { as: mo.memberId, method: 'POST', url: `/api/v1/review/registrations/${nancy.memberId}/approve` },
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'approved',
            to: nancy.email,
            language: 'sv',
            subject: 'Välkommen in: din profil på Meetcute är godkänd',
          },
          { kind: 'welcome', to: nancy.email },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'A sign-up Mo sends back is mailed to Nancy with his reason, in her language',
    given: [
      ...approvedLongAgo(mo),
      ...nancyWaitsInSwedish,
      given(
        RegistrationRejected,
        { memberId: nancy.memberId, moderatorId: mo.memberId, reason: 'Skriv lite mer om dig själv.' },
        { actorId: mo.memberId },
      ),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'sent-back',
            to: nancy.email,
            language: 'sv',
            subject: 'Din ansökan till Meetcute behöver ändras',
          },
          { kind: 'welcome', to: nancy.email },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'An approval recorded more than a day ago (an import, a replay) is not mailed',
    given: [...approvedLongAgo(mo), ...approvedLongAgo(nancy)],
    when: outbox,
    then: { status: 200, body: { mails: [{ kind: 'two-factor-on', to: mo.email }] } },
  }),
  useCase({
    title:
      'Someone signs up with Nancy’s address: Nancy is told in Swedish, her language, that it was not a new account',
    given: [
      ...approvedLongAgo(mo),
      nancySignedUpInSwedish,
      given(SignUpWithTakenEmail, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'sign-up-attempt',
            to: nancy.email,
            language: 'sv',
            subject: 'Någon försökte gå med i Meetcute med din adress',
          },
          { kind: 'welcome', to: nancy.email, language: 'sv' },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'Nancy signs up in Swedish: a welcome in Swedish asks her to confirm her address',
    given: [...approvedLongAgo(mo), nancySignedUpInSwedish],
    when: outbox,
    then: {
      status: 200,
      body: {
        transport: 'directory',
        mails: [
          {
            kind: 'welcome',
            to: nancy.email,
            language: 'sv',
            subject: 'Välkommen till Meetcute: bekräfta din adress',
          },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'A member who signed up more than a week ago (brought in by an import) gets no welcome mail',
    given: [
      ...approvedLongAgo(mo),
      given(
        AccountCreated,
        { memberId: nancy.memberId, email: nancy.email, language: 'en' },
        { actorId: nancy.memberId, at: '2026-05-25T09:59:59.000Z' },
      ),
    ],
    when: outbox,
    // Only Mo's own notice of the second factor Mo set up: nothing to Nancy.
    then: { status: 200, body: { mails: [{ kind: 'two-factor-on', to: mo.email }] } },
  }),
  useCase({
    title: 'A reset link goes to the member’s address, in the language it was asked in',
    given: [
      ...approvedLongAgo(mo),
      ...approvedLongAgo(nancy),
      given(
        PasswordResetRequested,
        {
          memberId: nancy.memberId,
          resetId: 'reset-1',
          expiresAt: '2026-06-01T11:00:00.000Z',
          language: 'fi',
        },
        { actorId: null },
      ),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'password-reset',
            to: nancy.email,
            language: 'fi',
            subject: 'Valitse uusi salasana Meetcuteen',
          },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'A member imported without a password that works here is sent a link to choose one',
    given: [
      ...approvedLongAgo(mo),
      ...approvedLongAgo(nancy),
      given(
        PasswordResetRequested,
        {
          memberId: nancy.memberId,
          resetId: 'setup-1',
          expiresAt: '2026-06-15T10:00:00.000Z',
          language: 'en',
          reason: 'imported',
        },
        { actorId: null },
      ),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'password-setup',
            to: nancy.email,
            subject: 'Your community has moved to Meetcute: choose your password',
          },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'A reset link whose hour is over before it could be sent is not sent at all',
    given: [
      ...approvedLongAgo(mo),
      ...approvedLongAgo(nancy),
      given(
        PasswordResetRequested,
        {
          memberId: nancy.memberId,
          resetId: 'reset-1',
          expiresAt: '2026-06-01T09:59:00.000Z',
          language: 'en',
        },
        { actorId: null },
      ),
    ],
    when: outbox,
    then: { status: 200, body: { mails: [{ kind: 'two-factor-on', to: mo.email }] } },
  }),
  useCase({
    title: 'A new confirmation link goes to the address it confirms',
    given: [
      ...approvedLongAgo(mo),
      ...approvedLongAgo(nancy),
      given(
        EmailConfirmationRequested,
        {
          memberId: nancy.memberId,
          email: nancy.email,
          expiresAt: '2026-06-08T10:00:00.000Z',
          language: 'en',
        },
        { actorId: nancy.memberId },
      ),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          { kind: 'email-confirmation', to: nancy.email, subject: 'Confirm your email address for Meetcute' },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'When Nancy turns two-factor authentication on, and off, she is told each time',
    given: [
      ...approvedLongAgo(mo),
      nancySignedUpInSwedish,
      given(TwoFactorEnabled, { memberId: nancy.memberId, sessionId: 'phone' }, { actorId: nancy.memberId }),
      given(TwoFactorDisabled, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'two-factor-off',
            to: nancy.email,
            subject: 'Tvåstegsverifiering är av för ditt Meetcute-konto',
          },
          {
            kind: 'two-factor-on',
            to: nancy.email,
            subject: 'Tvåstegsverifiering är på för ditt Meetcute-konto',
          },
          { kind: 'welcome', to: nancy.email },
          {
            kind: 'two-factor-on',
            to: mo.email,
            subject: 'Two-factor authentication is on for your Meetcute account',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'When Nancy’s password changes she is told, in the language she last wrote in',
    given: [
      ...approvedLongAgo(mo),
      nancySignedUpInSwedish,
      given(PasswordChanged, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          { kind: 'password-changed', to: nancy.email, subject: 'Ditt lösenord på Meetcute har bytts' },
          { kind: 'welcome', to: nancy.email },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'A new login address gets a link to confirm it; the old one is not told yet',
    given: [
      ...approvedLongAgo(mo),
      ...approvedLongAgo(nancy),
      given(
        EmailChangeRequested,
        {
          memberId: nancy.memberId,
          changeId: 'change-1',
          email: 'nancy.sailor@example.com',
          expiresAt: '2026-06-02T10:00:00.000Z',
          language: 'sv',
        },
        { actorId: nancy.memberId },
      ),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'email-change',
            to: 'nancy.sailor@example.com',
            subject: 'Bekräfta din nya adress på Meetcute',
          },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'Once the address changed, the old one is told, and mail goes to the new one',
    given: [
      ...approvedLongAgo(mo),
      ...approvedLongAgo(nancy),
      given(
        EmailChanged,
        { memberId: nancy.memberId, email: 'nancy.sailor@example.com', previousEmail: nancy.email },
        { actorId: nancy.memberId },
      ),
      given(PasswordChanged, { memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          { kind: 'password-changed', to: 'nancy.sailor@example.com' },
          { kind: 'email-changed', to: nancy.email, subject: 'Your Meetcute address was changed' },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'When wrong passwords lock Nancy’s log-in, she is told, with a way to choose a new password',
    given: [
      ...approvedLongAgo(mo),
      nancySignedUpInSwedish,
      given(LoginLocked, { memberId: nancy.memberId, until: '2026-06-01T10:15:00.000Z' }, { actorId: null }),
    ],
    when: outbox,
    then: {
      status: 200,
      body: {
        mails: [
          {
            kind: 'login-locked',
            to: nancy.email,
            subject: 'Inloggningen till ditt Meetcute-konto går långsammare',
          },
          { kind: 'welcome' },
          { kind: 'two-factor-on', to: mo.email },
        ],
      },
    },
  }),
  useCase({
    title: 'Only moderators read the outbox',
    given: [...approvedLongAgo(nancy)],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/mail' },
    then: { status: 403 },
  }),
  useCase({
    title: 'The outbox page shows moderators what was sent to whom, and says no mail server is set',
    given: [...approvedLongAgo(mo), nancySignedUpInSwedish],
    when: { as: mo.memberId, method: 'GET', url: '/mail' },
    then: {
      status: 200,
      page: ['Outbox', 'No mail server is set (MEETCUTE_SMTP_URL)', 'Välkommen till Meetcute', nancy.email],
    },
  }),
  useCase({
    title: 'A mail that is not in the outbox is not found',
    given: [...approvedLongAgo(mo)],
    when: { as: mo.memberId, method: 'GET', url: '/mail/no-such-mail' },
    then: { status: 404 },
  }),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: the outbox keeps no mail to her',
    given: [...approvedLongAgo(mo), nancySignedUpInSwedish, deleted(nancy)],
    when: outbox,
    then: { status: 200, body: { mails: [{ kind: 'two-factor-on', to: mo.email }] } },
  }),
];
