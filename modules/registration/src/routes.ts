import { ProblemSchema as Problem } from '@meetcute/core';
import { Type } from 'typebox';
import { problems, type Http, type Sessions } from '@meetcute/core';
import { languageOf, reviewDecisionApi } from '@meetcute/web';
import { Application, Gender } from './events.ts';
import { findRegistration, reviewQueue, type RegistrationDb } from './store.ts';
import type { Commands } from './commands.ts';
import { signedIn } from './decoy.ts';
import { LIMITS } from './rules.ts';

const LookingForInput = Type.Object({
  genders: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 3 }),
  minAge: Type.Integer(),
  maxAge: Type.Integer(),
  maxDistanceKm: Type.Integer(),
});

const ApplicationInput = {
  nickname: Type.String({ maxLength: 100 }),
  gender: Type.String({ maxLength: 20, description: 'woman, man or nonbinary' }),
  birthday: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
  cityId: Type.Integer({ description: 'A place id from /api/v1/cities' }),
  lookingFor: LookingForInput,
  aboutMe: Type.String({ maxLength: LIMITS.aboutMe.max * 2 }),
};

const Status = Type.Union([Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('rejected')]);

const RegistrationView = Type.Object({
  memberId: Type.String(),
  status: Status,
  reason: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  application: Application,
});

const QueueItem = Type.Object({
  memberId: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  application: Application,
});

/** What the registration routes and pages work with. */
export interface RegistrationDeps {
  db: RegistrationDb;
  commands: Commands;
  sessions: Sessions;
}

export function registrationRoutes(http: Http, deps: RegistrationDeps): void {
  signUpRoute(http, deps);
  mySignUpRoutes(http, deps);
  signUpReviewRoutes(http, deps);
}

/** Signing up: the account and the application in one request, and the new member logged in. */
function signUpRoute(http: Http, { commands, sessions }: RegistrationDeps): void {
  http.post(
    '/api/v1/registrations',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Sign up: creates the account and sends the profile for review; logs the new member in',
        tags: ['registration'],
        body: Type.Object({
          email: Type.String({ maxLength: 254 }),
          password: Type.String({ maxLength: LIMITS.password.max * 2 }),
          ...ApplicationInput,
        }),
        response: {
          201: Type.Object({ memberId: Type.String(), status: Type.Literal('submitted') }),
          409: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const { memberId, created } = await commands.signUp(request.body, languageOf(request), request.ip);
      sessions.setCookie(reply, await signedIn(sessions, memberId, created, request.headers['user-agent']));
      return reply.code(201).send({ memberId, status: 'submitted' as const });
    },
  );
}

/** My own sign-up: where its review stands, and fixing it once it was sent back. */
function mySignUpRoutes(http: Http, { db, commands }: RegistrationDeps): void {
  http.get(
    '/api/v1/registrations/me',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'My sign-up: its review state, the reason if it was sent back, and what I sent',
        tags: ['registration'],
        response: { 200: RegistrationView, 404: Problem },
      },
    },
    async (request) => {
      const registration = await findRegistration(db, request.viewer!.memberId);
      if (!registration?.application || registration.status === 'draft')
        throw problems.notFound('Your sign-up');
      return { ...registration, status: registration.status, application: registration.application };
    },
  );

  http.put(
    '/api/v1/registrations/me',
    {
      config: { access: 'member', kind: 'api' },
      schema: {
        summary: 'Change a sign-up that waits for review, or fix one sent back, and submit it again',
        tags: ['registration'],
        body: Type.Object(ApplicationInput),
        response: { 200: Type.Object({ status: Type.Literal('submitted') }), 409: Problem },
      },
    },
    async (request) => {
      await commands.resubmit(request.viewer!.memberId, request.body);
      return { status: 'submitted' as const };
    },
  );
}

/** The moderators' review of sign-ups: the queue, approving one and sending one back. */
function signUpReviewRoutes(http: Http, { db, commands }: RegistrationDeps): void {
  http.get(
    '/api/v1/review/registrations',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary: 'Sign-ups waiting for review, oldest first',
        tags: ['registration', 'moderation'],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
        }),
        response: { 200: Type.Object({ registrations: Type.Array(QueueItem) }) },
      },
    },
    async (request) => {
      const queue = await reviewQueue(db, request.query.limit ?? 50);
      return {
        registrations: queue.map((r) => ({
          memberId: r.memberId,
          submittedAt: r.submittedAt!,
          application: r.application!,
        })),
      };
    },
  );

  reviewDecisionApi(http, {
    path: '/api/v1/review/registrations',
    param: 'memberId',
    tags: ['registration', 'moderation'],
    summaries: {
      approve: 'Approve a sign-up: the member becomes visible to others',
      reject: 'Send a sign-up back with a reason the member can act on',
    },
    commands,
  });
}

export { Gender };
