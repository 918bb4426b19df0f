import { emitted, given, useCase, type Given, type When } from '@meetcute/core';
import {
  approved,
  bob,
  deleted,
  pseudonymOf,
  mo,
  nancy,
  PASSWORD,
  signedUp,
  withPassword,
} from '@meetcute/cast';
import { NicknameApproved, NicknameRejected, RegistrationRejected } from '@meetcute/registration';
import { AboutMeApproved, AboutMeRejected } from '@meetcute/profile/events';
import { PhotoApproved, PhotoRejected } from '@meetcute/photos/events';
import { ReportsClosed } from '@meetcute/reports/events';
import { ProfileViewed } from '@meetcute/profile/events';
import {
  MemberSuspended,
  MemberWarned,
  SuspensionAppealed,
  SuspensionLifted,
  WarningRead,
} from './events.ts';

const PROBLEM = 'https://meetcute.dev/problems/';
const REASON = 'Kept messaging members who asked him to stop';
const UNTIL = '2026-06-08T10:00:00.000Z';

const everyone = [...approved(mo), ...approved(nancy), ...approved(bob)];
const bobSuspended = (until: string | null = UNTIL): Given =>
  given(
    MemberSuspended,
    { memberId: bob.memberId, moderatorId: mo.memberId, reason: REASON, until },
    { actorId: mo.memberId },
  );
const bobLifted: Given = given(
  SuspensionLifted,
  { memberId: bob.memberId, moderatorId: mo.memberId, reason: 'He apologised' },
  { actorId: mo.memberId },
);
const nancyWarned: Given = given(
  MemberWarned,
  {
    warningId: 'warning-1',
    memberId: nancy.memberId,
    moderatorId: mo.memberId,
    reason: 'Please keep your photos on topic',
  },
  { actorId: mo.memberId },
);

const suspend = (body: unknown, as = mo.memberId, memberId = bob.memberId): When => ({
  as,
  method: 'PUT',
  url: `/api/v1/moderation/members/${memberId}/suspension`,
  body,
});
const nancySearches: When = { as: nancy.memberId, method: 'GET', url: '/api/v1/search?maxDistanceKm=100' };

export const useCases = [
  // Suspending and banning
  useCase({
    title: 'Mo suspends Bob for a week, saying why',
    given: everyone,
    when: suspend({ reason: REASON, days: 7 }),
    then: {
      status: 200,
      body: { memberId: bob.memberId },
      events: [
        emitted(MemberSuspended, { memberId: bob.memberId, moderatorId: mo.memberId, reason: REASON }),
      ],
    },
  }),
  useCase({
    title: 'Mo bans Bob for good',
    given: everyone,
    when: suspend({ reason: REASON, days: null }),
    then: {
      status: 200,
      body: { memberId: bob.memberId, until: null },
      events: [emitted(MemberSuspended, { memberId: bob.memberId, until: null })],
    },
  }),
  useCase({
    title: 'A suspension without a reason the member can read is refused',
    given: everyone,
    when: suspend({ reason: '  ', days: 7 }),
    then: { status: 400, body: { type: `${PROBLEM}validation`, errors: [{ field: 'reason' }] }, events: [] },
  }),
  useCase({
    title: 'A suspension longer than a year is a ban, and must say so',
    given: everyone,
    when: suspend({ reason: REASON, days: 400 }),
    then: { status: 400, body: { errors: [{ field: 'days' }] }, events: [] },
  }),
  useCase({
    title: 'No one moderates themselves',
    given: everyone,
    when: suspend({ reason: REASON, days: 7 }, mo.memberId, mo.memberId),
    then: { status: 403, events: [] },
  }),
  useCase({
    title: 'Only moderators suspend members',
    given: everyone,
    when: suspend({ reason: REASON, days: 7 }, nancy.memberId),
    then: { status: 403, events: [] },
  }),
  useCase({
    title: 'Suspending someone who is not a member finds no one',
    given: everyone,
    when: suspend({ reason: REASON, days: 7 }, mo.memberId, 'no-such-member'),
    then: { status: 404, events: [] },
  }),

  // What a suspension does
  useCase({
    title: 'Suspended, Bob is gone from Nancy’s search',
    given: [...everyone, bobSuspended()],
    when: nancySearches,
    then: { status: 200, body: { results: [] } },
  }),
  useCase({
    title: 'Suspended, Bob’s profile is not there for Nancy',
    given: [...everyone, bobSuspended()],
    when: { as: nancy.memberId, method: 'GET', url: `/api/v1/profiles/${bob.memberId}` },
    then: { status: 404 },
  }),
  useCase({
    title: 'A message to a suspended member is not delivered',
    given: [...everyone, bobSuspended()],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: `/api/v1/chats/${bob.memberId}/messages`,
      body: { body: 'Hi Bob' },
    },
    then: { status: 404, events: [] },
  }),
  useCase({
    title: 'A flirt to a suspended member is not delivered',
    given: [...everyone, bobSuspended()],
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/flirts', body: { memberId: bob.memberId } },
    then: { status: 404, events: [] },
  }),
  useCase({
    title: 'When the suspension is lifted Bob is in Nancy’s search again',
    given: [...everyone, bobSuspended(), bobLifted],
    when: nancySearches,
    then: { status: 200, body: { results: [{ memberId: bob.memberId }] } },
  }),
  useCase({
    title: 'Mo lifts Bob’s suspension',
    given: [...everyone, bobSuspended()],
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/api/v1/moderation/members/${bob.memberId}/suspension/lift`,
      body: { reason: 'He apologised' },
    },
    then: {
      status: 204,
      events: [emitted(SuspensionLifted, { memberId: bob.memberId, moderatorId: mo.memberId })],
    },
  }),
  useCase({
    title: 'Lifting a suspension that is not there says so',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/api/v1/moderation/members/${bob.memberId}/suspension/lift`,
      body: { reason: 'He apologised' },
    },
    then: { status: 409, body: { type: `${PROBLEM}not-suspended` }, events: [] },
  }),
  useCase({
    title: 'Mo sees Bob’s standing: the suspension in force',
    given: [...everyone, bobSuspended()],
    when: { as: mo.memberId, method: 'GET', url: `/api/v1/moderation/members/${bob.memberId}` },
    then: {
      status: 200,
      body: {
        memberId: bob.memberId,
        sanction: { until: UNTIL, reason: REASON, moderatorId: mo.memberId },
        warnings: [],
      },
    },
  }),

  // Appeals
  useCase({
    title: 'Bob, suspended, appeals once, proving who he is with his email and password',
    credentials: withPassword(bob),
    given: [...everyone, bobSuspended()],
    when: {
      method: 'POST',
      url: '/api/v1/appeals',
      body: { email: bob.email, password: PASSWORD, text: 'It was my brother on my phone' },
    },
    then: {
      status: 201,
      events: [
        emitted(SuspensionAppealed, { memberId: bob.memberId, text: 'It was my brother on my phone' }),
      ],
    },
  }),
  useCase({
    title: 'A second appeal of the same decision is refused',
    credentials: withPassword(bob),
    given: [
      ...everyone,
      bobSuspended(),
      given(SuspensionAppealed, { memberId: bob.memberId, text: 'Please' }, { actorId: bob.memberId }),
    ],
    when: {
      method: 'POST',
      url: '/api/v1/appeals',
      body: { email: bob.email, password: PASSWORD, text: 'Please, again' },
    },
    then: { status: 409, body: { type: `${PROBLEM}already-appealed` }, events: [] },
  }),
  useCase({
    title: 'An appeal with a wrong password says nothing about the account',
    credentials: withPassword(bob),
    given: [...everyone, bobSuspended()],
    when: {
      method: 'POST',
      url: '/api/v1/appeals',
      body: { email: bob.email, password: 'not his password', text: 'Let me in' },
    },
    then: { status: 401, body: { type: `${PROBLEM}login-failed` }, events: [] },
  }),
  useCase({
    title: 'A member who is not suspended has nothing to appeal',
    credentials: withPassword(nancy),
    given: everyone,
    when: {
      method: 'POST',
      url: '/api/v1/appeals',
      body: { email: nancy.email, password: PASSWORD, text: 'Just checking' },
    },
    then: { status: 409, body: { type: `${PROBLEM}not-suspended` }, events: [] },
  }),
  useCase({
    title: 'The appeal page asks for the email, the password and the words',
    credentials: withPassword(nancy),
    when: { method: 'GET', url: '/appeal' },
    then: { status: 200, page: ['Appeal a suspension', 'name="email"', 'name="password"', 'name="text"'] },
  }),
  useCase({
    title: 'Sending the appeal page thanks Bob and says what happens next',
    credentials: withPassword(bob),
    given: [...everyone, bobSuspended()],
    when: {
      method: 'POST',
      url: '/appeal',
      form: true,
      body: { email: bob.email, password: PASSWORD, text: 'It was my brother' },
    },
    then: {
      status: 200,
      page: ['Your appeal is with the moderators'],
      events: [emitted(SuspensionAppealed, { memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'In Swedish, an appeal too short to read is explained in Swedish, keeping the words',
    credentials: withPassword(bob),
    given: [...everyone, bobSuspended()],
    when: {
      method: 'POST',
      url: '/appeal',
      form: true,
      body: { email: bob.email, password: PASSWORD, text: '?' },
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 400,
      page: ['Skriv varför med 3 till 2000 tecken.', 'aria-invalid="true"'],
      pageLacks: ['Say why in'],
      events: [],
    },
  }),
  useCase({
    title: 'The appeal page with a wrong password shows it, keeping the words',
    credentials: withPassword(bob),
    given: [...everyone, bobSuspended()],
    when: {
      method: 'POST',
      url: '/appeal',
      form: true,
      body: { email: bob.email, password: 'nope', text: 'It was my brother' },
    },
    then: { status: 401, page: ['Email or password is wrong', 'It was my brother'], events: [] },
  }),
  useCase({
    title: 'Mo reads Bob’s appeal on his page, and in the log',
    given: [
      ...everyone,
      bobSuspended(),
      given(
        SuspensionAppealed,
        { memberId: bob.memberId, text: 'It was my brother' },
        { actorId: bob.memberId },
      ),
    ],
    when: { as: mo.memberId, method: 'GET', url: `/moderation/members/${bob.memberId}` },
    then: { status: 200, page: ['Their appeal', 'It was my brother', 'Bob appealed'] },
  }),

  // Warnings
  useCase({
    title: 'Mo warns Nancy',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/api/v1/moderation/members/${nancy.memberId}/warnings`,
      body: { reason: 'Please keep your photos on topic' },
    },
    then: {
      status: 201,
      events: [
        emitted(MemberWarned, { memberId: nancy.memberId, reason: 'Please keep your photos on topic' }),
      ],
    },
  }),
  useCase({
    title: 'Warned, Nancy’s next page is the warning',
    given: [...everyone, nancyWarned],
    when: { as: nancy.memberId, method: 'GET', url: '/news' },
    then: { status: 303, location: '/warnings?back=%2Fnews' },
  }),
  useCase({
    title: 'The warning page says what the moderator wrote and offers to say it was read',
    given: [...everyone, nancyWarned],
    when: { as: nancy.memberId, method: 'GET', url: '/warnings?back=%2Fnews' },
    then: {
      status: 200,
      page: [
        'A warning from the moderators',
        'Please keep your photos on topic',
        'I have read this',
        'value="/news"',
      ],
    },
  }),
  useCase({
    title: 'Nancy says she read the warning and goes on to where she was going',
    given: [...everyone, nancyWarned],
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/warnings/warning-1/read',
      form: true,
      body: { back: '/news' },
    },
    then: {
      status: 303,
      location: '/warnings?back=%2Fnews',
      events: [emitted(WarningRead, { warningId: 'warning-1', memberId: nancy.memberId })],
    },
  }),
  useCase({
    title: 'A warning read leaves the pages open as before',
    given: [
      ...everyone,
      nancyWarned,
      given(WarningRead, { warningId: 'warning-1', memberId: nancy.memberId }, { actorId: nancy.memberId }),
    ],
    when: { as: nancy.memberId, method: 'GET', url: '/news' },
    then: { status: 200 },
  }),
  useCase({
    title: 'Nancy lists her warnings through the API and says she read one',
    given: [...everyone, nancyWarned],
    when: { as: nancy.memberId, method: 'POST', url: '/api/v1/warnings/warning-1/read', body: {} },
    then: { status: 204, events: [emitted(WarningRead, { warningId: 'warning-1' })] },
  }),
  useCase({
    title: 'Nancy’s warnings, as the API lists them',
    given: [...everyone, nancyWarned],
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/warnings' },
    then: {
      status: 200,
      body: { items: [{ warningId: 'warning-1', reason: 'Please keep your photos on topic', readAt: null }] },
    },
  }),
  useCase({
    title: 'Someone else’s warning cannot be marked read',
    given: [...everyone, nancyWarned],
    when: { as: bob.memberId, method: 'POST', url: '/api/v1/warnings/warning-1/read', body: {} },
    then: { status: 404, events: [] },
  }),

  // The log and the pages
  ...(
    [
      [
        'the sign-up sent back',
        given(
          RegistrationRejected,
          { memberId: nancy.memberId, moderatorId: mo.memberId, reason: 'The nickname is an email address' },
          { actorId: mo.memberId },
        ),
        'registration-rejected',
        'The nickname is an email address',
      ],
      [
        'a photo approved',
        given(
          PhotoApproved,
          { photoId: 'photo-1', ownerId: nancy.memberId, album: 'public' },
          { actorId: mo.memberId },
        ),
        'photo-approved',
        null,
      ],
      [
        'a photo rejected',
        given(
          PhotoRejected,
          { photoId: 'photo-1', ownerId: nancy.memberId, reason: 'Not a photo of you' },
          { actorId: mo.memberId },
        ),
        'photo-rejected',
        'Not a photo of you',
      ],
      [
        'an about-me approved',
        given(
          AboutMeApproved,
          { memberId: nancy.memberId, moderatorId: mo.memberId, text: 'Hi!' },
          { actorId: mo.memberId },
        ),
        'about-approved',
        null,
      ],
      [
        'an about-me rejected',
        given(
          AboutMeRejected,
          { memberId: nancy.memberId, moderatorId: mo.memberId, reason: 'No phone numbers, please' },
          { actorId: mo.memberId },
        ),
        'about-rejected',
        'No phone numbers, please',
      ],
      [
        'a new nickname approved',
        given(
          NicknameApproved,
          { memberId: nancy.memberId, moderatorId: mo.memberId, nickname: 'NancySails' },
          { actorId: mo.memberId },
        ),
        'nickname-approved',
        null,
      ],
      [
        'a new nickname turned down',
        given(
          NicknameRejected,
          { memberId: nancy.memberId, moderatorId: mo.memberId, reason: 'No adverts in nicknames' },
          { actorId: mo.memberId },
        ),
        'nickname-rejected',
        'No adverts in nicknames',
      ],
      ...(
        [
          ['dismissed reports', 'profile', 'dismissed', 'reports-dismissed'],
          ['reports closed as handled', 'profile', 'handled', 'reports-handled'],
          ['a reported photo removed', 'photo', 'removed', 'photo-removed'],
          ['a reported diary post removed', 'diary-post', 'removed', 'diary-removed'],
          ['a reported about-me removed', 'profile', 'removed', 'about-removed'],
        ] as const
      ).map(
        ([what, kind, outcome, action]) =>
          [
            what,
            given(
              ReportsClosed,
              {
                kind,
                contentId: kind === 'profile' ? nancy.memberId : 'content-1',
                memberId: nancy.memberId,
                moderatorId: mo.memberId,
                outcome,
                ...(outcome === 'removed' ? { reason: 'Advertises a paid service' } : {}),
              },
              { actorId: mo.memberId },
            ),
            action,
            outcome === 'removed' ? 'Advertises a paid service' : null,
          ] as const,
      ),
    ] as const
  ).map(([what, decision, action, reason]) =>
    useCase({
      title: `The moderation log records ${what}, by whom and why`,
      given: [...approved(mo), ...signedUp(nancy), decision],
      when: {
        as: mo.memberId,
        method: 'GET',
        url: `/api/v1/moderation/log?memberId=${nancy.memberId}&limit=1`,
      },
      then: {
        status: 200,
        body: { items: [{ moderatorId: mo.memberId, memberId: nancy.memberId, action, reason }] },
      },
    }),
  ),
  useCase({
    title: 'The moderation log says who did what, when and why, newest first',
    given: [...everyone, bobSuspended()],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/moderation/log?limit=1' },
    then: {
      status: 200,
      body: {
        items: [
          {
            moderatorId: mo.memberId,
            memberId: bob.memberId,
            action: 'suspended',
            reason: REASON,
            until: UNTIL,
          },
        ],
      },
    },
  }),
  useCase({
    title: 'The moderation log page shows the decisions with names',
    given: [...everyone, bobSuspended()],
    when: { as: mo.memberId, method: 'GET', url: '/moderation/log' },
    then: {
      status: 200,
      page: ['Moderation log', 'suspended Bob until', REASON, 'approved the sign-up of Nancy'],
    },
  }),
  useCase({
    title: 'Members cannot read the moderation log',
    given: everyone,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/moderation/log' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo’s page for Bob shows his standing and the forms to act',
    given: everyone,
    when: { as: mo.memberId, method: 'GET', url: `/moderation/members/${bob.memberId}` },
    then: {
      status: 200,
      page: ['Moderating Bob', 'Bob is in good standing.', 'Suspend now', 'Ban for good', 'Send the warning'],
    },
  }),
  useCase({
    title: 'Suspending from the page without a reason shows what to fix',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/moderation/members/${bob.memberId}/suspend`,
      form: true,
      body: { days: '7', reason: '' },
    },
    then: { status: 400, page: ['Please fix this', 'Say why in 3 to 500 characters'], events: [] },
  }),
  useCase({
    title: 'A Finnish moderator suspending without a reason reads what to fix in Finnish',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/moderation/members/${bob.memberId}/suspend`,
      form: true,
      body: { days: '7', reason: 'x' },
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 400,
      page: ['Kerro syy 3–500 merkillä: jäsen lukee sen.'],
      pageLacks: ['Say why in'],
      events: [],
    },
  }),
  useCase({
    title: 'Suspending from the page comes back to it with what happened',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/moderation/members/${bob.memberId}/suspend`,
      form: true,
      body: { days: '3', reason: REASON },
    },
    then: {
      status: 303,
      location: `/moderation/members/${bob.memberId}?moderation=suspended#standing`,
      events: [emitted(MemberSuspended, { memberId: bob.memberId, reason: REASON })],
    },
  }),
  useCase({
    title: 'Warning from the page comes back to it with what happened',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/moderation/members/${bob.memberId}/warn`,
      form: true,
      body: { reason: 'Be kind in chat' },
    },
    then: {
      status: 303,
      location: `/moderation/members/${bob.memberId}?moderation=warned#standing`,
      events: [emitted(MemberWarned, { memberId: bob.memberId, reason: 'Be kind in chat' })],
    },
  }),
  useCase({
    title: 'Banning from the page bans for good',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/moderation/members/${bob.memberId}/ban`,
      form: true,
      body: { reason: REASON },
    },
    then: {
      status: 303,
      location: `/moderation/members/${bob.memberId}?moderation=banned#standing`,
      events: [emitted(MemberSuspended, { memberId: bob.memberId, until: null })],
    },
  }),
  useCase({
    title: 'Lifting from the page lifts, and the page then says what happened',
    given: [...everyone, bobSuspended()],
    when: {
      as: mo.memberId,
      method: 'POST',
      url: `/moderation/members/${bob.memberId}/lift`,
      form: true,
      body: { reason: 'He apologised' },
    },
    then: {
      status: 303,
      location: `/moderation/members/${bob.memberId}?moderation=lifted#standing`,
      events: [emitted(SuspensionLifted, { memberId: bob.memberId, moderatorId: mo.memberId })],
    },
  }),
  useCase({
    title: 'A suspended member’s page says until when and why, and offers to lift it',
    given: [...everyone, bobSuspended()],
    when: { as: mo.memberId, method: 'GET', url: `/moderation/members/${bob.memberId}?moderation=suspended` },
    then: { status: 200, page: ['Suspended: they are logged out and hidden everywhere.', REASON, 'Lift it'] },
  }),
  useCase({
    title: 'Moderators find “Moderate…” on a member’s profile',
    given: everyone,
    when: { as: mo.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: {
      status: 200,
      page: [`href="/moderation/members/${bob.memberId}"`, 'Moderate…'],
      events: [emitted(ProfileViewed, { viewerId: mo.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Members do not see “Moderate…”',
    given: everyone,
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: {
      status: 200,
      pageLacks: ['/moderation/members/'],
      events: [emitted(ProfileViewed, { viewerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Bob deleted his account: the log keeps what Mo decided, under an id that names no one',
    given: [...everyone, bobSuspended(), deleted(bob)],
    when: { as: mo.memberId, method: 'GET', url: '/api/v1/moderation/log?limit=1' },
    then: {
      status: 200,
      body: {
        items: [
          { moderatorId: mo.memberId, memberId: pseudonymOf(bob), action: 'suspended', reason: REASON },
        ],
      },
    },
  }),
];
