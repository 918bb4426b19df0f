import { problems, type ModuleContext, type Problem } from '@meetcute/core';
import {
  ExperimentCreated,
  ExperimentExposed,
  ExperimentStarted,
  ExperimentStopped,
  FlagCreated,
  FlagKilled,
  FlagRamped,
  FlagRevived,
  FlagTargeted,
  METRICS,
  type Metric,
} from './events.ts';
import {
  checkKey,
  checkNewFlag,
  checkRamp,
  checkTargeting,
  toProblems,
  type Invalid,
  type NewFlag,
  type Targeting,
} from './rules.ts';
import { flagByKey, type Tables } from './store.ts';
import { assignmentOf, experimentByKey, runningOn, type Experiment } from './experiment-store.ts';
import { problemWords, type ProblemKey } from './messages.ts';

/** What an operator does to flags and experiments; each refusal is a Problem the caller shows. */
export interface Commands {
  create(actorId: string, flag: NewFlag): Promise<void>;
  target(actorId: string, key: string, targeting: Targeting): Promise<void>;
  /** Moves the ramp; false when it already was there (nothing published). */
  ramp(actorId: string, key: string, to: number): Promise<boolean>;
  kill(actorId: string, key: string): Promise<boolean>;
  revive(actorId: string, key: string): Promise<boolean>;
  createExperiment(actorId: string, e: NewExperiment): Promise<void>;
  start(actorId: string, key: string): Promise<void>;
  stop(actorId: string, key: string): Promise<void>;
  /** A member's first exposure in a running experiment; the variant kept (theirs if another request won). */
  expose(experiment: Experiment, memberId: string, variant: string): Promise<string>;
}

export interface NewExperiment {
  key: string;
  flagKey: string;
  description: string;
  metric: string;
}

function refuse(bad: Invalid<ProblemKey>[]): void {
  if (bad.length === 0) return;
  const say = problemWords('en');
  throw problems.invalid(toProblems(bad, say).map((p, i) => ({ ...p, code: bad[i]!.key })));
}

/** A refusal for the state things are in; its code lets a page say it in the operator's language. */
function conflict(code: ProblemKey): Problem {
  const detail = problemWords('en')(code);
  return problems.conflict('flag-state', 'Not now', detail, [{ field: 'status', message: detail, code }]);
}

function flagCommands(
  ctx: ModuleContext<Tables>,
): Pick<Commands, 'create' | 'target' | 'ramp' | 'kill' | 'revive'> {
  const mustFlag = async (key: string) => {
    const flag = await flagByKey(ctx.db, key);
    if (!flag) throw problems.notFound('This flag');
    return flag;
  };
  return {
    async create(actorId, flag) {
      refuse(checkNewFlag(flag));
      await ctx.transaction(async (tx) => {
        if (await flagByKey(tx.db, flag.key)) refuse([{ field: 'key', key: 'keyTaken' }]);
        await tx.publish(FlagCreated, flag, { actorId });
      });
    },
    async target(actorId, key, targeting) {
      await mustFlag(key);
      refuse(checkTargeting(targeting));
      await ctx.transaction((tx) => tx.publish(FlagTargeted, { key, targeting }, { actorId }));
    },
    async ramp(actorId, key, to) {
      refuse(checkRamp(to));
      const flag = await mustFlag(key);
      if (flag.ramp === to) return false;
      await ctx.transaction((tx) => tx.publish(FlagRamped, { key, from: flag.ramp, to }, { actorId }));
      return true;
    },
    async kill(actorId, key) {
      if ((await mustFlag(key)).killed) return false;
      await ctx.transaction((tx) => tx.publish(FlagKilled, { key }, { actorId }));
      return true;
    },
    async revive(actorId, key) {
      if (!(await mustFlag(key)).killed) return false;
      await ctx.transaction((tx) => tx.publish(FlagRevived, { key }, { actorId }));
      return true;
    },
  };
}

function experimentCommands(
  ctx: ModuleContext<Tables>,
): Omit<Commands, 'create' | 'target' | 'ramp' | 'kill' | 'revive'> {
  const mustExperiment = async (key: string) => {
    const experiment = await experimentByKey(ctx.db, key);
    if (!experiment) throw problems.notFound('This experiment');
    return experiment;
  };
  return {
    async createExperiment(actorId, e) {
      const bad: Invalid<ProblemKey>[] = checkKey(e.key);
      if (!METRICS.includes(e.metric as Metric)) bad.push({ field: 'metric', key: 'metricBad' });
      if (e.description.length > 500) bad.push({ field: 'description', key: 'descriptionLong' });
      const flag = await flagByKey(ctx.db, e.flagKey);
      if (!flag || flag.variants.length === 0) bad.push({ field: 'flagKey', key: 'flagNotVariants' });
      refuse(bad);
      await ctx.transaction(async (tx) => {
        if (await experimentByKey(tx.db, e.key)) refuse([{ field: 'key', key: 'keyTaken' }]);
        await tx.publish(ExperimentCreated, { ...e, metric: e.metric as Metric }, { actorId });
      });
    },
    async start(actorId, key) {
      const experiment = await mustExperiment(key);
      if (experiment.status !== 'draft') throw conflict('notDraft');
      await ctx.transaction(async (tx) => {
        // One experiment at a time per flag, or a member's variant would have two owners.
        if (await runningOn(tx.db, experiment.flagKey)) {
          throw conflict('otherRunning');
        }
        await tx.publish(ExperimentStarted, { key }, { actorId });
      });
    },
    async stop(actorId, key) {
      const experiment = await mustExperiment(key);
      if (experiment.status !== 'running') throw conflict('notRunning');
      await ctx.transaction((tx) => tx.publish(ExperimentStopped, { key }, { actorId }));
    },
    async expose(experiment, memberId, variant) {
      return ctx.transaction(async (tx) => {
        const kept = await assignmentOf(tx.db, experiment.key, memberId);
        if (kept !== undefined) return kept;
        await tx.publish(
          ExperimentExposed,
          { experimentKey: experiment.key, memberId, variant },
          { actorId: memberId },
        );
        return variant;
      });
    },
  };
}

export function commands(ctx: ModuleContext<Tables>): Commands {
  return { ...flagCommands(ctx), ...experimentCommands(ctx) };
}
