import { Type } from 'typebox';
import { ProblemSchema as Problem, problems, type Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { METRICS } from './events.ts';
import { allExperiments, countsOf, experimentByKey, type Experiment } from './experiment-store.ts';
import type { FlagsDb } from './store.ts';
import { wilson } from './rules.ts';
import { OPS_API } from './routes.ts';

const ExperimentJson = Type.Object({
  key: Type.String(),
  flagKey: Type.String(),
  description: Type.String(),
  metric: Type.String({ description: METRICS.join(' or ') }),
  status: Type.String({ description: 'draft, running or stopped' }),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  stoppedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const Result = Type.Object({
  variant: Type.String(),
  exposed: Type.Integer({ description: 'Members first served this variant' }),
  trials: Type.Integer({
    description: 'What the metric counts: first messages (replies) or exposed members (writers)',
  }),
  conversions: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]),
  interval: Type.Union([Type.Object({ low: Type.Number(), high: Type.Number() }), Type.Null()], {
    description: '95 % Wilson score interval of the rate',
  }),
  messages: Type.Integer({
    description: 'Messages the exposed members sent since their exposure, while the experiment ran',
  }),
  messagesPerMember: Type.Union([Type.Number(), Type.Null()], {
    description: 'Messages per exposed member; null with nobody exposed',
  }),
  sessions: Type.Integer({
    description: 'Sessions the exposed members started (log-ins) since their exposure, while it ran',
  }),
  sessionsPerMember: Type.Union([Type.Number(), Type.Null()], {
    description: 'Sessions per exposed member; null with nobody exposed',
  }),
});

const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) });

export interface ExperimentResult {
  variant: string;
  exposed: number;
  trials: number;
  conversions: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  messages: number;
  messagesPerMember: number | null;
  sessions: number;
  sessionsPerMember: number | null;
}

/**
 * Per variant: the counts, the conversion rate and its 95 % interval, and what exposed
 * members did since (messages sent, sessions started), in all and per member.
 */
export async function resultsOf(db: FlagsDb, experiment: Experiment): Promise<ExperimentResult[]> {
  return (await countsOf(db, experiment)).map((c) => ({
    ...c,
    rate: c.trials === 0 ? null : c.conversions / c.trials,
    interval: wilson(c.conversions, c.trials),
    messagesPerMember: c.exposed === 0 ? null : c.messages / c.exposed,
    sessionsPerMember: c.exposed === 0 ? null : c.sessions / c.exposed,
  }));
}

export async function mustExperiment(db: FlagsDb, key: string): Promise<Experiment> {
  const experiment = await experimentByKey(db, key);
  if (!experiment) throw problems.notFound('This experiment');
  return experiment;
}

/** Experiments for operators: create, start, stop, and the results. */
export function experimentRoutes(http: Http, db: FlagsDb, commands: Commands): void {
  http.get(
    '/api/v1/ops/experiments',
    {
      config: OPS_API,
      schema: {
        summary: 'Every experiment, newest first',
        tags: ['experiments'],
        response: { 200: Type.Object({ experiments: Type.Array(ExperimentJson) }) },
      },
    },
    async () => ({ experiments: await allExperiments(db) }),
  );
  http.post(
    '/api/v1/ops/experiments',
    {
      config: OPS_API,
      schema: {
        summary: 'Create an experiment over a multi-variant flag',
        tags: ['experiments'],
        body: Type.Object({
          key: Type.String({ maxLength: 64 }),
          flagKey: Type.String({ maxLength: 64 }),
          description: Type.Optional(Type.String({ maxLength: 2000 })),
          metric: Type.String({ maxLength: 40, description: METRICS.join(' or ') }),
        }),
        response: { 201: ExperimentJson },
      },
    },
    async (request, reply) => {
      const { key, flagKey, description = '', metric } = request.body;
      await commands.createExperiment(request.viewer!.memberId, { key, flagKey, description, metric });
      return reply.code(201).send(await mustExperiment(db, key));
    },
  );
  http.get(
    '/api/v1/ops/experiments/:key',
    {
      config: OPS_API,
      schema: {
        summary: 'An experiment and its results per variant',
        tags: ['experiments'],
        params: KeyParams,
        response: {
          200: Type.Object({ experiment: ExperimentJson, results: Type.Array(Result) }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const experiment = await mustExperiment(db, request.params.key);
      return { experiment, results: await resultsOf(db, experiment) };
    },
  );
  for (const [action, summary] of [
    ['start', 'Start an experiment: members served its flag get a variant they keep'],
    ['stop', 'Stop an experiment: nothing more is counted; the results stay'],
  ] as const) {
    http.post(
      `/api/v1/ops/experiments/:key/${action}`,
      {
        config: OPS_API,
        schema: {
          summary,
          tags: ['experiments'],
          params: KeyParams,
          response: { 200: ExperimentJson, 404: Problem, 409: Problem },
        },
      },
      async (request) => {
        await commands[action](request.viewer!.memberId, request.params.key);
        return mustExperiment(db, request.params.key);
      },
    );
  }
}
