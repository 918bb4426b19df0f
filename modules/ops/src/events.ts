import { Type } from 'typebox';
import { defineEvent, type EventDefinition } from '@meetcute/core';

export const SEVERITIES = ['sev1', 'sev2', 'sev3'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SeveritySchema = Type.Union([Type.Literal('sev1'), Type.Literal('sev2'), Type.Literal('sev3')]);

export const IncidentOpened = defineEvent({
  type: 'IncidentOpened',
  module: 'ops',
  description: 'An operator opened an incident: something is wrong with the site since `startedAt`.',
  schema: Type.Object({
    incidentId: Type.String(),
    title: Type.String(),
    severity: SeveritySchema,
    startedAt: Type.String(),
  }),
});

export const IncidentNoted = defineEvent({
  type: 'IncidentNoted',
  module: 'ops',
  description: "An operator added an entry to an incident's timeline: what was seen or done, and when.",
  schema: Type.Object({ incidentId: Type.String(), at: Type.String(), text: Type.String() }),
});

export const IncidentLinked = defineEvent({
  type: 'IncidentLinked',
  module: 'ops',
  description: 'An operator linked a graph, trace, release or other page to an incident.',
  schema: Type.Object({ incidentId: Type.String(), url: Type.String(), label: Type.String() }),
});

export const IncidentResolved = defineEvent({
  type: 'IncidentResolved',
  module: 'ops',
  description: 'An operator resolved an incident: the site works again since `resolvedAt`.',
  schema: Type.Object({ incidentId: Type.String(), resolvedAt: Type.String() }),
});

export const PostMortemWritten = defineEvent({
  type: 'PostMortemWritten',
  module: 'ops',
  description: "An operator wrote (or rewrote) a resolved incident's blameless post-mortem.",
  schema: Type.Object({
    incidentId: Type.String(),
    whatHappened: Type.String(),
    impact: Type.String(),
    timeline: Type.String(),
    factors: Type.String(),
    followUps: Type.String(),
  }),
});

export const events: EventDefinition[] = [
  IncidentOpened,
  IncidentNoted,
  IncidentLinked,
  IncidentResolved,
  PostMortemWritten,
];
