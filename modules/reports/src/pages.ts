import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, type FieldProblem, type Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  field,
  form,
  FORM_BODY_SCHEMA,
  formErrors,
  hidden,
  html,
  languageOf,
  sendPage,
  translator,
  type Html,
  type Translate,
} from '@meetcute/web';
import { NOTE_MAX, type Commands } from './commands.ts';
import { REPORT_REASONS, type ReportKind } from './events.ts';
import { messages, type Key } from './messages.ts';
import type { ReportsDb } from './store.ts';

export type T = Translate<Key>;
export const tr = (request: FastifyRequest): T => translator(messages, languageOf(request));
const memberPage = { access: 'approved', kind: 'page' } as const;

/** What the report pages read and run. */
export interface PageDeps {
  db: ReportsDb;
  commands: Commands;
  profiles: ProfileDirectory;
}

/** The member's nickname, or '' when they are no longer shown. */
export const nicknameOf = async (profiles: ProfileDirectory, memberId: string): Promise<string> =>
  (await profiles.get(memberId))?.nickname ?? '';

interface ReportForm {
  kind: string;
  contentId: string;
  reason?: string;
  note?: string;
  errors?: FieldProblem[];
}

/** Reporting as a page (no JavaScript needed): the form, and the thanks once it is sent. */
export function reportPages(http: Http, deps: PageDeps): void {
  const { commands, profiles } = deps;

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
      sendReportForm(request, reply, deps, { kind: request.query.kind, contentId: request.query.contentId }),
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
        ({ memberId } = await commands.report(request.viewer!.memberId, input));
      } catch (error) {
        if (
          error instanceof Problem &&
          error.status === 400 &&
          error.errors?.every((e) => e.field === 'reason' || e.field === 'note')
        ) {
          return sendReportForm(request, reply, deps, { ...input, errors: error.errors }, 400);
        }
        throw error;
      }
      const name = await nicknameOf(profiles, memberId);
      return sendPage(request, reply, { title: t('thanksTitle'), body: renderThanks(t, memberId, name) });
    },
  );
}

/** The report form for what the member is reporting, with what they chose and what to fix. */
async function sendReportForm(
  request: FastifyRequest,
  reply: FastifyReply,
  { commands, profiles }: PageDeps,
  f: ReportForm,
  status = 200,
) {
  const t = tr(request);
  const { kind, memberId } = await commands.target(f.kind, f.contentId);
  const name = await nicknameOf(profiles, memberId);
  const title = t(`reportTitle_${kind as Exclude<ReportKind, 'message' | 'appeal'>}`, { name });
  return sendPage(
    request,
    reply,
    { title, body: renderReportForm(request, t, { title, kind, name, f }) },
    status,
  );
}

function renderReportForm(
  request: FastifyRequest,
  t: T,
  { title, kind, name, f }: { title: string; kind: ReportKind; name: string; f: ReportForm },
): Html {
  const reasonError = f.errors?.find((e) => e.field === 'reason');
  return html`<h1>${title}</h1>
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
    </form>`;
}

/** Thanks for the report, and the way to block the member too. */
function renderThanks(t: T, memberId: string, name: string): Html {
  return html`<h1>${t('thanksTitle')}</h1>
    <p>${t('thanksText', { name })}</p>
    <p>
      <a class="button secondary" href="/members/${encodeURIComponent(memberId)}/block"
        >${t('alsoBlock', { name })}</a
      >
    </p>`;
}
