import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';
import { PropertiesSchema } from './properties.ts';

export const AboutMeSubmitted = defineEvent({
  type: 'AboutMeSubmitted',
  module: 'profile',
  description:
    'A member sent a new about-me text for review (empty means remove it). It replaces any change still waiting; ' +
    'sending the text already approved withdraws the waiting change.',
  schema: Type.Object({ memberId: Type.String(), text: Type.String() }),
});

export const AboutMeApproved = defineEvent({
  type: 'AboutMeApproved',
  module: 'profile',
  description: 'A moderator approved an about-me change: others now see this text.',
  schema: Type.Object({ memberId: Type.String(), moderatorId: Type.String(), text: Type.String() }),
});

export const AboutMeRejected = defineEvent({
  type: 'AboutMeRejected',
  module: 'profile',
  description:
    'A moderator turned down an about-me change with a reason the member sees; the approved text stays.',
  schema: Type.Object({ memberId: Type.String(), moderatorId: Type.String(), reason: Type.String() }),
});

export const AboutMeRemoved = defineEvent({
  type: 'AboutMeRemoved',
  module: 'profile',
  description:
    'A moderator took a reported about-me text down, with a reason the member sees: others see no text until a new one is approved; a change waiting for review is dropped too.',
  schema: Type.Object({ memberId: Type.String(), moderatorId: Type.String(), reason: Type.String() }),
});

export const ProfilePropertiesChanged = defineEvent({
  type: 'ProfilePropertiesChanged',
  module: 'profile',
  description:
    'A member changed their profile properties (height, what they look for, children, smoking, languages spoken): all they now tell, nothing for what they keep to themselves. Chosen from fixed lists, so others see them at once, without review.',
  schema: Type.Object({ memberId: Type.String(), properties: PropertiesSchema }),
});

export const ProfileViewed = defineEvent({
  type: 'ProfileViewed',
  module: 'profile',
  description: "An approved member opened another member's profile (never their own, never across a block).",
  schema: Type.Object({ viewerId: Type.String(), memberId: Type.String() }),
});

/** The events whose effect is the profile module's own state. */
export const ownEvents = [
  AboutMeSubmitted,
  AboutMeApproved,
  AboutMeRejected,
  AboutMeRemoved,
  ProfilePropertiesChanged,
];
export const events = [...ownEvents, ProfileViewed];

// The properties' lists are part of the language the event speaks: search filters by them.
export { CHOICES, CHOICE_NAMES, HEIGHT_CM, SPOKEN, type ChoiceName, type Properties } from './properties.ts';
