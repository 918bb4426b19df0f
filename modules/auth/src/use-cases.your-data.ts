import { emitted, useCase, type When } from '@meetcute/core';
import { approved, bob, deleted, nancy, PASSWORD, withPassword } from '@meetcute/cast';
import { MemberDeleted, SessionStarted } from './events.ts';

const PROBLEM = 'https://meetcute.dev/problems/';
const deleteAccount = (password: string): When => ({
  as: nancy.memberId,
  method: 'DELETE',
  url: '/api/v1/account',
  body: { password },
});
const nancyDeleted = deleted(nancy);

/** Deleting the account and downloading one's data (GDPR articles 15, 17 and 20). */
export const yourDataUseCases = [
  useCase({
    title: 'Nancy deletes her account with her password: every module is told to forget her',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: deleteAccount(PASSWORD),
    then: { status: 204, events: [emitted(MemberDeleted, { memberId: nancy.memberId })] },
  }),
  useCase({
    title: 'A wrong password deletes nothing, and says which field is wrong',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: deleteAccount('not my password'),
    then: {
      status: 400,
      body: {
        type: `${PROBLEM}validation`,
        errors: [{ field: 'password', message: 'This is not your password' }],
      },
      events: [],
    },
  }),
  useCase({
    title: 'Once deleted, Nancy’s address and password open nothing',
    credentials: withPassword(nancy),
    given: [...approved(nancy), nancyDeleted],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: nancy.email, password: PASSWORD } },
    then: { status: 401, body: { type: `${PROBLEM}login-failed` } },
  }),
  useCase({
    title: 'A deletion leaves other members’ accounts alone',
    credentials: withPassword(bob),
    given: [...approved(nancy), ...approved(bob), nancyDeleted],
    when: { method: 'POST', url: '/api/v1/sessions', body: { email: bob.email, password: PASSWORD } },
    then: {
      status: 200,
      body: { memberId: bob.memberId },
      events: [emitted(SessionStarted, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'The account page offers the download and the way to delete the account',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account' },
    then: {
      status: 200,
      page: [
        '<a class="button secondary" href="/account/data.zip" download>Download my data</a>',
        'href="/account/delete"',
      ],
    },
  }),
  useCase({
    title: 'Deleting the account on the site asks for the password, and says so when it is missing',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/account/delete', form: true, body: { password: '' } },
    then: { status: 400, page: ['role="alert"', 'Enter your password to delete your account'], events: [] },
  }),
  useCase({
    title: 'Deleted on the site, Nancy lands on the log-in page, told it is done',
    credentials: withPassword(nancy),
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/account/delete',
      form: true,
      body: { password: PASSWORD },
    },
    then: {
      status: 303,
      location: '/login?done=deleted',
      events: [emitted(MemberDeleted, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'In Swedish, the page to delete the account warns that it cannot be undone',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account/delete', headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: ['Radera ditt konto', 'Det går inte att ångra.', 'Radera mitt konto för gott'],
    },
  }),
  useCase({
    title: 'The download is a ZIP archive, sent as a file',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/account/data' },
    then: {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-disposition': 'attachment; filename="your-data-2026-06-01.zip"',
      },
    },
  }),

  useCase({
    title: 'The download link on the account page sends the same archive',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/account/data.zip' },
    then: { status: 200, headers: { 'content-type': 'application/zip' } },
  }),
  useCase({
    title: 'Nobody downloads a member’s data without logging in as them',
    given: approved(nancy),
    when: { method: 'GET', url: '/account/data.zip' },
    then: { status: 303, location: '/login?next=%2Faccount%2Fdata.zip' },
  }),
];
