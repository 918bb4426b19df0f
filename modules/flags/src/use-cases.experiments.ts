import { emitted, given, useCase } from '@meetcute/core';
import { approved, bob, deleted, eve, nancy, otto } from '@meetcute/cast';
import { conversationIdOf, MessageSent } from '@meetcute/chat/events';
import {
  ExperimentCreated,
  ExperimentExposed,
  ExperimentStarted,
  ExperimentStopped,
  FlagKilled,
  FlagRamped,
  type Metric,
} from './events.ts';
import { created } from './use-cases.ts';

/** Otto runs the site: an operator with a second factor. */
const op = otto;
const staff = approved(op);
const by = { actorId: op.memberId };

/** chat.opener: two variants for everyone; its experiment, made and started. */
const flag = created('chat.opener', 100, {}, ['control', 'short']);
const experiment = (metric: Metric = 'replies') =>
  given(
    ExperimentCreated,
    { key: 'opener', flagKey: 'chat.opener', description: 'A shorter first message', metric },
    by,
  );
const started = given(ExperimentStarted, { key: 'opener' }, by);
const running = (metric: Metric = 'replies') => [...staff, flag, experiment(metric), started];
const exposed = (memberId: string, variant: string) =>
  given(ExperimentExposed, { experimentKey: 'opener', memberId, variant }, { actorId: memberId });
let messages = 0;
const wrote = (from: string, to: string) =>
  given(
    MessageSent,
    {
      messageId: `00000000-0000-7000-8000-0000000e${String(++messages).padStart(4, '0')}`,
      conversationId: conversationIdOf(from, to),
      senderId: from,
      recipientId: to,
      body: 'Hi!',
    },
    { actorId: from },
  );

const served = (as: string) => ({ as, method: 'GET', url: '/api/v1/flags/chat.opener' }) as const;
const results = { as: op.memberId, method: 'GET', url: '/api/v1/ops/experiments/opener' } as const;
const endpoints = {
  served: 'GET /api/v1/flags/:key',
  results: 'GET /api/v1/ops/experiments/:key',
  start: 'POST /api/v1/ops/experiments/:key/start',
  stop: 'POST /api/v1/ops/experiments/:key/stop',
};

/** Nancy and Bob talk (she wrote first, he answered); Eve wrote to Bob, who did not answer. */
const talks = [
  ...approved(nancy),
  ...approved(bob),
  ...approved(eve),
  exposed(nancy.memberId, 'short'),
  exposed(bob.memberId, 'short'),
  exposed(eve.memberId, 'control'),
  wrote(nancy.memberId, bob.memberId),
  wrote(bob.memberId, nancy.memberId),
  wrote(eve.memberId, bob.memberId),
];

const lifecycle = [
  useCase({
    title: 'An operator creates an experiment over a flag with variants',
    given: [...staff, flag],
    when: {
      as: op.memberId,
      method: 'POST',
      url: '/api/v1/ops/experiments',
      body: {
        key: 'opener',
        flagKey: 'chat.opener',
        description: 'A shorter first message',
        metric: 'replies',
      },
    },
    then: {
      status: 201,
      body: { key: 'opener', flagKey: 'chat.opener', metric: 'replies', status: 'draft', startedAt: null },
      events: [emitted(ExperimentCreated, { key: 'opener', flagKey: 'chat.opener', metric: 'replies' })],
    },
  }),
  useCase({
    title: 'An experiment needs a flag with variants and a metric there is',
    given: [...staff, created('news.photos', 100)],
    when: {
      as: op.memberId,
      method: 'POST',
      url: '/api/v1/ops/experiments',
      body: { key: 'photos', flagKey: 'news.photos', metric: 'likes' },
    },
    then: {
      status: 400,
      body: {
        errors: [
          { field: 'metric', code: 'metricBad' },
          { field: 'flagKey', code: 'flagNotVariants' },
        ],
      },
    },
  }),
  useCase({
    title: 'The operator starts an experiment',
    given: [...staff, flag, experiment()],
    endpoint: endpoints.start,
    when: { as: op.memberId, method: 'POST', url: '/api/v1/ops/experiments/opener/start' },
    then: {
      status: 200,
      body: { status: 'running' },
      events: [emitted(ExperimentStarted, { key: 'opener' })],
    },
  }),
  useCase({
    title: 'An experiment that runs cannot start again',
    given: running(),
    endpoint: endpoints.start,
    when: { as: op.memberId, method: 'POST', url: '/api/v1/ops/experiments/opener/start' },
    then: { status: 409 },
  }),
  useCase({
    title: 'The operator stops an experiment',
    given: running(),
    endpoint: endpoints.stop,
    when: { as: op.memberId, method: 'POST', url: '/api/v1/ops/experiments/opener/stop' },
    then: {
      status: 200,
      body: { status: 'stopped' },
      events: [emitted(ExperimentStopped, { key: 'opener' })],
    },
  }),
  useCase({
    title: 'Stopping an experiment that does not exist is a 404',
    given: staff,
    endpoint: endpoints.stop,
    when: { as: op.memberId, method: 'POST', url: '/api/v1/ops/experiments/nothing/stop' },
    then: { status: 404 },
  }),
  useCase({
    title: 'The operator lists the experiments',
    given: running(),
    when: { as: op.memberId, method: 'GET', url: '/api/v1/ops/experiments' },
    then: { status: 200, body: { experiments: [{ key: 'opener', status: 'running' }] } },
  }),
];

const exposures = [
  useCase({
    title: 'Nancy is first served a variant: her exposure is recorded with it',
    given: [...running(), ...approved(nancy)],
    endpoint: endpoints.served,
    when: served(nancy.memberId),
    then: {
      status: 200,
      body: { key: 'chat.opener', variant: 'short' },
      events: [
        emitted(ExperimentExposed, { experimentKey: 'opener', memberId: nancy.memberId, variant: 'short' }),
      ],
    },
  }),
  useCase({
    title: 'Served again, Nancy is not exposed twice',
    given: [...running(), ...approved(nancy)],
    endpoint: endpoints.served,
    before: [served(nancy.memberId)],
    when: served(nancy.memberId),
    then: { status: 200, body: { variant: 'short' } },
  }),
  useCase({
    title: 'A member keeps the variant of their first exposure, whatever the flag later says',
    given: [
      ...running(),
      ...approved(bob),
      exposed(bob.memberId, 'short'),
      given(FlagRamped, { key: 'chat.opener', from: 100, to: 0 }, by),
    ],
    endpoint: endpoints.served,
    when: served(bob.memberId),
    then: { status: 200, body: { variant: 'short' } },
  }),
  useCase({
    title: 'A member the flag does not reach gets the first variant and is not exposed',
    given: [
      ...running(),
      ...approved(nancy),
      given(FlagRamped, { key: 'chat.opener', from: 100, to: 0 }, by),
    ],
    endpoint: endpoints.served,
    when: served(nancy.memberId),
    then: { status: 200, body: { variant: 'control' } },
  }),
  useCase({
    title: 'The kill switch wins over an experiment: everyone gets the first variant',
    given: [
      ...running(),
      ...approved(nancy),
      exposed(nancy.memberId, 'short'),
      given(FlagKilled, { key: 'chat.opener' }, by),
    ],
    endpoint: endpoints.served,
    when: served(nancy.memberId),
    then: { status: 200, body: { variant: 'control' } },
  }),
  useCase({
    title: 'Once an experiment stopped, nobody more is exposed',
    given: [...running(), ...approved(nancy), given(ExperimentStopped, { key: 'opener' }, by)],
    endpoint: endpoints.served,
    when: served(nancy.memberId),
    then: { status: 200, body: { variant: 'short' } },
  }),
];

const outcomes = [
  useCase({
    title: 'Results by replies per first message: counts, rate and 95 % interval per variant',
    given: [...running('replies'), ...talks],
    endpoint: endpoints.results,
    when: results,
    then: {
      status: 200,
      body: {
        experiment: { key: 'opener', metric: 'replies', status: 'running' },
        results: [
          { variant: 'control', exposed: 1, trials: 1, conversions: 0, rate: 0, interval: { low: 0 } },
          { variant: 'short', exposed: 2, trials: 1, conversions: 1, rate: 1, interval: { high: 1 } },
        ],
      },
    },
  }),
  useCase({
    title: 'Results by writers: exposed members who wrote a message',
    given: [...running('writers'), ...talks],
    endpoint: endpoints.results,
    when: results,
    then: {
      status: 200,
      body: {
        results: [
          { variant: 'control', exposed: 1, trials: 1, conversions: 1 },
          { variant: 'short', exposed: 2, trials: 2, conversions: 2 },
        ],
      },
    },
  }),
  useCase({
    title: 'Messages before a member’s exposure do not count for their variant',
    given: [
      ...running('replies'),
      ...approved(nancy),
      ...approved(bob),
      wrote(nancy.memberId, bob.memberId),
      exposed(nancy.memberId, 'short'),
      wrote(bob.memberId, nancy.memberId),
    ],
    endpoint: endpoints.results,
    when: results,
    then: {
      status: 200,
      body: {
        results: [{ variant: 'short', exposed: 1, trials: 0, conversions: 0, rate: null, interval: null }],
      },
    },
  }),
];

const deletion = [
  useCase({
    title: 'Nancy deleted her account: her exposure and first message leave the results',
    given: [...running('replies'), ...talks, deleted(nancy)],
    endpoint: endpoints.results,
    when: results,
    then: {
      status: 200,
      body: {
        results: [
          { variant: 'control', exposed: 1, trials: 1, conversions: 0 },
          { variant: 'short', exposed: 1, trials: 0, conversions: 0 },
        ],
      },
    },
  }),
];

const pageCall = (method: 'GET' | 'POST', url: string, body?: Record<string, string>) =>
  ({ as: op.memberId, method, url, ...(body ? { body, form: true } : {}) }) as const;
const pages = [
  useCase({
    title:
      'Otto opens the console’s experiments: each with its flag, metric and status, and a form for a new one',
    given: running(),
    when: pageCall('GET', '/ops/experiments'),
    then: {
      status: 200,
      page: [
        '<h1>Experiments</h1>',
        'opener',
        'chat.opener',
        'Replies per first message',
        'Running',
        'chat.opener (control, short)',
      ],
    },
  }),
  useCase({
    title: 'Without a flag with variants, the experiments page says to create one first',
    given: [...staff, created('news.photos', 100)],
    when: pageCall('GET', '/ops/experiments'),
    then: { status: 200, page: ['No experiments yet.', 'There is no flag with variants yet'] },
  }),
  useCase({
    title: 'A member who is no operator does not get the experiments page',
    given: [...staff, ...approved(nancy)],
    when: { as: nancy.memberId, method: 'GET', url: '/ops/experiments' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Otto creates an experiment with the form and lands on its page',
    given: [...staff, flag],
    when: pageCall('POST', '/ops/experiments', {
      key: 'opener',
      flagKey: 'chat.opener',
      description: 'A shorter first message',
      metric: 'writers',
    }),
    then: {
      status: 303,
      location: '/ops/experiments/opener',
      events: [emitted(ExperimentCreated, { key: 'opener', flagKey: 'chat.opener', metric: 'writers' })],
    },
  }),
  useCase({
    title:
      'A new experiment with a bad key, no flag and no metric is sent back, saying in Finnish what to fix',
    given: [...staff, flag],
    when: {
      ...pageCall('POST', '/ops/experiments', { key: 'Avaus!', flagKey: 'no.such', metric: '' }),
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 400,
      page: [
        'Korjaa seuraavat',
        'Käytä 2–64 pientä kirjainta',
        'Valitse mittari',
        'Valitse olemassa oleva lippu',
        'value="Avaus!"',
      ],
    },
  }),
  useCase({
    title: 'An experiment’s page shows per variant the exposures, conversions, rate and 95 % interval',
    given: [...running('replies'), ...talks],
    when: pageCall('GET', '/ops/experiments/opener'),
    then: {
      status: 200,
      page: [
        '<h1>opener</h1>',
        'Stop the experiment',
        '<th scope="row">control</th>',
        '<th scope="row">short</th>',
        '<td>100%</td>',
        '<td>0%</td>',
        '20.7% – 100%',
        '0% – 79.',
      ],
    },
  }),
  useCase({
    title: 'An experiment nobody was exposed to yet lists every variant, with no rate yet, in Swedish',
    given: [...staff, flag, experiment()],
    when: { ...pageCall('GET', '/ops/experiments/opener'), headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      page: ['Starta experimentet', '<th scope="row">control</th>', '<th scope="row">short</th>', 'inte än'],
    },
  }),
  useCase({
    title: 'An experiment that does not exist has no page',
    given: staff,
    when: pageCall('GET', '/ops/experiments/nothing'),
    then: { status: 404 },
  }),
  useCase({
    title: 'Otto starts an experiment from its page',
    given: [...staff, flag, experiment()],
    when: pageCall('POST', '/ops/experiments/opener/start', {}),
    then: {
      status: 303,
      location: '/ops/experiments/opener',
      events: [emitted(ExperimentStarted, { key: 'opener' })],
    },
  }),
  useCase({
    title: 'Otto stops an experiment from its page',
    given: running(),
    when: pageCall('POST', '/ops/experiments/opener/stop', {}),
    then: {
      status: 303,
      location: '/ops/experiments/opener',
      events: [emitted(ExperimentStopped, { key: 'opener' })],
    },
  }),
  useCase({
    title: 'Starting an experiment while another runs over its flag is refused on its page, saying why',
    given: [
      ...running(),
      given(
        ExperimentCreated,
        { key: 'opener-two', flagKey: 'chat.opener', description: '', metric: 'writers' },
        by,
      ),
    ],
    when: pageCall('POST', '/ops/experiments/opener-two/start', {}),
    then: { status: 409, page: ['Not now: Another experiment runs over this flag: stop it first.'] },
  }),
];

export const experimentUseCases = [...lifecycle, ...exposures, ...outcomes, ...deletion, ...pages];
