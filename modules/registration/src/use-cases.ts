import { EmailChanged, SessionStarted } from '@meetcute/auth/events';
import { emitted, given, useCase } from '@meetcute/core';
import { approved, bob, deleted, eve, mo, nancy, PASSWORD, signedUp } from '@meetcute/cast';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
  SignUpWithTakenEmail,
} from './events.ts';

const STOCKHOLM = 2673730;

/** Nancy's sign-up form as the API takes it. */
const nancyForm = {
  email: 'Nancy@Example.com',
  password: PASSWORD,
  nickname: 'Nancy',
  gender: 'woman',
  birthday: '1995-03-14',
  cityId: STOCKHOLM,
  lookingFor: { genders: ['man'], minAge: 28, maxAge: 40, maxDistanceKm: 50 },
  aboutMe: 'Sailing, jazz and long walks.',
};

const nancyPageForm = {
  email: 'nancy@example.com',
  password: PASSWORD,
  nickname: 'Nancy',
  gender: 'woman',
  birthday: '1995-03-14',
  city: 'Stockholm',
  'lookingFor.genders': ['man'],
  'lookingFor.minAge': '28',
  'lookingFor.maxAge': '40',
  'lookingFor.maxDistanceKm': '50',
  aboutMe: 'Sailing, jazz and long walks.',
};

const rejectedNancy = [
  ...signedUp(mo),
  ...signedUp(nancy),
  given(RegistrationRejected, {
    memberId: nancy.memberId,
    moderatorId: mo.memberId,
    reason: 'Your nickname is an email address',
  }),
];

const approveUrl = (id: string) => `/api/v1/review/registrations/${id}/approve`;
const rejectUrl = (id: string) => `/api/v1/review/registrations/${id}/reject`;

export const useCases = [
  useCase({
    title: 'Nancy signs up: her account is created and her profile waits for review',
    when: { method: 'POST', url: '/api/v1/registrations', body: nancyForm },
    then: {
      status: 201,
      body: { status: 'submitted' },
      events: [
        // Sign-up logs her in; the log takes each module's outbox in module order, auth's first.
        emitted(SessionStarted),
        emitted(AccountCreated, { email: 'nancy@example.com' }),
        emitted(RegistrationSubmitted, {
          resubmission: false,
          application: {
            nickname: 'Nancy',
            gender: 'woman',
            birthday: '1995-03-14',
            city: {
              id: STOCKHOLM,
              name: 'Stockholm',
              label: 'Stockholm, Sweden',
              country: 'SE',
              latitude: 59.32938,
              longitude: 18.06871,
              timeZone: 'Europe/Stockholm',
            },
            lookingFor: { genders: ['man'], minAge: 28, maxAge: 40, maxDistanceKm: 50 },
            aboutMe: 'Sailing, jazz and long walks.',
          },
        }),
      ],
    },
  }),
  useCase({
    title:
      'A sign-up with a member’s address, in any case, is answered as a new one; only Nancy hears of it, by mail',
    given: signedUp(nancy),
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'NANCY@example.com', nickname: 'Nancy2' },
    },
    then: {
      status: 201,
      body: { status: 'submitted' },
      events: [emitted(SignUpWithTakenEmail, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A taken nickname is still said openly, but never that the address is taken too',
    given: signedUp(nancy),
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'NANCY@example.com' },
    },
    then: {
      status: 409,
      body: {
        type: 'https://meetcute.dev/problems/already-registered',
        errors: [{ field: 'nickname', code: 'nicknameTaken' }],
      },
      events: [],
    },
  }),
  useCase({
    title: 'The sign-up form with a member’s address lands on "waiting for review" like any other',
    given: signedUp(nancy),
    when: { method: 'POST', url: '/signup', form: true, body: { ...nancyPageForm, nickname: 'Nancy2' } },
    then: {
      status: 303,
      location: '/registration?welcome=1',
      events: [emitted(SignUpWithTakenEmail, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Once Nancy moved to another address, a sign-up with the new one tells her, not the caller',
    given: [
      ...signedUp(nancy),
      given(
        EmailChanged,
        { memberId: nancy.memberId, email: 'nancy.sailor@example.com', previousEmail: nancy.email },
        { actorId: nancy.memberId },
      ),
    ],
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'nancy.sailor@example.com', nickname: 'Nancy2' },
    },
    then: {
      status: 201,
      body: { status: 'submitted' },
      events: [emitted(SignUpWithTakenEmail, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Her old address, given up, can sign up again',
    given: [
      ...signedUp(nancy),
      given(
        EmailChanged,
        { memberId: nancy.memberId, email: 'nancy.sailor@example.com', previousEmail: nancy.email },
        { actorId: nancy.memberId },
      ),
    ],
    when: { method: 'POST', url: '/api/v1/registrations', body: { ...nancyForm, nickname: 'Nancy2' } },
    then: {
      status: 201,
      events: [
        emitted(SessionStarted),
        emitted(AccountCreated, { email: nancy.email }),
        emitted(RegistrationSubmitted, { resubmission: false }),
      ],
    },
  }),
  useCase({
    title:
      'After ten sign-ups with taken addresses in an hour, one caller is held back: nobody fills a member’s inbox',
    given: signedUp(nancy),
    before: Array.from({ length: 10 }, (_, i) => ({
      method: 'POST' as const,
      url: '/api/v1/registrations',
      body: { ...nancyForm, nickname: `Probe${i}` },
    })),
    when: { method: 'POST', url: '/api/v1/registrations', body: { ...nancyForm, nickname: 'Probe10' } },
    then: { status: 429, body: { type: 'https://meetcute.dev/problems/rate-limited' }, events: [] },
  }),
  useCase({
    title: 'A password attackers try first is refused at sign-up',
    when: { method: 'POST', url: '/api/v1/registrations', body: { ...nancyForm, password: 'Password1234' } },
    then: { status: 400, body: { errors: [{ field: 'password', code: 'passwordCommon' }] }, events: [] },
  }),
  useCase({
    title: 'A nickname someone has, in any case, is refused',
    given: signedUp(nancy),
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'other@example.com', nickname: 'NANCY' },
    },
    then: { status: 409, body: { errors: [{ field: 'nickname' }] } },
  }),
  useCase({
    title: 'A look-alike nickname mixing alphabets (a Cyrillic "а" in "Nаncy") is refused',
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'other@example.com', nickname: 'N\u0430ncy' },
    },
    then: {
      status: 400,
      body: {
        errors: [
          {
            field: 'nickname',
            message: 'Use the letters of one alphabet only, so nobody can pass for someone else.',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'A nickname that looks like a member’s (“B0b” with a zero for Bob) is refused, saying why',
    given: signedUp(bob),
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'other@example.com', nickname: 'B0b' },
    },
    then: {
      status: 409,
      body: {
        errors: [
          {
            field: 'nickname',
            message: 'This nickname looks too much like another member’s. Choose one nobody could mistake.',
          },
        ],
      },
      events: [],
    },
  }),
  useCase({
    title: 'A look-alike in one other alphabet (Cyrillic “Мо” for Mo) is refused too',
    given: signedUp(mo),
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'other@example.com', nickname: '\u041c\u043e' },
    },
    then: { status: 409, body: { errors: [{ field: 'nickname', code: 'nicknameLookalike' }] }, events: [] },
  }),
  useCase({
    title: 'The sign-up page tells a Finnish visitor in Finnish that “Sarn” looks like Sam’s nickname',
    given: [...signedUp({ ...eve, application: { ...eve.application, nickname: 'Sam' } })],
    when: {
      method: 'POST',
      url: '/signup',
      form: true,
      headers: { 'accept-language': 'fi' },
      body: { ...nancyPageForm, nickname: 'Sarn' },
    },
    then: {
      status: 409,
      page: ['Nimimerkki näyttää liikaa toisen jäsenen nimimerkiltä.'],
      events: [],
    },
  }),
  useCase({
    title: 'A nickname change on resubmission is held to the same rule: Nancy may not become “B0b”',
    given: [...signedUp(bob), ...rejectedNancy],
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/registrations/me',
      body: { ...nancyForm, email: undefined, password: undefined, nickname: 'B0b' },
    },
    then: { status: 409, body: { errors: [{ field: 'nickname', code: 'nicknameLookalike' }] }, events: [] },
  }),
  useCase({
    title: 'A nickname in one alphabet other than Latin is welcome',
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'other@example.com', nickname: 'Наташа_85' },
    },
    then: {
      status: 201,
      events: [
        emitted(SessionStarted),
        emitted(AccountCreated, { email: 'other@example.com' }),
        emitted(RegistrationSubmitted, { application: { nickname: 'Наташа_85' } }),
      ],
    },
  }),
  useCase({
    title: 'A Japanese nickname mixing kanji and kana is one writing system',
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: { ...nancyForm, email: 'other@example.com', nickname: '山田さくら' },
    },
    then: {
      status: 201,
      events: [
        emitted(SessionStarted),
        emitted(AccountCreated, { email: 'other@example.com' }),
        emitted(RegistrationSubmitted, { application: { nickname: '山田さくら' } }),
      ],
    },
  }),
  useCase({
    title: 'Someone who is 17 today where she lives is told she must be 18',
    when: { method: 'POST', url: '/api/v1/registrations', body: { ...nancyForm, birthday: '2008-06-02' } },
    then: {
      status: 400,
      body: {
        errors: [{ field: 'birthday', code: 'tooYoung', message: 'You must be 18 or older to join.' }],
      },
    },
  }),
  useCase({
    title: 'Someone who turns 18 today is welcome',
    when: { method: 'POST', url: '/api/v1/registrations', body: { ...nancyForm, birthday: '2008-06-01' } },
    then: {
      status: 201,
      events: [
        emitted(SessionStarted),
        emitted(AccountCreated),
        emitted(RegistrationSubmitted, { application: { birthday: '2008-06-01' } }),
      ],
    },
  }),
  useCase({
    title: 'Nonsense in the form is named field by field and nothing is stored',
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: {
        ...nancyForm,
        email: 'nancy',
        password: 'short',
        nickname: 'a@b.se',
        cityId: 1,
        lookingFor: { genders: ['cat'], minAge: 40, maxAge: 30, maxDistanceKm: -5 },
      },
    },
    then: {
      status: 400,
      body: {
        errors: [
          { field: 'email' },
          { field: 'password' },
          { field: 'nickname' },
          { field: 'city' },
          { field: 'lookingFor.genders' },
          { field: 'lookingFor.maxAge' },
          { field: 'lookingFor.maxDistanceKm' },
        ],
      },
    },
  }),
  useCase({
    title: 'A sign-up with a missing field says which',
    when: { method: 'POST', url: '/api/v1/registrations', body: { email: 'x@example.com' } },
    then: { status: 400, body: { type: 'https://meetcute.dev/problems/validation' } },
  }),
  useCase({
    title: 'Nancy follows her sign-up while she waits',
    given: signedUp(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/registrations/me' },
    then: {
      status: 200,
      body: {
        memberId: nancy.memberId,
        status: 'submitted',
        reason: null,
        application: { nickname: 'Nancy' },
      },
    },
  }),
  useCase({
    title: 'Someone not logged in cannot see a sign-up',
    when: { method: 'GET', url: '/api/v1/registrations/me' },
    then: { status: 401, body: { type: 'https://meetcute.dev/problems/unauthenticated' } },
  }),
  useCase({
    title: 'Mo sees the sign-ups waiting, oldest first',
    given: [...signedUp(mo), ...signedUp(nancy), ...signedUp(bob), ...approved(eve)],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/review/registrations' },
    then: {
      status: 200,
      body: {
        registrations: [
          { memberId: mo.memberId },
          { memberId: nancy.memberId, application: { nickname: 'Nancy' } },
          { memberId: bob.memberId, application: { nickname: 'Bob' } },
        ],
      },
    },
  }),
  useCase({
    title: 'A member who is not a moderator cannot see the review queue',
    given: approved(bob),
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/review/registrations' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo approves Nancy: she becomes a member others can find',
    given: [...signedUp(mo), ...signedUp(nancy)],
    endpoint: 'POST /api/v1/review/registrations/:memberId/approve',
    when: { as: mo.memberId, method: 'POST', url: approveUrl(nancy.memberId) },
    then: {
      status: 200,
      body: { status: 'approved' },
      events: [
        emitted(RegistrationApproved, {
          memberId: nancy.memberId,
          moderatorId: mo.memberId,
          application: { nickname: 'Nancy' },
        }),
      ],
    },
  }),
  useCase({
    title: 'A sign-up cannot be approved twice',
    given: [...signedUp(mo), ...approved(nancy)],
    endpoint: 'POST /api/v1/review/registrations/:memberId/approve',
    when: { as: mo.memberId, method: 'POST', url: approveUrl(nancy.memberId) },
    then: { status: 409, body: { type: 'https://meetcute.dev/problems/already-reviewed' } },
  }),
  useCase({
    title: 'Approving someone who never signed up is a 404',
    given: signedUp(mo),
    endpoint: 'POST /api/v1/review/registrations/:memberId/approve',
    when: { as: mo.memberId, method: 'POST', url: approveUrl('00000000-0000-7000-8000-000000000999') },
    then: { status: 404 },
  }),
  useCase({
    title: 'Bob, not a moderator, cannot approve himself',
    given: signedUp(bob),
    endpoint: 'POST /api/v1/review/registrations/:memberId/approve',
    when: { as: bob.memberId, method: 'POST', url: approveUrl(bob.memberId) },
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo sends Nancy back with a reason she can act on',
    given: [...signedUp(mo), ...signedUp(nancy)],
    endpoint: 'POST /api/v1/review/registrations/:memberId/reject',
    when: {
      as: mo.memberId,
      method: 'POST',
      url: rejectUrl(nancy.memberId),
      body: { reason: 'Your nickname is an email address' },
    },
    then: {
      status: 200,
      events: [
        emitted(RegistrationRejected, {
          memberId: nancy.memberId,
          reason: 'Your nickname is an email address',
        }),
      ],
    },
  }),
  useCase({
    title: 'Sending a sign-up back needs a reason',
    given: [...signedUp(mo), ...signedUp(nancy)],
    endpoint: 'POST /api/v1/review/registrations/:memberId/reject',
    when: { as: mo.memberId, method: 'POST', url: rejectUrl(nancy.memberId), body: { reason: ' ' } },
    then: { status: 400, body: { errors: [{ field: 'reason' }] } },
  }),
  useCase({
    title: 'Nancy sees why she was sent back',
    given: rejectedNancy,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/registrations/me' },
    then: { status: 200, body: { status: 'rejected', reason: 'Your nickname is an email address' } },
  }),
  useCase({
    title: 'Nancy fixes her sign-up and sends it again',
    given: rejectedNancy,
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/registrations/me',
      body: { ...nancyForm, email: undefined, password: undefined, nickname: 'NancyS' },
    },
    then: {
      status: 200,
      body: { status: 'submitted' },
      events: [
        emitted(RegistrationSubmitted, {
          memberId: nancy.memberId,
          resubmission: true,
          application: { nickname: 'NancyS' },
        }),
      ],
    },
  }),
  useCase({
    title: 'Nancy fixes a typo in her sign-up while it waits: the moderator reads the fixed one',
    given: signedUp(nancy),
    when: {
      as: nancy.memberId,
      method: 'PUT',
      url: '/api/v1/registrations/me',
      body: { ...nancyForm, email: undefined, password: undefined, aboutMe: 'Sailing and jazz.' },
    },
    then: {
      status: 200,
      body: { status: 'submitted' },
      events: [
        emitted(RegistrationSubmitted, { resubmission: true, application: { aboutMe: 'Sailing and jazz.' } }),
      ],
    },
  }),
  useCase({
    title: 'While Nancy waits, her page offers to change her sign-up and to add photos meanwhile',
    given: signedUp(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/registration' },
    then: {
      status: 200,
      page: ['Waiting for review', 'Change my sign-up', 'action="/registration"', 'href="/photos"'],
    },
  }),
  useCase({
    title: 'Nancy sends her changed sign-up from the waiting page: it still waits, as changed',
    given: signedUp(nancy),
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/registration',
      form: true,
      body: { ...nancyPageForm, aboutMe: 'Sailing and jazz.' },
    },
    then: {
      status: 303,
      location: '/registration?changed=1',
      events: [emitted(RegistrationSubmitted, { resubmission: true })],
    },
  }),
  useCase({
    title: 'A page that opens on approval sends Nancy, still waiting, to her sign-up saying why',
    given: signedUp(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/registration?closed=1' },
    then: { status: 200, page: ['opens once a moderator has approved your profile'] },
  }),
  useCase({
    title: 'The sign-up page is a form that works without JavaScript',
    when: { method: 'GET', url: '/signup' },
    then: {
      status: 200,
      page: ['<form method="post" action="/signup"', 'name="_csrf"', 'for="f-email"', 'data-cities'],
    },
  }),
  useCase({
    title:
      'A birthday the form cannot read asks for the day, month and year, with no format the date control does not show',
    when: {
      method: 'POST',
      url: '/signup',
      form: true,
      headers: { 'accept-language': 'sv' },
      body: { ...nancyPageForm, birthday: '14/03/1995' },
    },
    then: {
      status: 400,
      page: ['Ange din födelsedag: dag, månad och år.'],
      pageLacks: ['1995-03-14', 'YYYY'],
      events: [],
    },
  }),
  useCase({
    title: 'Nancy signs up with the form and lands on "waiting for review"',
    when: { method: 'POST', url: '/signup', form: true, body: nancyPageForm },
    then: {
      status: 303,
      location: '/registration?welcome=1',
      events: [emitted(SessionStarted), emitted(AccountCreated), emitted(RegistrationSubmitted)],
    },
  }),
  useCase({
    title: 'A form with mistakes comes back filled in, with each mistake next to its field',
    when: {
      method: 'POST',
      url: '/signup',
      form: true,
      body: { ...nancyPageForm, birthday: '2010-01-01', city: 'Atlantis' },
    },
    then: {
      status: 400,
      page: ['You must be 18 or older to join.', 'We do not know that place', 'value="Nancy"'],
    },
  }),
  useCase({
    title: 'A Swedish visitor is told what to fix in Swedish, and the API keeps saying it in English',
    when: {
      method: 'POST',
      url: '/signup',
      form: true,
      headers: { 'accept-language': 'sv-SE,sv;q=0.9' },
      body: { ...nancyPageForm, birthday: '2010-01-01', nickname: 'N' },
    },
    then: {
      status: 400,
      page: ['Du måste vara minst 18 år för att gå med.', 'Ett smeknamn har 2 till 20 tecken.'],
      pageLacks: ['You must be 18 or older to join.'],
    },
  }),
  useCase({
    title: 'A form posted without its anti-forgery token is refused',
    when: { method: 'POST', url: '/signup', form: true, body: { ...nancyPageForm, _csrf: 'forged' } },
    then: { status: 403, page: ['This form has expired'] },
  }),
  useCase({
    title: 'Approved, Nancy’s sign-up page leads on to her home, among people who fit her',
    given: approved(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/registration' },
    then: {
      status: 200,
      page: [
        'Welcome to Meetcute!',
        'href="/home">Meet people who fit you</a>',
        'href="/profile">See my profile',
      ],
    },
  }),
  useCase({
    title: 'Nancy sees that she is waiting for review',
    given: signedUp(nancy),
    when: { as: nancy.memberId, method: 'GET', url: '/registration' },
    then: { status: 200, page: ['Waiting for review', 'Nancy'] },
  }),
  useCase({
    title: 'Nancy sees the reason and a form to fix her sign-up',
    given: rejectedNancy,
    when: { as: nancy.memberId, method: 'GET', url: '/registration' },
    then: { status: 200, page: ['Your nickname is an email address', 'action="/registration"'] },
  }),
  useCase({
    title: 'Nancy sends her fixed sign-up with the form',
    given: rejectedNancy,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/registration',
      form: true,
      body: { ...nancyPageForm, nickname: 'NancyS' },
    },
    then: {
      status: 303,
      location: '/registration?resubmitted=1',
      events: [emitted(RegistrationSubmitted, { resubmission: true })],
    },
  }),
  useCase({
    title: 'Mo reviews sign-ups on the review page',
    given: [...signedUp(mo), ...signedUp(nancy)],
    when: { as: mo.memberId, method: 'GET', url: '/review' },
    then: {
      status: 200,
      page: [
        'Sign-ups to review',
        'Nancy',
        `/review/${nancy.memberId}/approve`,
        // Her portrait (moderators see photos waiting for review), how new her account is, no history.
        `src="/members/${nancy.memberId}/portrait/thumb"`,
        'Account made',
        'First review: never sent back.',
      ],
    },
  }),
  useCase({
    title: 'Nancy’s card says why she was sent back before, when she sends her sign-up again',
    given: [
      ...rejectedNancy,
      given(
        RegistrationSubmitted,
        { memberId: nancy.memberId, application: nancy.application, resubmission: true },
        { actorId: nancy.memberId },
      ),
    ],
    when: { as: mo.memberId, method: 'GET', url: '/review', headers: { 'accept-language': 'sv' } },
    then: {
      status: 200,
      // Mo's own sign-up waits too, for another moderator: its card says it is a first review.
      page: [
        'Skickad tillbaka tidigare',
        'Your nickname is an email address',
        'Kontot skapades',
        'Första granskningen',
      ],
    },
  }),
  useCase({
    title: 'Mo approves Nancy with one tap on the review page',
    given: [...signedUp(mo), ...signedUp(nancy)],
    endpoint: 'POST /review/:memberId/approve',
    when: { as: mo.memberId, method: 'POST', url: `/review/${nancy.memberId}/approve`, form: true, body: {} },
    then: { status: 303, location: '/review?review=approved#queue', events: [emitted(RegistrationApproved)] },
  }),
  useCase({
    title: 'Mo sends Nancy back from the review page',
    given: [...signedUp(mo), ...signedUp(nancy)],
    endpoint: 'POST /review/:memberId/reject',
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/review/${nancy.memberId}/reject`,
      form: true,
      body: { reason: 'Please add a few words about you' },
    },
    then: {
      status: 303,
      location: '/review?review=rejected#queue',
      events: [emitted(RegistrationRejected, { reason: 'Please add a few words about you' })],
    },
  }),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account while waiting: she leaves the review queue',
    given: [...signedUp(mo), ...signedUp(nancy), ...signedUp(bob), ...approved(eve), deleted(nancy)],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/review/registrations' },
    then: { status: 200, body: { registrations: [{ memberId: mo.memberId }, { memberId: bob.memberId }] } },
  }),
];
