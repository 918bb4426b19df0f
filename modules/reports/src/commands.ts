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

/** What a report is about: the kind of thing, whose it is, and what it shows. */
export interface Target {
  kind: ReportKind;
  memberId: string;
  content?: ReportedContent;
}

export interface Commands {
  /** The member whose content it is, and what it is, or a 404 problem. */
  target(kind: string, contentId: string): Promise<Target>;
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

/** What the commands share: the module, the services it reads when used, and the profiles. */
interface Reports {
  ctx: ModuleContext<ReportsTables>;
  services: ServiceRegistry;
  profiles: ProfileDirectory;
  /** Reports filed, a business count the operator console graphs per minute. */
  filed: { inc(by?: number): void };
}

export function commands(
  ctx: ModuleContext<ReportsTables>,
  services: ServiceRegistry,
  profiles: ProfileDirectory,
): Commands {
  const reports: Reports = {
    ctx,
    services,
    profiles,
    filed: ctx.metrics.counter('reports', 'Reports members filed'),
  };
  return {
    target: (kind, contentId) => target(reports, kind, contentId),
    describe: (kind, contentId) => describe(reports, kind, contentId),
    report: (reporterId, input) => report(reports, reporterId, input),
    removable: (kind) => removal(reports, kind) !== undefined,
    close: (moderatorId, kind, contentId, outcome, reason) =>
      close(reports, { moderatorId, kind, contentId, outcome, reason }),
  };
}

/** The module whose content this kind is. Read when used: the modules whose content is reportable may register after this one. */
const reportable = ({ services }: Reports, kind: string) =>
  services.contributions<Reportable>(REPORTABLE).find((r) => r.kind === kind);

/** How the owning module takes a kind of content down, if it can be. */
function removal(reports: Reports, kind: ReportKind): AboutMeRemoval | undefined {
  // A reported profile's own words are its about-me text: what removing it takes down.
  if (kind === 'profile') return reports.services.optional<AboutMeRemoval>(ABOUT_ME_REMOVAL);
  if (kind === 'appeal') return undefined;
  const owner = reportable(reports, kind);
  return owner?.remove && ((contentId, moderatorId, reason) => owner.remove!(contentId, moderatorId, reason));
}

async function describe(
  reports: Reports,
  kind: ReportKind,
  contentId: string,
): Promise<ReportedContent | undefined> {
  if (kind === 'profile') {
    const profile = await reports.profiles.get(contentId);
    return profile && { memberId: contentId, excerpt: profile.aboutMe };
  }
  if (kind === 'appeal') {
    const found = await appeal(reports.ctx.db, contentId);
    return found && { memberId: found.memberId, excerpt: found.text };
  }
  return reportable(reports, kind)?.lookup(contentId);
}

async function target(reports: Reports, kind: string, contentId: string): Promise<Target> {
  if (kind !== 'profile' && kind !== 'photo' && kind !== 'diary-post') {
    throw problems.invalid([{ field: 'kind', message: 'Report a profile, a photo or a diary post.' }]);
  }
  const content = await describe(reports, kind, contentId);
  if (!content) throw problems.notFound('This');
  return { kind, memberId: content.memberId, content };
}

/** What is wrong with a report as the member filled it in: the reason is not one of ours, or the note is too long. */
function reportProblems(input: ReportInput, note: string): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (!isReason(input.reason))
    errors.push({ field: 'reason', message: `Choose one of ${REPORT_REASONS.join(', ')}.` });
  if ([...note].length > NOTE_MAX)
    errors.push({ field: 'note', message: `Use at most ${NOTE_MAX} characters.` });
  return errors;
}

async function report(
  reports: Reports,
  reporterId: string,
  input: ReportInput,
): Promise<{ memberId: string }> {
  const { ctx } = reports;
  const note = input.note.trim();
  const errors = reportProblems(input, note);
  if (errors.length > 0) throw problems.invalid(errors);
  const { kind, memberId } = await target(reports, input.kind, input.contentId);
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
  reports.filed.inc();
  await holdIfMany(reports, memberId, reported.occurredAt);
  return { memberId };
}

/**
 * A member reported by several people within a day is held for review at once: hidden
 * and logged out like a suspension, until a moderator looks (moderation's HOLDS).
 */
async function holdIfMany({ ctx, services }: Reports, memberId: string, at: string): Promise<void> {
  const since = new Date(Date.parse(at) - HOLD_WINDOW_MS).toISOString();
  if ((await reportersSince(ctx.db, memberId, since)) < HOLD_AFTER) return;
  await services
    .optional<Holds>(HOLDS)
    ?.hold(memberId, `Held for review: reported by ${HOLD_AFTER} or more members within a day.`);
}

/** A moderator closing the open reports of one thing, as they asked. */
interface Closing {
  moderatorId: string;
  kind: string;
  contentId: string;
  outcome: ReportOutcome;
  reason: string | undefined;
}

const isKind = (kind: string): kind is ReportKind =>
  kind === 'profile' || kind === 'photo' || kind === 'diary-post' || kind === 'message' || kind === 'appeal';

/** What is wrong with a removal: the content cannot be taken down, or the reason is missing or too long. */
function removalProblems(removable: boolean, why: string): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (!removable)
    errors.push({
      field: 'outcome',
      message: 'A chat message cannot be taken down: warn or suspend its author instead.',
    });
  if (why === '') errors.push({ field: 'reason', message: 'Say in a few words why it is removed.' });
  else if ([...why].length > REASON_MAX)
    errors.push({ field: 'reason', message: `Use at most ${REASON_MAX} characters.` });
  return errors;
}

async function close(reports: Reports, closing: Closing): Promise<void> {
  const { ctx } = reports;
  const { moderatorId, kind, contentId, outcome } = closing;
  if (!isKind(kind)) throw problems.invalid([{ field: 'kind', message: 'Not a kind of report.' }]);
  const why = (closing.reason ?? '').trim();
  if (outcome === 'removed') {
    const errors = removalProblems(removal(reports, kind) !== undefined, why);
    if (errors.length > 0) throw problems.invalid(errors);
  }
  const item = await openItem(ctx.db, kind, contentId);
  if (!item) throw problems.notFound('Open reports of this');
  const memberId = item.memberId || ((await describe(reports, kind, contentId))?.memberId ?? '');
  if (memberId === moderatorId)
    throw problems.forbidden('No one moderates themselves: ask another moderator.');
  // The owning module takes it down first; a failure after that leaves the reports open,
  // and closing them again finds the content gone and only closes them.
  if (outcome === 'removed') await removal(reports, kind)!(contentId, moderatorId, why);
  await ctx.transaction(async (tx) => {
    await tx.publish(
      ReportsClosed,
      outcome === 'removed'
        ? { kind, contentId, memberId, moderatorId, outcome, reason: why }
        : { kind, contentId, memberId, moderatorId, outcome },
      { actorId: moderatorId },
    );
  });
}
