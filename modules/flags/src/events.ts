import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

/** Who a flag is for, besides its ramp: each list that is not empty must match (see rules.ts). */
export const Targeting = Type.Object({
  members: Type.Array(Type.String(), { description: 'Member ids who get the flag whatever the ramp' }),
  roles: Type.Array(Type.String(), { description: 'Only members with one of these roles' }),
  countries: Type.Array(Type.String(), {
    description: 'Only members living in one of these (ISO 3166-1 alpha-2)',
  }),
  languages: Type.Array(Type.String(), { description: 'Only members reading the site in one of these' }),
});

export const FlagCreated = defineEvent({
  type: 'FlagCreated',
  module: 'flags',
  description:
    'An operator created a feature flag: on/off (no variants) or multi-variant (the first variant is what members outside it get), with its ramp and targeting.',
  schema: Type.Object({
    key: Type.String(),
    description: Type.String(),
    variants: Type.Array(Type.String()),
    ramp: Type.Integer({ minimum: 0, maximum: 100 }),
    targeting: Targeting,
  }),
});

export const FlagTargeted = defineEvent({
  type: 'FlagTargeted',
  module: 'flags',
  description: 'An operator changed whom a flag is for (members, roles, countries, languages).',
  schema: Type.Object({ key: Type.String(), targeting: Targeting }),
});

export const FlagRamped = defineEvent({
  type: 'FlagRamped',
  module: 'flags',
  description:
    'An operator moved a flag to a share of members: a stable hash of (flag, member) decides, so raising it keeps those who had it.',
  schema: Type.Object({
    key: Type.String(),
    from: Type.Integer({ minimum: 0, maximum: 100 }),
    to: Type.Integer({ minimum: 0, maximum: 100 }),
  }),
});

export const FlagKilled = defineEvent({
  type: 'FlagKilled',
  module: 'flags',
  description: 'An operator pulled a flag’s kill switch: it is off for everyone at once, whatever its rules.',
  schema: Type.Object({ key: Type.String() }),
});

export const FlagRevived = defineEvent({
  type: 'FlagRevived',
  module: 'flags',
  description: 'An operator released a flag’s kill switch: its ramp and targeting apply again.',
  schema: Type.Object({ key: Type.String() }),
});

export const flagEvents = [FlagCreated, FlagTargeted, FlagRamped, FlagKilled, FlagRevived];

/** What an experiment counts as a conversion, from the chat's events. */
export const METRICS = ['replies', 'writers'] as const;
export type Metric = (typeof METRICS)[number];

export const ExperimentCreated = defineEvent({
  type: 'ExperimentCreated',
  module: 'flags',
  description:
    'An operator created an experiment over a multi-variant flag, with the metric it is judged by: replies (first messages that got an answer) or writers (exposed members who wrote a message).',
  schema: Type.Object({
    key: Type.String(),
    flagKey: Type.String(),
    description: Type.String(),
    metric: Type.Enum(METRICS),
  }),
});

export const ExperimentStarted = defineEvent({
  type: 'ExperimentStarted',
  module: 'flags',
  description:
    'An operator started an experiment: members served its flag are assigned a variant from now on.',
  schema: Type.Object({ key: Type.String() }),
});

export const ExperimentStopped = defineEvent({
  type: 'ExperimentStopped',
  module: 'flags',
  description:
    'An operator stopped an experiment: no more exposures or conversions are counted; its results stay.',
  schema: Type.Object({ key: Type.String() }),
});

export const ExperimentExposed = defineEvent({
  type: 'ExperimentExposed',
  module: 'flags',
  description:
    'A member was first served a variant in a running experiment: their variant is kept from now on, whatever the flag later says.',
  schema: Type.Object({
    experimentKey: Type.String(),
    memberId: Type.String(),
    variant: Type.String(),
  }),
});

export const experimentEvents = [ExperimentCreated, ExperimentStarted, ExperimentStopped, ExperimentExposed];

export const events = [...flagEvents, ...experimentEvents];
