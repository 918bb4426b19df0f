import { emitted, given, useCase, type Given } from '@meetcute/core';
import { approved, bob, eve, mo, nancy, otto } from '@meetcute/cast';
import { FlagCreated, FlagKilled, FlagRamped, FlagRevived, FlagTargeted } from './events.ts';
import { NO_TARGETING, type Targeting } from './rules.ts';

/** Otto runs the site: an operator with a second factor. */
const op = otto;
const staff = approved(op);

/** A flag as an operator created it, at this ramp, for these members. */
export function created(
  key: string,
  ramp: number,
  targeting: Partial<Targeting> = {},
  variants: string[] = [],
): Given {
  return given(
    FlagCreated,
    { key, description: `The ${key} feature`, variants, ramp, targeting: { ...NO_TARGETING, ...targeting } },
    { actorId: op.memberId },
  );
}
const killed = (key: string) => given(FlagKilled, { key }, { actorId: op.memberId });
const ramped = (key: string, from: number, to: number) =>
  given(FlagRamped, { key, from, to }, { actorId: op.memberId });

/** 200 members, by id alone: who a ramp reaches is decided by the hash of (flag, member id). */
export const MEMBERS = Array.from(
  { length: 200 },
  (_, i) => `00000000-0000-7000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
);
const evaluate = (key: string) =>
  ({
    as: op.memberId,
    method: 'POST',
    url: `/api/v1/ops/flags/${key}/evaluations`,
    body: { members: MEMBERS.map((memberId) => ({ memberId })) },
  }) as const;
/** Which of the 200 (by place in MEMBERS) news.photos reaches at 5 % and at 20 %: the hash's answer, written down. */
const AT_5 = [24, 37, 45, 49, 107, 119, 134, 137, 149, 150, 159, 163, 181];
const AT_20 = [
  0, 2, 24, 30, 35, 37, 40, 45, 49, 56, 59, 66, 70, 74, 75, 79, 93, 98, 106, 107, 110, 119, 128, 134, 137,
  142, 148, 149, 150, 155, 156, 159, 163, 169, 170, 175, 178, 181, 184, 196, 197,
];
const reachedAt = (places: number[]) => MEMBERS.map((memberId, i) => ({ memberId, on: places.includes(i) }));

const served = (as: string | undefined, key: string, headers?: Record<string, string>) =>
  ({
    ...(as ? { as } : {}),
    method: 'GET',
    url: `/api/v1/flags/${key}`,
    ...(headers ? { headers } : {}),
  }) as const;
const flagPage = (key: string) =>
  ({ as: op.memberId, method: 'GET', url: `/api/v1/ops/flags/${key}` }) as const;
const endpoints = {
  flag: 'GET /api/v1/ops/flags/:key',
  served: 'GET /api/v1/flags/:key',
  ramp: 'PUT /api/v1/ops/flags/:key/ramp',
  targeting: 'PUT /api/v1/ops/flags/:key/targeting',
  kill: 'POST /api/v1/ops/flags/:key/kill',
  revive: 'POST /api/v1/ops/flags/:key/revive',
  evaluations: 'POST /api/v1/ops/flags/:key/evaluations',
};

const creating = [
  useCase({
    title: 'An operator creates an on/off flag for a tenth of the members',
    given: staff,
    when: {
      as: op.memberId,
      method: 'POST',
      url: '/api/v1/ops/flags',
      body: { key: 'news.photos', description: 'Photo items in the news feed', ramp: 10 },
    },
    then: {
      status: 201,
      body: { key: 'news.photos', variants: [], ramp: 10, killed: false, targeting: NO_TARGETING },
      events: [emitted(FlagCreated, { key: 'news.photos', ramp: 10, variants: [] })],
    },
  }),
  useCase({
    title: 'A flag with a bad key, variant, share and country is refused, each field saying what to fix',
    given: staff,
    when: {
      as: op.memberId,
      method: 'POST',
      url: '/api/v1/ops/flags',
      body: { key: 'News Photos', variants: ['only-one'], ramp: 150, targeting: { countries: ['sweden'] } },
    },
    then: {
      status: 400,
      body: {
        errors: [
          { field: 'key', code: 'keyBad' },
          { field: 'variants', code: 'variantsBad' },
          { field: 'ramp', message: 'The share is a whole number from 0 to 100.' },
          { field: 'countries', code: 'countriesBad' },
        ],
      },
    },
  }),
  useCase({
    title: 'A flag’s key is taken once',
    given: [...staff, created('news.photos', 0)],
    when: { as: op.memberId, method: 'POST', url: '/api/v1/ops/flags', body: { key: 'news.photos' } },
    then: { status: 400, body: { errors: [{ field: 'key', code: 'keyTaken' }] } },
  }),
  useCase({
    title: 'A member who is no operator cannot create flags',
    given: [...staff, ...approved(nancy)],
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/ops/flags', body: { key: 'news.photos' } },
    then: { status: 403 },
  }),
  useCase({
    title: 'The operator lists every flag',
    given: [...staff, created('news.photos', 0), created('chat.typing', 100)],
    when: { as: op.memberId, method: 'GET', url: '/api/v1/ops/flags' },
    then: {
      status: 200,
      body: {
        flags: [
          { key: 'chat.typing', ramp: 100 },
          { key: 'news.photos', ramp: 0 },
        ],
      },
    },
  }),
];

const ramping = [
  useCase({
    title: 'Ramping a flag from 0 % to 50 % gives it to 87 of 200 members: about half, as the hash decides',
    given: [...staff, created('news.photos', 0), ramped('news.photos', 0, 50)],
    endpoint: endpoints.evaluations,
    when: evaluate('news.photos'),
    then: { status: 200, body: { reached: 87, of: 200 } },
  }),
  useCase({
    title: 'At 5 % a flag reaches these 13 of 200 members',
    given: [...staff, created('news.photos', 5)],
    endpoint: endpoints.evaluations,
    when: evaluate('news.photos'),
    then: { status: 200, body: { reached: 13, of: 200, members: reachedAt(AT_5) } },
  }),
  useCase({
    title: 'Moving from 5 % to 20 % keeps the first 13 members and adds 28',
    given: [...staff, created('news.photos', 5), ramped('news.photos', 5, 20)],
    endpoint: endpoints.evaluations,
    when: evaluate('news.photos'),
    then: { status: 200, body: { reached: 41, of: 200, members: reachedAt(AT_20) } },
  }),
  useCase({
    title: 'The operator ramps a flag: the event says from where to where',
    given: [...staff, created('news.photos', 5)],
    endpoint: endpoints.ramp,
    when: { as: op.memberId, method: 'PUT', url: '/api/v1/ops/flags/news.photos/ramp', body: { ramp: 20 } },
    then: {
      status: 200,
      body: { key: 'news.photos', ramp: 20 },
      events: [emitted(FlagRamped, { key: 'news.photos', from: 5, to: 20 })],
    },
  }),
  useCase({
    title: 'A share above 100 % is refused, saying what a share is',
    given: [...staff, created('news.photos', 5)],
    endpoint: endpoints.ramp,
    when: { as: op.memberId, method: 'PUT', url: '/api/v1/ops/flags/news.photos/ramp', body: { ramp: 101 } },
    then: { status: 400, body: { errors: [{ field: 'ramp', code: 'rampBad' }] } },
  }),
  useCase({
    title: 'Ramping a flag that does not exist is a 404',
    given: staff,
    endpoint: endpoints.ramp,
    when: { as: op.memberId, method: 'PUT', url: '/api/v1/ops/flags/no.such/ramp', body: { ramp: 20 } },
    then: { status: 404 },
  }),
];

const killing = [
  useCase({
    title: 'The kill switch turns a flag off for everyone at once, whatever its rules',
    given: [
      ...staff,
      ...approved(nancy),
      created('news.photos', 100, { members: [nancy.memberId] }),
      killed('news.photos'),
    ],
    endpoint: endpoints.served,
    when: served(nancy.memberId, 'news.photos'),
    then: { status: 200, body: { key: 'news.photos', on: false, variant: 'off' } },
  }),
  useCase({
    title: 'The operator pulls the kill switch: the event says so',
    given: [...staff, created('news.photos', 100)],
    endpoint: endpoints.kill,
    when: { as: op.memberId, method: 'POST', url: '/api/v1/ops/flags/news.photos/kill' },
    then: { status: 200, body: { killed: true }, events: [emitted(FlagKilled, { key: 'news.photos' })] },
  }),
  useCase({
    title: 'Released, the kill switch gives the flag back to whom its rules say',
    given: [...staff, ...approved(nancy), created('news.photos', 100), killed('news.photos')],
    endpoint: endpoints.revive,
    before: [{ as: op.memberId, method: 'POST', url: '/api/v1/ops/flags/news.photos/revive' }],
    when: served(nancy.memberId, 'news.photos'),
    then: { status: 200, body: { on: true } },
  }),
  useCase({
    title: 'A flag killed and released again reaches whom its rules say',
    given: [
      ...staff,
      ...approved(nancy),
      created('news.photos', 100),
      killed('news.photos'),
      given(FlagRevived, { key: 'news.photos' }, { actorId: op.memberId }),
    ],
    endpoint: endpoints.served,
    when: served(nancy.memberId, 'news.photos'),
    then: { status: 200, body: { on: true } },
  }),
  useCase({
    title: 'Releasing the kill switch is an event too',
    given: [...staff, created('news.photos', 100), killed('news.photos')],
    endpoint: endpoints.revive,
    when: { as: op.memberId, method: 'POST', url: '/api/v1/ops/flags/news.photos/revive' },
    then: { status: 200, body: { killed: false }, events: [emitted(FlagRevived, { key: 'news.photos' })] },
  }),
];

const targeting = [
  useCase({
    title: 'A flag for moderators: Mo has it',
    given: [
      ...staff,
      ...approved(mo),
      ...approved(nancy),
      created('review.shortcuts', 100, { roles: ['moderator'] }),
    ],
    endpoint: endpoints.served,
    when: served(mo.memberId, 'review.shortcuts'),
    then: { status: 200, body: { on: true, variant: 'on' } },
  }),
  useCase({
    title: 'A flag for moderators: Nancy, a member, does not',
    given: [
      ...staff,
      ...approved(mo),
      ...approved(nancy),
      created('review.shortcuts', 100, { roles: ['moderator'] }),
    ],
    endpoint: endpoints.served,
    when: served(nancy.memberId, 'review.shortcuts'),
    then: { status: 200, body: { on: false, variant: 'off' } },
  }),
  useCase({
    title: 'A flag for Finland: Eve, in Helsinki, has it',
    given: [...staff, ...approved(eve), created('news.photos', 100, { countries: ['FI'] })],
    endpoint: endpoints.served,
    when: served(eve.memberId, 'news.photos'),
    then: { status: 200, body: { on: true } },
  }),
  useCase({
    title: 'A flag for Finland: Bob, in Uppsala, does not',
    given: [...staff, ...approved(bob), created('news.photos', 100, { countries: ['FI'] })],
    endpoint: endpoints.served,
    when: served(bob.memberId, 'news.photos'),
    then: { status: 200, body: { on: false } },
  }),
  useCase({
    title: 'A flag for Swedish readers: Nancy has it while she reads the site in Swedish',
    given: [...staff, ...approved(nancy), created('news.photos', 100, { languages: ['sv'] })],
    endpoint: endpoints.served,
    when: served(nancy.memberId, 'news.photos', { 'accept-language': 'sv-SE,sv;q=0.9' }),
    then: { status: 200, body: { on: true } },
  }),
  useCase({
    title: 'A flag for Swedish readers: Nancy reading in English does not',
    given: [...staff, ...approved(nancy), created('news.photos', 100, { languages: ['sv'] })],
    endpoint: endpoints.served,
    when: served(nancy.memberId, 'news.photos', { 'accept-language': 'en' }),
    then: { status: 200, body: { on: false } },
  }),
  useCase({
    title: 'A member named on a flag has it whatever the ramp',
    given: [...staff, ...approved(nancy), created('news.photos', 0, { members: [nancy.memberId] })],
    endpoint: endpoints.served,
    when: served(nancy.memberId, 'news.photos'),
    then: { status: 200, body: { on: true } },
  }),
  useCase({
    title: 'A visitor, with no member id to hash, gets a flag only at 100 %',
    given: [created('news.photos', 99)],
    endpoint: endpoints.served,
    when: served(undefined, 'news.photos'),
    then: { status: 200, body: { on: false } },
  }),
  useCase({
    title: 'Asking for a flag that does not exist is a 404',
    given: approved(nancy),
    endpoint: endpoints.served,
    when: served(nancy.memberId, 'no.such'),
    then: { status: 404 },
  }),
  useCase({
    title: 'The operator says whom a flag is for: the event carries the new targeting',
    given: [...staff, created('news.photos', 100)],
    endpoint: endpoints.targeting,
    when: {
      as: op.memberId,
      method: 'PUT',
      url: '/api/v1/ops/flags/news.photos/targeting',
      body: { roles: ['moderator'], countries: ['SE', 'FI'] },
    },
    then: {
      status: 200,
      body: { targeting: { members: [], roles: ['moderator'], countries: ['SE', 'FI'], languages: [] } },
      events: [emitted(FlagTargeted, { key: 'news.photos', targeting: { roles: ['moderator'] } })],
    },
  }),
  useCase({
    title: 'Targeting a language the site does not speak is refused',
    given: [...staff, created('news.photos', 100)],
    endpoint: endpoints.targeting,
    when: {
      as: op.memberId,
      method: 'PUT',
      url: '/api/v1/ops/flags/news.photos/targeting',
      body: { languages: ['de'] },
    },
    then: { status: 400, body: { errors: [{ field: 'languages', code: 'languagesBad' }] } },
  }),
];

const auditing = [
  useCase({
    title: 'A flag’s page lists its changes, newest first: who, when and what changed',
    given: [
      ...staff,
      created('news.photos', 0),
      ramped('news.photos', 0, 50),
      given(
        FlagTargeted,
        { key: 'news.photos', targeting: { ...NO_TARGETING, roles: ['moderator'] } },
        { actorId: op.memberId },
      ),
      killed('news.photos'),
    ],
    endpoint: endpoints.flag,
    when: flagPage('news.photos'),
    then: {
      status: 200,
      body: {
        flag: { key: 'news.photos', ramp: 50, killed: true, targeting: { roles: ['moderator'] } },
        audit: [
          { action: 'killed', actorId: op.memberId, detail: {} },
          {
            action: 'targeted',
            actorId: op.memberId,
            detail: { roles: { before: [], after: ['moderator'] } },
          },
          { action: 'ramped', actorId: op.memberId, detail: { ramp: { before: 0, after: 50 } } },
          { action: 'created', actorId: op.memberId, detail: { ramp: 0 } },
        ],
      },
    },
  }),
];

const pageCall = (method: 'GET' | 'POST', url: string, body?: Record<string, string>) =>
  ({ as: op.memberId, method, url, ...(body ? { body, form: true } : {}) }) as const;
const pages = [
  useCase({
    title: 'Otto opens the console’s flags: each flag with its state, and a form for a new one',
    given: [...staff, created('news.photos', 20), created('chat.typing', 100), killed('chat.typing')],
    when: pageCall('GET', '/ops/flags'),
    then: {
      status: 200,
      page: ['news.photos', '20 %', 'chat.typing', 'Killed: off for everyone', 'New flag'],
    },
  }),
  useCase({
    title: 'A member who is no operator does not get the console',
    given: [...staff, ...approved(nancy)],
    when: { as: nancy.memberId, method: 'GET', url: '/ops/flags' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Otto creates a flag with the form and lands on its page',
    given: staff,
    when: pageCall('POST', '/ops/flags', {
      key: 'news.photos',
      description: 'Photos in the news',
      variants: '',
      ramp: '5',
    }),
    then: {
      status: 303,
      location: '/ops/flags/news.photos',
      events: [emitted(FlagCreated, { key: 'news.photos', ramp: 5, variants: [] })],
    },
  }),
  useCase({
    title: 'A new flag with a bad key and share is sent back, saying in Swedish what to fix',
    given: staff,
    when: {
      ...pageCall('POST', '/ops/flags', { key: 'Nyheter!', ramp: 'half' }),
      headers: { 'accept-language': 'sv' },
    },
    then: { status: 400, page: ['Använd 2–64 små bokstäver', 'Andelen är ett heltal från 0 till 100.'] },
  }),
  useCase({
    title: 'A flag’s page shows its state and its changes',
    given: [...staff, created('news.photos', 0), ramped('news.photos', 0, 50)],
    when: pageCall('GET', '/ops/flags/news.photos'),
    then: { status: 200, page: ['news.photos', 'ramped', 'created', 'Pull the kill switch'] },
  }),
  useCase({
    title: 'A flag that does not exist has no page',
    given: staff,
    when: pageCall('GET', '/ops/flags/no.such'),
    then: { status: 404 },
  }),
  useCase({
    title: 'Otto ramps a flag with the form',
    given: [...staff, created('news.photos', 5)],
    when: pageCall('POST', '/ops/flags/news.photos/ramp', { ramp: '20' }),
    then: {
      status: 303,
      location: '/ops/flags/news.photos',
      events: [emitted(FlagRamped, { key: 'news.photos', from: 5, to: 20 })],
    },
  }),
  useCase({
    title: 'A share that is no number is sent back with the flag’s page, saying what a share is',
    given: [...staff, created('news.photos', 5)],
    when: pageCall('POST', '/ops/flags/news.photos/ramp', { ramp: 'lots' }),
    then: { status: 400, page: ['The share is a whole number from 0 to 100.'] },
  }),
  useCase({
    title: 'Otto pulls the kill switch from the flag’s page',
    given: [...staff, created('news.photos', 100)],
    when: pageCall('POST', '/ops/flags/news.photos/kill', {}),
    then: {
      status: 303,
      location: '/ops/flags/news.photos',
      events: [emitted(FlagKilled, { key: 'news.photos' })],
    },
  }),
  useCase({
    title: 'Otto releases the kill switch from the flag’s page',
    given: [...staff, created('news.photos', 100), killed('news.photos')],
    when: pageCall('POST', '/ops/flags/news.photos/revive', {}),
    then: {
      status: 303,
      location: '/ops/flags/news.photos',
      events: [emitted(FlagRevived, { key: 'news.photos' })],
    },
  }),
];

export const useCases = [...creating, ...ramping, ...killing, ...targeting, ...auditing, ...pages];
