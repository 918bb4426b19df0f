import { emitted, given, useCase } from '@meetcute/core';
import { approved, bob, deleted, eve, mo, nancy, otto } from '@meetcute/cast';
import {
  EmailChanged,
  RoleGranted,
  RoleRevoked,
  TwoFactorDisabled,
  TwoFactorEnabled,
} from '@meetcute/auth/events';
import { AccountCreated, CityChanged } from '@meetcute/registration/events';
import { FlagRamped, FlagTargeted } from './events.ts';
import { created, MEMBERS } from './use-cases.ts';

/** Otto runs the site: an operator with a second factor. */
const op = otto;
const staff = approved(op);
const reach = (key: string) =>
  ({ as: op.memberId, method: 'GET', url: `/api/v1/ops/flags/${key}/reach` }) as const;
const endpoint = 'GET /api/v1/ops/flags/:key/reach';
const pageCall = (method: 'GET' | 'POST', url: string, body?: Record<string, string>) =>
  ({ as: op.memberId, method, url, ...(body ? { body, form: true } : {}) }) as const;

/** 200 members who signed up (in English, Swedish and Finnish in turn), beside Otto. */
const crowd = MEMBERS.map((memberId, i) =>
  given(
    AccountCreated,
    { memberId, email: `member${i}@example.com`, language: (['en', 'sv', 'fi'] as const)[i % 3] },
    { actorId: memberId },
  ),
);
/** Mo moderates with a second factor; Bob was made a moderator but has none, so his role is held back. */
const cast = [
  ...staff,
  ...approved(mo),
  ...approved(nancy),
  ...approved(bob),
  given(RoleGranted, { memberId: bob.memberId, role: 'moderator' }, { actorId: mo.memberId }),
];

export const reachUseCases = [
  useCase({
    title:
      'Ramped from 0 % to 50 %, a flag reaches 87 of the 200 members and Otto: about half, by the same hash as the evaluations',
    given: [
      ...staff,
      ...crowd,
      created('news.photos', 0),
      given(FlagRamped, { key: 'news.photos', from: 0, to: 50 }, { actorId: op.memberId }),
    ],
    endpoint,
    when: reach('news.photos'),
    then: { status: 200, body: { reached: 87, of: 201, variants: [] } },
  }),
  useCase({
    title: 'A flag for moderators reaches Mo, not Bob whose role waits for a second factor',
    given: [...cast, created('review.shortcuts', 100, { roles: ['moderator'] })],
    endpoint,
    when: reach('review.shortcuts'),
    then: { status: 200, body: { reached: 1, of: 4 } },
  }),
  useCase({
    title: 'A flag for Finland reaches the members living there: Otto and Eve',
    given: [...cast, ...approved(eve), created('news.photos', 100, { countries: ['FI'] })],
    endpoint,
    when: reach('news.photos'),
    then: { status: 200, body: { reached: 2, of: 5 } },
  }),
  useCase({
    title: 'A flag for Swedish readers reaches the members who signed up in Swedish',
    given: [...staff, ...crowd, created('news.photos', 100, { languages: ['sv'] })],
    endpoint,
    when: reach('news.photos'),
    then: { status: 200, body: { reached: 67, of: 201 } },
  }),
  useCase({
    title: 'A flag with variants says how many members get each',
    given: [...staff, ...crowd, created('chat.opener', 100, {}, ['control', 'short'])],
    endpoint,
    when: reach('chat.opener'),
    then: {
      status: 200,
      body: {
        reached: 201,
        of: 201,
        variants: [
          { variant: 'control', members: 95 },
          { variant: 'short', members: 106 },
        ],
      },
    },
  }),
  useCase({
    title: 'Eve moved to Stockholm: a flag for Finland now reaches Otto alone',
    given: [
      ...cast,
      ...approved(eve),
      given(CityChanged, { memberId: eve.memberId, city: nancy.application.city }, { actorId: eve.memberId }),
      created('news.photos', 100, { countries: ['FI'] }),
    ],
    endpoint,
    when: reach('news.photos'),
    then: { status: 200, body: { reached: 1, of: 5 } },
  }),
  useCase({
    title: 'Bob, a moderator with a second factor, has a flag for moderators until his role is revoked',
    given: [
      ...cast,
      given(
        TwoFactorEnabled,
        { memberId: bob.memberId, sessionId: '00000000-0000-7000-8000-0000000005b0' },
        { actorId: bob.memberId },
      ),
      given(RoleRevoked, { memberId: bob.memberId, role: 'moderator' }, { actorId: mo.memberId }),
      created('review.shortcuts', 100, { roles: ['moderator'] }),
    ],
    endpoint,
    when: reach('review.shortcuts'),
    then: { status: 200, body: { reached: 1, of: 4 } },
  }),
  useCase({
    title:
      'Mo turned the second factor off: her moderator role is held back, and a flag for moderators reaches nobody',
    given: [
      ...cast,
      given(TwoFactorDisabled, { memberId: mo.memberId }, { actorId: mo.memberId }),
      created('review.shortcuts', 100, { roles: ['moderator'] }),
    ],
    endpoint,
    when: reach('review.shortcuts'),
    then: { status: 200, body: { reached: 0, of: 4 } },
  }),
  useCase({
    title:
      'Mo logs in with another address: the configuration no longer names her a moderator, nor does a flag for moderators',
    given: [
      ...cast,
      given(
        EmailChanged,
        { memberId: mo.memberId, email: 'mo@elsewhere.example', previousEmail: mo.email },
        { actorId: mo.memberId },
      ),
      created('review.shortcuts', 100, { roles: ['moderator'] }),
    ],
    endpoint,
    when: reach('review.shortcuts'),
    then: { status: 200, body: { reached: 0, of: 4 } },
  }),
  useCase({
    title: 'A member who deleted her account is no longer counted',
    given: [...cast, created('news.photos', 100), deleted(nancy)],
    endpoint,
    when: reach('news.photos'),
    then: { status: 200, body: { reached: 3, of: 3 } },
  }),
  useCase({
    title: 'A member who is no operator cannot see a flag’s reach',
    given: [...cast, created('news.photos', 100)],
    endpoint,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/ops/flags/news.photos/reach' },
    then: { status: 403 },
  }),
  useCase({
    title: 'A flag’s page shows how many members it reaches now, and the form to say whom it is for',
    given: [...cast, created('review.shortcuts', 100, { roles: ['moderator'] })],
    when: pageCall('GET', '/ops/flags/review.shortcuts'),
    then: {
      status: 200,
      page: [
        'Reaches 1 of 4 members now (25%).',
        'Save targeting',
        'name="countries"',
        'name="roles"',
        'value="moderator"',
      ],
    },
  }),
  useCase({
    title: 'Otto says whom a flag is for with the form: moderators in Sweden and Finland',
    given: [...staff, created('news.photos', 100)],
    when: pageCall('POST', '/ops/flags/news.photos/targeting', {
      members: '',
      roles: 'moderator',
      countries: 'se, FI',
      languages: '',
    }),
    then: {
      status: 303,
      location: '/ops/flags/news.photos',
      events: [
        emitted(FlagTargeted, {
          key: 'news.photos',
          targeting: { members: [], roles: ['moderator'], countries: ['SE', 'FI'], languages: [] },
        }),
      ],
    },
  }),
  useCase({
    title: 'Targeting a language the site does not speak is sent back, saying in Swedish what to fix',
    given: [...staff, created('news.photos', 100)],
    when: {
      ...pageCall('POST', '/ops/flags/news.photos/targeting', {
        members: 'nancy',
        roles: '',
        countries: '',
        languages: 'de',
      }),
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 400,
      page: ['Rätta följande', 'Språk är en, sv eller fi.', 'Medlemmar anges med medlems-id', 'value="de"'],
    },
  }),
];
