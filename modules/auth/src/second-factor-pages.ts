import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderSVG } from 'uqr';
import type { FieldProblem, Http } from '@meetcute/core';
import {
  backAfter,
  feedbackNotice,
  feedbackOf,
  field,
  FORM_BODY_SCHEMA,
  formErrors,
  hidden,
  html,
  languageOf,
  raw,
  sendPage,
  translator,
  type Translate,
} from '@meetcute/web';
import { lockedMessage } from './messages.ts';
import { formText, loggedIn, t } from './pages.ts';
import { viewerOf } from './routes.ts';
import { safeNext } from './rules.ts';
import type { SecondFactors, SetUp } from './second-factor.ts';
import { secondFactorMessages, type SecondFactorKey } from './second-factor-messages.ts';
import { SECOND_FACTOR_PAGE } from './sessions.ts';
import type { SecondFactorDeps } from './second-factor-routes.ts';

export function tf(request: FastifyRequest): Translate<SecondFactorKey> {
  return translator(secondFactorMessages, languageOf(request));
}

const codeField = (request: FastifyRequest, errors: FieldProblem[] | undefined) =>
  field({
    name: 'code',
    label: tf(request)('code'),
    hint: tf(request)('codeHint'),
    required: true,
    autocomplete: 'one-time-code',
    errors,
    attrs: html`inputmode="text" autocapitalize="none" spellcheck="false" maxlength="32"`,
  });

/** The second half of log-in: the password was right, now a code from the app. */
export function codePage(
  request: FastifyRequest,
  reply: FastifyReply,
  form: { ticket: string; next: string; errors?: FieldProblem[]; locked?: string },
  status = 200,
): FastifyReply {
  const tr = tf(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('codeTitle'),
      body: html`<h1>${tr('codeTitle')}</h1>
        ${
          form.locked
            ? html`<div class="error-summary" role="alert" tabindex="-1">
                <h2>${t(request)('lockedTitle')}</h2>
                <p>${form.locked}</p>
              </div>`
            : formErrors(form.errors, t(request)('fixTitle'))
        }
        <p>${tr('codeIntro')}</p>
        <form method="post" action="/login/code" novalidate>
          ${hidden(request)}
          <input type="hidden" name="ticket" value="${form.ticket}" />
          <input type="hidden" name="next" value="${form.next}" />
          ${codeField(request, form.errors)}
          <div class="actions"><button type="submit">${tr('codeButton')}</button></div>
        </form>`,
    },
    status,
  );
}

/** The part of the settings page that says two-factor authentication is off, and offers it. */
const OFF_STATE = 'two-factor-off';

interface SettingsForm {
  errors?: FieldProblem[];
  /** Which form the errors belong to. */
  form?: 'confirm' | 'renew' | 'off';
  notice?: string;
}

async function settingsPage(
  request: FastifyRequest,
  reply: FastifyReply,
  factors: SecondFactors,
  form: SettingsForm,
  status = 200,
): Promise<FastifyReply> {
  const tr = tf(request);
  const viewer = viewerOf(request);
  const state = await factors.status(viewer.memberId);
  const setUp = state.enabled ? null : await factors.pending(viewer.memberId);
  const errorsOf = (which: SettingsForm['form']) => (form.form === which ? form.errors : undefined);
  const fix = t(request)('fixTitle');
  const turnedOff = status === 200 && feedbackOf(request, 'account', ['two-factor-off']) !== null;
  return sendPage(
    request,
    reply,
    {
      title: tr('title'),
      notice: form.notice,
      body: html`<h1>${tr('title')}</h1>
        ${(viewer.heldBack?.roles ?? []).map((role) => html`<p class="warning" role="status">${tr(role === 'operator' ? 'operatorsNeedIt' : 'moderatorsNeedIt')}</p>`)}
        <p>${tr('intro')}</p>
        ${
          state.enabled
            ? html`<p>${tr('onState')} ${tr('codesLeft', { n: state.recoveryCodesLeft })}</p>
                <section aria-labelledby="renew-title">
                  <h2 id="renew-title">${tr('renewTitle')}</h2>
                  <p>${tr('renewText')}</p>
                  ${formErrors(errorsOf('renew'), fix)}
                  <form method="post" action="/account/two-factor/recovery-codes" novalidate>
                    ${hidden(request)} ${codeField(request, errorsOf('renew'))}
                    <div class="actions">
                      <button type="submit" class="secondary">${tr('renewButton')}</button>
                    </div>
                  </form>
                </section>
                <section aria-labelledby="off-title">
                  <h2 id="off-title">${tr('offTitle')}</h2>
                  <p>${tr('offText')}</p>
                  ${formErrors(errorsOf('off'), fix)}
                  <form method="post" action="/account/two-factor/off" novalidate>
                    ${hidden(request)}
                    ${field({ name: 'currentPassword', label: t(request)('currentPassword'), type: 'password', required: true, autocomplete: 'current-password', errors: errorsOf('off') })}
                    ${field({ name: 'offCode', label: tr('code'), hint: tr('codeHint'), required: true, autocomplete: 'one-time-code', errors: errorsOf('off') })}
                    <div class="actions">
                      <button type="submit" class="secondary">${tr('offButton')}</button>
                    </div>
                  </form>
                </section>`
            : setUp
              ? setUpSection(request, setUp, errorsOf('confirm'))
              : html`<div id="${OFF_STATE}">
                  ${turnedOff ? feedbackNotice(tr('turnedOff')) : ''}
                  <p>${tr('offState')}</p>
                  <form method="post" action="/account/two-factor/setup">
                    ${hidden(request)}
                    <div class="actions"><button type="submit">${tr('setUpButton')}</button></div>
                  </form>
                </div>`
        }
        <p><a href="/account">${tr('accountLink')}</a></p>`,
    },
    status,
  );
}

function setUpSection(request: FastifyRequest, setUp: SetUp, errors: FieldProblem[] | undefined) {
  const tr = tf(request);
  const grouped = setUp.secret.match(/.{1,4}/g)!.join(' ');
  return html`<section aria-labelledby="setup-title">
    <h2 id="setup-title">${tr('setUpButton')}</h2>
    <p>${tr('stepScan')}</p>
    <figure class="qr" aria-hidden="true">${raw(renderSVG(setUp.uri, { border: 2 }))}</figure>
    <p>${tr('stepType')}</p>
    <p><code class="secret" aria-label="${tr('secret')}">${grouped}</code></p>
    <p><a href="${setUp.uri}">${tr('openInApp')}</a></p>
    <p>${tr('stepConfirm')}</p>
    ${formErrors(errors, t(request)('fixTitle'))}
    <form method="post" action="/account/two-factor" novalidate>
      ${hidden(request)} ${codeField(request, errors)}
      <div class="actions"><button type="submit">${tr('confirmButton')}</button></div>
    </form>
  </section>`;
}

function codesPage(
  request: FastifyRequest,
  reply: FastifyReply,
  codes: string[],
  status: number,
): FastifyReply {
  const tr = tf(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('savedTitle'),
      body: html`<h1>${tr('savedTitle')}</h1>
        <p>${tr('savedIntro')}</p>
        <ul class="recovery-codes">
          ${codes.map((code) => html`<li><code>${code}</code></li>`)}
        </ul>
        <p><a class="button" href="${SECOND_FACTOR_PAGE}">${tr('savedDone')}</a></p>`,
    },
    status,
  );
}

/** Pages for log-in's code and for the member's own second-factor settings. */
export function secondFactorPages(http: Http, deps: SecondFactorDeps): void {
  logInCodePage(http, deps);
  settingsPages(http, deps);
}

/** The log-in's code form sent: on with a session, or the form again. */
function logInCodePage(http: Http, { factors, accounts, sessions }: SecondFactorDeps): void {
  http.post(
    '/login/code',
    { config: { access: 'public', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = tf(request);
      const next = safeNext(formText(request, 'next'));
      const ticket = formText(request, 'ticket');
      const code = formText(request, 'code');
      const missing =
        code.trim() === '' ? [{ field: 'code', message: t(request)('required', { field: tr('code') }) }] : [];
      if (missing.length > 0) return codePage(request, reply, { ticket, next, errors: missing }, 400);
      const outcome = await factors.completeLogin(ticket, code, request.headers['user-agent']);
      switch (outcome.kind) {
        case 'ticket':
          return reply.redirect(`/login?next=${encodeURIComponent(next)}&done=expired`, 303);
        case 'locked':
          reply.header('retry-after', String(outcome.retryAfter));
          return codePage(
            request,
            reply,
            { ticket, next, locked: lockedMessage(t(request), outcome.retryAfter) },
            429,
          );
        case 'wrong':
          return codePage(
            request,
            reply,
            { ticket, next, errors: [{ field: 'code', message: tr('wrongCode') }] },
            401,
          );
        case 'ok':
          return loggedIn(request, reply, { accounts, sessions }, outcome.token, next);
      }
    },
  );
}

/** The member's own settings: setting up, confirming, new recovery codes, turning off. */
function settingsPages(http: Http, { factors }: SecondFactorDeps): void {
  http.get(SECOND_FACTOR_PAGE, { config: { access: 'member', kind: 'page' } }, (request, reply) =>
    settingsPage(request, reply, factors, {}),
  );

  http.post(
    `${SECOND_FACTOR_PAGE}/setup`,
    { config: { access: 'member', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      // On already: the page says so; a setup in progress gets a fresh key.
      await factors.begin(viewerOf(request).memberId);
      return reply.redirect(SECOND_FACTOR_PAGE, 303);
    },
  );

  http.post(
    SECOND_FACTOR_PAGE,
    { config: { access: 'member', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = tf(request);
      const outcome = await factors.confirm(viewerOf(request), formText(request, 'code'));
      if (outcome.ok) return codesPage(request, reply, outcome.recoveryCodes, 201);
      if (outcome.problem === 'not-started')
        return settingsPage(request, reply, factors, { notice: tr('notStarted') }, 409);
      return refusedPage(request, reply, factors, outcome, 'confirm', 'code');
    },
  );

  http.post(
    `${SECOND_FACTOR_PAGE}/recovery-codes`,
    { config: { access: 'member', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const outcome = await factors.renewRecoveryCodes(viewerOf(request).memberId, formText(request, 'code'));
      if (outcome.ok) return codesPage(request, reply, outcome.recoveryCodes, 201);
      return refusedPage(request, reply, factors, outcome, 'renew', 'code');
    },
  );

  http.post(
    `${SECOND_FACTOR_PAGE}/off`,
    { config: { access: 'member', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const { memberId } = viewerOf(request);
      if (!(await factors.status(memberId)).enabled) return reply.redirect(SECOND_FACTOR_PAGE, 303);
      const outcome = await factors.turnOff(
        memberId,
        formText(request, 'currentPassword'),
        formText(request, 'offCode'),
      );
      // Back on the settings page where it now says off, and that it was turned off (web/src/feedback.ts).
      if (outcome.ok)
        return reply.redirect(
          backAfter(request.body, `${SECOND_FACTOR_PAGE}#${OFF_STATE}`, 'account', 'two-factor-off'),
          303,
        );
      return refusedPage(
        request,
        reply,
        factors,
        outcome,
        'off',
        outcome.field === 'code' ? 'offCode' : outcome.field,
      );
    },
  );
}

function refusedPage(
  request: FastifyRequest,
  reply: FastifyReply,
  factors: SecondFactors,
  outcome: { problem: 'wrong' } | { problem: 'locked'; retryAfter: number },
  form: NonNullable<SettingsForm['form']>,
  fieldName: 'code' | 'offCode' | 'currentPassword',
): Promise<FastifyReply> {
  const message =
    outcome.problem === 'locked'
      ? lockedMessage(t(request), outcome.retryAfter)
      : fieldName === 'currentPassword'
        ? t(request)('wrongCurrent')
        : tf(request)('wrongCode');
  if (outcome.problem === 'locked') reply.header('retry-after', String(outcome.retryAfter));
  return settingsPage(
    request,
    reply,
    factors,
    { form, errors: [{ field: fieldName, message }] },
    outcome.problem === 'locked' ? 429 : 400,
  );
}
