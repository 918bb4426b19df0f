import { deleted, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, given, useCase } from '@meetcute/core';
import { approved, bob, mo, nancy, reinstated, signedUp, suspended } from '@meetcute/cast';
import {
  CityChanged,
  NicknameApproved,
  RegistrationApproved,
  RegistrationSubmitted,
} from '@meetcute/registration';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
import {
  AboutMeApproved,
  AboutMeRejected,
  AboutMeRemoved,
  AboutMeSubmitted,
  ProfilePropertiesChanged,
  ProfileViewed,
} from './events.ts';
import type { Properties } from './properties.ts';

const STOCKHOLM = 2673730;
const UPPSALA = 2666199;
const NOBODY = '00000000-0000-7000-8000-000000000999';

const OLD = nancy.application.aboutMe;
const NEW = 'Sailing, jazz and, since this spring, tango on Sundays.';
const REASON = 'Please leave out your phone number';

const submitted = (memberId: string, text: string, at?: string) =>
  given(AboutMeSubmitted, { memberId, text }, at ? { actorId: memberId, at } : { actorId: memberId });
const approvedText = (memberId: string, text: string) =>
  given(AboutMeApproved, { memberId, moderatorId: mo.memberId, text }, { actorId: mo.memberId });
const rejectedText = (memberId: string, reason: string) =>
  given(AboutMeRejected, { memberId, moderatorId: mo.memberId, reason }, { actorId: mo.memberId });

const nancyAndBob = [...approved(nancy), ...approved(bob)];
/** Nancy sent NEW for review; Mo, a moderator, can act. */
const nancyWaiting = [...signedUp(mo), ...approved(nancy), submitted(nancy.memberId, NEW)];

const profileUrl = (id: string) => `/api/v1/profiles/${id}`;
const approveUrl = (id: string) => `/api/v1/review/about-me/${id}/approve`;
const rejectUrl = (id: string) => `/api/v1/review/about-me/${id}/reject`;

const api = {
  profile: 'GET /api/v1/profiles/:memberId',
  approve: 'POST /api/v1/review/about-me/:memberId/approve',
  reject: 'POST /api/v1/review/about-me/:memberId/reject',
  member: 'GET /members/:memberId',
  approvePage: 'POST /review/about-me/:memberId/approve',
  rejectPage: 'POST /review/about-me/:memberId/reject',
};

const told = (memberId: string, properties: Properties) =>
  given(ProfilePropertiesChanged, { memberId, properties }, { actorId: memberId });
const NANCY_TELLS: Properties = {
  heightCm: 168,
  goal: 'relationship',
  children: 'want',
  smoking: 'no',
  languages: ['sv', 'en'],
};

export const useCases = [
  useCase({
    title:
      'Nancy tells her height, what she looks for, children, smoking and languages: others see them at once',
    given: nancyAndBob,
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/profiles/me/properties',
      body: { ...NANCY_TELLS, languages: ['en', 'sv', 'en'] },
    },
    then: {
      status: 200,
      body: { properties: NANCY_TELLS },
      events: [emitted(ProfilePropertiesChanged, { memberId: nancy.memberId, properties: NANCY_TELLS })],
    },
  }),
  useCase({
    title: 'Telling the same properties again tells nobody anything; null keeps one to herself',
    given: [...nancyAndBob, told(nancy.memberId, NANCY_TELLS)],
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/profiles/me/properties',
      body: { ...NANCY_TELLS, smoking: null },
    },
    then: {
      status: 200,
      body: {
        properties: { heightCm: 168, goal: 'relationship', children: 'want', languages: ['sv', 'en'] },
      },
      events: [emitted(ProfilePropertiesChanged, { properties: { heightCm: 168 } })],
    },
  }),
  useCase({
    title: 'Properties outside their lists name each field to fix, and nothing changes',
    given: nancyAndBob,
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/profiles/me/properties',
      body: { heightCm: 300, goal: 'fling', languages: ['tlh'] },
    },
    then: {
      status: 400,
      body: { errors: [{ field: 'heightCm' }, { field: 'goal' }, { field: 'languages' }] },
      events: [],
    },
  }),
  useCase({
    title: 'Bob sees what Nancy tells on her profile, in his language',
    given: [...nancyAndBob, told(nancy.memberId, NANCY_TELLS)],
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 200,
      page: ['Pituus (cm)', '168 cm', 'Parisuhdetta', 'Haluaa lapsia', 'Ei tupakoi', 'ruotsi, englanti'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'The properties form works without JavaScript and keeps what Nancy tells',
    given: [...nancyAndBob, told(nancy.memberId, NANCY_TELLS)],
    when: { as: nancy.memberId, method: 'GET', url: '/profile/properties' },
    then: {
      status: 200,
      page: [
        '<form method="post" action="/profile/properties"',
        'value="168"',
        'name="languages" value="sv" checked',
      ],
    },
  }),
  useCase({
    title: 'A Swedish member sending a height out of range is told in Swedish, with the form filled in',
    given: nancyAndBob,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/profile/properties',
      form: true,
      headers: { 'accept-language': 'sv' },
      body: { heightCm: '30', goal: 'dating', languages: ['fi'] },
    },
    then: {
      status: 400,
      page: [
        'Längden är ett helt antal cm från 120 till 230, eller tom.',
        'value="30"',
        'value="dating" checked',
      ],
      events: [],
    },
  }),
  useCase({
    title: 'Nancy tells her properties with the form and sees them on her profile',
    given: nancyAndBob,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/profile/properties',
      form: true,
      body: { heightCm: '168', goal: 'relationship', children: '', smoking: 'no', languages: ['sv'] },
    },
    then: {
      status: 303,
      location: '/profile?profile=properties#about',
      events: [
        emitted(ProfilePropertiesChanged, {
          properties: { heightCm: 168, goal: 'relationship', smoking: 'no', languages: ['sv'] },
        }),
      ],
    },
  }),
  useCase({
    title: 'Nancy moved to Uppsala under a new nickname: Bob sees both on her profile, 0 km away',
    given: [
      ...nancyAndBob,
      given(
        CityChanged,
        { memberId: nancy.memberId, city: bob.application.city },
        { actorId: nancy.memberId },
      ),
      given(NicknameApproved, { memberId: nancy.memberId, moderatorId: mo.memberId, nickname: 'NancySails' }),
    ],
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    endpoint: api.profile,
    then: {
      status: 200,
      body: { nickname: 'NancySails', city: { id: UPPSALA, label: 'Uppsala, Sweden' }, distanceKm: 0 },
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Nancy’s own profile leads to changing her nickname, place and whom she looks for',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['href="/profile/details"', 'Nickname, place and whom I look for'] },
  }),
  // Blocks hide each member from the other, both ways, as if absent
  useCase({
    title: 'Bob blocked Nancy: his profile is a 404 to her, and no visit is recorded',
    given: [
      ...nancyAndBob,
      given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }, { actorId: bob.memberId }),
    ],
    endpoint: api.profile,
    when: { as: nancy.memberId, method: 'GET', url: profileUrl(bob.memberId) },
    then: { status: 404, body: { type: 'https://meetcute.dev/problems/not-found' } },
  }),
  useCase({
    title: 'Bob blocked Nancy: her profile is a 404 to him too',
    given: [
      ...nancyAndBob,
      given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }, { actorId: bob.memberId }),
    ],
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: { status: 404, page: ['Not found'] },
  }),
  useCase({
    title:
      'Read in Finnish, Nancy’s profile names her city and country in Finnish (GeoNames’ Tukholma, Ruotsi)',
    given: nancyAndBob,
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 200,
      page: ['Tukholma, Ruotsi'],
      pageLacks: ['Stockholm', 'Sweden'],
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Read in English, the same profile says Stockholm, Sweden',
    given: nancyAndBob,
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'accept-language': 'en' },
    },
    then: {
      status: 200,
      page: ['Stockholm, Sweden'],
      pageLacks: ['Tukholma', 'Ruotsi'],
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'After Bob unblocks Nancy they see each other again',
    given: [
      ...nancyAndBob,
      given(MemberBlocked, { blockerId: bob.memberId, blockedId: nancy.memberId }, { actorId: bob.memberId }),
      given(
        MemberUnblocked,
        { blockerId: bob.memberId, blockedId: nancy.memberId },
        { actorId: bob.memberId },
      ),
    ],
    endpoint: api.profile,
    when: { as: nancy.memberId, method: 'GET', url: profileUrl(bob.memberId) },
    then: { status: 200, body: { nickname: 'Bob' }, events: [emitted(ProfileViewed)] },
  }),
  // A suspended member is hidden from everyone, as if all had blocked them, until it is lifted
  useCase({
    title: 'Suspended, Bob’s profile is a 404 to Nancy, and no visit is recorded',
    given: [...nancyAndBob, suspended(bob)],
    endpoint: api.profile,
    when: { as: nancy.memberId, method: 'GET', url: profileUrl(bob.memberId) },
    then: { status: 404, body: { type: 'https://meetcute.dev/problems/not-found' } },
  }),
  useCase({
    title: 'Banned, Bob’s profile page is a 404 to Nancy',
    given: [...nancyAndBob, suspended(bob, null)],
    endpoint: api.member,
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: { status: 404, page: ['Not found'], pageLacks: ['Bob'] },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, Nancy sees his profile again',
    given: [...nancyAndBob, suspended(bob), reinstated(bob)],
    endpoint: api.profile,
    when: { as: nancy.memberId, method: 'GET', url: profileUrl(bob.memberId) },
    then: { status: 200, body: { nickname: 'Bob' }, events: [emitted(ProfileViewed)] },
  }),
  // Viewing profiles
  useCase({
    title: 'A link on another site that opens Nancy’s profile in Bob’s browser records no visit',
    given: nancyAndBob,
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    },
    then: { status: 200, page: ['Nancy'], events: [] },
  }),
  useCase({
    title: 'A page on a sibling subdomain that opens Nancy’s profile in Bob’s browser records no visit',
    given: nancyAndBob,
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' },
    },
    then: { status: 200, page: ['Nancy'], events: [] },
  }),
  useCase({
    title: 'Bob opening Nancy’s profile from a bookmark is a visit',
    given: nancyAndBob,
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' },
    },
    then: {
      status: 200,
      page: ['Nancy'],
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Bob opening Nancy’s profile from a page of the site is a visit',
    given: nancyAndBob,
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate' },
    },
    then: {
      status: 200,
      page: ['Nancy'],
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Bob looks at Nancy’s profile again a few minutes later: it is the same visit',
    given: nancyAndBob,
    endpoint: api.profile,
    before: [{ as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) }],
    clock: '2026-06-01T10:09:00.000Z',
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: { status: 200, body: { nickname: 'Nancy' } },
  }),
  useCase({
    title: 'Bob comes back to Nancy’s profile after ten minutes: a new visit',
    given: nancyAndBob,
    endpoint: api.profile,
    before: [{ as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) }],
    clock: '2026-06-01T10:10:01.000Z',
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: {
      status: 200,
      body: { nickname: 'Nancy' },
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Bob sees Nancy’s profile: her age where she lives, her city and how far away she is',
    given: nancyAndBob,
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: {
      status: 200,
      body: {
        memberId: nancy.memberId,
        nickname: 'Nancy',
        age: 31,
        gender: 'woman',
        city: { id: STOCKHOLM, label: 'Stockholm, Sweden', country: 'SE' },
        distanceKm: 64,
        aboutMe: OLD,
      },
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Nancy sees her own profile, with nothing waiting and no distance',
    given: nancyAndBob,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/profiles/me' },
    then: {
      status: 200,
      body: {
        memberId: nancy.memberId,
        nickname: 'Nancy',
        age: 31,
        distanceKm: null,
        aboutMe: OLD,
        pendingAboutMe: null,
        rejectionReason: null,
      },
    },
  }),
  useCase({
    title: 'A re-approval after a re-submission refreshes the whole profile',
    given: [
      ...approved(nancy),
      submitted(nancy.memberId, NEW),
      given(RegistrationSubmitted, {
        memberId: nancy.memberId,
        application: {
          ...nancy.application,
          nickname: 'NancyS',
          city: { ...nancy.application.city, id: UPPSALA, name: 'Uppsala', label: 'Uppsala, Sweden' },
          aboutMe: 'Fresh start.',
        },
        resubmission: true,
      }),
      given(RegistrationApproved, {
        memberId: nancy.memberId,
        moderatorId: mo.memberId,
        application: {
          ...nancy.application,
          nickname: 'NancyS',
          city: { ...nancy.application.city, id: UPPSALA, name: 'Uppsala', label: 'Uppsala, Sweden' },
          aboutMe: 'Fresh start.',
        },
      }),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/profiles/me' },
    then: {
      status: 200,
      body: {
        nickname: 'NancyS',
        city: { id: UPPSALA, label: 'Uppsala, Sweden' },
        aboutMe: 'Fresh start.',
        pendingAboutMe: null,
      },
    },
  }),
  useCase({
    title: 'Someone who was never approved has no profile: 404, as if absent',
    given: [...approved(bob), ...signedUp(nancy)],
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: { status: 404, body: { type: 'https://meetcute.dev/problems/not-found' } },
  }),
  useCase({
    title: 'A member id nobody has is a 404',
    given: approved(bob),
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: profileUrl(NOBODY) },
    then: { status: 404, body: { type: 'https://meetcute.dev/problems/not-found' } },
  }),
  useCase({
    title: 'A mistyped member link shows the not-found page, not a validation message',
    given: approved(bob),
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: '/members/nancy' },
    then: {
      status: 404,
      page: ['Not found', 'This page does not exist'],
      pageLacks: ['must match format', 'params.memberId'],
    },
  }),
  useCase({
    title: 'A member id that is not a uuid is a 400 naming it',
    given: approved(bob),
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: profileUrl('nancy') },
    then: {
      status: 400,
      body: { type: 'https://meetcute.dev/problems/validation', errors: [{ field: 'params.memberId' }] },
    },
  }),
  useCase({
    title: 'Bob, still waiting for review, cannot view profiles yet',
    given: [...approved(nancy), ...signedUp(bob)],
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: { status: 403, body: { type: 'https://meetcute.dev/problems/forbidden' } },
  }),
  useCase({
    title: 'Someone not logged in cannot view a profile',
    given: approved(nancy),
    endpoint: api.profile,
    when: { method: 'GET', url: profileUrl(nancy.memberId) },
    then: { status: 401, body: { type: 'https://meetcute.dev/problems/unauthenticated' } },
  }),
  useCase({
    title: 'Someone not logged in has no own profile',
    when: { method: 'GET', url: '/api/v1/profiles/me' },
    then: { status: 401 },
  }),

  // Editing about-me (USE-CASES.md #4)
  useCase({
    title: 'Nancy edits her about-me: the new text goes to review',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/profiles/me/about-me',
      body: { text: `  ${NEW}\n` },
    },
    then: {
      status: 202,
      body: { pending: true },
      events: [emitted(AboutMeSubmitted, { memberId: nancy.memberId, text: NEW })],
    },
  }),
  useCase({
    title: 'While Nancy’s new about-me waits for review, Bob still sees the old one',
    given: [...nancyAndBob, submitted(nancy.memberId, NEW)],
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: { status: 200, body: { aboutMe: OLD }, events: [emitted(ProfileViewed)] },
  }),
  useCase({
    title: 'Once Mo approves Nancy’s new about-me, Bob sees it',
    given: [...nancyAndBob, submitted(nancy.memberId, NEW), approvedText(nancy.memberId, NEW)],
    endpoint: api.profile,
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: { status: 200, body: { aboutMe: NEW }, events: [emitted(ProfileViewed)] },
  }),
  useCase({
    title: 'Nancy sees her change waiting for review on her own profile',
    given: [...approved(nancy), submitted(nancy.memberId, NEW, '2026-06-01T09:30:00.000Z')],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/profiles/me' },
    then: {
      status: 200,
      body: {
        aboutMe: OLD,
        pendingAboutMe: NEW,
        pendingSince: '2026-06-01T09:30:00.000Z',
        rejectionReason: null,
      },
    },
  }),
  useCase({
    title: 'Nancy sees why Mo turned her change down; others keep seeing the approved text',
    given: [...approved(nancy), submitted(nancy.memberId, NEW), rejectedText(nancy.memberId, REASON)],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/profiles/me' },
    then: { status: 200, body: { aboutMe: OLD, pendingAboutMe: null, rejectionReason: REASON } },
  }),
  useCase({
    title: 'Mo took Nancy’s reported about-me down: her text is gone, a waiting change too, and she sees why',
    given: [
      ...approved(nancy),
      submitted(nancy.memberId, NEW),
      given(
        AboutMeRemoved,
        { memberId: nancy.memberId, moderatorId: mo.memberId, reason: REASON },
        { actorId: mo.memberId },
      ),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/profiles/me' },
    then: { status: 200, body: { aboutMe: '', pendingAboutMe: null, rejectionReason: REASON } },
  }),
  useCase({
    title: 'A second edit before review replaces the waiting one',
    given: [...nancyWaiting, submitted(nancy.memberId, 'Third thoughts.')],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/review/about-me' },
    then: {
      status: 200,
      body: { changes: [{ memberId: nancy.memberId, current: OLD, proposed: 'Third thoughts.' }] },
    },
  }),
  useCase({
    title: 'Sending the approved text again changes nothing and needs no review',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/profiles/me/about-me',
      body: { text: ` ${OLD} ` },
    },
    then: { status: 200, body: { pending: false } },
  }),
  useCase({
    title: 'Sending the approved text back withdraws the change waiting for review',
    given: [...approved(nancy), submitted(nancy.memberId, NEW)],
    when: { as: nancy.memberId, method: 'PUT', url: '/api/v1/profiles/me/about-me', body: { text: OLD } },
    then: {
      status: 200,
      body: { pending: false },
      events: [emitted(AboutMeSubmitted, { memberId: nancy.memberId, text: OLD })],
    },
  }),
  useCase({
    title: 'A withdrawn change leaves the review queue',
    given: [...nancyWaiting, submitted(nancy.memberId, OLD)],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/review/about-me' },
    then: { status: 200, body: { changes: [] } },
  }),
  useCase({
    title: 'Nancy may remove her about-me; that goes to review too',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'PUT', url: '/api/v1/profiles/me/about-me', body: { text: '   ' } },
    then: { status: 202, body: { pending: true }, events: [emitted(AboutMeSubmitted, { text: '' })] },
  }),
  useCase({
    title: 'An about-me over 2000 characters is refused, naming the field',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/profiles/me/about-me',
      body: { text: 'x'.repeat(2001) },
    },
    then: {
      status: 400,
      body: { errors: [{ field: 'text', message: 'About me can be at most 2000 characters.' }] },
    },
  }),
  useCase({
    title: 'An about-me of exactly 2000 characters is fine',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/profiles/me/about-me',
      body: { text: 'x'.repeat(2000) },
    },
    then: { status: 202, events: [emitted(AboutMeSubmitted)] },
  }),
  useCase({
    title: 'A member still waiting for review cannot edit an about-me',
    given: signedUp(nancy),
    when: { as: nancy.memberId, method: 'PUT', url: '/api/v1/profiles/me/about-me', body: { text: NEW } },
    then: { status: 403 },
  }),

  // Reviewing about-me changes
  useCase({
    title: 'Mo sees the about-me changes waiting, oldest first',
    given: [
      ...signedUp(mo),
      ...nancyAndBob,
      submitted(nancy.memberId, NEW, '2026-06-01T09:00:00.000Z'),
      submitted(bob.memberId, 'Bread, rocks and bad puns.', '2026-06-01T08:00:00.000Z'),
    ],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/review/about-me' },
    then: {
      status: 200,
      body: {
        changes: [
          {
            memberId: bob.memberId,
            nickname: 'Bob',
            current: bob.application.aboutMe,
            proposed: 'Bread, rocks and bad puns.',
            submittedAt: '2026-06-01T08:00:00.000Z',
          },
          {
            memberId: nancy.memberId,
            nickname: 'Nancy',
            current: OLD,
            proposed: NEW,
            submittedAt: '2026-06-01T09:00:00.000Z',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Bob, not a moderator, cannot see the about-me queue',
    given: approved(bob),
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/review/about-me' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo approves Nancy’s new about-me',
    given: nancyWaiting,
    endpoint: api.approve,
    when: { as: mo.memberId, method: 'POST', url: approveUrl(nancy.memberId) },
    then: {
      status: 200,
      body: { status: 'approved' },
      events: [emitted(AboutMeApproved, { memberId: nancy.memberId, moderatorId: mo.memberId, text: NEW })],
    },
  }),
  useCase({
    title: 'Mo turns Nancy’s change down with a reason she sees',
    given: nancyWaiting,
    endpoint: api.reject,
    when: { as: mo.memberId, method: 'POST', url: rejectUrl(nancy.memberId), body: { reason: `${REASON} ` } },
    then: {
      status: 200,
      body: { status: 'rejected' },
      events: [
        emitted(AboutMeRejected, { memberId: nancy.memberId, moderatorId: mo.memberId, reason: REASON }),
      ],
    },
  }),
  useCase({
    title: 'Turning a change down needs a reason',
    given: nancyWaiting,
    endpoint: api.reject,
    when: { as: mo.memberId, method: 'POST', url: rejectUrl(nancy.memberId), body: { reason: ' ' } },
    then: { status: 400, body: { errors: [{ field: 'reason' }] } },
  }),
  useCase({
    title: 'Reviewing when nothing is waiting is a conflict',
    given: [...signedUp(mo), ...approved(nancy)],
    endpoint: api.approve,
    when: { as: mo.memberId, method: 'POST', url: approveUrl(nancy.memberId) },
    then: { status: 409, body: { type: 'https://meetcute.dev/problems/nothing-to-review' } },
  }),
  useCase({
    title: 'A change cannot be turned down twice',
    given: [...nancyWaiting, rejectedText(nancy.memberId, REASON)],
    endpoint: api.reject,
    when: { as: mo.memberId, method: 'POST', url: rejectUrl(nancy.memberId), body: { reason: REASON } },
    then: { status: 409 },
  }),
  useCase({
    title: 'Reviewing someone without a profile is a 404',
    given: signedUp(mo),
    endpoint: api.approve,
    when: { as: mo.memberId, method: 'POST', url: approveUrl(NOBODY) },
    then: { status: 404 },
  }),
  useCase({
    title: 'Mo may not approve his own about-me change',
    given: [...approved(mo), submitted(mo.memberId, 'Moderator, and fond of cats.')],
    endpoint: api.approve,
    when: { as: mo.memberId, method: 'POST', url: approveUrl(mo.memberId) },
    then: { status: 403 },
  }),
  useCase({
    title: 'Bob, not a moderator, cannot approve a change',
    given: [...nancyWaiting, ...approved(bob)],
    endpoint: api.approve,
    when: { as: bob.memberId, method: 'POST', url: approveUrl(nancy.memberId) },
    then: { status: 403 },
  }),
  useCase({
    title: 'Bob, not a moderator, cannot turn a change down',
    given: [...nancyWaiting, ...approved(bob)],
    endpoint: api.reject,
    when: { as: bob.memberId, method: 'POST', url: rejectUrl(nancy.memberId), body: { reason: REASON } },
    then: { status: 403 },
  }),

  // Pages
  useCase({
    title: 'Nancy’s profile page shows her facts, her about-me and a link to edit it',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: {
      status: 200,
      page: [
        '<h1>Nancy</h1>',
        '31 years · woman · Stockholm, Sweden',
        OLD,
        'href="/profile/edit"',
        'Edit about me',
      ],
      pageLacks: ['km away', 'Waiting for review'],
    },
  }),
  useCase({
    title: 'Nancy’s profile page shows her change waiting for review',
    given: [...approved(nancy), submitted(nancy.memberId, NEW)],
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['Waiting for review:', NEW, OLD] },
  }),
  useCase({
    title: 'Nancy’s profile page shows why her change was turned down',
    given: [...approved(nancy), submitted(nancy.memberId, NEW), rejectedText(nancy.memberId, REASON)],
    when: { as: nancy.memberId, method: 'GET', url: '/profile' },
    then: { status: 200, page: ['A moderator did not accept your last change:', REASON], pageLacks: [NEW] },
  }),
  useCase({
    title: 'Bob reads Nancy’s profile page: age, gender, city and distance in one line',
    given: [...nancyAndBob, submitted(nancy.memberId, NEW)],
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: {
      status: 200,
      page: ['<h1>Nancy</h1>', '31 years · woman · Stockholm, Sweden · 64 km away', OLD],
      pageLacks: [NEW],
      events: [emitted(ProfileViewed, { viewerId: bob.memberId, memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Opening one’s own member page leads to one’s profile',
    given: approved(nancy),
    endpoint: api.member,
    when: { as: nancy.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: { status: 303, location: '/profile' },
  }),
  useCase({
    title: 'The page of someone who is not a member is not found',
    given: approved(bob),
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: `/members/${NOBODY}` },
    then: { status: 404, page: ['Not found'] },
  }),
  useCase({
    title: 'Bob, still waiting for review, is sent to his sign-up instead of a profile page',
    given: [...approved(nancy), ...signedUp(bob)],
    endpoint: api.member,
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: { status: 303, location: '/registration?closed=1' },
  }),
  useCase({
    title: 'The about-me form is filled in with the current text',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/profile/edit' },
    then: {
      status: 200,
      page: ['<form method="post" action="/profile/edit"', 'name="_csrf"', 'for="f-text"', OLD],
    },
  }),
  useCase({
    title: 'Nancy sends a new about-me with the form and is told it waits for review',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/profile/edit', form: true, body: { text: NEW } },
    then: {
      status: 303,
      location: '/profile?profile=pending#about',
      events: [emitted(AboutMeSubmitted, { memberId: nancy.memberId, text: NEW })],
    },
  }),
  useCase({
    title: 'Sending the form unchanged changes nothing',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'POST', url: '/profile/edit', form: true, body: { text: OLD } },
    then: { status: 303, location: '/profile?profile=unchanged#about' },
  }),
  useCase({
    title: 'Back on her profile after sending it, what she tells about herself says it waits for review',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/profile?profile=pending' },
    then: {
      status: 200,
      page: ['<div id="about">', 'role="status"', 'Thanks! Others will see your new text'],
    },
  }),
  useCase({
    title: 'A profile address with an outcome nobody wrote shows her profile as it is',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/profile?profile=%2F%2Fevil.example&to=%00' },
    then: { status: 200, page: ['<div id="about">'], pageLacks: ['data-feedback-notice'] },
  }),
  useCase({
    title: 'In Finnish, a too-long about-me is explained in Finnish',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/profile/edit',
      form: true,
      body: { text: 'y'.repeat(2001) },
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 400,
      page: ['Esittelyssä voi olla enintään 2000 merkkiä.'],
      pageLacks: ['About me can be at most'],
    },
  }),
  useCase({
    title: 'A too-long about-me comes back in the form with the mistake next to it',
    given: approved(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/profile/edit',
      form: true,
      body: { text: 'y'.repeat(2001) },
    },
    then: {
      status: 400,
      page: ['About me can be at most 2000 characters.', 'aria-invalid="true"', 'y'.repeat(2001)],
    },
  }),
  useCase({
    title: 'Mo reviews about-me changes on the review page',
    given: nancyWaiting,
    when: { as: mo.memberId, method: 'GET', url: '/review/about-me' },
    then: {
      status: 200,
      page: [
        'About-me changes to review',
        'Nancy',
        OLD,
        NEW,
        `/review/about-me/${nancy.memberId}/approve`,
        `for="reason-${nancy.memberId}"`,
        'href="/review"',
      ],
    },
  }),
  useCase({
    title: 'Bob, not a moderator, cannot open the about-me review page',
    given: approved(bob),
    when: { as: bob.memberId, method: 'GET', url: '/review/about-me' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo approves a change with one tap on the review page',
    given: nancyWaiting,
    endpoint: api.approvePage,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/review/about-me/${nancy.memberId}/approve`,
      form: true,
      body: {},
    },
    then: {
      status: 303,
      location: '/review/about-me?review=approved#queue',
      events: [emitted(AboutMeApproved, { text: NEW })],
    },
  }),
  useCase({
    title: 'Mo turns a change down from the review page',
    given: nancyWaiting,
    endpoint: api.rejectPage,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/review/about-me/${nancy.memberId}/reject`,
      form: true,
      body: { reason: REASON },
    },
    then: {
      status: 303,
      location: '/review/about-me?review=rejected#queue',
      events: [emitted(AboutMeRejected, { reason: REASON })],
    },
  }),
  useCase({
    title: 'Turning a change down on the review page without a reason shows the mistake there',
    given: nancyWaiting,
    endpoint: api.rejectPage,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/review/about-me/${nancy.memberId}/reject`,
      form: true,
      body: { reason: '' },
    },
    then: {
      status: 400,
      page: ['Give the member a reason of 3 to 500 characters', `id="reason-${nancy.memberId}-error"`],
    },
  }),
  useCase({
    title: 'A Swedish moderator turning a change down without a reason reads what to fix in Swedish',
    given: nancyWaiting,
    endpoint: api.rejectPage,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/review/about-me/${nancy.memberId}/reject`,
      form: true,
      body: { reason: ' ' },
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 400,
      page: ['Ge medlemmen ett skäl på 3 till 500 tecken som hen kan agera på.'],
      pageLacks: ['Give the member a reason'],
    },
  }),
  ...sanctionedRequestsTo('his own profile', '/api/v1/profiles/me'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: her profile is a 404 to Bob',
    given: [...nancyAndBob, deleted(nancy)],
    when: { as: bob.memberId, method: 'GET', url: profileUrl(nancy.memberId) },
    then: { status: 404 },
  }),
];
