import { ProblemSchema } from '@meetcute/core';
import type { FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { Problem, problems, type Http, type Viewer } from '@meetcute/core';
import type { Accounts } from './accounts.ts';
import type { SessionStore } from './sessions.ts';
import { english, lockedMessage, passwordMessage, suspendedMessage } from './messages.ts';
import { PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem } from './rules.ts';

/** The refusals a route makes itself, beyond the 400, 401, 403 and 415 the chassis lists for it. */
export function problemResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
}

export const SessionSchema = Type.Object({
  memberId: Type.String(),
  status: Type.Union([Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('rejected')], {
    description: 'Where the member is in registration review',
  }),
  roles: Type.Array(Type.String(), { description: "'moderator' for moderators, 'operator' for operators" }),
  heldBack: Type.Optional(
    Type.Object(
      {
        roles: Type.Array(Type.String()),
        href: Type.String(),
        detail: Type.String(),
      },
      { description: 'Roles given but held back until the member sets something up (a second factor)' },
    ),
  ),
});

const MemberRolesSchema = Type.Object({
  memberId: Type.String(),
  roles: Type.Array(Type.String()),
  heldBack: SessionSchema.properties.heldBack,
});

/** The same answer for an unknown email and a wrong password, so nobody can probe for accounts. */
export function loginFailed(): Problem {
  return new Problem(401, 'login-failed', english('loginFailed'), 'Check both and try again.');
}

export function tooManyAttempts(retryAfter: number): Problem {
  return problems.tooMany(lockedMessage(english, retryAfter));
}

/** Member routes run only with a viewer; the chassis has already refused anyone else. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw problems.unauthenticated();
  return request.viewer;
}

export function sessionView({ memberId, status, roles, heldBack }: Viewer): Static<typeof SessionSchema> {
  return { memberId, status, roles, ...(heldBack && { heldBack }) };
}

function passwordProblem(
  field: 'currentPassword' | 'newPassword',
  problem: PasswordProblem | 'wrong',
): Problem {
  return problems.invalid([{ field, message: passwordMessage(english, problem) }]);
}

/** What the account routes and pages work with. */
export interface AuthDeps {
  accounts: Accounts;
  sessions: SessionStore;
}

export function authRoutes(http: Http, deps: AuthDeps): void {
  logInRoute(http, deps);
  sessionRoutes(http, deps);
  passwordRoute(http, deps);
  moderatorRoutes(http, deps);
}

function logInRoute(http: Http, { accounts, sessions }: AuthDeps): void {
  http.post(
    '/api/v1/sessions',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Log in',
        description:
          'Starts a session and sets the session cookie. A wrong email and a wrong password get the same answer. ' +
          'After a few failures for one email each next try waits twice as long (30 s, 1 min, …); too many from one address stop log-in from it for a while. Either way a 429 with Retry-After. ' +
          'A member with two-factor authentication gets 202 and a ticket instead of a session: send it with a code from their app to /api/v1/sessions/second-factor.',
        tags: ['auth'],
        body: Type.Object({
          email: Type.String({ minLength: 1, maxLength: 320 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: {
          200: SessionSchema,
          202: Type.Object({
            ticket: Type.String({ description: 'Good for ten minutes, for one log-in' }),
            detail: Type.String(),
          }),
          ...problemResponses(401, 429),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const outcome = await accounts.login(email, password, request.ip, request.headers['user-agent']);
      switch (outcome.kind) {
        case 'locked':
          reply.header('retry-after', String(outcome.retryAfter));
          throw tooManyAttempts(outcome.retryAfter);
        case 'wrong':
          throw loginFailed();
        case 'suspended':
          throw new Problem(
            403,
            'account-suspended',
            english('suspendedTitle'),
            suspendedMessage(english, 'en', outcome.until, outcome.reason),
          );
        case 'second-factor':
          return reply.code(202).send({
            ticket: outcome.ticket,
            detail: 'Send a code from your authenticator app with this ticket.',
          });
        case 'ok':
          // The session this browser had before (perhaps another member's) is replaced, not left behind.
          if (request.viewer) await accounts.logout(request.viewer);
          sessions.setCookie(reply, outcome.token);
          return outcome.view;
      }
    },
  );
}

/** The member's own session: who they are, and logging out here or everywhere. */
function sessionRoutes(http: Http, { accounts, sessions }: AuthDeps): void {
  http.get(
    '/api/v1/sessions/current',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Who I am: my member id, review status and roles',
        tags: ['auth'],
        response: { 200: SessionSchema },
      },
    },
    // The chassis resolved the viewer from the session already; no need to read it again.
    (request) => sessionView(viewerOf(request)),
  );

  http.delete(
    '/api/v1/sessions/current',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Log out on this device',
        tags: ['auth'],
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await accounts.logout(viewerOf(request));
      sessions.clearCookie(reply);
      return reply.code(204).send(null);
    },
  );

  http.delete(
    '/api/v1/sessions',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Log out everywhere',
        description: 'Ends every session of the member on every device, this one included.',
        tags: ['auth'],
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await accounts.logoutEverywhere(viewerOf(request).memberId);
      sessions.clearCookie(reply);
      return reply.code(204).send(null);
    },
  );
}

function passwordRoute(http: Http, { accounts }: AuthDeps): void {
  http.put(
    '/api/v1/account/password',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Change my password',
        description: 'Needs the current password. Ends the member’s other sessions; this one stays.',
        tags: ['auth'],
        body: Type.Object({
          currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
          newPassword: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
        }),
        response: { 204: Type.Null(), ...problemResponses(429) },
      },
    },
    async (request, reply) => {
      const outcome = await accounts.changePassword(
        viewerOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      if (!outcome.ok && outcome.problem === 'locked') {
        reply.header('retry-after', String(outcome.retryAfter));
        throw tooManyAttempts(outcome.retryAfter);
      }
      if (!outcome.ok) throw passwordProblem(outcome.field, outcome.problem);
      return reply.code(204).send(null);
    },
  );
}

/** Moderators appoint and dismiss moderators. */
function moderatorRoutes(http: Http, { accounts }: AuthDeps): void {
  http.post(
    '/api/v1/moderators',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary: 'Make a member a moderator',
        description:
          'Granting the role twice changes nothing. The role holds once the member has two-factor authentication on (until then `heldBack` says so).',
        tags: ['auth'],
        body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 320 }) }),
        response: { 200: MemberRolesSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const account = await accounts.accountByEmail(request.body.email);
      if (!account) throw problems.notFound('A member with this email');
      await accounts.grant(account, 'moderator');
      const { roles, heldBack } = await accounts.view(account.memberId);
      return { memberId: account.memberId, roles, ...(heldBack && { heldBack }) };
    },
  );

  http.delete(
    '/api/v1/moderators/:memberId',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary: 'Take the moderator role from a member',
        description:
          'Members made moderators by the operator’s MEETCUTE_MODERATORS list keep the role until they are removed from it (409).',
        tags: ['auth'],
        params: Type.Object({ memberId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: MemberRolesSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) => {
      const account = await accounts.accountById(request.params.memberId);
      if (!account?.email) throw problems.notFound('This member');
      const outcome = await accounts.revoke(account, 'moderator');
      if (outcome === 'by-configuration') {
        throw problems.conflict(
          'moderator-by-configuration',
          'This moderator is set by the operator',
          'The member is in MEETCUTE_MODERATORS; remove them there and restart.',
        );
      }
      const { roles } = await accounts.view(account.memberId);
      return { memberId: account.memberId, roles };
    },
  );
}
