import { Type } from 'typebox';
import { problems, ProblemSchema as Problem, type Http } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { SeveritySchema as Severity } from './events.ts';
import { incidentOf, incidentsOf, releasesOf, type OpsDb } from './store.ts';

export const OPERATOR_API = { access: 'operator', kind: 'api' } as const;

const IncidentId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z-]+$' });
const Moment = Type.String({ maxLength: 40 });
const Summary = {
  incidentId: Type.String(),
  title: Type.String(),
  severity: Severity,
  startedAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};
const IncidentSummary = Type.Object(Summary);
const Incident = Type.Object({
  ...Summary,
  timeline: Type.Array(
    Type.Object({ at: Type.String(), text: Type.String(), url: Type.Union([Type.String(), Type.Null()]) }),
  ),
  postMortem: Type.Union([
    Type.Object({
      whatHappened: Type.String(),
      impact: Type.String(),
      timeline: Type.String(),
      factors: Type.String(),
      followUps: Type.String(),
    }),
    Type.Null(),
  ]),
});
const Text = (max: number) => Type.String({ maxLength: max });
const ById = { params: Type.Object({ incidentId: IncidentId }), tags: ['ops'] };

/** Incidents and releases as JSON, for operators' scripts and the console's own pages. */
export function incidentRoutes(http: Http, commands: Commands, db: OpsDb): void {
  http.post(
    '/api/v1/ops/incidents',
    {
      config: OPERATOR_API,
      schema: {
        summary: 'Open an incident (title, severity sev1–sev3, and when it started: now when left out)',
        tags: ['ops'],
        body: Type.Object({ title: Text(1000), severity: Text(10), startedAt: Type.Optional(Moment) }),
        response: { 201: Type.Object({ incidentId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const incidentId = await commands.open(request.viewer!.memberId, request.body);
      return reply.code(201).send({ incidentId });
    },
  );
  http.get(
    '/api/v1/ops/incidents',
    {
      config: OPERATOR_API,
      schema: {
        summary: 'Incidents, newest first, by status and severity',
        tags: ['ops'],
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
          severity: Type.Optional(Severity),
        }),
        response: { 200: Type.Object({ incidents: Type.Array(IncidentSummary) }) },
      },
    },
    async (request) => ({ incidents: await incidentsOf(db, request.query) }),
  );
  http.get(
    '/api/v1/ops/incidents/:incidentId',
    {
      config: OPERATOR_API,
      schema: {
        summary: 'An incident, its timeline and post-mortem',
        ...ById,
        response: { 200: Incident, 404: Problem },
      },
    },
    async (request) => {
      const incident = await incidentOf(db, request.params.incidentId);
      if (!incident) throw problems.notFound('This incident');
      return incident;
    },
  );
  incidentChanges(http, commands);
  http.get(
    '/api/v1/ops/releases',
    {
      config: OPERATOR_API,
      schema: {
        summary: 'Release history: each version, when a node first ran it, and the node starts that ran it',
        tags: ['ops'],
        response: {
          200: Type.Object({
            releases: Type.Array(
              Type.Object({
                version: Type.String(),
                firstSeenAt: Type.String(),
                nodes: Type.Array(
                  Type.Object({
                    nodeId: Type.String(),
                    name: Type.String(),
                    commit: Type.Union([Type.String(), Type.Null()]),
                    startedAt: Type.String(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ releases: await releasesOf(db) }),
  );
}

/** What an operator adds to an incident: timeline entries, links, its end, its post-mortem. */
function incidentChanges(http: Http, commands: Commands): void {
  const changed = { 204: Type.Null(), 404: Problem };
  http.post(
    '/api/v1/ops/incidents/:incidentId/timeline',
    {
      config: OPERATOR_API,
      schema: {
        summary: "Add an entry to an incident's timeline (at: now when left out)",
        ...ById,
        body: Type.Object({ text: Text(10000), at: Type.Optional(Moment) }),
        response: changed,
      },
    },
    async (request, reply) => {
      await commands.note(request.viewer!.memberId, request.params.incidentId, request.body);
      return reply.code(204).send(null);
    },
  );
  http.post(
    '/api/v1/ops/incidents/:incidentId/links',
    {
      config: OPERATOR_API,
      schema: {
        summary: 'Link a graph, trace, release or other page to an incident',
        ...ById,
        body: Type.Object({ url: Text(4000), label: Type.Optional(Text(1000)) }),
        response: changed,
      },
    },
    async (request, reply) => {
      await commands.link(request.viewer!.memberId, request.params.incidentId, request.body);
      return reply.code(204).send(null);
    },
  );
  http.post(
    '/api/v1/ops/incidents/:incidentId/resolve',
    {
      config: OPERATOR_API,
      schema: {
        summary: 'Resolve an incident (resolvedAt: now when left out)',
        ...ById,
        body: Type.Object({ resolvedAt: Type.Optional(Moment) }),
        response: { ...changed, 409: Problem },
      },
    },
    async (request, reply) => {
      await commands.resolve(request.viewer!.memberId, request.params.incidentId, request.body);
      return reply.code(204).send(null);
    },
  );
  http.put(
    '/api/v1/ops/incidents/:incidentId/post-mortem',
    {
      config: OPERATOR_API,
      schema: {
        summary: "Write a resolved incident's post-mortem (what happened and impact are needed)",
        ...ById,
        body: Type.Object({
          whatHappened: Text(100000),
          impact: Text(100000),
          timeline: Type.Optional(Text(100000)),
          factors: Type.Optional(Text(100000)),
          followUps: Type.Optional(Text(100000)),
        }),
        response: { ...changed, 409: Problem },
      },
    },
    async (request, reply) => {
      await commands.writePostMortem(request.viewer!.memberId, request.params.incidentId, request.body);
      return reply.code(204).send(null);
    },
  );
}
