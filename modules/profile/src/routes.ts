import { ProblemSchema as Problem } from '@meetcute/core';
import { Type, type TSchema } from 'typebox';
import type { Http } from '@meetcute/core';
import { reviewDecisionApi } from '@meetcute/web';
import { GenderSchema as Gender } from '@meetcute/registration';
import type { Commands } from './commands.ts';
import { visitedOnPurpose, type ProfileReads } from './views.ts';
import { LIMITS } from './rules.ts';
import { reviewQueue, type ProfileDb } from './store.ts';
import { PropertiesSchema } from './properties.ts';
import { propertiesRoutes } from './properties-pages.ts';

// Registration's genders, spelled out so the schema's type is the literal union.
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const profileFields = {
  memberId: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  age: Type.Integer({ description: 'Whole years, counted where the member lives' }),
  gender: Gender,
  city: Type.Object({
    id: Type.Integer(),
    label: Type.String(),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  }),
  distanceKm: Nullable(
    Type.Integer({
      description: 'From the viewer’s city, great-circle, in whole km; null on your own profile',
    }),
  ),
  aboutMe: Type.String({ description: 'The approved text' }),
  properties: PropertiesSchema,
};
const ProfileView = Type.Object(profileFields);
const OwnProfileView = Type.Object({
  ...profileFields,
  pendingAboutMe: Nullable(
    Type.String({ description: 'A change waiting for review; empty means removing the text' }),
  ),
  pendingSince: Nullable(Type.String({ format: 'date-time' })),
  rejectionReason: Nullable(Type.String({ description: 'Why a moderator turned down your last change' })),
});

const Change = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  current: Type.String({ description: 'The approved text others see now' }),
  proposed: Type.String({ description: 'The text waiting for review; empty means removing it' }),
  submittedAt: Type.String({ format: 'date-time' }),
});

const MemberParams = Type.Object({ memberId: Type.String({ format: 'uuid' }) });
const Pending = Type.Object({ pending: Type.Boolean() });

/** What the profile routes and pages work with. */
export interface ProfileDeps {
  db: ProfileDb;
  commands: Commands;
  reads: ProfileReads;
}

export function profileRoutes(http: Http, deps: ProfileDeps): void {
  profileViewRoutes(http, deps);
  aboutMeRoutes(http, deps);
  aboutMeReviewRoutes(http, deps);
  propertiesRoutes(http, deps);
}

/** My own profile, and a member's profile as I see it. */
function profileViewRoutes(http: Http, { reads }: ProfileDeps): void {
  http.get(
    '/api/v1/profiles/me',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary:
          'My profile, with my about-me change waiting for review and why the last one was turned down',
        tags: ['profile'],
        response: { 200: OwnProfileView, 404: Problem },
      },
    },
    (request) => reads.own(request.viewer!.memberId),
  );

  http.get(
    '/api/v1/profiles/:memberId',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary: 'A member’s profile as I see it: age, city, distance from me and the approved about-me',
        tags: ['profile'],
        params: MemberParams,
        response: { 200: ProfileView, 404: Problem },
      },
    },
    (request) =>
      reads.view(request.viewer!.memberId, request.params.memberId, visitedOnPurpose(request.headers)),
  );
}

/** Changing my about-me, which others see once a moderator approved it. */
function aboutMeRoutes(http: Http, { commands }: ProfileDeps): void {
  http.put(
    '/api/v1/profiles/me/about-me',
    {
      config: { access: 'approved', kind: 'api' },
      schema: {
        summary:
          'Change my about-me: others see the new text once a moderator approves it (empty removes it)',
        tags: ['profile'],
        body: Type.Object({ text: Type.String({ maxLength: LIMITS.aboutMe.max * 2 }) }),
        response: { 200: Pending, 202: Pending, 404: Problem },
      },
    },
    async (request, reply) => {
      const { pending } = await commands.editAboutMe(request.viewer!.memberId, request.body.text);
      return reply.code(pending ? 202 : 200).send({ pending });
    },
  );
}

/** The moderators' queue of about-me changes, and their approval or refusal. */
function aboutMeReviewRoutes(http: Http, { db, commands }: ProfileDeps): void {
  http.get(
    '/api/v1/review/about-me',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary: 'About-me changes waiting for review, oldest first',
        tags: ['profile', 'moderation'],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
        }),
        response: { 200: Type.Object({ changes: Type.Array(Change) }) },
      },
    },
    async (request) => {
      const queue = await reviewQueue(db, request.query.limit ?? 50);
      return {
        changes: queue.map((p) => ({
          memberId: p.memberId,
          nickname: p.nickname,
          current: p.aboutMe,
          proposed: p.pendingAboutMe ?? '',
          submittedAt: p.pendingSince ?? '',
        })),
      };
    },
  );

  reviewDecisionApi(http, {
    path: '/api/v1/review/about-me',
    param: 'memberId',
    tags: ['profile', 'moderation'],
    summaries: {
      approve: 'Approve a member’s about-me change: others see the new text',
      reject: 'Turn down a member’s about-me change with a reason they see; the approved text stays',
    },
    commands,
  });
}
