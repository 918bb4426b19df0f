import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, type FieldProblem, type Http } from '@meetcute/core';
import {
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  field,
  form,
  FORM_BODY_SCHEMA,
  formatMoment,
  formErrors,
  hidden,
  html,
  languageOf,
  moderatorNav,
  sendPage,
  type Html,
} from '@meetcute/web';
import { REASON_MAX } from './commands.ts';
import type { ReportedContent, ReportKind } from './events.ts';
import { nicknameOf, tr, type PageDeps, type T } from './pages.ts';
import { openQueue, type QueueItem } from './store.ts';

const moderatorPage = { access: 'moderator', kind: 'page' } as const;

/** What went wrong with a removal the queue is shown again for: the item, the reason typed, the problems. */
interface RemovalAttempt {
  kind: string;
  contentId: string;
  reason: string;
  errors: FieldProblem[];
}

/** A removal's problems in the moderator's language: the reason was missing, or too long. */
const translated = (t: T, attempt: { reason: string; errors: FieldProblem[] }): FieldProblem[] =>
  attempt.errors.map((e) => ({
    ...e,
    message: [...attempt.reason.trim()].length > REASON_MAX ? t('reasonTooLong') : t('reasonNeeded'),
  }));

/** What closing a report did, said at the top of the queue it left (feedback.ts). */
const CLOSED = ['closed', 'removed'] as const;
const QUEUE = 'queue';

/** The moderators' queue of open reports, and closing them from it. */
export function queuePages(http: Http, deps: PageDeps): void {
  http.get(
    '/review/reports',
    {
      config: moderatorPage,
    },
    (request, reply) => {
      const done = feedbackOf(request, 'review', CLOSED);
      const t = tr(request);
      return sendQueue(request, reply, deps, {
        notice: done ? t(done.outcome === 'removed' ? 'removedNotice' : 'closedNotice') : undefined,
      });
    },
  );

  http.post(
    '/review/reports/close',
    { config: moderatorPage, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const asked = form.text(request.body, 'outcome');
      const outcome = asked === 'handled' || asked === 'removed' ? asked : 'dismissed';
      const kind = form.text(request.body, 'kind');
      const contentId = form.text(request.body, 'contentId');
      const reason = form.text(request.body, 'reason');
      try {
        await deps.commands.close(request.viewer!.memberId, kind, contentId, outcome, reason);
      } catch (error) {
        // A reason left out or too long: the queue again, with what was typed and what to fix.
        if (
          error instanceof Problem &&
          error.status === 400 &&
          error.errors?.every((e) => e.field === 'reason')
        ) {
          const attempt = { kind, contentId, reason, errors: error.errors };
          return sendQueue(request, reply, deps, { notice: undefined, attempt }, 400);
        }
        throw error;
      }
      const done = outcome === 'removed' ? 'removed' : 'closed';
      return reply.redirect(backAfter(request.body, `/review/reports#${QUEUE}`, 'review', done), 303);
    },
  );
}

/** How the queue is drawn: the moderator's request and language, their clock, and a removal to fix. */
interface Queue {
  request: FastifyRequest;
  t: T;
  when: (iso: string) => Html;
  attempt: RemovalAttempt | undefined;
}

/** The queue, with a notice of what was just done or a removal to fix. */
async function sendQueue(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PageDeps,
  shown: { notice: string | undefined; attempt?: RemovalAttempt },
  status = 200,
) {
  const t = tr(request);
  const { notice, attempt } = shown;
  const [items, self] = await Promise.all([
    openQueue(deps.db, 50),
    deps.profiles.get(request.viewer!.memberId),
  ]);
  // Times in the moderator's own zone, as on every page (UTC for a moderator still in review).
  const when = (iso: string) =>
    html`<time datetime="${iso}"
      >${formatMoment(languageOf(request), self?.city.timeZone ?? 'UTC', iso, 'date-time')}</time
    >`;
  const queue: Queue = { request, t, when, attempt };
  const cards = await Promise.all(items.map((item) => renderItem(queue, deps, item)));
  return sendPage(
    request,
    reply,
    {
      title: t('queueTitle'),
      // The cards are one region: a closed report leaves it, and the notice stands where it was.
      body: html`${moderatorNav(request)}
        <h1>${t('queueTitle')}</h1>
        <section id="${QUEUE}" aria-label="${t('queueTitle')}">
          ${notice ? feedbackNotice(notice) : ''}
          ${attempt ? formErrors(translated(t, attempt), t('fixTitle')) : ''}
          ${items.length === 0 ? html`<p>${t('queueEmpty')}</p>` : cards}
        </section>`,
    },
    status,
  );
}

/** One thing reported: what it is and whose, why members reported it, and what the moderator can do. */
async function renderItem(queue: Queue, { commands, profiles }: PageDeps, item: QueueItem): Promise<Html> {
  const { t, when } = queue;
  const content = await commands.describe(item.kind, item.contentId);
  const memberId = item.memberId || (content?.memberId ?? '');
  const name = (await nicknameOf(profiles, memberId)) || memberId;
  const senders = new Map<string, string>();
  for (const id of new Set(content?.context?.map((m) => m.senderId)))
    senders.set(id, (await nicknameOf(profiles, id)) || id);
  return html`<article class="card">
    <h2>${t(`kind_${item.kind}`)}: ${name} · ${t('reportsCount', { n: item.count })}</h2>
    ${content ? renderContent(queue, content, senders) : html`<p>${t('gone')}</p>`}
    ${
      // An appeal's words are its excerpt; reports list why each member reported.
      item.kind === 'appeal'
        ? html`<p>${when(item.latestAt)}</p>`
        : html`<ul>
            ${item.reports.map((r) => html`<li>${t(r.reason)}${r.note ? html`: <q>${r.note}</q>` : ''} ${when(r.at)}</li>`)}
          </ul>`
    }
    <p>
      <a href="/moderation/members/${encodeURIComponent(memberId)}"
        >${t(item.kind === 'appeal' ? 'liftOrKeep' : 'actOn', { name })}</a
      >
    </p>
    <div class="actions">
      ${item.kind === 'appeal' ? closeForm(queue, item, 'dismissed', t('keepDecision')) : html`${closeForm(queue, item, 'dismissed')} ${closeForm(queue, item, 'handled')}`}
    </div>
    ${
      // Only what is still there can be taken down, and never a chat message.
      content && commands.removable(item.kind) ? removeForm(queue, item) : ''
    }
  </article>`;
}

/** What was reported, as the moderator judges it. */
function renderContent({ when }: Queue, content: ReportedContent, senders: Map<string, string>): Html {
  return html`${content.imageUrl ? html`<img src="${content.imageUrl}" alt="" width="120" />` : ''}
  ${
    // A message is read in its conversation (the reported one in bold), not alone.
    content.context
      ? html`<ol class="list">
          ${content.context.map((m) => {
            const line = html`${senders.get(m.senderId) ?? ''}: ${m.body}`;
            return html`<li>${m.reported ? html`<strong>${line}</strong>` : line} ${when(m.at)}</li>`;
          })}
        </ol>`
      : content.excerpt
        ? html`<blockquote>${content.excerpt}</blockquote>`
        : ''
  }`;
}

/** Closing the item's reports without taking anything down: dismissed, or handled. */
function closeForm(
  { request, t }: Queue,
  item: QueueItem,
  outcome: 'dismissed' | 'handled',
  label?: string,
): Html {
  return html`<form method="post" action="/review/reports/close" class="inline" data-feedback>
    ${hidden(request)}${backField(request, QUEUE, '/review/reports')}
    <input type="hidden" name="kind" value="${item.kind}" />
    <input type="hidden" name="contentId" value="${item.contentId}" />
    <input type="hidden" name="outcome" value="${outcome}" />
    <button type="submit" class="secondary">
      ${label ?? t(outcome === 'dismissed' ? 'dismiss' : 'handled')}
    </button>
  </form>`;
}

/** Taking the content down, with the reason for the moderation log (as typed, when it needs fixing). */
function removeForm({ request, t, attempt }: Queue, item: QueueItem): Html {
  const tried =
    attempt && attempt.kind === item.kind && attempt.contentId === item.contentId ? attempt : undefined;
  return html`<form method="post" action="/review/reports/close" novalidate data-feedback>
    ${hidden(request)}${backField(request, QUEUE, '/review/reports')}
    <input type="hidden" name="kind" value="${item.kind}" />
    <input type="hidden" name="contentId" value="${item.contentId}" />
    <input type="hidden" name="outcome" value="removed" />
    ${field({
      name: 'reason',
      id: `remove-${item.kind}-${item.contentId}`,
      label: t(`remove_${item.kind as Exclude<ReportKind, 'message' | 'appeal'>}`),
      hint: t('removeHint'),
      value: tried?.reason,
      errors: tried && translated(t, tried),
      required: true,
      attrs: html`maxlength="${REASON_MAX}"`,
    })}
    <div class="actions"><button type="submit">${t('remove')}</button></div>
  </form>`;
}
