import { approved, bob, eve, nancy, type CastMember } from '@meetcute/cast';
import { emitted, given, useCase, type Given, type When } from '@meetcute/core';
import { FavouriteAdded, FavouriteRemoved } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { ProfileViewed } from '@meetcute/profile/events';
import { CityChanged, LookingForChanged } from '@meetcute/registration/events';
import { ChatAudienceChosen, MessageSent, type ChatAudience } from './events.ts';
import { conversationIdOf } from './rules.ts';

const CLOSED = 'https://meetcute.dev/problems/chat-closed';
const ONLY_PREFERENCES =
  'Nancy accepts new conversations only from members within the age and gender they look for.';
const ONLY_CONTACTS =
  'Nancy accepts new conversations only from members they flirted with or added to their favourites.';

// Nancy looks for men of 28 to 40: Bob (a man of 34) fits, Eve (a woman of 29) does not.
const three = [...approved(nancy), ...approved(bob), ...approved(eve)];

const chose = (member: CastMember, audience: ChatAudience): Given =>
  given(ChatAudienceChosen, { memberId: member.memberId, audience }, { actorId: member.memberId });

const flirted = (from: CastMember, to: CastMember): Given =>
  given(
    FlirtSent,
    { flirtId: '00000000-0000-7000-8000-f00000000001', senderId: from.memberId, recipientId: to.memberId },
    { actorId: from.memberId },
  );

const favourited = (member: CastMember, favourite: CastMember): Given =>
  given(
    FavouriteAdded,
    { memberId: member.memberId, favouriteId: favourite.memberId },
    { actorId: member.memberId },
  );

const unfavourited = (member: CastMember, favourite: CastMember): Given =>
  given(
    FavouriteRemoved,
    { memberId: member.memberId, favouriteId: favourite.memberId },
    { actorId: member.memberId },
  );

const earlier = (from: CastMember, to: CastMember): Given =>
  given(
    MessageSent,
    {
      messageId: '00000000-0000-7000-8000-c00000000001',
      conversationId: conversationIdOf(from.memberId, to.memberId),
      senderId: from.memberId,
      recipientId: to.memberId,
      body: 'Hi Nancy!',
    },
    { actorId: from.memberId },
  );

const writes = (from: CastMember, to: CastMember): When => ({
  as: from.memberId,
  method: 'POST',
  url: `/api/v1/chats/${to.memberId}/messages`,
  body: { body: 'Hello!' },
});

const choose = (member: CastMember, audience: unknown): When => ({
  as: member.memberId,
  method: 'PUT',
  url: '/api/v1/chats/settings',
  body: { audience },
});

const goes = (from: CastMember) => ({
  status: 201,
  events: [emitted(MessageSent, { senderId: from.memberId, recipientId: nancy.memberId })],
});
const refused = (detail: string) => ({ status: 403, body: { type: CLOSED, detail }, events: [] });

const settings = [
  useCase({
    title: 'Until she chooses, everyone may start a conversation with Nancy',
    given: three,
    when: { as: nancy.memberId, method: 'GET', url: '/api/v1/chats/settings' },
    then: { status: 200, body: { audience: 'everyone' } },
  }),
  useCase({
    title: 'Nancy lets only members within her preferences start a conversation with her',
    given: three,
    when: choose(nancy, 'preferences'),
    then: {
      status: 200,
      body: { audience: 'preferences' },
      events: [emitted(ChatAudienceChosen, { memberId: nancy.memberId, audience: 'preferences' })],
    },
  }),
  useCase({
    title: 'Choosing what is already chosen publishes nothing',
    given: [...three, chose(nancy, 'contacts')],
    when: choose(nancy, 'contacts'),
    then: { status: 200, body: { audience: 'contacts' }, events: [] },
  }),
  useCase({
    title: 'A choice that is not one of the three is refused',
    given: three,
    when: choose(nancy, 'nobody'),
    then: { status: 400, events: [] },
  }),
  useCase({
    title: 'Nancy’s choice is hers: Bob reads his own, still everyone',
    given: [...three, chose(nancy, 'contacts')],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/chats/settings' },
    then: { status: 200, body: { audience: 'everyone' } },
  }),
];

const everyone = [
  useCase({
    title: 'Nancy opened up to everyone again: Eve, outside her preferences, may write first',
    given: [...three, chose(nancy, 'preferences'), chose(nancy, 'everyone')],
    when: writes(eve, nancy),
    then: goes(eve),
  }),
];

const preferences = [
  useCase({
    title: 'Only her preferences: Bob, a man of 34, may start a conversation with Nancy',
    given: [...three, chose(nancy, 'preferences')],
    when: writes(bob, nancy),
    then: goes(bob),
  }),
  useCase({
    title: 'Only her preferences: Eve, a woman, may not, and is told why',
    given: [...three, chose(nancy, 'preferences')],
    when: writes(eve, nancy),
    then: refused(ONLY_PREFERENCES),
  }),
  useCase({
    title: 'Only her preferences, and Nancy now looks for women too: Eve may write first',
    given: [
      ...three,
      chose(nancy, 'preferences'),
      given(
        LookingForChanged,
        {
          memberId: nancy.memberId,
          lookingFor: { ...nancy.application.lookingFor, genders: ['woman', 'man'] },
        },
        { actorId: nancy.memberId },
      ),
    ],
    when: writes(eve, nancy),
    then: goes(eve),
  }),
  useCase({
    title: 'Only her preferences, and Nancy now looks for men of 35 to 40: Bob, 34, may not start',
    given: [
      ...three,
      chose(nancy, 'preferences'),
      given(
        LookingForChanged,
        { memberId: nancy.memberId, lookingFor: { ...nancy.application.lookingFor, minAge: 35 } },
        { actorId: nancy.memberId },
      ),
      // Moving keeps her preferences: the rule reads them wherever she lives now.
      given(
        CityChanged,
        { memberId: nancy.memberId, city: eve.application.city },
        { actorId: nancy.memberId },
      ),
    ],
    when: writes(bob, nancy),
    then: refused(ONLY_PREFERENCES),
  }),
  useCase({
    title: 'Only her preferences: Nancy herself may still write first to Eve',
    given: [...three, chose(nancy, 'preferences')],
    when: { ...writes(nancy, eve), body: { body: 'Hi Eve!' } },
    then: { status: 201, events: [emitted(MessageSent, { senderId: nancy.memberId })] },
  }),
];

const contacts = [
  useCase({
    title: 'Only her contacts: Bob, whom Nancy never flirted with nor favourited, may not start',
    given: [...three, chose(nancy, 'contacts')],
    when: writes(bob, nancy),
    then: refused(ONLY_CONTACTS),
  }),
  useCase({
    title: 'Only her contacts: Bob flirting with Nancy does not open the door; her flirt would',
    given: [...three, chose(nancy, 'contacts'), flirted(bob, nancy)],
    when: writes(bob, nancy),
    then: refused(ONLY_CONTACTS),
  }),
  useCase({
    title: 'Only her contacts: Nancy flirted with Bob, so he may write first',
    given: [...three, chose(nancy, 'contacts'), flirted(nancy, bob)],
    when: writes(bob, nancy),
    then: goes(bob),
  }),
  useCase({
    title: 'Only her contacts: Bob is among Nancy’s favourites, so he may write first',
    given: [...three, favourited(nancy, bob), chose(nancy, 'contacts')],
    when: writes(bob, nancy),
    then: goes(bob),
  }),
  useCase({
    title: 'Only her contacts: once Nancy took Bob off her favourites, he may not',
    given: [...three, favourited(nancy, bob), unfavourited(nancy, bob), chose(nancy, 'contacts')],
    when: writes(bob, nancy),
    then: refused(ONLY_CONTACTS),
  }),
];

const existing = [
  useCase({
    title: 'Eve and Nancy already talk: Nancy narrowing to her preferences lets the conversation go on',
    given: [...three, earlier(eve, nancy), chose(nancy, 'preferences')],
    when: writes(eve, nancy),
    then: { status: 201, body: { seq: 2 }, events: [emitted(MessageSent, { senderId: eve.memberId })] },
  }),
  useCase({
    title: 'Bob and Nancy already talk: Nancy narrowing to her contacts lets the conversation go on',
    given: [...three, earlier(bob, nancy), chose(nancy, 'contacts')],
    when: writes(bob, nancy),
    then: { status: 201, body: { seq: 2 }, events: [emitted(MessageSent, { senderId: bob.memberId })] },
  }),
];

const pages = [
  useCase({
    title: 'Eve opens a chat with Nancy, who takes only her preferences: the page says why, with no form',
    given: [...three, chose(nancy, 'preferences')],
    when: { as: eve.memberId, method: 'GET', url: `/chats/${nancy.memberId}` },
    then: { status: 200, page: [ONLY_PREFERENCES], pageLacks: ['data-composer'] },
  }),
  useCase({
    title: 'Eve’s form sent anyway (Nancy chose while it was open) answers 403 with the reason',
    given: [...three, chose(nancy, 'preferences')],
    when: {
      as: eve.memberId,
      method: 'POST',
      url: `/chats/${nancy.memberId}`,
      form: true,
      body: { body: 'Hello!' },
    },
    then: { status: 403, page: [ONLY_PREFERENCES], events: [] },
  }),
  useCase({
    title: 'On Nancy’s profile, Bob sees why there is no Message button, in Swedish',
    given: [...three, chose(nancy, 'contacts')],
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/members/${nancy.memberId}`,
      headers: { 'accept-language': 'sv' },
    },
    then: {
      status: 200,
      page: ['Nancy tar bara emot nya konversationer från medlemmar hen har flörtat med'],
      pageLacks: [`href="/chats/${nancy.memberId}"`],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title:
      'On Nancy’s profile, Eve who already talks with her keeps the Message button after Nancy narrows to her preferences',
    given: [...three, earlier(eve, nancy), chose(nancy, 'preferences')],
    when: { as: eve.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: {
      status: 200,
      page: [`href="/chats/${nancy.memberId}"`],
      pageLacks: [ONLY_PREFERENCES],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'On Nancy’s profile, Bob within her preferences has the Message button',
    given: [...three, chose(nancy, 'preferences')],
    when: { as: bob.memberId, method: 'GET', url: `/members/${nancy.memberId}` },
    then: { status: 200, page: [`href="/chats/${nancy.memberId}"`], events: [emitted(ProfileViewed)] },
  }),
  useCase({
    title: 'Nancy’s settings page shows her choice, in Finnish',
    given: [...three, chose(nancy, 'contacts')],
    when: {
      as: nancy.memberId,
      method: 'GET',
      url: '/chats/settings',
      headers: { 'accept-language': 'fi' },
    },
    then: {
      status: 200,
      page: ['Kuka saa kirjoittaa minulle', 'value="contacts"\nchecked'],
    },
  }),
  useCase({
    title: 'Nancy chooses on the settings page without JavaScript',
    given: three,
    when: {
      as: nancy.memberId,
      method: 'POST',
      url: '/chats/settings',
      form: true,
      body: { audience: 'preferences' },
    },
    then: {
      status: 303,
      location: '/chats/settings?chat=saved#chat-settings',
      events: [emitted(ChatAudienceChosen, { memberId: nancy.memberId, audience: 'preferences' })],
    },
  }),
  useCase({
    title: 'The settings form with no choice says what to fix',
    given: three,
    when: { as: nancy.memberId, method: 'POST', url: '/chats/settings', form: true, body: {} },
    then: { status: 400, page: ['Choose one of the options.'], events: [] },
  }),
];

/** Who may start a conversation with a member, on the API and the pages. */
export const audienceUseCases = [
  ...settings,
  ...everyone,
  ...preferences,
  ...contacts,
  ...existing,
  ...pages,
];
