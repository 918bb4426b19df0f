import { problems, type FieldProblem, type ModuleContext, type ServiceRegistry } from '@meetcute/core';
import { ABOUT_ME_REMOVAL, type AboutMeRemoval, type ProfileDirectory } from '@meetcute/profile';
import {
  ContentReported,
  REPORT_REASONS,
  REPORTABLE,
  ReportsClosed,
  type Reportable,
  type ReportOutcome,
  type ReportedContent,
  type ReportKind,
  type ReportReason,
} from './events.ts';
import { appeal, hasOpenReport, openItem, reportersSince, type ReportsTables } from './store.ts';
import { HOLDS, type Holds } from '@meetcute/moderation/events';

export const NOTE_MAX = 500;
/** A removal's reason goes in the moderation log, so it says enough to understand later. */
export const REASON_MAX = 500;
/** Three different members reporting one within a day hold them for review. */
export const HOLD_AFTER = 3;
const HOLD_WINDOW_MS = 24 * 3600 * 1000;

export interface ReportInput {
  kind: string;
  contentId: string;
  reason: string;
  note: string;
}

export interface Commands {
  /** The member whose content it is, and what it is, or a 404 problem. */
  target(
    kind: string,
    contentId: string,
  ): Promise<{ kind: ReportKind; memberId: string; content?: ReportedContent }>;
  /** Files a report; a second open report of the same thing by the same member adds nothing. */
  report(reporterId: string, input: ReportInput): Promise<{ memberId: string }>;
  /** Closes every open report of one thing; `removed` takes the content down first, for `reason`. */
  close(
    moderatorId: string,
    kind: string,
    contentId: string,
    outcome: ReportOutcome,
    reason?: string,
  ): Promise<void>;
  /** Whether moderators can take this kind of content down. */
  removable(kind: ReportKind): boolean;
  /** How moderators see a reported thing: undefined when it is gone. */
  describe(kind: ReportKind, contentId: string): Promise<ReportedContent | undefined>;
}

const isReason = (value: string): value is ReportReason =>
  (REPORT_REASONS as readonly string[]).includes(value);

export function commands(
  ctx: ModuleContext<ReportsTables>,
  services: ServiceRegistry,
  profiles: ProfileDirectory,
): Commands {
  // Read when used: the modules whose content is reportable may register after this one.
  const reportable = (kind: string) =>
    services.contributions<Reportable>(REPORTABLE).find((r) => r.kind === kind);

  /** How the owning module takes a kind of content down, if it can be. */
  const removal = (kind: ReportKind): AboutMeRemoval | undefined => {
    // A reported profile's own words are its about-me text: what removing it takes down.
    if (kind === 'profile') return services.optional<AboutMeRemoval>(ABOUT_ME_REMOVAL);
    if (kind === 'appeal') return undefined;
    const owner = reportable(kind);
    return (
      owner?.remove && ((contentId, moderatorId, reason) => owner.remove!(contentId, moderatorId, reason))
    );
  };
  const removable = (kind: ReportKind) => removal(kind) !== undefined;

  const describe = async (kind: ReportKind, contentId: string): Promise<ReportedContent | undefined> => {
    if (kind === 'profile') {
      const profile = await profiles.get(contentId);
      return profile && { memberId: contentId, excerpt: profile.aboutMe };
    }
    if (kind === 'appeal') {
      const found = await appeal(ctx.db, contentId);
      return found && { memberId: found.memberId, excerpt: found.text };
    }
    return reportable(kind)?.lookup(contentId);
  };

  const target: Commands['target'] = async (kind, contentId) => {
    if (kind !== 'profile' && kind !== 'photo' && kind !== 'diary-post') {
      throw problems.invalid([{ field: 'kind', message: 'Report a profile, a photo or a diary post.' }]);
    }
    const content = await describe(kind, contentId);
    if (!content) throw problems.notFound('This');
    return { kind, memberId: content.memberId, content };
  };

  /**
   * A member reported by several people within a day is held for review at once: hidden
   * and logged out like a suspension, until a moderator looks (moderation's HOLDS).
   */
  const holdIfMany = async (memberId: string, at: string) => {
    const since = new Date(Date.parse(at) - HOLD_WINDOW_MS).toISOString();
    if ((await reportersSince(ctx.db, memberId, since)) < HOLD_AFTER) return;
    await services
      .optional<Holds>(HOLDS)
      ?.hold(memberId, `Held for review: reported by ${HOLD_AFTER} or more members within a day.`);
  };

  return {
    target,
    describe,

    async report(reporterId, input) {
      const errors: FieldProblem[] = [];
      if (!isReason(input.reason))
        errors.push({ field: 'reason', message: `Choose one of ${REPORT_REASONS.join(', ')}.` });
      const note = input.note.trim();
      if ([...note].length > NOTE_MAX)
        errors.push({ field: 'note', message: `Use at most ${NOTE_MAX} characters.` });
      if (errors.length > 0) throw problems.invalid(errors);
      const { kind, memberId } = await target(input.kind, input.contentId);
      if (memberId === reporterId)
        throw problems.invalid([{ field: 'contentId', message: 'You cannot report your own.' }]);
      if (await hasOpenReport(ctx.db, reporterId, kind, input.contentId)) return { memberId };
      const reported = await ctx.transaction(async (tx) => {
        const event = await tx.publish(
          ContentReported,
          {
            reportId: ctx.ids.next(),
            reporterId,
            memberId,
            kind: kind as Exclude<ReportKind, 'message' | 'appeal'>,
            contentId: input.contentId,
            reason: input.reason as ReportReason,
            note,
          },
          { actorId: reporterId },
        );
        return event;
      });
      await holdIfMany(memberId, reported.occurredAt);
      return { memberId };
    },

    removable,

    async close(moderatorId, kind, contentId, outcome, reason) {
      if (
        kind !== 'profile' &&
        kind !== 'photo' &&
        kind !== 'diary-post' &&
        kind !== 'message' &&
        kind !== 'appeal'
      ) {
        throw problems.invalid([{ field: 'kind', message: 'Not a kind of report.' }]);
      }
      const why = (reason ?? '').trim();
      if (outcome === 'removed') {
        const errors: FieldProblem[] = [];
        if (!removable(kind))
          errors.push({
            field: 'outcome',
            message: 'A chat message cannot be taken down: warn or suspend its author instead.',
          });
        if (why === '') errors.push({ field: 'reason', message: 'Say in a few words why it is removed.' });
        else if ([...why].length > REASON_MAX)
          errors.push({ field: 'reason', message: `Use at most ${REASON_MAX} characters.` });
        if (errors.length > 0) throw problems.invalid(errors);
      }
      const item = await openItem(ctx.db, kind, contentId);
      if (!item) throw problems.notFound('Open reports of this');
      const memberId = item.memberId || ((await describe(kind, contentId))?.memberId ?? '');
      if (memberId === moderatorId)
        throw problems.forbidden('No one moderates themselves: ask another moderator.');
      // The owning module takes it down first; a failure after that leaves the reports open,
      // and closing them again finds the content gone and only closes them.
      if (outcome === 'removed') await removal(kind)!(contentId, moderatorId, why);
      await ctx.transaction(async (tx) => {
        await tx.publish(
          ReportsClosed,
          outcome === 'removed'
            ? { kind, contentId, memberId, moderatorId, outcome, reason: why }
            : { kind, contentId, memberId, moderatorId, outcome },
          { actorId: moderatorId },
        );
      });
    },
  };
}
