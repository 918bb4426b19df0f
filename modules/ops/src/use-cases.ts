import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emitted, given, useCase, USE_CASE_EPOCH, type Given } from '@meetcute/core';
import { approved, nancy, otto } from '@meetcute/cast';
import {
  IncidentLinked,
  IncidentNoted,
  IncidentOpened,
  IncidentResolved,
  PostMortemWritten,
} from './events.ts';

/** Otto runs the site: an operator with a second factor. */
export const operator = otto;
const PROBLEM = 'https://meetcute.dev/problems/';
export const INCIDENT = '01900000-0000-7000-8000-00000000ac01';
const OTHER = '01900000-0000-7000-8000-00000000ac02';
const api = `/api/v1/ops/incidents/${INCIDENT}`;

export const opened = (
  incidentId = INCIDENT,
  title = 'Chat messages arrive late',
  severity: 'sev1' | 'sev2' | 'sev3' = 'sev2',
): Given =>
  given(
    IncidentOpened,
    { incidentId, title, severity, startedAt: '2026-06-01T09:40:00.000Z' },
    { actorId: operator.memberId },
  );
export const resolved = (incidentId = INCIDENT): Given =>
  given(
    IncidentResolved,
    { incidentId, resolvedAt: '2026-06-01T09:55:00.000Z' },
    { actorId: operator.memberId },
  );
export const operating: Given[] = [...approved(operator), ...approved(nancy)];

const opening = [
  useCase({
    title: 'An operator opens an incident: title, severity and when it started',
    given: operating,
    when: {
      as: operator.memberId,
      method: 'POST',
      url: '/api/v1/ops/incidents',
      body: { title: ' Chat messages arrive late ', severity: 'sev2', startedAt: '2026-06-01T09:40Z' },
    },
    then: {
      status: 201,
      events: [
        emitted(IncidentOpened, {
          title: 'Chat messages arrive late',
          severity: 'sev2',
          startedAt: '2026-06-01T09:40:00.000Z',
        }),
      ],
    },
  }),
  useCase({
    title: 'An incident without a title or with an unknown severity is refused, naming both fields',
    given: operating,
    when: {
      as: operator.memberId,
      method: 'POST',
      url: '/api/v1/ops/incidents',
      body: { title: '  ', severity: 'bad' },
    },
    then: { status: 400, body: { errors: [{ field: 'title' }, { field: 'severity' }] } },
  }),
  useCase({
    title: 'An incident cannot start tomorrow',
    given: operating,
    when: {
      as: operator.memberId,
      method: 'POST',
      url: '/api/v1/ops/incidents',
      body: { title: 'Slow pages', severity: 'sev3', startedAt: '2026-06-02T10:00:00Z' },
    },
    then: { status: 400, body: { errors: [{ field: 'startedAt' }] } },
  }),
  useCase({
    title: 'A member who is no operator cannot see the incidents',
    given: operating,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/ops/incidents' },
    then: { status: 403 },
  }),
  useCase({
    title: 'The list of open incidents leaves out the resolved ones, newest first',
    given: [...operating, opened(), resolved(), opened(OTHER, 'Photos fail to upload', 'sev1')],
    when: { as: operator.memberId, method: 'GET', url: '/api/v1/ops/incidents?status=open' },
    then: {
      status: 200,
      body: {
        incidents: [
          { incidentId: OTHER, title: 'Photos fail to upload', severity: 'sev1', resolvedAt: null },
        ],
      },
    },
  }),
  useCase({
    title: 'The incidents filter by severity',
    given: [...operating, opened(), opened(OTHER, 'Photos fail to upload', 'sev1')],
    when: { as: operator.memberId, method: 'GET', url: '/api/v1/ops/incidents?severity=sev2' },
    then: { status: 200, body: { incidents: [{ incidentId: INCIDENT, severity: 'sev2' }] } },
  }),
];

const timeline = [
  useCase({
    title: "An operator adds what they saw to an incident's timeline",
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${api}/timeline`,
      body: { text: 'Consumer lag of chat at 40,000 events', at: '2026-06-01T09:45Z' },
    },
    then: {
      status: 204,
      events: [
        emitted(IncidentNoted, {
          incidentId: INCIDENT,
          text: 'Consumer lag of chat at 40,000 events',
          at: '2026-06-01T09:45:00.000Z',
        }),
      ],
    },
  }),
  useCase({
    title: 'An operator links a graph to an incident',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${api}/links`,
      body: { url: '/ops?window=day', label: 'Consumer lag' },
    },
    then: {
      status: 204,
      events: [
        emitted(IncidentLinked, { incidentId: INCIDENT, url: '/ops?window=day', label: 'Consumer lag' }),
      ],
    },
  }),
  useCase({
    title: 'A link that is neither a path on the site nor a web address is refused',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${api}/links`,
      body: { url: 'javascript:alert(1)' },
    },
    then: { status: 400, body: { errors: [{ field: 'url' }] } },
  }),
  useCase({
    title: 'An incident shows its timeline in the order things happened, links among the notes',
    given: [
      ...operating,
      opened(),
      given(
        IncidentNoted,
        { incidentId: INCIDENT, at: '2026-06-01T09:50:00.000Z', text: 'Restarted node 2' },
        { actorId: operator.memberId },
      ),
      given(
        IncidentNoted,
        { incidentId: INCIDENT, at: '2026-06-01T09:45:00.000Z', text: 'Chat lag climbing' },
        { actorId: operator.memberId },
      ),
      given(
        IncidentLinked,
        { incidentId: INCIDENT, url: '/ops/releases', label: 'Release 1.4.0' },
        { actorId: operator.memberId, at: '2026-06-01T09:48:00.000Z' },
      ),
    ],
    when: { as: operator.memberId, method: 'GET', url: api },
    then: {
      status: 200,
      body: {
        title: 'Chat messages arrive late',
        resolvedAt: null,
        timeline: [
          { text: 'Chat lag climbing', url: null },
          { text: 'Release 1.4.0', url: '/ops/releases' },
          { text: 'Restarted node 2', url: null },
        ],
        postMortem: null,
      },
    },
  }),
  useCase({
    title: 'An incident that does not exist is a 404',
    given: operating,
    when: { as: operator.memberId, method: 'POST', url: `${api}/timeline`, body: { text: 'Hello' } },
    then: { status: 404 },
  }),
];

const ending = [
  useCase({
    title: 'An operator resolves an incident',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${api}/resolve`,
      body: { resolvedAt: '2026-06-01T09:55Z' },
    },
    then: {
      status: 204,
      events: [emitted(IncidentResolved, { incidentId: INCIDENT, resolvedAt: '2026-06-01T09:55:00.000Z' })],
    },
  }),
  useCase({
    title: 'An incident cannot end before it started',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${api}/resolve`,
      body: { resolvedAt: '2026-06-01T09:00Z' },
    },
    then: { status: 400, body: { errors: [{ field: 'resolvedAt' }] } },
  }),
  useCase({
    title: 'A resolved incident is not resolved twice',
    given: [...operating, opened(), resolved()],
    when: { as: operator.memberId, method: 'POST', url: `${api}/resolve`, body: {} },
    then: { status: 409, body: { type: `${PROBLEM}already-resolved` } },
  }),
  useCase({
    title: 'A post-mortem waits until the incident is resolved',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'PUT',
      url: `${api}/post-mortem`,
      body: { whatHappened: 'Chat lagged', impact: 'Late messages' },
    },
    then: { status: 409, body: { type: `${PROBLEM}not-resolved` } },
  }),
  useCase({
    title: 'A resolved incident keeps its post-mortem',
    given: [
      ...operating,
      opened(),
      resolved(),
      given(
        PostMortemWritten,
        {
          incidentId: INCIDENT,
          whatHappened: 'A release made chat read every message twice',
          impact: 'Messages arrived up to 3 minutes late for 15 minutes',
          timeline: '09:40 lag rose; 09:50 rolled back; 09:55 caught up',
          factors: 'No load test of the new query',
          followUps: 'Bots send messages in the release check',
        },
        { actorId: operator.memberId },
      ),
    ],
    when: { as: operator.memberId, method: 'GET', url: api },
    then: {
      status: 200,
      body: {
        resolvedAt: '2026-06-01T09:55:00.000Z',
        postMortem: {
          whatHappened: 'A release made chat read every message twice',
          impact: 'Messages arrived up to 3 minutes late for 15 minutes',
          followUps: 'Bots send messages in the release check',
        },
      },
    },
  }),
  useCase({
    title: 'Writing a post-mortem publishes it, and it needs what happened and the impact',
    given: [...operating, opened(), resolved()],
    when: {
      as: operator.memberId,
      method: 'PUT',
      url: `${api}/post-mortem`,
      body: { whatHappened: 'Chat lagged', impact: 'Late messages' },
    },
    then: {
      status: 204,
      events: [
        emitted(PostMortemWritten, {
          incidentId: INCIDENT,
          whatHappened: 'Chat lagged',
          impact: 'Late messages',
        }),
      ],
    },
  }),
  useCase({
    title: 'A post-mortem without what happened is refused',
    given: [...operating, opened(), resolved()],
    when: {
      as: operator.memberId,
      method: 'PUT',
      url: `${api}/post-mortem`,
      body: { whatHappened: '', impact: 'x' },
    },
    then: { status: 400, body: { errors: [{ field: 'whatHappened' }] } },
  }),
];

/** The version this checkout runs as (the root package.json's), as the app under test reports it. */
export const VERSION =
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    }
  ).version ?? '0.0.0';

const releases = [
  useCase({
    title: 'Release history: the version this node runs, first seen when it started, with the node',
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: '/api/v1/ops/releases' },
    then: {
      status: 200,
      body: {
        releases: [{ version: VERSION, firstSeenAt: USE_CASE_EPOCH, nodes: [{ startedAt: USE_CASE_EPOCH }] }],
      },
    },
  }),
];

export const useCases = [...opening, ...timeline, ...ending, ...releases];
