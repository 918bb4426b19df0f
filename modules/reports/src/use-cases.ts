import { emitted, given, useCase, type Given, type When } from '@meetcute/core';
import { approved, bob, deleted, eve, mo, nancy } from '@meetcute/cast';
import { MemberBlocked } from '@meetcute/block/events';
import { conversationIdOf, MessageReported, MessageSent } from '@meetcute/chat/events';
import { DiaryPostDeleted, DiaryPosted } from '@meetcute/diary/events';
import { PhotoApproved, PhotoDeleted, PhotoUploaded } from '@meetcute/photos/events';
import {
  AboutMeApproved,
  AboutMeRemoved,
  AboutMeSubmitted,
  ProfileViewed as ProfileViewedEvent,
} from '@meetcute/profile/events';
import { MemberSuspended, SuspensionAppealed, SuspensionLifted } from '@meetcute/moderation/events';
import { ContentReported, ReportsClosed } from './events.ts';

const PROBLEM = 'https://meetcute.dev/problems/';
const everyone = [...approved(mo), ...approved(nancy), ...approved(bob), ...approved(eve)];
const POST_ID = '01900000-0000-7000-8000-00000000d1a1';
const PHOTO_ID = '01900000-0000-7000-8000-0000000000f1';
const MESSAGE_ID = '01900000-0000-7000-8000-0000000000e1';

const bobPosted: Given = given(
  DiaryPosted,
  { postId: POST_ID, memberId: bob.memberId, text: 'Send me money and I will visit you' },
  { actorId: bob.memberId },
);
const bobsPhoto: Given[] = [
  given(
    PhotoUploaded,
    {
      photoId: PHOTO_ID,
      ownerId: bob.memberId,
      album: 'public',
      sizes: {
        thumb: { width: 240, height: 240 },
        profile: { width: 480, height: 600 },
        full: { width: 960, height: 1200 },
      },
    },
    { actorId: bob.memberId },
  ),
  given(
    PhotoApproved,
    { photoId: PHOTO_ID, ownerId: bob.memberId, album: 'public' },
    { actorId: mo.memberId },
  ),
];
const reported = (reporter: string, reason: 'spam' | 'scam' | 'harassment', note = ''): Given =>
  given(
    ContentReported,
    {
      reportId: `report-${reporter}`,
      reporterId: reporter,
      memberId: bob.memberId,
      kind: 'profile',
      contentId: bob.memberId,
      reason,
      note,
    },
    { actorId: reporter },
  );
const MESSAGE_BEFORE = '01900000-0000-7000-8000-0000000000a0';
const MESSAGE_AFTER = '01900000-0000-7000-8000-0000000000a2';
/** A message between two cast members. */
const said = (senderId: string, recipientId: string, messageId: string, body: string): Given =>
  given(
    MessageSent,
    {
      messageId,
      conversationId: conversationIdOf(senderId, recipientId),
      senderId,
      recipientId,
      body,
    },
    { actorId: senderId },
  );
/** Bob's chat message to Nancy, and her report of it. */
const bobWroteAndNancyReported = (body: string): Given[] => [
  given(
    MessageSent,
    {
      messageId: MESSAGE_ID,
      conversationId: conversationIdOf(bob.memberId, nancy.memberId),
      senderId: bob.memberId,
      recipientId: nancy.memberId,
      body,
    },
    { actorId: bob.memberId },
  ),
  given(
    MessageReported,
    { messageId: MESSAGE_ID, reporterId: nancy.memberId, reason: 'scam', note: '' },
    { actorId: nancy.memberId },
  ),
];
/** Bob asks Nancy for her bank details between two of her messages, and she reports it. */
const bankDetailsConversation: Given[] = [
  said(nancy.memberId, bob.memberId, MESSAGE_BEFORE, 'Hi Bob'),
  ...bobWroteAndNancyReported('Send me your bank details'),
  said(nancy.memberId, bob.memberId, MESSAGE_AFTER, 'No way'),
];
/** The queue showing that report with the conversation around it. */
const bankDetailsInContext = {
  status: 200,
  body: {
    items: [
      {
        kind: 'message',
        contentId: MESSAGE_ID,
        context: [
          { senderId: nancy.memberId, body: 'Hi Bob', reported: false },
          { senderId: bob.memberId, body: 'Send me your bank details', reported: true },
          { senderId: nancy.memberId, body: 'No way', reported: false },
        ],
      },
    ],
  },
};
/** Nancy's report of one of Bob's things, as the queue holds it. */
const reportOf = (kind: 'profile' | 'photo' | 'diary-post', contentId: string): Given =>
  given(
    ContentReported,
    {
      reportId: `r-${kind}`,
      reporterId: nancy.memberId,
      memberId: bob.memberId,
      kind,
      contentId,
      reason: 'scam',
      note: '',
    },
    { actorId: nancy.memberId },
  );
const bobsAboutMe: Given[] = [
  given(
    AboutMeSubmitted,
    { memberId: bob.memberId, text: 'Call 555-0100 for a good time' },
    { actorId: bob.memberId },
  ),
  given(
    AboutMeApproved,
    { memberId: bob.memberId, moderatorId: mo.memberId, text: 'Call 555-0100 for a good time' },
    { actorId: mo.memberId },
  ),
];
const REASON = 'Advertises a paid service';
const close = (body: Record<string, unknown>): When => ({
  as: mo.memberId,
  method: 'POST',
  url: '/api/v1/review/reports/close',
  body,
});
const report = (as: string, body: Record<string, unknown>): When => ({
  as,
  method: 'POST',
  url: '/api/v1/reports',
  body,
});
const queue: When = { as: mo.memberId, method: 'GET', url: '/api/v1/review/reports' };

export const useCases = [
  useCase({
    title: 'Mo, with only a report waiting, lands on the reports queue when he comes in',
    given: [...approved(mo), ...approved(bob), ...approved(nancy), reported(nancy.memberId, 'spam')],
    when: { as: mo.memberId, method: 'GET', url: '/' },
    then: { status: 303, location: '/review/reports' },
  }),
  // Reporting
  useCase({
    title: 'Nancy, who blocked Bob, can still report him: the block hides him, not what he did',
    given: [
      ...everyone,
      given(
        MemberBlocked,
        { blockerId: nancy.memberId, blockedId: bob.memberId },
        { actorId: nancy.memberId },
      ),
    ],
    when: report(nancy.memberId, {
      kind: 'profile',
      contentId: bob.memberId,
      reason: 'harassment',
      note: '',
    }),
    then: {
      status: 201,
      events: [
        emitted(ContentReported, { reporterId: nancy.memberId, memberId: bob.memberId, kind: 'profile' }),
      ],
    },
  }),
  useCase({
    title: 'Nancy reports Bob’s profile as a scam, with a few words',
    given: everyone,
    when: report(nancy.memberId, {
      kind: 'profile',
      contentId: bob.memberId,
      reason: 'scam',
      note: 'Asks for money on the first day',
    }),
    then: {
      status: 201,
      body: { memberId: bob.memberId },
      events: [
        emitted(ContentReported, {
          reporterId: nancy.memberId,
          memberId: bob.memberId,
          kind: 'profile',
          reason: 'scam',
          note: 'Asks for money on the first day',
        }),
      ],
    },
  }),
  useCase({
    title: 'Nancy reports a diary post: the report names its author',
    given: [...everyone, bobPosted],
    when: report(nancy.memberId, { kind: 'diary-post', contentId: POST_ID, reason: 'scam' }),
    then: {
      status: 201,
      events: [emitted(ContentReported, { memberId: bob.memberId, kind: 'diary-post', contentId: POST_ID })],
    },
  }),
  useCase({
    title: 'Nancy reports a photo: the report names its owner',
    given: [...everyone, ...bobsPhoto],
    when: report(nancy.memberId, { kind: 'photo', contentId: PHOTO_ID, reason: 'spam' }),
    then: {
      status: 201,
      events: [emitted(ContentReported, { memberId: bob.memberId, kind: 'photo', contentId: PHOTO_ID })],
    },
  }),
  useCase({
    title: 'Reporting the same thing again while it is open adds nothing',
    given: [...everyone, reported(nancy.memberId, 'scam')],
    when: report(nancy.memberId, { kind: 'profile', contentId: bob.memberId, reason: 'spam' }),
    then: { status: 201, events: [] },
  }),
  useCase({
    title: 'A report needs a reason from the list',
    given: everyone,
    when: report(nancy.memberId, { kind: 'profile', contentId: bob.memberId, reason: 'boring' }),
    then: { status: 400, body: { type: `${PROBLEM}validation`, errors: [{ field: 'reason' }] }, events: [] },
  }),
  useCase({
    title: 'Nobody reports themselves',
    given: everyone,
    when: report(nancy.memberId, { kind: 'profile', contentId: nancy.memberId, reason: 'spam' }),
    then: { status: 400, body: { errors: [{ field: 'contentId' }] }, events: [] },
  }),
  useCase({
    title: 'A report of something that is not there finds nothing',
    given: everyone,
    when: report(nancy.memberId, { kind: 'diary-post', contentId: 'no-such-post', reason: 'spam' }),
    then: { status: 404, events: [] },
  }),
  useCase({
    title: 'Only a kind the site knows can be reported',
    given: everyone,
    when: report(nancy.memberId, { kind: 'weather', contentId: bob.memberId, reason: 'spam' }),
    then: { status: 400, body: { errors: [{ field: 'kind' }] }, events: [] },
  }),

  useCase({
    title: 'Reported by a third member within a day, Bob is held for review at once',
    given: [...everyone, reported(nancy.memberId, 'scam'), reported(eve.memberId, 'spam')],
    when: report(mo.memberId, { kind: 'profile', contentId: bob.memberId, reason: 'scam' }),
    then: {
      status: 201,
      events: [
        emitted(ContentReported, { reporterId: mo.memberId, memberId: bob.memberId }),
        emitted(MemberSuspended, {
          memberId: bob.memberId,
          moderatorId: '',
          reason: 'Held for review: reported by 3 or more members within a day.',
        }),
      ],
    },
  }),
  useCase({
    title: 'Two reports do not hold anyone: moderators decide',
    given: [...everyone, reported(nancy.memberId, 'scam')],
    when: report(eve.memberId, { kind: 'profile', contentId: bob.memberId, reason: 'spam' }),
    then: { status: 201, events: [emitted(ContentReported, { reporterId: eve.memberId })] },
  }),

  // The moderators' queue
  useCase({
    title: 'Reports of the same profile are one item of the queue, counted, with every reason',
    given: [...everyone, reported(nancy.memberId, 'scam', 'Asks for money'), reported(eve.memberId, 'spam')],
    when: queue,
    then: {
      status: 200,
      body: {
        items: [
          {
            kind: 'profile',
            contentId: bob.memberId,
            memberId: bob.memberId,
            count: 2,
            reports: [
              { reason: 'spam', note: '' },
              { reason: 'scam', note: 'Asks for money' },
            ],
          },
        ],
      },
    },
  }),
  useCase({
    title: 'A reported chat message is shown in its conversation: up to ten messages either side',
    given: [...everyone, ...bankDetailsConversation],
    when: queue,
    then: bankDetailsInContext,
  }),
  useCase({
    title: 'When Nancy blocks Bob after reporting him, moderators still read his message in its conversation',
    given: [
      ...everyone,
      ...bankDetailsConversation,
      given(
        MemberBlocked,
        { blockerId: nancy.memberId, blockedId: bob.memberId },
        { actorId: nancy.memberId },
      ),
    ],
    when: queue,
    then: bankDetailsInContext,
  }),
  useCase({
    title:
      'The queue page shows a reported message among the others, who wrote each, the reported one marked',
    given: [
      ...everyone,
      said(nancy.memberId, bob.memberId, MESSAGE_BEFORE, 'Hi Bob'),
      ...bobWroteAndNancyReported('Send me your bank details'),
    ],
    when: { as: mo.memberId, method: 'GET', url: '/review/reports' },
    then: {
      status: 200,
      // Times as on every page: in the moderator's own time zone (Mo lives in Stockholm).
      page: ['Nancy: Hi Bob', '<strong>Bob: Send me your bank details</strong>', '>1 Jun 2026, 12:00<'],
    },
  }),
  useCase({
    title: 'A reported chat message is in the queue too, naming its sender',
    given: [...everyone, ...bobWroteAndNancyReported('Send me your bank details')],
    when: queue,
    then: {
      status: 200,
      body: {
        items: [
          {
            kind: 'message',
            contentId: MESSAGE_ID,
            memberId: bob.memberId,
            count: 1,
            excerpt: 'Send me your bank details',
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Members do not see the queue',
    given: everyone,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/review/reports' },
    then: { status: 403 },
  }),
  useCase({
    title: 'Mo dismisses the reports of Bob’s profile: the queue is empty again',
    given: [...everyone, reported(nancy.memberId, 'scam')],
    when: {
      as: mo.memberId,
      method: 'POST',
      url: '/api/v1/review/reports/close',
      body: { kind: 'profile', contentId: bob.memberId, outcome: 'dismissed' },
    },
    then: {
      status: 204,
      events: [
        emitted(ReportsClosed, {
          kind: 'profile',
          contentId: bob.memberId,
          memberId: bob.memberId,
          moderatorId: mo.memberId,
          outcome: 'dismissed',
        }),
      ],
    },
  }),
  useCase({
    title: 'Closed reports leave the queue',
    given: [
      ...everyone,
      reported(nancy.memberId, 'scam'),
      given(
        ReportsClosed,
        {
          kind: 'profile',
          contentId: bob.memberId,
          memberId: bob.memberId,
          moderatorId: mo.memberId,
          outcome: 'handled',
        },
        { actorId: mo.memberId },
      ),
    ],
    when: queue,
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'Closing reports that are not open finds none',
    given: everyone,
    when: {
      as: mo.memberId,
      method: 'POST',
      url: '/api/v1/review/reports/close',
      body: { kind: 'profile', contentId: bob.memberId, outcome: 'dismissed' },
    },
    then: { status: 404, events: [] },
  }),

  // Removing what was reported
  useCase({
    title:
      'Mo removes a reported photo of Bob: photos deletes it (Mo is the actor) and the reports close with the reason',
    given: [...everyone, ...bobsPhoto, reportOf('photo', PHOTO_ID)],
    when: close({ kind: 'photo', contentId: PHOTO_ID, outcome: 'removed', reason: REASON }),
    then: {
      status: 204,
      events: [
        emitted(PhotoDeleted, { photoId: PHOTO_ID, ownerId: bob.memberId }),
        emitted(ReportsClosed, {
          kind: 'photo',
          contentId: PHOTO_ID,
          memberId: bob.memberId,
          moderatorId: mo.memberId,
          outcome: 'removed',
          reason: REASON,
        }),
      ],
    },
  }),
  useCase({
    title: 'A removed photo is gone for everyone',
    given: [
      ...everyone,
      ...bobsPhoto,
      given(PhotoDeleted, { photoId: PHOTO_ID, ownerId: bob.memberId }, { actorId: mo.memberId }),
    ],
    when: { as: nancy.memberId, method: 'GET', url: `/api/v1/members/${bob.memberId}/photos` },
    then: { status: 200, body: { photos: [] } },
  }),
  useCase({
    title: 'Mo removes a reported diary post of Bob: diary deletes it and the reports close',
    given: [...everyone, bobPosted, reportOf('diary-post', POST_ID)],
    when: close({ kind: 'diary-post', contentId: POST_ID, outcome: 'removed', reason: REASON }),
    then: {
      status: 204,
      events: [
        emitted(DiaryPostDeleted, { postId: POST_ID, memberId: bob.memberId }),
        emitted(ReportsClosed, { kind: 'diary-post', outcome: 'removed', reason: REASON }),
      ],
    },
  }),
  useCase({
    title: 'Removing a reported profile takes its about-me text down, with a reason Bob reads',
    given: [...everyone, ...bobsAboutMe, reportOf('profile', bob.memberId)],
    when: close({ kind: 'profile', contentId: bob.memberId, outcome: 'removed', reason: REASON }),
    then: {
      status: 204,
      events: [
        emitted(AboutMeRemoved, { memberId: bob.memberId, moderatorId: mo.memberId, reason: REASON }),
        emitted(ReportsClosed, { kind: 'profile', outcome: 'removed', reason: REASON }),
      ],
    },
  }),
  useCase({
    title: 'A removed about-me is no longer on Bob’s profile',
    given: [
      ...everyone,
      ...bobsAboutMe,
      given(
        AboutMeRemoved,
        { memberId: bob.memberId, moderatorId: mo.memberId, reason: REASON },
        { actorId: mo.memberId },
      ),
    ],
    when: { as: nancy.memberId, method: 'GET', url: `/api/v1/profiles/${bob.memberId}` },
    then: {
      status: 200,
      body: { memberId: bob.memberId, aboutMe: '' },
      events: [emitted(ProfileViewedEvent, { viewerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Content already gone is not removed again: the reports just close',
    given: [
      ...everyone,
      bobPosted,
      reportOf('diary-post', POST_ID),
      given(DiaryPostDeleted, { postId: POST_ID, memberId: bob.memberId }, { actorId: bob.memberId }),
    ],
    when: close({ kind: 'diary-post', contentId: POST_ID, outcome: 'removed', reason: REASON }),
    then: { status: 204, events: [emitted(ReportsClosed, { outcome: 'removed' })] },
  }),
  useCase({
    title: 'Removing needs a reason for the log',
    given: [...everyone, bobPosted, reportOf('diary-post', POST_ID)],
    when: close({ kind: 'diary-post', contentId: POST_ID, outcome: 'removed', reason: '  ' }),
    then: { status: 400, body: { type: `${PROBLEM}validation`, errors: [{ field: 'reason' }] }, events: [] },
  }),
  useCase({
    title: 'A reported chat message cannot be removed: its author is warned or suspended instead',
    given: [...everyone, ...bobWroteAndNancyReported('Send money')],
    when: close({ kind: 'message', contentId: MESSAGE_ID, outcome: 'removed', reason: REASON }),
    then: { status: 400, body: { errors: [{ field: 'outcome' }] }, events: [] },
  }),
  useCase({
    title: 'The queue page offers to remove a reported photo, asking why',
    given: [...everyone, ...bobsPhoto, reportOf('photo', PHOTO_ID)],
    when: { as: mo.memberId, method: 'GET', url: '/review/reports' },
    then: { status: 200, page: ['Remove the photo: why?', 'value="removed"', 'Remove it'] },
  }),
  useCase({
    title: 'Removing from the queue page without a reason shows the queue again, saying what to fix',
    given: [...everyone, ...bobsPhoto, reportOf('photo', PHOTO_ID)],
    when: {
      as: mo.memberId,
      method: 'POST',
      url: '/review/reports/close',
      form: true,
      body: { kind: 'photo', contentId: PHOTO_ID, outcome: 'removed', reason: '' },
    },
    then: {
      status: 400,
      page: ['Say in a few words why it is removed', 'Remove the photo: why?'],
      events: [],
    },
  }),
  useCase({
    title: 'Removing from the queue page comes back to it, saying it is done',
    given: [...everyone, ...bobsPhoto, reportOf('photo', PHOTO_ID)],
    when: {
      as: mo.memberId,
      method: 'POST',
      url: '/review/reports/close',
      form: true,
      body: { kind: 'photo', contentId: PHOTO_ID, outcome: 'removed', reason: REASON },
    },
    then: {
      status: 303,
      location: '/review/reports?review=removed#queue',
      events: [emitted(PhotoDeleted, { photoId: PHOTO_ID }), emitted(ReportsClosed, { outcome: 'removed' })],
    },
  }),

  // Appeals wait in the same queue
  ...((): ReturnType<typeof useCase>[] => {
    const suspended = given(
      MemberSuspended,
      { memberId: bob.memberId, moderatorId: mo.memberId, reason: 'Spam', until: '2030-01-01T00:00:00.000Z' },
      { actorId: mo.memberId },
    );
    const appealed = given(
      SuspensionAppealed,
      { memberId: bob.memberId, text: 'Someone else used my phone' },
      { actorId: bob.memberId },
    );
    return [
      useCase({
        title: 'Bob’s appeal is in the moderators’ queue, in his own words',
        given: [...everyone, suspended, appealed],
        when: queue,
        then: {
          status: 200,
          body: {
            items: [
              {
                kind: 'appeal',
                contentId: bob.memberId,
                memberId: bob.memberId,
                count: 1,
                excerpt: 'Someone else used my phone',
              },
            ],
          },
        },
      }),
      useCase({
        title: 'An appeal leaves the queue once the suspension is lifted',
        given: [
          ...everyone,
          suspended,
          appealed,
          given(
            SuspensionLifted,
            { memberId: bob.memberId, moderatorId: mo.memberId, reason: 'It was not him' },
            { actorId: mo.memberId },
          ),
        ],
        when: queue,
        then: { status: 200, body: { items: [] } },
      }),
      useCase({
        title: 'Mo keeps the decision: the appeal is closed as dismissed and the suspension stands',
        given: [...everyone, suspended, appealed],
        when: close({ kind: 'appeal', contentId: bob.memberId, outcome: 'dismissed' }),
        then: {
          status: 204,
          events: [emitted(ReportsClosed, { kind: 'appeal', memberId: bob.memberId, outcome: 'dismissed' })],
        },
      }),
      useCase({
        title: 'An appeal cannot be removed',
        given: [...everyone, suspended, appealed],
        when: close({ kind: 'appeal', contentId: bob.memberId, outcome: 'removed', reason: 'No' }),
        then: { status: 400, body: { errors: [{ field: 'outcome' }] }, events: [] },
      }),
      useCase({
        title: 'The queue page shows an appeal with the way to lift the suspension or keep it',
        given: [...everyone, suspended, appealed],
        when: { as: mo.memberId, method: 'GET', url: '/review/reports' },
        then: {
          status: 200,
          page: [
            'Appeal: Bob',
            'Someone else used my phone',
            'lift the suspension if it was wrong',
            'Keep the decision',
          ],
        },
      }),
      useCase({
        title: 'An appeal is not one more report: two reports and Bob’s appeal hold no one',
        given: [
          ...everyone,
          reported(nancy.memberId, 'scam'),
          suspended,
          appealed,
          given(
            SuspensionLifted,
            { memberId: bob.memberId, moderatorId: mo.memberId, reason: 'Second chance' },
            { actorId: mo.memberId },
          ),
        ],
        when: report(eve.memberId, { kind: 'profile', contentId: bob.memberId, reason: 'spam' }),
        then: { status: 201, events: [emitted(ContentReported, { reporterId: eve.memberId })] },
      }),
    ];
  })(),

  // As pages
  useCase({
    title: 'Nancy finds “Report…” on Bob’s profile',
    given: everyone,
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: {
      status: 200,
      page: [`/reports/new?kind=profile&amp;contentId=${bob.memberId}`, 'Report…'],
      events: [emitted(ProfileViewedEvent, { viewerId: nancy.memberId, memberId: bob.memberId })],
    },
  }),
  useCase({
    title: 'The report form asks why, and says Bob will not know who reported',
    given: everyone,
    when: { as: nancy.memberId, method: 'GET', url: `/reports/new?kind=profile&contentId=${bob.memberId}` },
    then: {
      status: 200,
      page: ['Report Bob', 'Bob is never told who reported', 'value="harassment"', 'Harassment or threats'],
    },
  }),
  useCase({
    title: 'Sending the report form thanks Nancy and offers to block Bob too',
    given: everyone,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/reports',
      form: true,
      body: { kind: 'profile', contentId: bob.memberId, reason: 'harassment', note: '' },
    },
    then: {
      status: 200,
      page: ['Thank you for telling us', `href="/members/${bob.memberId}/block"`, 'Block Bob too'],
      events: [emitted(ContentReported, { reason: 'harassment' })],
    },
  }),
  useCase({
    title: 'The report form without a reason says what to fix',
    given: everyone,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/reports',
      form: true,
      body: { kind: 'profile', contentId: bob.memberId, note: 'Rude' },
    },
    then: { status: 400, page: ['Choose why you are reporting it', 'Rude'], events: [] },
  }),
  useCase({
    title: 'The queue page shows what was reported and how often, with the ways to act',
    given: [
      ...everyone,
      bobPosted,
      given(
        ContentReported,
        {
          reportId: 'r-1',
          reporterId: nancy.memberId,
          memberId: bob.memberId,
          kind: 'diary-post',
          contentId: POST_ID,
          reason: 'scam',
          note: 'Money again',
        },
        { actorId: nancy.memberId },
      ),
    ],
    when: { as: mo.memberId, method: 'GET', url: '/review/reports' },
    then: {
      status: 200,
      page: [
        'Diary post: Bob',
        '1 report',
        'Send me money and I will visit you',
        'Money again',
        `/moderation/members/${bob.memberId}`,
        'Dismiss: nothing wrong',
      ],
    },
  }),
  useCase({
    title: 'Dismissing from the queue page comes back to it',
    given: [...everyone, reported(nancy.memberId, 'scam')],
    when: {
      as: mo.memberId,
      method: 'POST',
      url: '/review/reports/close',
      form: true,
      body: { kind: 'profile', contentId: bob.memberId, outcome: 'dismissed' },
    },
    then: {
      status: 303,
      location: '/review/reports?review=closed#queue',
      events: [emitted(ReportsClosed, { outcome: 'dismissed' })],
    },
  }),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title:
      'Bob deleted his account: the reports about his profile leave the queue, there is nothing left to act on',
    given: [
      ...everyone,
      reported(nancy.memberId, 'scam', 'Asks for money'),
      reported(eve.memberId, 'spam'),
      deleted(bob),
    ],
    when: queue,
    then: { status: 200, body: { items: [] } },
  }),
  useCase({
    title: 'Nancy deleted her account: her report of Bob stays in the queue for the moderators to judge',
    given: [...everyone, reported(nancy.memberId, 'scam', 'Asks for money'), deleted(nancy)],
    when: queue,
    then: {
      status: 200,
      body: {
        items: [
          {
            kind: 'profile',
            memberId: bob.memberId,
            count: 1,
            reports: [{ reason: 'scam', note: 'Asks for money' }],
          },
        ],
      },
    },
  }),
];
