import type { ModuleContext, View } from '@meetcute/core';
import {
  flagEvents,
  ExperimentCreated,
  ExperimentExposed,
  ExperimentStarted,
  ExperimentStopped,
} from './events.ts';
import { allFlags, flagByKey, type Tables } from './store.ts';
import {
  allExperiments,
  assignmentOf,
  experimentByKey,
  runningOn,
  type Experiment,
} from './experiment-store.ts';
import type { Flag } from './rules.ts';
import { allMembers, memberById, memberEvents, type FlagMember } from './member-store.ts';

/** What evaluation reads on every request, in memory: a flag costs no query. */
export interface FlagViews {
  flags: View<Flag>;
  /** The running experiment over a flag, by flag key. */
  running: View<Experiment>;
  /** A member's kept variant, by "experiment member". */
  assignments: View<string>;
  /** Every member as targeting sees them, by member id: what a flag's reach is counted over. */
  members: View<FlagMember>;
}

export const assignmentKey = (experimentKey: string, memberId: string): string =>
  `${experimentKey} ${memberId}`;

/**
 * The views are changed by the same events as the tables, after they commit; in a cluster
 * the other nodes are told which keys changed and read them again, so a flag change
 * reaches every node as soon as the broker carries the word (well within a second).
 */
export function flagViews(ctx: ModuleContext<Tables>): FlagViews {
  const flags = ctx.view<Flag>({
    name: 'flags',
    load: (key) => flagByKey(ctx.db, key),
    warm: async () => (await allFlags(ctx.db)).map((f) => [f.key, f] as const),
  });
  for (const definition of flagEvents) {
    flags.on(definition, async (e, changes, tx) => {
      changes.set(e.payload.key, await flagByKey(tx.db, e.payload.key));
    });
  }
  const running = ctx.view<Experiment>({
    name: 'running experiments',
    load: (flagKey) => runningOn(ctx.db, flagKey),
    warm: async () =>
      (await allExperiments(ctx.db))
        .filter((x) => x.status === 'running')
        .map((x) => [x.flagKey, x] as const),
  });
  for (const definition of [ExperimentCreated, ExperimentStarted, ExperimentStopped]) {
    running.on(definition, async (e, changes, tx) => {
      const experiment = await experimentByKey(tx.db, e.payload.key);
      if (experiment) changes.set(experiment.flagKey, await runningOn(tx.db, experiment.flagKey));
    });
  }
  const assignments = ctx.view<string>({
    name: 'assignments',
    load: (key) => {
      const [experimentKey = '', memberId = ''] = key.split(' ');
      return assignmentOf(ctx.db, experimentKey, memberId);
    },
  });
  assignments.on(ExperimentExposed, async (e, changes, tx) => {
    const { experimentKey, memberId } = e.payload;
    changes.set(assignmentKey(experimentKey, memberId), await assignmentOf(tx.db, experimentKey, memberId));
  });
  const configured = { moderators: ctx.config.moderators, operators: ctx.config.operators };
  const members = ctx.view<FlagMember>({
    name: 'members',
    load: (memberId) => memberById(ctx.db, memberId, configured),
    warm: async () => (await allMembers(ctx.db, configured)).map((m) => [m.memberId, m] as const),
  });
  for (const definition of memberEvents) {
    members.on(definition, async (e, changes, tx) => {
      changes.set(e.payload.memberId, await memberById(tx.db, e.payload.memberId, configured));
    });
  }
  return { flags, running, assignments, members };
}
