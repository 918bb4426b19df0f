import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, type FieldProblem, type Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  field,
  form,
  FORM_BODY_SCHEMA,
  formatMoment,
  formErrors,
  hidden,
  html,
  languageOf,
  sendPage,
  translator,
  type Translate,
} from '@meetcute/web';
import { NOTE_MAX, REASON_MAX, type Commands } from './commands.ts';
import { REPORT_REASONS, type ReportKind } from './events.ts';
import { messages, type Key } from './messages.ts';
import { openQueue, type ReportsDb } from './store.ts';

type T = Translate<Key>;
const tr = (request: FastifyRequest): T => translator(messages, languageOf(request));
const memberPage = { access: 'approved', kind: 'page' } as const;
const moderatorPage = { access: 'moderator', kind: 'page' } as const;

interface ReportForm {
  kind: string;
  contentId: string;
  reason?: string;
  note?: string;
  errors?: FieldProblem[];
}

/** A removal's problems in the moderator's language: the reason was missing, or too long. */
const translated = (t: T, attempt: { reason: string; errors: FieldProblem[] }): FieldProblem[] =>
  attempt.errors.map((e) => ({
    ...e,
    message: [...attempt.reason.trim()].length > REASON_MAX ? t('reasonTooLong') : t('reasonNeeded'),
  }));

/** Reporting as a page (no JavaScript needed), and the moderators' queue. */
export function reportPages(http: Http, db: ReportsDb, run: Commands, profiles: ProfileDirectory): void {
  const nickname = async (memberId: string) => (await profiles.get(memberId))?.nickname ?? '';

  const reportPage = async (request: FastifyRequest, reply: FastifyReply, f: ReportForm, status = 200) => {
    const t = tr(request);
    const { kind, memberId } = await run.target(f.kind, f.contentId);
    const name = await nickname(memberId);
    const title = t(`reportTitle_${kind as Exclude<ReportKind, 'message' | 'appeal'>}`, { name });
    const reasonError = f.errors?.find((e) => e.field === 'reason');
    return sendPage(
      request,
      reply,
      {
        title,
        body: html`<h1>${title}</h1>
          ${formErrors(f.errors, t('fixTitle'))}
          <p>${t('reportIntro', { name })}</p>
          <form method="post" action="/reports" novalidate>
            ${hidden(request)}
            <input type="hidden" name="kind" value="${kind}" />
            <input type="hidden" name="contentId" value="${f.contentId}" />
            <fieldset
              class="field${reasonError ? ' invalid' : ''}"
              ${reasonError ? html`aria-describedby="f-reason-error"` : ''}
            >
              <legend>${t('reason')}</legend>
              ${REPORT_REASONS.map(
                (r) =>
                  html`<label
                    ><input
                      type="radio"
                      name="reason"
                      value="${r}"
                      ${f.reason === r ? html`checked` : ''}
                      required
                    />
                    ${t(r)}</label
                  >`,
              )}
              ${reasonError ? html`<p class="error" id="f-reason-error">${t('pickReason')}</p>` : ''}
            </fieldset>
            ${field({ name: 'note', label: t('note'), hint: t('noteHint'), multiline: true, value: f.note, errors: f.errors?.map((e) => (e.field === 'note' ? { ...e, message: t('noteTooLong') } : e)), attrs: html`maxlength="${NOTE_MAX}"` })}
            <div class="actions"><button type="submit">${t('send')}</button></div>
          </form>`,
      },
      status,
    );
  };

  http.get(
    '/reports/new',
    {
      config: memberPage,
      schema: {
        querystring: Type.Object({
          kind: Type.String({ minLength: 1, maxLength: 20 }),
          contentId: Type.String({ minLength: 1, maxLength: 100 }),
        }),
      },
    },
    (request, reply) =>
      reportPage(request, reply, { kind: request.query.kind, contentId: request.query.contentId }),
  );

  http.post(
    '/reports',
    { config: memberPage, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const t = tr(request);
      const input = {
        kind: form.text(request.body, 'kind'),
        contentId: form.text(request.body, 'contentId'),
        reason: form.text(request.body, 'reason'),
        note: form.text(request.body, 'note'),
      };
      let memberId: string;
      try {
        ({ memberId } = await run.report(request.viewer!.memberId, input));
      } catch (error) {
        if (
          error instanceof Problem &&
          error.status === 400 &&
          error.errors?.every((e) => e.field === 'reason' || e.field === 'note')
        ) {
          return reportPage(request, reply, { ...input, errors: error.errors }, 400);
        }
        throw error;
      }
      const name = await nickname(memberId);
      return sendPage(request, reply, {
        title: t('thanksTitle'),
        body: html`<h1>${t('thanksTitle')}</h1>
          <p>${t('thanksText', { name })}</p>
          <p>
            <a class="button secondary" href="/members/${encodeURIComponent(memberId)}/block"
              >${t('alsoBlock', { name })}</a
            >
          </p>`,
      });
    },
  );

  /** What went wrong with a removal the queue is shown again for: the item, the reason typed, the problems. */
  interface RemovalAttempt {
    kind: string;
    contentId: string;
    reason: string;
    errors: FieldProblem[];
  }

  const queuePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    notice: string | undefined,
    attempt?: RemovalAttempt,
    status = 200,
  ) => {
    const t = tr(request);
    const [items, self] = await Promise.all([openQueue(db, 50), profiles.get(request.viewer!.memberId)]);
    // Times in the moderator's own zone, as on every page (UTC for a moderator still in review).
    const when = (iso: string) =>
      html`<time datetime="${iso}"
        >${formatMoment(languageOf(request), self?.city.timeZone ?? 'UTC', iso, 'date-time')}</time
      >`;
    const cards = await Promise.all(
      items.map(async (item) => {
        const content = await run.describe(item.kind, item.contentId);
        const memberId = item.memberId || (content?.memberId ?? '');
        const name = (await nickname(memberId)) || memberId;
        const senders = new Map<string, string>();
        for (const id of new Set(content?.context?.map((m) => m.senderId)))
          senders.set(id, (await nickname(id)) || id);
        const closeForm = (outcome: 'dismissed' | 'handled', label?: string) =>
          html`<form method="post" action="/review/reports/close" class="inline">
            ${hidden(request)}
            <input type="hidden" name="kind" value="${item.kind}" />
            <input type="hidden" name="contentId" value="${item.contentId}" />
            <input type="hidden" name="outcome" value="${outcome}" />
            <button type="submit" class="secondary">
              ${label ?? t(outcome === 'dismissed' ? 'dismiss' : 'handled')}
            </button>
          </form>`;
        const tried =
          attempt && attempt.kind === item.kind && attempt.contentId === item.contentId ? attempt : undefined;
        const id = `remove-${item.kind}-${item.contentId}`;
        // Only what is still there can be taken down, and never a chat message.
        const removeForm =
          content && run.removable(item.kind)
            ? html`<form method="post" action="/review/reports/close" novalidate>
                ${hidden(request)}
                <input type="hidden" name="kind" value="${item.kind}" />
                <input type="hidden" name="contentId" value="${item.contentId}" />
                <input type="hidden" name="outcome" value="removed" />
                ${field({
                  name: 'reason',
                  id,
                  label: t(`remove_${item.kind as Exclude<ReportKind, 'message' | 'appeal'>}`),
                  hint: t('removeHint'),
                  value: tried?.reason,
                  errors: tried && translated(t, tried),
                  required: true,
                  attrs: html`maxlength="${REASON_MAX}"`,
                })}
                <div class="actions"><button type="submit">${t('remove')}</button></div>
              </form>`
            : '';
        return html`<article class="card">
          <h2>${t(`kind_${item.kind}`)}: ${name} · ${t('reportsCount', { n: item.count })}</h2>
          ${
            content
              ? html`${content.imageUrl ? html`<img src="${content.imageUrl}" alt="" width="120" />` : ''}
                ${
                  // A message is read in its conversation (the reported one in bold), not alone.
                  content.context
                    ? html`<ol class="list">
                        ${content.context.map((m) => {
                          const line = html`${senders.get(m.senderId) ?? ''}: ${m.body}`;
                          return html`<li>
                            ${m.reported ? html`<strong>${line}</strong>` : line} ${when(m.at)}
                          </li>`;
                        })}
                      </ol>`
                    : content.excerpt
                      ? html`<blockquote>${content.excerpt}</blockquote>`
                      : ''
                }`
              : html`<p>${t('gone')}</p>`
          }
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
            ${item.kind === 'appeal' ? closeForm('dismissed', t('keepDecision')) : html`${closeForm('dismissed')} ${closeForm('handled')}`}
          </div>
          ${removeForm}
        </article>`;
      }),
    );
    return sendPage(
      request,
      reply,
      {
        title: t('queueTitle'),
        notice,
        body: html`<h1>${t('queueTitle')}</h1>
          ${attempt ? formErrors(translated(t, attempt), t('fixTitle')) : ''}
          ${items.length === 0 ? html`<p>${t('queueEmpty')}</p>` : cards}`,
      },
      status,
    );
  };

  http.get(
    '/review/reports',
    {
      config: moderatorPage,
      schema: { querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) },
    },
    (request, reply) => {
      const done = request.query.done;
      const t = tr(request);
      return queuePage(
        request,
        reply,
        done === 'closed' ? t('closedNotice') : done === 'removed' ? t('removedNotice') : undefined,
      );
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
        await run.close(request.viewer!.memberId, kind, contentId, outcome, reason);
      } catch (error) {
        // A reason left out or too long: the queue again, with what was typed and what to fix.
        if (
          error instanceof Problem &&
          error.status === 400 &&
          error.errors?.every((e) => e.field === 'reason')
        )
          return queuePage(request, reply, undefined, { kind, contentId, reason, errors: error.errors }, 400);
        throw error;
      }
      return reply.redirect(`/review/reports?done=${outcome === 'removed' ? 'removed' : 'closed'}`, 303);
    },
  );
}
