import { defineModule, defineService } from '@meetcute/core';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { MessageSent } from '@meetcute/chat/events';
import { memberEvents, memberProjections, projectMembers, subjectOfMember } from './member-store.ts';
import { forgetInView, honourDeletion, MemberDeleted, SessionStarted } from '@meetcute/auth/events';
import { events, ExperimentCreated, ExperimentStarted, ExperimentStopped, flagEvents } from './events.ts';
import { flagProjections, migrations, projectFlags, tables } from './store.ts';
import { experimentProjections, projectExperiments } from './experiment-store.ts';
import { commands } from './commands.ts';
import { openFeatureFlags, type Flags } from './evaluation.ts';
import { assignmentKey, flagViews } from './views.ts';
import { flagRoutes } from './routes.ts';
import { experimentRoutes } from './experiment-routes.ts';
import { flagPages } from './pages.ts';
import { reachOver } from './reach.ts';
import { experimentPages } from './experiment-pages.ts';
import { useCases } from './use-cases.ts';
import { experimentUseCases } from './use-cases.experiments.ts';
import { reachUseCases } from './use-cases.reach.ts';
import { activityUseCases } from './use-cases.activity.ts';

export type { Flags } from './evaluation.ts';
export type { FlagSubject } from './rules.ts';
export { subjectOf } from './subject.ts';

/** How pages and handlers read a flag: `isOn(key, subjectOf(request))`, `variant(…)`. */
export const FLAGS = defineService<Flags>('flags');

/**
 * Feature flags and experiments: operators turn features on for some members (by id,
 * role, country, language and a stable share), pull a kill switch, and compare variants
 * of a flag by a conversion counted from the chat's events and by what exposed members did
 * since (messages sent, sessions started: chat's and auth's events). Evaluation goes through the
 * OpenFeature server SDK with our own provider over in-memory views of the module's tables.
 */
export const flags = defineModule({
  name: 'flags',
  description:
    'Feature flags (targeting, gradual ramp-up, kill switch, audit) read through OpenFeature, and experiments with per-variant conversion and activity (messages sent, sessions).',
  publishes: events,
  consumes: [...events, MessageSent, SessionStarted, MemberDeleted, ...memberEvents],
  provides: [FLAGS],
  requires: [PROFILES],
  tables,
  migrations,
  projections: [...flagProjections, ...experimentProjections, ...memberProjections],
  useCases: [...useCases, ...experimentUseCases, ...activityUseCases, ...reachUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      tables: {
        flags_exposures: { mine: ['member_id'] },
        flags_trials: { mine: ['member_id'] },
        flags_members: { mine: ['member_id'] },
      },
      // Flags and experiments are the site's, not the operator's: they stay, naming a pseudonym.
      kept: {
        flags_flags: ['targeting'],
        flags_audit: ['actor_id', 'detail'],
        flags_openers: ['conversation_id', 'opener_id'],
      },
      keptEvents: [...flagEvents, ExperimentCreated, ExperimentStarted, ExperimentStopped],
    });
    projectFlags(ctx);
    projectExperiments(ctx);
    projectMembers(ctx);
    const views = flagViews(ctx);
    forgetInView(views.flags);
    // Assignments are keyed "experiment member": a deleted member's go with her exposures.
    views.assignments.on(MemberDeleted, ({ payload: { memberId } }, changes) =>
      changes.forgetWhere((_variant, key) => key.endsWith(` ${memberId}`)),
    );
    views.members.on(MemberDeleted, ({ payload: { memberId } }, changes) => changes.set(memberId, undefined));
    const run = commands(ctx);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const evaluation = openFeatureFlags(
      {
        flag: (key) => views.flags.get(key),
        running: (flagKey) => views.running.get(flagKey),
        assignment: (experimentKey, memberId) =>
          views.assignments.get(assignmentKey(experimentKey, memberId)),
        expose: (experiment, memberId, variant) => run.expose(experiment, memberId, variant),
        countryOf: async (memberId) => (await profiles.get(memberId))?.city.country,
        member: async (memberId) => {
          const known = await views.members.get(memberId);
          return known && subjectOfMember(known);
        },
      },
      ctx.logger,
    );
    ctx.onClose(() => evaluation.close());
    ctx.services.provide<Flags>(FLAGS, evaluation.flags);
    const reach = reachOver(ctx.db, views.members, {
      moderators: ctx.config.moderators,
      operators: ctx.config.operators,
    });
    flagRoutes(ctx.http, { db: ctx.db, commands: run, flags: evaluation.flags, reach });
    experimentRoutes(ctx.http, ctx.db, run);
    flagPages(ctx.http, { db: ctx.db, commands: run, reach });
    experimentPages(ctx.http, ctx.db, run);
  },
});
