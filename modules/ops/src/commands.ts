import { problems, type FieldProblem, type ModuleContext } from '@meetcute/core';
import {
  IncidentLinked,
  IncidentNoted,
  IncidentOpened,
  IncidentResolved,
  PostMortemWritten,
} from './events.ts';
import { decideLink, decideNote, decideOpening, decidePostMortem, decideResolution } from './rules.ts';
import type { OpsTables, PostMortem } from './store.ts';

type Ctx = ModuleContext<OpsTables>;
type Typed = Record<string, string | undefined>;

/** The incident as it stands now, or a 404. */
async function existing(
  ctx: Ctx,
  incidentId: string,
): Promise<{ startedAt: string; resolvedAt: string | null }> {
  const row = await ctx.db
    .selectFrom('ops_incidents')
    .select(['started_at', 'resolved_at'])
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  if (!row) throw problems.notFound('This incident');
  return { startedAt: row.started_at, resolvedAt: row.resolved_at };
}

export interface Commands {
  open(operatorId: string, input: Typed): Promise<string>;
  note(operatorId: string, incidentId: string, input: Typed): Promise<void>;
  link(operatorId: string, incidentId: string, input: Typed): Promise<void>;
  resolve(operatorId: string, incidentId: string, input: Typed): Promise<void>;
  writePostMortem(operatorId: string, incidentId: string, input: Typed): Promise<void>;
}

export function commands(ctx: Ctx): Commands {
  const now = () => ctx.clock.now();
  return {
    async open(operatorId, input) {
      const decision = decideOpening(input, now());
      if ('errors' in decision) throw problems.invalid(decision.errors);
      const incidentId = ctx.ids.next();
      await ctx.transaction((tx) =>
        tx.publish(IncidentOpened, { incidentId, ...decision }, { actorId: operatorId }),
      );
      return incidentId;
    },
    async note(operatorId, incidentId, input) {
      await existing(ctx, incidentId);
      const decision = decideNote(input, now());
      if ('errors' in decision) throw problems.invalid(decision.errors);
      await ctx.transaction((tx) =>
        tx.publish(IncidentNoted, { incidentId, ...decision }, { actorId: operatorId }),
      );
    },
    async link(operatorId, incidentId, input) {
      await existing(ctx, incidentId);
      const decision = decideLink(input);
      if ('errors' in decision) throw problems.invalid(decision.errors);
      await ctx.transaction((tx) =>
        tx.publish(IncidentLinked, { incidentId, ...decision }, { actorId: operatorId }),
      );
    },
    async resolve(operatorId, incidentId, input) {
      const incident = await existing(ctx, incidentId);
      if (incident.resolvedAt !== null) {
        throw problems.conflict('already-resolved', 'Already resolved', 'This incident is resolved already.');
      }
      const decision = decideResolution(input, incident.startedAt, now());
      if ('errors' in decision) throw problems.invalid(decision.errors);
      await ctx.transaction((tx) =>
        tx.publish(IncidentResolved, { incidentId, ...decision }, { actorId: operatorId }),
      );
    },
    async writePostMortem(operatorId, incidentId, input) {
      const incident = await existing(ctx, incidentId);
      if (incident.resolvedAt === null) {
        throw problems.conflict(
          'not-resolved',
          'Not resolved yet',
          'Resolve the incident first: a post-mortem looks back at an incident that is over.',
        );
      }
      const decision: PostMortem | { errors: FieldProblem[] } = decidePostMortem(input);
      if ('errors' in decision) throw problems.invalid(decision.errors);
      await ctx.transaction((tx) =>
        tx.publish(PostMortemWritten, { incidentId, ...decision }, { actorId: operatorId }),
      );
    },
  };
}
