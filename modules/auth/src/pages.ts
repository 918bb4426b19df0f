import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
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
  sendPage,
  translator,
  type FormBody,
  type Html,
  type Translate,
} from '@meetcute/web';
import type { Accounts } from './accounts.ts';
import { lockedMessage, messages, passwordMessage, suspendedMessage, type MessageKey } from './messages.ts';
import { PASSWORD_MAX, PASSWORD_MIN, safeNext } from './rules.ts';
import { viewerOf, type AuthDeps } from './routes.ts';
import { yourDataSections } from './your-data.ts';
import { codePage, tf } from './second-factor-pages.ts';

type T = Translate<MessageKey>;

export function t(request: FastifyRequest): T {
  return translator(messages, languageOf(request));
}

/** A form field as sent, untrimmed (spaces count in a password); missing or repeated reads as empty. */
export function formText(request: FastifyRequest, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function required(
  tr: T,
  fields: Array<[name: string, value: string, label: MessageKey]>,
): FieldProblem[] {
  return fields
    .filter(([, value]) => value.trim() === '')
    .map(([name, , label]) => ({ field: name, message: tr('required', { field: tr(label) }) }));
}

interface LoginForm {
  email?: string;
  next: string;
  errors?: FieldProblem[];
  /** Shown in place of field errors when log-in must wait, or the account is suspended. */
  locked?: string;
  lockedTitle?: string;
  /** Offer the way to appeal (a suspended member who knows their password). */
  appeal?: boolean;
  notice?: string;
}

function loginPage(
  request: FastifyRequest,
  reply: FastifyReply,
  form: LoginForm,
  status = 200,
): FastifyReply {
  const tr = t(request);
  return sendPage(
    request,
    reply,
    {
      title: tr('loginTitle'),
      notice: form.notice,
      body: html`<h1>${tr('loginTitle')}</h1>
        ${
          form.locked
            ? html`<div class="error-summary" role="alert" tabindex="-1">
                <h2>${form.lockedTitle ?? tr('lockedTitle')}</h2>
                <p>${form.locked}</p>
                ${form.appeal ? html`<p><a href="/appeal">${tr('appealLink')}</a></p>` : ''}
              </div>`
            : formErrors(form.errors, tr('fixTitle'))
        }
        <form method="post" action="/login" novalidate>
          ${hidden(request)}
          <input type="hidden" name="next" value="${form.next}" />
          ${field({ name: 'email', label: tr('email'), type: 'email', value: form.email, required: true, autocomplete: 'username', errors: form.errors, attrs: html`inputmode="email" autocapitalize="none" spellcheck="false"` })}
          ${field({ name: 'password', label: tr('password'), type: 'password', required: true, autocomplete: 'current-password', errors: form.errors })}
          <div class="actions"><button type="submit">${tr('loginButton')}</button></div>
        </form>
        <p><a href="/password/forgot">${tr('forgotLink')}</a></p>
        <p>${tr('noAccount')} <a href="/signup">${tr('signUp')}</a></p>`,
    },
    status,
  );
}

/** A log-in done: the session cookie set, and on to where the member was going. */
export async function loggedIn(
  request: FastifyRequest,
  reply: FastifyReply,
  { accounts, sessions }: AuthDeps,
  token: string,
  next: string,
): Promise<FastifyReply> {
  // The session this browser had before (perhaps another member's) is replaced, not left behind.
  if (request.viewer) await accounts.logout(request.viewer);
  sessions.setCookie(reply, token);
  return reply.redirect(next, 303);
}

/** What a change on the account page did: each is said in its section, and is that section's anchor. */
const ACCOUNT_OUTCOMES = ['password', 'email', 'change'] as const;
type AccountOutcome = (typeof ACCOUNT_OUTCOMES)[number];
const ACCOUNT_SECTIONS: Record<AccountOutcome, string> = {
  email: 'email',
  change: 'change-email',
  password: 'password',
};
const ACCOUNT_NOTICES = {
  password: 'passwordChanged',
  email: 'emailResent',
  change: 'changeEmailSent',
} as const satisfies Record<AccountOutcome, string>;

/**
 * Where a change on the account page comes back to: the page at the changed section, which
 * says what was done. These forms are posted by the browser, not in place: a wrong password
 * answered to a script would be sent again by its fallback, and count twice.
 */
export function accountDone(body: FormBody, outcome: AccountOutcome): string {
  return backAfter(body, `/account#${ACCOUNT_SECTIONS[outcome]}`, 'account', outcome);
}

/**
 * What the last change did, said in its own section (web/src/feedback.ts); not on a form's
 * errors, which are that form's answer.
 */
function changeSaid(request: FastifyRequest, status: number): (section: AccountOutcome) => Html | '' {
  const done = status === 200 ? feedbackOf(request, 'account', ACCOUNT_OUTCOMES) : null;
  return (section) => (done?.outcome === section ? feedbackNotice(t(request)(ACCOUNT_NOTICES[section])) : '');
}

interface AccountForm {
  errors?: FieldProblem[];
  /** The change-of-address form's own errors and what was typed in it. */
  emailErrors?: FieldProblem[];
  newEmail?: string;
  notice?: string;
}

export async function accountPage(
  request: FastifyRequest,
  reply: FastifyReply,
  accounts: Accounts,
  form: AccountForm,
  status = 200,
): Promise<FastifyReply> {
  const tr = t(request);
  const { memberId } = viewerOf(request);
  const [count, account] = await Promise.all([
    accounts.sessionCount(memberId),
    accounts.accountById(memberId),
  ]);
  const email = account?.email ?? '';
  const said = changeSaid(request, status);
  return sendPage(
    request,
    reply,
    {
      title: tr('accountTitle'),
      notice: form.notice,
      body: html`<h1>${tr('accountTitle')}</h1>
        <section id="${ACCOUNT_SECTIONS.email}" aria-labelledby="email-title">
          <h2 id="email-title">${tr('emailTitle')}</h2>
          ${said('email')}
          ${
            account?.emailConfirmed
              ? html`<p>${tr('emailConfirmedState', { email })}</p>`
              : html`<p>${tr('emailUnconfirmedState', { email })}</p>
                  <form method="post" action="/account/email/resend">
                    ${hidden(request)}
                    <button type="submit" class="secondary">${tr('emailResendButton')}</button>
                  </form>`
          }
        </section>
        <section id="${ACCOUNT_SECTIONS.change}" aria-labelledby="change-email-title">
          <h2 id="change-email-title">${tr('changeEmailTitle')}</h2>
          ${said('change')} ${formErrors(form.emailErrors, tr('fixTitle'))}
          <form method="post" action="/account/email" novalidate>
            ${hidden(request)}
            ${field({ name: 'email', id: 'new-email', label: tr('newEmail'), type: 'email', value: form.newEmail, required: true, autocomplete: 'email', errors: form.emailErrors, attrs: html`inputmode="email" autocapitalize="none" spellcheck="false"` })}
            ${field({ name: 'currentPassword', id: 'email-current-password', label: tr('currentPassword'), type: 'password', required: true, autocomplete: 'current-password', errors: form.emailErrors })}
            <div class="actions">
              <button type="submit" class="secondary">${tr('changeEmailButton')}</button>
            </div>
          </form>
        </section>
        <section id="${ACCOUNT_SECTIONS.password}" aria-labelledby="password-title">
          <h2 id="password-title">${tr('changePasswordTitle')}</h2>
          ${said('password')} ${formErrors(form.errors, tr('fixTitle'))}
          <form method="post" action="/account/password" novalidate>
            ${hidden(request)}
            ${field({ name: 'currentPassword', label: tr('currentPassword'), type: 'password', required: true, autocomplete: 'current-password', errors: form.errors })}
            ${field({ name: 'newPassword', label: tr('newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: tr('newPasswordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX }), errors: form.errors, attrs: html`minlength="${PASSWORD_MIN}" maxlength="${PASSWORD_MAX}"` })}
            <div class="actions"><button type="submit">${tr('changePasswordButton')}</button></div>
          </form>
        </section>
        <section aria-labelledby="two-factor-title">
          <h2 id="two-factor-title">${tf(request)('title')}</h2>
          <p>${account?.twoFactor ? tf(request)('onState') : tf(request)('offState')}</p>
          <p>
            <a href="/account/two-factor">${tf(request)(account?.twoFactor ? 'title' : 'setUpButton')}</a>
          </p>
        </section>
        <section aria-labelledby="everywhere-title">
          <h2 id="everywhere-title">${tr('everywhereTitle')}</h2>
          <p>${tr('everywhereText')}</p>
          <p>${tr('sessionCount', { count })}</p>
          <form method="post" action="/account/logout-everywhere">
            ${hidden(request)}
            <button type="submit" class="secondary">${tr('everywhereButton')}</button>
          </form>
        </section>
        ${yourDataSections(request)}`,
    },
    status,
  );
}

export function authPages(http: Http, deps: AuthDeps): void {
  loginPages(http, deps);
  accountPages(http, deps);
}

/** Logging in and out. */
function loginPages(http: Http, deps: AuthDeps): void {
  const { accounts, sessions } = deps;
  http.get(
    '/login',
    {
      config: { access: 'public', kind: 'page' },
      schema: {
        querystring: Type.Object({
          next: Type.Optional(Type.String({ maxLength: 500 })),
          done: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.viewer) return reply.redirect(next, 303);
      const done = {
        everywhere: 'loggedOutEverywhere',
        reset: 'passwordReset',
        deleted: 'accountDeleted',
      } as const;
      const asked = request.query.done;
      const key = asked === 'everywhere' || asked === 'reset' || asked === 'deleted' ? done[asked] : null;
      // A code form left open too long sends the member back here to start again.
      const notice = key ? t(request)(key) : asked === 'expired' ? tf(request)('codeExpired') : undefined;
      return loginPage(request, reply, { next, notice });
    },
  );

  http.post(
    '/login',
    { config: { access: 'public', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    (request, reply) => logIn(request, reply, deps),
  );

  // Public, so an expired session still gets a clean way out instead of an error.
  http.post(
    '/logout',
    { config: { access: 'public', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      if (request.viewer) await accounts.logout(request.viewer);
      sessions.clearCookie(reply);
      return reply.redirect('/', 303);
    },
  );
}

/** The log-in form sent: its answer for each outcome, or the session and on. */
async function logIn(request: FastifyRequest, reply: FastifyReply, deps: AuthDeps): Promise<FastifyReply> {
  const tr = t(request);
  const email = formText(request, 'email');
  const password = formText(request, 'password');
  const next = safeNext(formText(request, 'next'));
  const missing = required(tr, [
    ['email', email, 'email'],
    ['password', password, 'password'],
  ]);
  if (missing.length > 0) return loginPage(request, reply, { email, next, errors: missing }, 400);
  const outcome = await deps.accounts.login(email, password, request.ip, request.headers['user-agent']);
  switch (outcome.kind) {
    case 'locked':
      reply.header('retry-after', String(outcome.retryAfter));
      return loginPage(request, reply, { email, next, locked: lockedMessage(tr, outcome.retryAfter) }, 429);
    case 'suspended':
      return loginPage(
        request,
        reply,
        {
          email,
          next,
          locked: suspendedMessage(tr, languageOf(request), outcome.until, outcome.reason),
          lockedTitle: tr('suspendedTitle'),
          appeal: true,
        },
        403,
      );
    case 'wrong':
      // On the password field: that is where the member types again, whichever was wrong.
      return loginPage(
        request,
        reply,
        { email, next, errors: [{ field: 'password', message: tr('loginFailed') }] },
        401,
      );
    case 'second-factor':
      return codePage(request, reply, { ticket: outcome.ticket, next });
    case 'ok':
      // A moderator without a second factor goes to set one up first: their role waits on it.
      return loggedIn(request, reply, deps, outcome.token, outcome.view.heldBack?.href ?? next);
  }
}

/** The account page, with changing the password and logging out everywhere (its address forms are in recovery-pages.ts). */
function accountPages(http: Http, { accounts, sessions }: AuthDeps): void {
  http.get(
    '/account',
    {
      config: { access: 'member', kind: 'page' },
    },
    (request, reply) => accountPage(request, reply, accounts, {}),
  );

  http.post(
    '/account/password',
    { config: { access: 'member', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const tr = t(request);
      const currentPassword = formText(request, 'currentPassword');
      const newPassword = formText(request, 'newPassword');
      const missing = required(tr, [
        ['currentPassword', currentPassword, 'currentPassword'],
        ['newPassword', newPassword, 'newPassword'],
      ]);
      if (missing.length > 0) return accountPage(request, reply, accounts, { errors: missing }, 400);
      const outcome = await accounts.changePassword(viewerOf(request), currentPassword, newPassword);
      if (outcome.ok) return reply.redirect(accountDone(request.body, 'password'), 303);
      if (outcome.problem === 'locked') {
        reply.header('retry-after', String(outcome.retryAfter));
        const message = lockedMessage(tr, outcome.retryAfter);
        return accountPage(request, reply, accounts, { errors: [{ field: outcome.field, message }] }, 429);
      }
      const message = passwordMessage(tr, outcome.problem);
      return accountPage(request, reply, accounts, { errors: [{ field: outcome.field, message }] }, 400);
    },
  );

  http.post(
    '/account/logout-everywhere',
    { config: { access: 'member', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await accounts.logoutEverywhere(viewerOf(request).memberId);
      sessions.clearCookie(reply);
      return reply.redirect('/login?done=everywhere', 303);
    },
  );
}
