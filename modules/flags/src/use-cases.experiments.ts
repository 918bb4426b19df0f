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

export const experimentUseCases = [...lifecycle, ...exposures, ...outcomes, ...deletion];
