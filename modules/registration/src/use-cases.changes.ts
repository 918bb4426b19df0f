import { emitted, given, useCase } from '@meetcute/core';
import { approved, bob, mo, nancy, signedUp } from '@meetcute/cast';
import {
  CityChanged,
  LookingForChanged,
  LookingForConfirmed,
  NicknameApproved,
  NicknameChangeRequested,
  NicknameRejected,
} from './events.ts';

const STOCKHOLM = 2673730;
const UPPSALA = 2666199;
const DETAILS = '/api/v1/profiles/me/details';

/** Nancy's details as she has them since sign-up, as the API takes them. */
const nancyNow = {
  nickname: 'Nancy',
  cityId: STOCKHOLM,
  lookingFor: { genders: ['man'], minAge: 28, maxAge: 40, maxDistanceKm: 50 },
};

/** The same, as the page's form posts them. */
const nancyPage = {
  nickname: 'Nancy',
  city: 'Stockholm',
  'lookingFor.genders': ['man'],
  'lookingFor.minAge': '28',
  'lookingFor.maxAge': '40',
  'lookingFor.maxDistanceKm': '50',
};

const both = [...approved(mo), ...approved(nancy), ...approved(bob)];
/** Nancy saved whom she looks for once already: a later save is only about what it changes. */
const confirmed = given(LookingForConfirmed, { memberId: nancy.memberId }, { actorId: nancy.memberId });
const asked = (nickname: string) =>
  given(NicknameChangeRequested, { memberId: nancy.memberId, nickname }, { actorId: nancy.memberId });
const put = (body: object) => ({ as: nancy.memberId, method: 'PUT', url: DETAILS, body }) as const;
const decide = (what: 'approve' | 'reject', body?: object) =>
  ({
    as: mo.memberId,
    method: 'POST',
    url: `/api/v1/review/nicknames/${nancy.memberId}/${what}`,
    ...(body ? { body } : {}),
  }) as const;

/** An approved member keeps their profile up to date: place and whom they look for at once, a nickname after review. */
export const changeUseCases = [
  useCase({
    title: 'Nancy moves to Uppsala and looks for men 30–45 within 100 km: both change at once',
    given: both,
    when: put({
      ...nancyNow,
      cityId: UPPSALA,
      lookingFor: { ...nancyNow.lookingFor, minAge: 30, maxAge: 45, maxDistanceKm: 100 },
    }),
    then: {
      status: 200,
      body: { nicknamePending: false },
      events: [
        emitted(CityChanged, { memberId: nancy.memberId, city: { id: UPPSALA, label: 'Uppsala, Sweden' } }),
        emitted(LookingForChanged, {
          memberId: nancy.memberId,
          lookingFor: { genders: ['man'], minAge: 30, maxAge: 45, maxDistanceKm: 100 },
        }),
      ],
    },
  }),
  useCase({
    title: 'After moving and widening her search, Nancy’s details show the new place and whom she looks for',
    given: [
      ...both,
      given(
        CityChanged,
        { memberId: nancy.memberId, city: bob.application.city },
        { actorId: nancy.memberId },
      ),
      given(
        LookingForChanged,
        { memberId: nancy.memberId, lookingFor: { ...nancy.application.lookingFor, maxDistanceKm: 100 } },
        { actorId: nancy.memberId },
      ),
    ],
    when: { as: nancy.memberId, method: 'GET', url: DETAILS },
    then: {
      status: 200,
      body: {
        nickname: 'Nancy',
        city: { id: UPPSALA },
        lookingFor: { genders: ['man'], maxDistanceKm: 100 },
      },
    },
  }),
  useCase({
    title:
      'Saving her details unchanged makes whom she looks for hers (her checklist’s step), and changes nothing else',
    given: both,
    when: put(nancyNow),
    then: {
      status: 200,
      body: { nicknamePending: false },
      events: [emitted(LookingForConfirmed, { memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'Saving them unchanged again tells nobody anything',
    given: [...both, confirmed],
    when: put(nancyNow),
    then: { status: 200, body: { nicknamePending: false }, events: [] },
  }),
  useCase({
    title: 'After she changed whom she looks for, saving it unchanged confirms nothing more',
    given: [
      ...both,
      given(
        LookingForChanged,
        { memberId: nancy.memberId, lookingFor: { ...nancy.application.lookingFor, maxDistanceKm: 100 } },
        { actorId: nancy.memberId },
      ),
    ],
    when: put({ ...nancyNow, lookingFor: { ...nancyNow.lookingFor, maxDistanceKm: 100 } }),
    then: { status: 200, body: { nicknamePending: false }, events: [] },
  }),
  useCase({
    title: 'Nancy asks for a new nickname: it waits for review, and others still see Nancy',
    given: [...both, confirmed],
    when: put({ ...nancyNow, nickname: 'NancySails' }),
    then: {
      status: 200,
      body: { nicknamePending: true },
      events: [emitted(NicknameChangeRequested, { memberId: nancy.memberId, nickname: 'NancySails' })],
    },
  }),
  useCase({
    title: 'Nancy sees her new nickname waiting, and the one others see',
    given: [...both, asked('NancySails')],
    when: { as: nancy.memberId, method: 'GET', url: DETAILS },
    then: {
      status: 200,
      body: {
        nickname: 'Nancy',
        pendingNickname: 'NancySails',
        nicknameReason: null,
        city: { id: STOCKHOLM },
      },
    },
  }),
  useCase({
    title: 'Going back to her nickname withdraws the new one waiting',
    given: [...both, confirmed, asked('NancySails')],
    when: put(nancyNow),
    then: {
      status: 200,
      body: { nicknamePending: false },
      events: [emitted(NicknameChangeRequested, { nickname: 'Nancy' })],
    },
  }),
  useCase({
    title: 'A member’s nickname, or one that looks like it, cannot be asked for',
    given: both,
    when: put({ ...nancyNow, nickname: 'B0b' }),
    then: { status: 409, body: { errors: [{ field: 'nickname', code: 'nicknameLookalike' }] }, events: [] },
  }),
  useCase({
    title: 'A nickname another member waits for is kept for them, at sign-up too',
    given: [...both, asked('NancySails')],
    when: {
      method: 'POST',
      url: '/api/v1/registrations',
      body: {
        email: 'other@example.com',
        password: 'correct horse battery',
        nickname: 'nancysails',
        gender: 'woman',
        birthday: '1990-01-01',
        cityId: STOCKHOLM,
        lookingFor: { genders: ['man'], minAge: 30, maxAge: 40, maxDistanceKm: 50 },
        aboutMe: '',
      },
    },
    then: { status: 409, body: { errors: [{ field: 'nickname', code: 'nicknameTaken' }] }, events: [] },
  }),
  useCase({
    title: 'Details that break the rules name each field to fix, and nothing changes',
    given: both,
    when: put({
      nickname: 'N',
      cityId: 1,
      lookingFor: { genders: ['cat'], minAge: 40, maxAge: 30, maxDistanceKm: 0 },
    }),
    then: {
      status: 400,
      body: {
        errors: [
          { field: 'city' },
          { field: 'nickname' },
          { field: 'lookingFor.genders' },
          { field: 'lookingFor.maxAge' },
          { field: 'lookingFor.maxDistanceKm' },
        ],
      },
      events: [],
    },
  }),
  useCase({
    title: 'A member still in review changes their sign-up on the registration page instead',
    given: signedUp(nancy),
    when: put({ ...nancyNow, cityId: UPPSALA }),
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo sees Nancy’s new nickname in the queue',
    given: [...both, asked('NancySails')],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/review/nicknames' },
    then: {
      status: 200,
      body: { nicknames: [{ memberId: nancy.memberId, nickname: 'Nancy', requested: 'NancySails' }] },
    },
  }),
  useCase({
    title: 'Mo, with only Nancy’s new nickname waiting, lands on the nickname queue when he comes in',
    given: [...both, asked('NancySails')],
    when: { as: mo.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/review/nicknames' },
  }),
  useCase({
    title: 'Mo approves Nancy’s new nickname: everyone sees her by it',
    given: [...both, asked('NancySails')],
    endpoint: 'POST /api/v1/review/nicknames/:memberId/approve',
    when: decide('approve'),
    then: {
      status: 200,
      body: { status: 'approved' },
      events: [
        emitted(NicknameApproved, {
          memberId: nancy.memberId,
          moderatorId: mo.memberId,
          nickname: 'NancySails',
        }),
      ],
    },
  }),
  useCase({
    title: 'Mo turns Nancy’s new nickname down with a reason she reads',
    given: [...both, asked('NancySails')],
    endpoint: 'POST /api/v1/review/nicknames/:memberId/reject',
    when: decide('reject', { reason: 'A nickname may not advertise a boat rental' }),
    then: {
      status: 200,
      events: [
        emitted(NicknameRejected, {
          memberId: nancy.memberId,
          reason: 'A nickname may not advertise a boat rental',
        }),
      ],
    },
  }),
  useCase({
    title: 'Turning a nickname down needs a reason',
    given: [...both, asked('NancySails')],
    endpoint: 'POST /api/v1/review/nicknames/:memberId/reject',
    when: decide('reject', { reason: ' ' }),
    then: { status: 400, body: { errors: [{ field: 'reason' }] }, events: [] },
  }),
  useCase({
    title: 'A nickname already decided on is not decided again',
    given: [
      ...both,
      asked('NancySails'),
      given(NicknameApproved, { memberId: nancy.memberId, moderatorId: mo.memberId, nickname: 'NancySails' }),
    ],
    endpoint: 'POST /api/v1/review/nicknames/:memberId/approve',
    when: decide('approve'),
    then: { status: 409, body: { type: 'https://meetcute.dev/problems/nothing-to-review' }, events: [] },
  }),
  useCase({
    title: 'After approval the new nickname is Nancy’s, and the old one is free for others',
    given: [
      ...both,
      asked('NancySails'),
      given(NicknameApproved, { memberId: nancy.memberId, moderatorId: mo.memberId, nickname: 'NancySails' }),
    ],
    when: { as: nancy.memberId, method: 'GET', url: DETAILS },
    then: { status: 200, body: { nickname: 'NancySails', pendingNickname: null } },
  }),
  useCase({
    title: 'Nancy reads why her new nickname was turned down, above the form to try another',
    given: [
      ...both,
      asked('NancySails'),
      given(NicknameRejected, {
        memberId: nancy.memberId,
        moderatorId: mo.memberId,
        reason: 'A nickname may not advertise a boat rental',
      }),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/profile/details' },
    then: {
      status: 200,
      page: ['A nickname may not advertise a boat rental', 'action="/profile/details"', 'value="Nancy"'],
    },
  }),
  useCase({
    title: 'The details page is a form that works without JavaScript, filled with what Nancy has',
    given: both,
    when: { as: nancy.memberId, method: 'GET', url: '/profile/details' },
    then: {
      status: 200,
      page: [
        '<form method="post" action="/profile/details"',
        'name="_csrf"',
        'value="Stockholm, Sweden"',
        'value="50"',
      ],
    },
  }),
  useCase({
    title:
      'Nancy moves with the form and is told that suggestions, news and search follow; whom she looks for, saved as it was, is now hers',
    given: both,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/profile/details',
      form: true,
      body: { ...nancyPage, city: 'Uppsala' },
    },
    then: {
      status: 303,
      location: '/profile/details?profile=details#details',
      events: [
        emitted(CityChanged, { city: { id: UPPSALA } }),
        emitted(LookingForConfirmed, { memberId: nancy.memberId }),
      ],
    },
  }),
  useCase({
    title: 'A Swedish member is told in Swedish what to fix on the form, which comes back filled in',
    given: both,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/profile/details',
      form: true,
      headers: { 'accept-language': 'sv' },
      body: { ...nancyPage, 'lookingFor.minAge': '41', city: 'Atlantis' },
    },
    then: {
      status: 400,
      page: ['Den högsta åldern måste vara minst den lägsta.', 'value="Atlantis"', 'value="41"'],
      events: [],
    },
  }),
  useCase({
    title: 'Mo reviews new nicknames on their own queue page and approves with one tap',
    given: [...both, asked('NancySails')],
    when: { as: mo.memberId, method: 'GET', url: '/review/nicknames' },
    then: { status: 200, page: ['NancySails', `/review/nicknames/${nancy.memberId}/approve`] },
  }),
  useCase({
    title: 'Mo approves a new nickname from the queue page',
    given: [...both, asked('NancySails')],
    endpoint: 'POST /review/nicknames/:memberId/approve',
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/review/nicknames/${nancy.memberId}/approve`,
      form: true,
      body: {},
    },
    then: {
      status: 303,
      location: '/review/nicknames?review=approved#queue',
      events: [emitted(NicknameApproved, { nickname: 'NancySails' })],
    },
  }),
  useCase({
    title: 'Mo turns a nickname down from the queue page',
    given: [...both, asked('NancySails')],
    endpoint: 'POST /review/nicknames/:memberId/reject',
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/review/nicknames/${nancy.memberId}/reject`,
      form: true,
      body: { reason: 'Please choose a name, not an advert' },
    },
    then: {
      status: 303,
      location: '/review/nicknames?review=rejected#queue',
      events: [emitted(NicknameRejected)],
    },
  }),
];
