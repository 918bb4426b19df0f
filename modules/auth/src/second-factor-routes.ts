import { Type } from 'typebox';
import { Problem, problems, type Http } from '@meetcute/core';
import type { Accounts, CurrentPassword } from './accounts.ts';
import type { SecondFactors } from './second-factor.ts';
import type { SessionStore } from './sessions.ts';
import { loginFailed, problemResponses, SessionSchema, tooManyAttempts, viewerOf } from './routes.ts';

const Code = Type.String({
  minLength: 1,
  maxLength: 32,
  description: 'Six digits from the app, or a recovery code',
});
const RecoveryCodes = Type.Object({
  recoveryCodes: Type.Array(Type.String(), {
    description: 'Each good once in place of a code; shown only now',
  }),
});

function refused(outcome: Exclude<CurrentPassword, { ok: true }>, field: string, wrong: string): Problem {
  if (outcome.problem === 'locked') return tooManyAttempts(outcome.retryAfter);
  return problems.invalid([{ field, message: wrong }]);
}

const WRONG_CODE = 'This code does not match: type the one your app shows now';

/** What the second-factor routes and pages work with. */
export interface SecondFactorDeps {
  factors: SecondFactors;
  accounts: Accounts;
  sessions: SessionStore;
}

/** Two-factor authentication over the API: setting it up, using it to log in, turning it off. */
export function secondFactorRoutes(http: Http, deps: SecondFactorDeps): void {
  logInCodeRoute(http, deps);
  setUpRoutes(http, deps);
  recoveryCodesRoute(http, deps);
  turnOffRoute(http, deps);
}

/** The second half of a log-in: the ticket the password earned, and a code from the app. */
function logInCodeRoute(http: Http, { factors, sessions }: SecondFactorDeps): void {
  http.post(
    '/api/v1/sessions/second-factor',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Complete a log-in with a code from the authenticator app',
        description:
          'The ticket comes from POST /api/v1/sessions (202) once the password was right. Wrong codes count as failed log-ins of the account; a code works once.',
        tags: ['auth'],
        body: Type.Object({ ticket: Type.String({ minLength: 1, maxLength: 500 }), code: Code }),
        response: { 200: SessionSchema, ...problemResponses(401, 429) },
      },
    },
    async (request, reply) => {
      const outcome = await factors.completeLogin(
        request.body.ticket,
        request.body.code,
        request.headers['user-agent'],
      );
      switch (outcome.kind) {
        case 'ticket':
          throw new Problem(
            401,
            'login-expired',
            'Log in again',
            'This log-in took too long: start again with your password.',
          );
        case 'locked':
          reply.header('retry-after', String(outcome.retryAfter));
          throw tooManyAttempts(outcome.retryAfter);
        case 'wrong':
          throw loginFailed();
        case 'ok':
          sessions.setCookie(reply, outcome.token);
          return outcome.view;
      }
    },
  );
}

/** Whether it is on, and turning it on: a new secret for the app, confirmed by a code from it. */
function setUpRoutes(http: Http, { factors }: SecondFactorDeps): void {
  http.get(
    '/api/v1/account/two-factor',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Whether my log-in asks for a code, and how many recovery codes are left',
        tags: ['auth'],
        response: {
          200: Type.Object({ enabled: Type.Boolean(), recoveryCodesLeft: Type.Integer() }),
        },
      },
    },
    (request) => factors.status(viewerOf(request).memberId),
  );

  http.post(
    '/api/v1/account/two-factor/setup',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Start setting up an authenticator app',
        description:
          'A new secret to put in the app (typed, or from the otpauth link as a QR code). Nothing changes until a code from the app confirms it.',
        tags: ['auth'],
        response: {
          201: Type.Object({ secret: Type.String(), uri: Type.String() }),
          ...problemResponses(409),
        },
      },
    },
    async (request, reply) => {
      const setUp = await factors.begin(viewerOf(request).memberId);
      if (!setUp)
        throw problems.conflict('two-factor-on', 'Already on', 'Two-factor authentication is on already.');
      return reply.code(201).send(setUp);
    },
  );

  http.post(
    '/api/v1/account/two-factor',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Turn two-factor authentication on with a code from the app',
        description: 'Answers the recovery codes, once. Every other session of the member ends.',
        tags: ['auth'],
        body: Type.Object({ code: Code }),
        response: { 201: RecoveryCodes, ...problemResponses(409, 429) },
      },
    },
    async (request, reply) => {
      const outcome = await factors.confirm(viewerOf(request), request.body.code);
      if (outcome.ok) return reply.code(201).send({ recoveryCodes: outcome.recoveryCodes });
      if (outcome.problem === 'not-started')
        throw problems.conflict(
          'two-factor-not-started',
          'Nothing to confirm',
          'Start the setup first: there is no secret to confirm.',
        );
      throw refused(outcome, 'code', WRONG_CODE);
    },
  );
}

function recoveryCodesRoute(http: Http, { factors }: SecondFactorDeps): void {
  http.post(
    '/api/v1/account/two-factor/recovery-codes',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'New recovery codes for a code from the app',
        description: 'The earlier recovery codes stop working.',
        tags: ['auth'],
        body: Type.Object({ code: Code }),
        response: { 201: RecoveryCodes, ...problemResponses(429) },
      },
    },
    async (request, reply) => {
      const outcome = await factors.renewRecoveryCodes(viewerOf(request).memberId, request.body.code);
      if (outcome.ok) return reply.code(201).send({ recoveryCodes: outcome.recoveryCodes });
      throw refused(outcome, 'code', WRONG_CODE);
    },
  );
}

function turnOffRoute(http: Http, { factors }: SecondFactorDeps): void {
  http.delete(
    '/api/v1/account/two-factor',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Turn two-factor authentication off',
        description:
          'Needs the password and a code (or a recovery code). A moderator’s role is held back until it is on again.',
        tags: ['auth'],
        body: Type.Object({
          currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
          code: Code,
        }),
        response: { 204: Type.Null(), ...problemResponses(429) },
      },
    },
    async (request, reply) => {
      const { memberId } = viewerOf(request);
      const status = await factors.status(memberId);
      if (!status.enabled) return reply.code(204).send(null);
      const outcome = await factors.turnOff(memberId, request.body.currentPassword, request.body.code);
      if (outcome.ok) return reply.code(204).send(null);
      const wrong = outcome.field === 'currentPassword' ? 'This is not your current password' : WRONG_CODE;
      throw refused(outcome, outcome.field, wrong);
    },
  );
}
