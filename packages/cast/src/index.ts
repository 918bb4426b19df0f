import { given, useCase, USE_CASE_EPOCH, type Given, type UseCase } from '@meetcute/core';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationSubmitted,
  type Application,
} from '@meetcute/registration/events';
import { MemberSuspended, SuspensionLifted } from '@meetcute/moderation/events';
import { MemberDeleted, TwoFactorEnabled } from '@meetcute/auth/events';

export { HEIC, PHONE_JPEG, PIXEL_BOMB, PNG, WEB_PAGE } from './images.ts';

/** Every cast member's password; its argon2id hash is below so specs need not hash. */
export const PASSWORD = 'correct horse battery';
export const PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$eY1zNCbBBXPyUhXSI36J6w$E9yWlvca5vwVHhey5jbhQpBJ2eEKaFEQJBb+fuH14ew';

const STOCKHOLM = {
  id: 2673730,
  name: 'Stockholm',
  label: 'Stockholm, Sweden',
  country: 'SE',
  latitude: 59.32938,
  longitude: 18.06871,
  timeZone: 'Europe/Stockholm',
};
const UPPSALA = {
  id: 2666199,
  name: 'Uppsala',
  label: 'Uppsala, Sweden',
  country: 'SE',
  latitude: 59.85882,
  longitude: 17.63889,
  timeZone: 'Europe/Stockholm',
};
const HELSINKI = {
  id: 658225,
  name: 'Helsinki',
  label: 'Helsinki, Finland',
  country: 'FI',
  latitude: 60.16952,
  longitude: 24.93545,
  timeZone: 'Europe/Helsinki',
};

export interface CastMember {
  memberId: string;
  email: string;
  application: Application;
}

// The use-case clock starts on 2026-06-01, so these birthdays give the ages in USE-CASES.md.
export const nancy: CastMember = {
  memberId: '00000000-0000-7000-8000-00000000000a',
  email: 'nancy@example.com',
  application: {
    nickname: 'Nancy',
    gender: 'woman',
    birthday: '1995-03-14', // 31
    city: STOCKHOLM,
    lookingFor: { genders: ['man'], minAge: 28, maxAge: 40, maxDistanceKm: 50 },
    aboutMe: 'Sailing, jazz and long walks in Djurgården.',
  },
};

export const bob: CastMember = {
  memberId: '00000000-0000-7000-8000-00000000000b',
  email: 'bob@example.com',
  application: {
    nickname: 'Bob',
    gender: 'man',
    birthday: '1992-01-20', // 34
    city: UPPSALA,
    lookingFor: { genders: ['woman'], minAge: 25, maxAge: 35, maxDistanceKm: 100 },
    aboutMe: 'I bake bread and climb rocks.',
  },
};

export const eve: CastMember = {
  memberId: '00000000-0000-7000-8000-00000000000e',
  email: 'eve@example.com',
  application: {
    nickname: 'Eve',
    gender: 'woman',
    birthday: '1997-02-02', // 29
    city: HELSINKI,
    lookingFor: { genders: ['woman', 'man'], minAge: 25, maxAge: 40, maxDistanceKm: 300 },
    aboutMe: 'Architect, sauna enthusiast.',
  },
};

export const mo: CastMember = {
  memberId: '00000000-0000-7000-8000-0000000000f0',
  email: 'mo@example.com',
  application: {
    nickname: 'Mo',
    gender: 'nonbinary',
    birthday: '1988-08-08',
    city: STOCKHOLM,
    lookingFor: { genders: ['woman', 'man', 'nonbinary'], minAge: 30, maxAge: 50, maxDistanceKm: 50 },
    aboutMe: 'Moderator.',
  },
};

export const otto: CastMember = {
  memberId: '00000000-0000-7000-8000-0000000000d0',
  email: 'otto@example.com',
  application: {
    nickname: 'Otto',
    gender: 'man',
    birthday: '1984-04-04',
    city: HELSINKI,
    lookingFor: { genders: ['woman'], minAge: 35, maxAge: 50, maxDistanceKm: 50 },
    aboutMe: 'Runs this site.',
  },
};

/**
 * What a use case whose members log in with PASSWORD gives as `credentials`: no event
 * carries a password hash, so a story says whose password is known.
 */
export function withPassword(...members: CastMember[]): Array<{ memberId: string; passwordHash: string }> {
  return members.map((m) => ({ memberId: m.memberId, passwordHash: PASSWORD_HASH }));
}

/** Mo's and Otto's authenticator apps, set up before any story begins (their session ids name none). */
const secondFactors = new Map([
  [
    mo,
    given(
      TwoFactorEnabled,
      { memberId: mo.memberId, sessionId: '00000000-0000-7000-8000-0000000005f0' },
      { actorId: mo.memberId },
    ),
  ],
  [
    otto,
    given(
      TwoFactorEnabled,
      { memberId: otto.memberId, sessionId: '00000000-0000-7000-8000-0000000005d0' },
      { actorId: otto.memberId },
    ),
  ],
]);

/** The member signed up and is waiting for review. */
export function signedUp(member: CastMember): Given[] {
  const secondFactor = secondFactors.get(member);
  return [
    given(AccountCreated, { memberId: member.memberId, email: member.email }, { actorId: member.memberId }),
    // Mo moderates and Otto operates, and those roles hold only with a second factor: both have one.
    ...(secondFactor ? [secondFactor] : []),
    given(
      RegistrationSubmitted,
      { memberId: member.memberId, application: member.application, resubmission: false },
      { actorId: member.memberId },
    ),
  ];
}

/** The member signed up and a moderator approved them. */
export function approved(member: CastMember): Given[] {
  return [
    ...signedUp(member),
    given(
      RegistrationApproved,
      { memberId: member.memberId, moderatorId: mo.memberId, application: member.application },
      { actorId: mo.memberId },
    ),
  ];
}

/**
 * The day before the use cases' epoch, an hour earlier in the day: more than a day before
 * a story begins, so what is worth something for a day (a mail, a day's cap) is past.
 */
export const DAY_BEFORE = new Date(Date.parse(USE_CASE_EPOCH) - 25 * 60 * 60 * 1000).toISOString();

/**
 * The member was approved the day before the use cases' epoch: what an approval sets off on
 * its day (the mail saying they are in) is long past, so a story sees only what it is about.
 */
export function approvedLongAgo(member: CastMember): Given[] {
  return approved(member).map((g) => (g.event === RegistrationApproved ? { ...g, at: DAY_BEFORE } : g));
}

/** A week from the use cases' epoch: when the cast's suspensions end. */
export const SUSPENDED_UNTIL = '2026-06-08T10:00:00.000Z';

/** Mo suspended the member for a week (or banned them, with `until` null). */
export function suspended(member: CastMember, until: string | null = SUSPENDED_UNTIL): Given {
  return given(
    MemberSuspended,
    {
      memberId: member.memberId,
      moderatorId: mo.memberId,
      reason: 'Kept messaging members who asked him to stop',
      until,
    },
    { actorId: mo.memberId },
  );
}

/** The id a deleted member's words are kept under (in a partner's conversation): shares nothing with the old id. */
export function pseudonymOf(member: CastMember): string {
  return `d0000000-0000-7000-8000-${[...member.memberId.slice(-12)].reverse().join('')}`;
}

/** The member deleted their account. */
export function deleted(member: CastMember): Given {
  return given(
    MemberDeleted,
    { memberId: member.memberId, pseudonym: pseudonymOf(member) },
    { actorId: member.memberId },
  );
}

/** Mo lifted the member's suspension. */
export function reinstated(member: CastMember): Given {
  return given(
    SuspensionLifted,
    {
      memberId: member.memberId,
      moderatorId: mo.memberId,
      reason: 'Apologised, and it will not happen again',
    },
    { actorId: mo.memberId },
  );
}

/**
 * What any module shows of a sanction from the suspended member's side: while it holds,
 * his session is no session (401 on `url`); once lifted, the same request works again.
 * How each list hides him from others is shown by the module's and moderation's own use cases.
 */
export function sanctionedRequests(what: string, url: string): UseCase[] {
  const base = [...approved(nancy), ...approved(bob)];
  return [
    useCase({
      title: `Suspended, Bob cannot open ${what}: his session is not one any more`,
      given: [...base, suspended(bob)],
      when: { as: bob.memberId, method: 'GET', url },
      then: { status: 401, body: { type: 'https://meetcute.dev/problems/unauthenticated' } },
    }),
    useCase({
      title: `Once his suspension is lifted, Bob opens ${what} again`,
      given: [...base, suspended(bob), reinstated(bob)],
      when: { as: bob.memberId, method: 'GET', url },
      then: { status: 200 },
    }),
  ];
}
