import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldProblem, Http } from '@meetcute/core';
import { field, FORM_BODY_SCHEMA, formErrors, hidden, html, languageOf, sendPage } from '@meetcute/web';
import { accountDone, accountPage, formText, required, t } from './pages.ts';
import { limitedMessage, lockedMessage, passwordMessage } from './messages.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './rules.ts';
import { viewerOf } from './routes.ts';
import type { RecoveryDeps } from './recovery-routes.ts';

// Long enough for any token ctx.links makes, short enough to refuse junk before reading it.
const TOKEN = Type.String({ maxLength: 600 });

const page = { access: 'public', kind: 'page' } as const;
const memberPage = { access: 'member', kind: 'page' } as const;

function forgotPage(
  request: FastifyRequest,
  reply: FastifyReply,
  form: { email?: string; errors?: FieldProblem[]; limited?: string },
  status = 200,
): FastifyReply {
  const tr = t(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('forgotTitle'),
      body: html`<h1>${tr('forgotTitle')}</h1>
        ${
          form.limited
            ? html`<div class="error-summary" role="alert" tabindex="-1">
                <h2>${tr('lockedTitle')}</h2>
                <p>${form.limited}</p>
              </div>`
            : formErrors(form.errors, tr('fixTitle'))
        }
        <p>${tr('forgotText')}</p>
        <form method="post" action="/password/forgot" novalidate>
          ${hidden(request)}
          ${field({ name: 'email', label: tr('email'), type: 'email', value: form.email, required: true, autocomplete: 'username', errors: form.errors, attrs: html`inputmode="email" autocapitalize="none" spellcheck="false"` })}
          <div class="actions"><button type="submit">${tr('forgotButton')}</button></div>
        </form>`,
    },
    status,
  );
}

function resetPage(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  errors?: FieldProblem[],
  status = 200,
): FastifyReply {
  const tr = t(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('resetTitle'),
      body: html`<h1>${tr('resetTitle')}</h1>
        ${formErrors(errors, tr('fixTitle'))}
        <form method="post" action="/password/reset" novalidate>
          ${hidden(request)}
          <input type="hidden" name="token" value="${token}" />
          ${field({ name: 'newPassword', label: tr('newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: tr('newPasswordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX }), errors, attrs: html`minlength="${PASSWORD_MIN}" maxlength="${PASSWORD_MAX}"` })}
          <div class="actions"><button type="submit">${tr('resetButton')}</button></div>
        </form>`,
    },
    status,
  );
}

/** Said for a link that was forged, mangled, used, or outlived: which one is nobody's business. */
function badLinkPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const tr = t(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('resetBadLinkTitle'),
      body: html`<h1>${tr('resetBadLinkTitle')}</h1>
        <p>${tr('resetBadLink')}</p>
        <p><a href="/password/forgot">${tr('resetAgain')}</a></p>`,
    },
    400,
  );
}

function confirmPage(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  message?: string,
  status = 200,
): FastifyReply {
  const tr = t(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('confirmTitle'),
      body: html`<h1>${tr('confirmTitle')}</h1>
        ${
          message !== undefined
            ? html`<p>${message}</p>
                <p><a href="/account">${tr('toAccount')}</a></p>`
            : html`<p>${tr('confirmText')}</p>
                <form method="post" action="/account/email/confirm">
                  ${hidden(request)}
                  <input type="hidden" name="token" value="${token}" />
                  <div class="actions"><button type="submit">${tr('confirmButton')}</button></div>
                </form>`
        }`,
    },
    status,
  );
}

/** The page a change-of-address link opens. */
function changePage(request: FastifyRequest, reply: FastifyReply, token: string): FastifyReply {
  const tr = t(request);
  return sendPage(request, reply, {
    title: tr('changeTitle'),
    body: html`<h1>${tr('changeTitle')}</h1>
      <form method="post" action="/account/email/change">
        ${hidden(request)}
        <input type="hidden" name="token" value="${token}" />
        <div class="actions"><button type="submit">${tr('changeButton')}</button></div>
      </form>`,
  });
}

/** What became of a change of address: made, the address taken meanwhile, or a bad link. */
function changedPage(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: 'changed' | 'invalid' | 'taken',
): FastifyReply {
  const tr = t(request);
  const [message, status] =
    outcome === 'changed'
      ? [tr('changeDone'), 200]
      : outcome === 'taken'
        ? [tr('changeTaken'), 409]
        : [tr('changeBadLink'), 400];
  return sendPage(
    request,
    reply,
    {
      title: tr('changeTitle'),
      body: html`<h1>${tr('changeTitle')}</h1>
        <p>${message}</p>
        <p><a href="/account">${tr('toAccount')}</a></p>`,
    },
    status,
  );
}

/** Forgotten passwords, reset links, and confirming an address, as pages that work without JavaScript. */
export function recoveryPages(http: Http, deps: RecoveryDeps): void {
  passwordResetPages(http, deps);
  confirmationPages(http, deps);
  emailChangePages(http, deps);
}

/** A forgotten password: the link asked for by address, then the new password chosen with it. */
function passwordResetPages(http: Http, { recovery }: RecoveryDeps): void {
  http.get('/password/forgot', { config: page }, (request, reply) => forgotPage(request, reply, {}));

  http.post(
    '/password/forgot',
    { config: page, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = t(request);
      const email = formText(request, 'email').trim();
      const missing = required(tr, [['email', email, 'email']]);
      if (missing.length > 0) return forgotPage(request, reply, { email, errors: missing }, 400);
      if (email.length > 320 || !email.includes('@')) {
        return forgotPage(
          request,
          reply,
          { email, errors: [{ field: 'email', message: tr('loginFailed') }] },
          400,
        );
      }
      const limited = await recovery.requestReset(email, request.ip, languageOf(request));
      if (limited) {
        reply.header('retry-after', String(limited.retryAfter));
        const message = limitedMessage(tr, 'forgotLimited', limited.retryAfter);
        return forgotPage(request, reply, { email, limited: message }, 429);
      }
      return sendPage(request, reply, {
        title: tr('forgotSentTitle'),
        body: html`<h1>${tr('forgotSentTitle')}</h1>
          <p>${tr('forgotSent', { email })}</p>
          <p><a href="/login">${tr('loginTitle')}</a></p>`,
      });
    },
  );

  http.get(
    '/password/reset',
    { config: page, schema: { querystring: Type.Object({ token: Type.Optional(TOKEN) }) } },
    async (request, reply) => {
      const token = request.query.token ?? '';
      if (!(await recovery.linkWorks(token))) return badLinkPage(request, reply);
      return resetPage(request, reply, token);
    },
  );

  http.post(
    '/password/reset',
    { config: page, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = t(request);
      const token = formText(request, 'token').slice(0, 600);
      const newPassword = formText(request, 'newPassword');
      const missing = required(tr, [['newPassword', newPassword, 'newPassword']]);
      if (missing.length > 0) {
        if (!(await recovery.linkWorks(token))) return badLinkPage(request, reply);
        return resetPage(request, reply, token, missing, 400);
      }
      const outcome = await recovery.resetPassword(token, newPassword);
      if (outcome.ok) return reply.redirect('/login?done=reset', 303);
      if (outcome.problem === 'link') return badLinkPage(request, reply);
      const message = passwordMessage(tr, outcome.problem);
      return resetPage(request, reply, token, [{ field: 'newPassword', message }], 400);
    },
  );
}

/** Confirming the login address: the link's page and its button, and the link sent again from the account page. */
function confirmationPages(http: Http, { recovery, accounts }: RecoveryDeps): void {
  http.get(
    '/account/email/confirm',
    { config: page, schema: { querystring: Type.Object({ token: Type.Optional(TOKEN) }) } },
    // A button, not the link itself, confirms: mail scanners open links, and a GET changes nothing.
    (request, reply) => confirmPage(request, reply, request.query.token ?? ''),
  );

  http.post(
    '/account/email/confirm',
    { config: page, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = t(request);
      const outcome = await recovery.confirmEmail(formText(request, 'token').slice(0, 600));
      if (outcome === 'invalid') return confirmPage(request, reply, '', tr('confirmBadLink'), 400);
      return confirmPage(request, reply, '', tr(outcome === 'confirmed' ? 'confirmDone' : 'confirmAlready'));
    },
  );

  http.post(
    '/account/email/resend',
    { config: memberPage, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const outcome = await recovery.requestConfirmation(viewerOf(request).memberId, languageOf(request));
      if (outcome === null) return reply.redirect(accountDone(request.body, 'email'), 303);
      if (outcome === 'already') return reply.redirect('/account', 303);
      reply.header('retry-after', String(outcome.retryAfter));
      const notice = limitedMessage(t(request), 'emailResendLimited', outcome.retryAfter);
      return accountPage(request, reply, accounts, { notice }, 429);
    },
  );
}

/** Logging in with another address: asked for on the account page, made by the link sent to it. */
function emailChangePages(http: Http, { recovery, accounts }: RecoveryDeps): void {
  http.post(
    '/account/email',
    { config: memberPage, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = t(request);
      const newEmail = formText(request, 'email').trim();
      const currentPassword = formText(request, 'currentPassword');
      const missing = required(tr, [
        ['email', newEmail, 'newEmail'],
        ['currentPassword', currentPassword, 'currentPassword'],
      ]);
      if (missing.length > 0)
        return accountPage(request, reply, accounts, { emailErrors: missing, newEmail }, 400);
      const outcome = await recovery.requestEmailChange(
        viewerOf(request).memberId,
        newEmail,
        currentPassword,
        languageOf(request),
      );
      if (outcome.ok) return reply.redirect(accountDone(request.body, 'change'), 303);
      let message: string;
      let status = 400;
      if (outcome.problem === 'locked') {
        reply.header('retry-after', String(outcome.retryAfter));
        message = lockedMessage(tr, outcome.retryAfter);
        status = 429;
      } else if (outcome.field === 'email') {
        message = tr(outcome.problem === 'same' ? 'emailSame' : 'emailInvalid');
      } else {
        message = passwordMessage(tr, 'wrong');
      }
      const emailErrors = [{ field: outcome.field, message }];
      return accountPage(request, reply, accounts, { emailErrors, newEmail }, status);
    },
  );

  http.get(
    '/account/email/change',
    { config: page, schema: { querystring: Type.Object({ token: Type.Optional(TOKEN) }) } },
    // As for confirming: the link opens a page, and its button makes the change.
    (request, reply) => changePage(request, reply, request.query.token ?? ''),
  );

  http.post(
    '/account/email/change',
    { config: page, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) =>
      changedPage(
        request,
        reply,
        await recovery.confirmEmailChange(formText(request, 'token').slice(0, 600)),
      ),
  );
}
