import { Type, type Static } from 'typebox';
import { defineEvent } from '@meetcute/core';
import { LanguageSchema } from '@meetcute/web';

export const GENDERS = ['woman', 'man', 'nonbinary'] as const;
export const Gender = Type.Union([Type.Literal('woman'), Type.Literal('man'), Type.Literal('nonbinary')]);
export type Gender = (typeof GENDERS)[number];

export const Place = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  label: Type.String(),
  country: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  timeZone: Type.String(),
});
export type Place = Static<typeof Place>;

export const LookingFor = Type.Object({
  genders: Type.Array(Gender, { minItems: 1, uniqueItems: true }),
  minAge: Type.Integer({ minimum: 18, maximum: 120 }),
  maxAge: Type.Integer({ minimum: 18, maximum: 120 }),
  maxDistanceKm: Type.Integer({ minimum: 1, maximum: 5000 }),
});
export type LookingFor = Static<typeof LookingFor>;

/** What a member tells about themselves at sign-up; moderators review it. */
export const Application = Type.Object({
  nickname: Type.String(),
  gender: Gender,
  birthday: Type.String({ description: 'YYYY-MM-DD' }),
  city: Place,
  lookingFor: LookingFor,
  aboutMe: Type.String(),
});
export type Application = Static<typeof Application>;

export const AccountCreated = defineEvent({
  type: 'AccountCreated',
  module: 'registration',
  description:
    'Someone signed up: their login email and the language they signed up in (not known for imported members). Their password hash went to auth’s credentials (the CREDENTIALS service) before this was published: no event carries a credential.',
  schema: Type.Object({
    memberId: Type.String(),
    email: Type.String(),
    language: Type.Optional(LanguageSchema),
  }),
});

export const RegistrationSubmitted = defineEvent({
  type: 'RegistrationSubmitted',
  module: 'registration',
  description: 'A member sent their sign-up (or a corrected one) for review.',
  schema: Type.Object({ memberId: Type.String(), application: Application, resubmission: Type.Boolean() }),
});

export const RegistrationApproved = defineEvent({
  type: 'RegistrationApproved',
  module: 'registration',
  description:
    'A moderator approved a sign-up: the member is now visible to others. Carries the approved application.',
  schema: Type.Object({ memberId: Type.String(), moderatorId: Type.String(), application: Application }),
});

export const RegistrationRejected = defineEvent({
  type: 'RegistrationRejected',
  module: 'registration',
  description: 'A moderator sent a sign-up back with a reason the member can act on.',
  schema: Type.Object({ memberId: Type.String(), moderatorId: Type.String(), reason: Type.String() }),
});

export const SignUpWithTakenEmail = defineEvent({
  type: 'SignUpWithTakenEmail',
  module: 'registration',
  description:
    'Someone tried to sign up with the address of an existing member. They were answered as any new sign-up is (so nobody learns who is a member); the owner is told by mail instead. Nothing else about the attempt is kept.',
  schema: Type.Object({ memberId: Type.String({ description: 'The member who owns the address' }) }),
});

export const CityChanged = defineEvent({
  type: 'CityChanged',
  module: 'registration',
  description:
    'An approved member moved: the place they live now. Distances, ages (counted where they live) and who fits whom follow it.',
  schema: Type.Object({ memberId: Type.String(), city: Place }),
});

export const LookingForChanged = defineEvent({
  type: 'LookingForChanged',
  module: 'registration',
  description:
    'An approved member changed whom they look for (genders, ages, distance): suggestions, news and search defaults follow it.',
  schema: Type.Object({ memberId: Type.String(), lookingFor: LookingFor }),
});

export const LookingForConfirmed = defineEvent({
  type: 'LookingForConfirmed',
  module: 'registration',
  description:
    'An approved member saved whom they look for as it was (the first time since approval): it is theirs now, not only what they chose at sign-up, and their first-run checklist counts the step done.',
  schema: Type.Object({ memberId: Type.String() }),
});

export const NicknameChangeRequested = defineEvent({
  type: 'NicknameChangeRequested',
  module: 'registration',
  description:
    'An approved member asked for a new nickname. Others still see the old one until a moderator approves it; nobody else may take the new one meanwhile. Asking for the nickname they have withdraws the waiting request.',
  schema: Type.Object({ memberId: Type.String(), nickname: Type.String() }),
});

export const NicknameApproved = defineEvent({
  type: 'NicknameApproved',
  module: 'registration',
  description: 'A moderator approved a new nickname: everyone now sees the member by it.',
  schema: Type.Object({ memberId: Type.String(), moderatorId: Type.String(), nickname: Type.String() }),
});

export const NicknameRejected = defineEvent({
  type: 'NicknameRejected',
  module: 'registration',
  description:
    'A moderator turned a new nickname down with a reason the member sees; the old nickname stays and the new one is free again.',
  schema: Type.Object({ memberId: Type.String(), moderatorId: Type.String(), reason: Type.String() }),
});

export const events = [
  AccountCreated,
  RegistrationSubmitted,
  RegistrationApproved,
  RegistrationRejected,
  SignUpWithTakenEmail,
  CityChanged,
  LookingForChanged,
  LookingForConfirmed,
  NicknameChangeRequested,
  NicknameApproved,
  NicknameRejected,
];
