import { Type } from 'typebox';
import { defineEvent, defineExtension } from '@meetcute/core';
import { ReportReasonSchema } from '@meetcute/chat/events';

export { REPORT_REASONS, type ReportReason } from '@meetcute/chat/events';

/** What a member can report here; a chat message is reported in the chat (MessageReported). */
export const REPORT_KINDS = ['profile', 'photo', 'diary-post'] as const;
/** What the queue holds: reports of content, and suspended members' appeals (moderation's SuspensionAppealed). */
export type ReportKind = (typeof REPORT_KINDS)[number] | 'message' | 'appeal';
export const ReportKindSchema = Type.Union([
  Type.Literal('profile'),
  Type.Literal('photo'),
  Type.Literal('diary-post'),
]);

export const ContentReported = defineEvent({
  type: 'ContentReported',
  module: 'reports',
  description:
    'A member reported a profile, a photo or a diary post to the moderators, with a reason and a few words. The reported member is never told who.',
  schema: Type.Object({
    reportId: Type.String(),
    reporterId: Type.String(),
    memberId: Type.String(),
    kind: ReportKindSchema,
    contentId: Type.String(),
    reason: ReportReasonSchema,
    note: Type.String({ maxLength: 500 }),
  }),
});

export const ReportsClosed = defineEvent({
  type: 'ReportsClosed',
  module: 'reports',
  description:
    'A moderator closed every open report of one thing (or an appeal: dismissed keeps the suspension): dismissed (nothing wrong), handled (they acted on it, e.g. warned or suspended the member) or removed (the content is gone, for the reason given; its module published the removal first).',
  schema: Type.Object({
    kind: Type.Union([ReportKindSchema, Type.Literal('message'), Type.Literal('appeal')]),
    contentId: Type.String(),
    memberId: Type.String(),
    moderatorId: Type.String(),
    outcome: Type.Union([Type.Literal('dismissed'), Type.Literal('handled'), Type.Literal('removed')]),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why it was removed' })),
  }),
});

export type ReportOutcome = 'dismissed' | 'handled' | 'removed';

export const events = [ContentReported, ReportsClosed];

/**
 * A module whose content members may report says, under REPORTABLE, whose a piece of
 * it is and how moderators see it (undefined when it does not exist).
 */
export const REPORTABLE = defineExtension<Reportable>('reports.reportable');
export interface Reportable {
  kind: Exclude<ReportKind, 'profile' | 'appeal'>;
  lookup(contentId: string): Promise<ReportedContent | undefined>;
  /**
   * Takes the content down as a moderator decided, in the owning module's own words (its
   * deletion event, with the moderator as actor); nothing to do when it is gone already.
   * Absent where content cannot be removed (a chat message stays with its two members).
   */
  remove?(contentId: string, moderatorId: string, reason: string): Promise<void>;
}
export interface ReportedContent {
  memberId: string;
  /** What moderators read of it: the text, or a caption. */
  excerpt: string;
  /** An image moderators see with it (a photo's thumbnail). */
  imageUrl?: string;
  /** The messages around a reported one, oldest first, for moderators to judge it in context. */
  context?: Array<{ senderId: string; body: string; at: string; reported: boolean }>;
}
