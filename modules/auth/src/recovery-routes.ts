import { Type } from 'typebox';
import { problems, type Http, type Problem } from '@meetcute/core';
import { LanguageSchema, languageOf } from '@meetcute/web';
import type { Accounts } from './accounts.ts';
import type { Recovery } from './recovery.ts';
import { english, limitedMessage, passwordMessage } from './messages.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './rules.ts';
import { problemResponses, tooManyAttempts, viewerOf } from './routes.ts';

const TOKEN = Type.String({
  minLength: 1,
  maxLength: 600,
  description: 'The token from the link in the mail',
});

function badLink(): Problem {
  return problems.invalid([{ field: 'token', message: english('resetBadLinkTitle') }]);
}

/** What the recovery routes and pages work with. */
export interface RecoveryDeps {
  recovery: Recovery;
  accounts: Accounts;
}

/** The same recovery as the pages, for apps: ask for a link, use it, confirm an address. */
export function recoveryRoutes(http: Http, deps: RecoveryDeps): void {
  passwordResetRoutes(http, deps);
  confirmationRoutes(http, deps);
  emailChangeRoutes(http, deps);
}

/** A forgotten password: a link by mail, then a new password with its token. */
function passwordResetRoutes(http: Http, { recovery }: RecoveryDeps): void {
  http.post(
    '/api/v1/password-resets',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Send me a link to choose a new password',
        description:
          'Always 202, whether or not the address is a member’s, so nobody can probe for accounts. The link works once, for an hour. ' +
          'A few links an hour per address (more are quietly not sent), and per caller (429 with Retry-After).',
        tags: ['auth'],
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 320 }),
          language: Type.Optional(LanguageSchema),
        }),
        response: { 202: Type.Object({}), ...problemResponses(429) },
      },
    },
    async (request, reply) => {
      const language = request.body.language ?? languageOf(request);
      const limited = await recovery.requestReset(request.body.email, request.ip, language);
      if (limited) {
        reply.header('retry-after', String(limited.retryAfter));
        throw problems.tooMany(limitedMessage(english, 'forgotLimited', limited.retryAfter));
      }
      return reply.code(202).send({});
    },
  );

  http.post(
    '/api/v1/password-resets/redeem',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Choose a new password with the link’s token',
        description: 'Ends every session of the member; the link, and any other sent before, stops working.',
        tags: ['auth'],
        body: Type.Object({
          token: TOKEN,
          newPassword: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
        }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const outcome = await recovery.resetPassword(request.body.token, request.body.newPassword);
      if (outcome.ok) return reply.code(204).send(null);
      if (outcome.problem === 'link') throw badLink();
      throw problems.invalid([{ field: 'newPassword', message: passwordMessage(english, outcome.problem) }]);
    },
  );
}

/** The login address and its confirmation: the link sent again, and followed. */
function confirmationRoutes(http: Http, { recovery, accounts }: RecoveryDeps): void {
  http.get(
    '/api/v1/account',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'My login email and whether it is confirmed',
        tags: ['auth'],
        response: {
          200: Type.Object({ memberId: Type.String(), email: Type.String(), emailConfirmed: Type.Boolean() }),
        },
      },
    },
    async (request) => {
      const { memberId } = viewerOf(request);
      const account = await accounts.accountById(memberId);
      return { memberId, email: account?.email ?? '', emailConfirmed: account?.emailConfirmed ?? false };
    },
  );

  http.post(
    '/api/v1/account/email/confirmation-requests',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Send the link that confirms my address again',
        description:
          'The link works for a week. 409 once the address is confirmed; a few links an hour (429).',
        tags: ['auth'],
        body: Type.Optional(Type.Object({ language: Type.Optional(LanguageSchema) })),
        response: { 202: Type.Object({}), ...problemResponses(409, 429) },
      },
    },
    async (request, reply) => {
      const language = request.body?.language ?? languageOf(request);
      const outcome = await recovery.requestConfirmation(viewerOf(request).memberId, language);
      if (outcome === 'already') {
        throw problems.conflict('already-confirmed', 'Already confirmed', english('confirmAlready'));
      }
      if (outcome) {
        reply.header('retry-after', String(outcome.retryAfter));
        throw problems.tooMany(limitedMessage(english, 'emailResendLimited', outcome.retryAfter));
      }
      return reply.code(202).send({});
    },
  );

  http.post(
    '/api/v1/account/email/confirmations',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Confirm my address with the link’s token',
        description: 'Works without a session: the link may be opened on another device.',
        tags: ['auth'],
        body: Type.Object({ token: TOKEN }),
        response: {
          200: Type.Object({ status: Type.Union([Type.Literal('confirmed'), Type.Literal('already')]) }),
        },
      },
    },
    async (request) => {
      const outcome = await recovery.confirmEmail(request.body.token);
      if (outcome === 'invalid') throw badLink();
      return { status: outcome };
    },
  );
}

/** Logging in with another address: asked for with the password, made when the link sent to it is followed. */
function emailChangeRoutes(http: Http, { recovery }: RecoveryDeps): void {
  http.put(
    '/api/v1/account/email',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Log in with another address',
        description:
          'Needs the current password (wrong ones count as failed log-ins). A link goes to the new address; the change is made only when it is followed (within a day), and the old address is then told. 202 whether or not another account has the address.',
        tags: ['auth'],
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 320 }),
          currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
          language: Type.Optional(LanguageSchema),
        }),
        response: { 202: Type.Object({}), ...problemResponses(429) },
      },
    },
    async (request, reply) => {
      const { email, currentPassword } = request.body;
      const language = request.body.language ?? languageOf(request);
      const outcome = await recovery.requestEmailChange(
        viewerOf(request).memberId,
        email,
        currentPassword,
        language,
      );
      if (outcome.ok) return reply.code(202).send({});
      if (outcome.problem === 'locked') {
        reply.header('retry-after', String(outcome.retryAfter));
        throw tooManyAttempts(outcome.retryAfter);
      }
      const message =
        outcome.field === 'email'
          ? english(outcome.problem === 'same' ? 'emailSame' : 'emailInvalid')
          : passwordMessage(english, 'wrong');
      throw problems.invalid([{ field: outcome.field, message }]);
    },
  );

  http.post(
    '/api/v1/account/email/changes',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Make the new address mine, with the token from the link sent to it',
        description: 'Works without a session. 409 when another account has taken the address meanwhile.',
        tags: ['auth'],
        body: Type.Object({ token: TOKEN }),
        response: { 204: Type.Null(), ...problemResponses(409) },
      },
    },
    async (request, reply) => {
      const outcome = await recovery.confirmEmailChange(request.body.token);
      if (outcome === 'invalid') throw badLink();
      if (outcome === 'taken')
        throw problems.conflict('email-taken', 'Address taken', english('changeTaken'));
      return reply.code(204).send(null);
    },
  );
}
