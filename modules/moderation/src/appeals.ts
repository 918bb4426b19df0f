import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, problems, ProblemSchema, type FieldProblem, type Http } from '@meetcute/core';
import type { SuspendedLogin } from '@meetcute/auth/events';
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
} from '@meetcute/web';
import { APPEAL_MAX, REASON_MIN, type Commands } from './commands.ts';
import { messages } from './messages.ts';

const tr = (request: FastifyRequest) => translator(messages, languageOf(request));

/**
 * A suspended member cannot log in, so the appeal asks for the email and password (under
 * log-in's limits) and says who is writing only to whoever knows both.
 */
async function appealAs(
  logins: SuspendedLogin,
  run: Commands,
  request: FastifyRequest,
  input: { email: string; password: string; text: string },
): Promise<void> {
  const t = tr(request);
  const who = await logins.check(input.email, input.password, request.ip);
  switch (who.kind) {
    case 'wrong':
      throw new Problem(401, 'login-failed', t('appealWrong'), 'Check both and try again.');
    case 'locked':
      throw problems.tooMany(t('appealLocked', { n: Math.max(1, Math.ceil(who.retryAfter / 60)) }));
    case 'not-suspended':
      throw problems.conflict('not-suspended', 'Not suspended', t('appealNotSuspended'));
    case 'suspended':
      return run.appeal(who.memberId, input.text);
  }
}

/** What the appeal works with: the moderation commands, and auth's check of a suspended member's log-in. */
export interface AppealDeps {
  commands: Commands;
  logins: SuspendedLogin;
}

/** A suspended or banned member's appeal, by the API and by its page. */
export function appealRoutes(http: Http, deps: AppealDeps): void {
  appealRoute(http, deps);
  appealPages(http, deps);
}

function appealRoute(http: Http, { commands, logins }: AppealDeps): void {
  http.post(
    '/api/v1/appeals',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Appeal my suspension or ban, once, with my email and password',
        description:
          'A suspended member cannot log in: the appeal proves who writes. One appeal per decision (409 after).',
        tags: ['moderation'],
        body: Type.Object({
          email: Type.String({ minLength: 1, maxLength: 320 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
          text: Type.String({ minLength: 1, maxLength: APPEAL_MAX * 4 }),
        }),
        response: { 201: Type.Object({}), 401: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      await appealAs(logins, commands, request, request.body);
      return reply.code(201).send({});
    },
  );
}

/** The command refuses the words in English; the member reads what to fix in their own language. */
function appealErrors(t: ReturnType<typeof tr>, errors: FieldProblem[]): FieldProblem[] {
  return errors.map((e) =>
    e.field === 'text' ? { ...e, message: t('appealLength', { min: REASON_MIN, max: APPEAL_MAX }) } : e,
  );
}

/** The appeal form; a refusal shows it again with what the member wrote, and why. */
function appealPages(http: Http, { commands, logins }: AppealDeps): void {
  http.get('/appeal', { config: { access: 'public', kind: 'page' } }, (request, reply) =>
    appealPage(request, reply, {}),
  );

  http.post(
    '/appeal',
    { config: { access: 'public', kind: 'page' }, schema: { body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const t = tr(request);
      const input = {
        email: form.text(request.body, 'email').trim(),
        password: form.text(request.body, 'password'),
        text: form.text(request.body, 'text'),
      };
      try {
        await appealAs(logins, commands, request, input);
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        if (error.status === 429) reply.header('retry-after', '60');
        const shown = { email: input.email, text: input.text };
        return error.status === 400
          ? appealPage(request, reply, { ...shown, errors: appealErrors(t, error.errors ?? []) }, 400)
          : appealPage(
              request,
              reply,
              { ...shown, problem: error.status === 401 ? t('appealWrong') : (error.detail ?? error.title) },
              error.status,
            );
      }
      return sendPage(request, reply, {
        title: t('appealTitle'),
        body: html`<h1>${t('appealTitle')}</h1>
          <p>${t('appealThanks')}</p>`,
      });
    },
  );
}

function appealPage(
  request: FastifyRequest,
  reply: FastifyReply,
  f: { email?: string; text?: string; errors?: FieldProblem[]; problem?: string },
  status = 200,
) {
  const t = tr(request);
  return sendPage(
    request,
    reply,
    {
      title: t('appealTitle'),
      body: html`<h1>${t('appealTitle')}</h1>
        ${f.problem ? html`<div class="error-summary" role="alert" tabindex="-1"><p>${f.problem}</p></div>` : formErrors(f.errors, t('fixTitle'))}
        <p>${t('appealIntro')}</p>
        <form method="post" action="/appeal" novalidate>
          ${hidden(request)}
          ${field({ name: 'email', label: t('email'), type: 'email', value: f.email, required: true, autocomplete: 'username', errors: f.errors })}
          ${field({ name: 'password', label: t('password'), type: 'password', required: true, autocomplete: 'current-password', errors: f.errors })}
          ${field({ name: 'text', label: t('appealText'), hint: t('appealHint'), multiline: true, value: f.text, required: true, errors: f.errors, attrs: html`maxlength="${APPEAL_MAX}"` })}
          <div class="actions"><button type="submit">${t('appealButton')}</button></div>
        </form>`,
    },
    status,
  );
}
