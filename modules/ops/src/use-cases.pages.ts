import { emitted, useCase, type UseCase } from '@meetcute/core';
import { nancy } from '@meetcute/cast';
import {
  IncidentLinked,
  IncidentNoted,
  IncidentOpened,
  IncidentResolved,
  PostMortemWritten,
} from './events.ts';
import { INCIDENT, opened, operating, operator, resolved, VERSION } from './use-cases.ts';

const page = `/ops/incidents/${INCIDENT}`;

export const pageUseCases: UseCase[] = [
  useCase({
    title: 'The incidents page lists the incidents, with filters and the form to open one',
    given: [
      ...operating,
      opened(),
      resolved(),
      opened('01900000-0000-7000-8000-00000000ac02', 'Photos fail to upload', 'sev1'),
    ],
    when: { as: operator.memberId, method: 'GET', url: '/ops/incidents' },
    then: {
      status: 200,
      page: [
        '<h1>Incidents</h1>',
        'Chat messages arrive late',
        'Photos fail to upload',
        'Ongoing',
        'Open an incident',
      ],
    },
  }),
  useCase({
    title: 'The incidents page filtered to the open ones leaves the resolved out',
    given: [
      ...operating,
      opened(),
      resolved(),
      opened('01900000-0000-7000-8000-00000000ac02', 'Photos fail to upload', 'sev1'),
    ],
    when: { as: operator.memberId, method: 'GET', url: '/ops/incidents?status=open&severity=' },
    then: { status: 200, page: ['Photos fail to upload'], pageLacks: ['Chat messages arrive late'] },
  }),
  useCase({
    title: 'An operator opens an incident with the form and lands on its page',
    given: operating,
    when: {
      as: operator.memberId,
      method: 'POST',
      url: '/ops/incidents',
      form: true,
      body: { title: 'Log-ins fail', severity: 'sev1', startedAt: '2026-06-01T09:58' },
    },
    then: {
      status: 303,
      events: [
        emitted(IncidentOpened, {
          title: 'Log-ins fail',
          severity: 'sev1',
          startedAt: '2026-06-01T09:58:00.000Z',
        }),
      ],
    },
  }),
  useCase({
    title: 'The form to open an incident without a title says what to fix, keeping what was typed',
    given: operating,
    when: {
      as: operator.memberId,
      method: 'POST',
      url: '/ops/incidents',
      form: true,
      body: { title: '', severity: 'sev3', startedAt: 'yesterday' },
    },
    then: { status: 400, page: ['Write something here', 'Give a date and time', 'value="yesterday"'] },
  }),
  useCase({
    title: 'An operator adds to the timeline with the form and is back on the incident',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${page}/timeline`,
      form: true,
      body: { text: 'Rolled back', at: '' },
    },
    then: {
      status: 303,
      location: page,
      events: [emitted(IncidentNoted, { incidentId: INCIDENT, text: 'Rolled back' })],
    },
  }),
  useCase({
    title: 'An operator links a trace to an incident with the form',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${page}/links`,
      form: true,
      body: { url: '/ops/traces/4bf92f3577b34da6a3ce929d0e0e4736', label: 'A slow send' },
    },
    then: {
      status: 303,
      location: page,
      events: [emitted(IncidentLinked, { incidentId: INCIDENT, label: 'A slow send' })],
    },
  }),
  useCase({
    title: 'A link to another site without http(s) is refused on the page, saying what to give',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${page}/links`,
      form: true,
      body: { url: '//evil.example', label: '' },
    },
    then: { status: 400, page: ['Give a path on this site'] },
  }),
  useCase({
    title: 'An operator resolves an incident with the form',
    given: [...operating, opened()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${page}/resolve`,
      form: true,
      body: { resolvedAt: '' },
    },
    then: { status: 303, location: page, events: [emitted(IncidentResolved, { incidentId: INCIDENT })] },
  }),
  useCase({
    title: 'An operator writes the post-mortem with the form, and the incident page shows it',
    given: [...operating, opened(), resolved()],
    before: [
      {
        as: operator.memberId,
        method: 'POST',
        url: `${page}/post-mortem`,
        form: true,
        body: {
          whatHappened: 'A slow query after the release',
          impact: 'Late messages for 15 minutes',
          timeline: '',
          factors: 'No load test',
          followUps: 'Bots in the release check',
        },
      },
    ],
    when: { as: operator.memberId, method: 'GET', url: page },
    then: {
      status: 200,
      page: [
        'Post-mortem',
        'A slow query after the release',
        'Late messages for 15 minutes',
        'Bots in the release check',
      ],
    },
  }),
  useCase({
    title: 'A post-mortem form without the impact says what to fix',
    given: [...operating, opened(), resolved()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${page}/post-mortem`,
      form: true,
      body: { whatHappened: 'A slow query', impact: '' },
    },
    then: { status: 400, page: ['Write something here', 'A slow query'] },
  }),
  useCase({
    title: 'Writing the post-mortem with the form publishes it',
    given: [...operating, opened(), resolved()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${page}/post-mortem`,
      form: true,
      body: { whatHappened: 'A slow query', impact: 'Late messages' },
    },
    then: { status: 303, location: page, events: [emitted(PostMortemWritten, { incidentId: INCIDENT })] },
  }),
  useCase({
    title: 'An incident page that does not exist is a 404 page',
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: '/ops/incidents/no-such-incident' },
    then: { status: 404 },
  }),
  useCase({
    title: 'A member who is no operator does not get the console',
    given: operating,
    when: { as: nancy.memberId, method: 'GET', url: '/ops/incidents' },
    then: { status: 403 },
  }),
  useCase({
    title: 'The releases page lists each version with the nodes that ran it',
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: '/ops/releases' },
    then: { status: 200, page: ['<h1>Releases</h1>', `<h2>${VERSION}</h2>`] },
  }),
  useCase({
    title: 'The overview shows every node with its version, and each graph as a table until figures come',
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: '/ops' },
    then: {
      status: 200,
      page: [
        '<h1>Overview</h1>',
        `<td>${VERSION}</td>`,
        'Traffic and errors',
        'Outbox depth and consumer lag',
        'No figures yet',
      ],
    },
  }),
  useCase({
    title: "The overview's figures as JSON for the last day, which the page's script draws",
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: '/api/v1/ops/metrics?window=day' },
    then: { status: 200, body: { window: 'day', source: 'nodes', nodes: [{ version: VERSION }] } },
  }),
  useCase({
    title: 'The event browser finds the events of one member',
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: `/ops/events?member=${nancy.memberId}` },
    then: {
      status: 200,
      page: ['<h1>Events</h1>', 'RegistrationApproved', 'AccountCreated'],
      pageLacks: ['TwoFactorEnabled'],
    },
  }),
  useCase({
    title: 'In Swedish, a post-mortem form without the impact says in Swedish what to fix',
    given: [...operating, opened(), resolved()],
    when: {
      as: operator.memberId,
      method: 'POST',
      url: `${page}/post-mortem`,
      form: true,
      body: { whatHappened: 'A slow query', impact: '' },
      headers: { 'accept-language': 'sv' },
    },
    then: { status: 400, page: ['Skriv något här', 'A slow query'], pageLacks: ['Write something here'] },
  }),
  useCase({
    title: 'In Finnish, the event browser says in Finnish what to fix in a filter',
    given: operating,
    when: {
      as: operator.memberId,
      method: 'GET',
      url: '/ops/events?member=%25%27x&from=soon',
      headers: { 'accept-language': 'fi' },
    },
    then: { status: 400, page: ['vain kirjaimia, numeroita ja viivoja', 'Anna päivä ja aika'] },
  }),
  useCase({
    title: 'The event browser finds the events of one type',
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: '/ops/events?type=AccountCreated&member=&from=&to=' },
    then: { status: 200, page: ['AccountCreated', nancy.memberId], pageLacks: ['RegistrationSubmitted'] },
  }),
  useCase({
    title: 'The event browser says what to fix in a filter it cannot use',
    given: operating,
    when: { as: operator.memberId, method: 'GET', url: '/ops/events?member=%25%27x&from=soon' },
    then: { status: 400, page: ['letters, digits and dashes', 'Give a date and time'] },
  }),
];
