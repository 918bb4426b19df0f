import { Type, type Static } from 'typebox';
import { defineEvent, type EventDefinition } from '@meetcute/core';
import { LanguageSchema } from '@meetcute/web';

const Gender = Type.Union([Type.Literal('woman'), Type.Literal('man'), Type.Literal('nonbinary')]);

/** Whom a campaign is shown to; an empty list or a null means anyone. */
export const Targeting = Type.Object({
  genders: Type.Array(Gender, { uniqueItems: true }),
  minAge: Type.Union([Type.Integer({ minimum: 18, maximum: 120 }), Type.Null()]),
  maxAge: Type.Union([Type.Integer({ minimum: 18, maximum: 120 }), Type.Null()]),
  /** ISO 3166 country code of the member's city. */
  country: Type.Union([Type.String({ minLength: 2, maxLength: 2 }), Type.Null()]),
  /** Members whose city lies within radiusKm of this place. */
  near: Type.Union([
    Type.Object({
      label: Type.String(),
      latitude: Type.Number(),
      longitude: Type.Number(),
      radiusKm: Type.Integer({ minimum: 1, maximum: 5000 }),
    }),
    Type.Null(),
  ]),
  languages: Type.Array(LanguageSchema, { uniqueItems: true }),
  /** Members with at least one of these interests (normalised tags); absent in campaigns made before interests counted. */
  interests: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
});
export type Targeting = Static<typeof Targeting>;

/** Which of an uploaded image's sizes cards show (fits 640×800, never enlarged). */
export const CARD_SIZE = 'profile';

/** A picture uploaded for creatives (CreativeImageUploaded): its size as cards show it. */
export const CreativeImage = Type.Object({
  imageId: Type.String(),
  width: Type.Integer({ minimum: 1 }),
  height: Type.Integer({ minimum: 1 }),
});
export type CreativeImage = Static<typeof CreativeImage>;

export const Creative = Type.Object({
  creativeId: Type.String(),
  headline: Type.String(),
  text: Type.String(),
  /** The only place a click on the creative leads: registered with the campaign, never taken from a request. */
  url: Type.String(),
  /** Shown above the headline; absent in creatives without one (and in those made before images). */
  image: Type.Optional(CreativeImage),
});
export type Creative = Static<typeof Creative>;

/** A campaign as an operator set it up: what it shows, to whom, when, and how much. */
export const CampaignTerms = Type.Object({
  name: Type.String(),
  advertiser: Type.String(),
  /** The community's own announcement rather than a paying advertiser's. */
  house: Type.Boolean(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  impressionBudget: Type.Integer({ minimum: 1 }),
  dailyCap: Type.Integer({ minimum: 1 }),
  /** Impressions a member gets of this campaign a day. */
  frequencyCap: Type.Integer({ minimum: 1 }),
  targeting: Targeting,
  creatives: Type.Array(Creative, { minItems: 1 }),
});
export type CampaignTerms = Static<typeof CampaignTerms>;

export const CampaignStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('paused'),
  Type.Literal('ended'),
]);
export type CampaignStatus = Static<typeof CampaignStatus>;

export const CampaignCreated = defineEvent({
  type: 'CampaignCreated',
  module: 'ads',
  description: 'An operator created an ad campaign (active from its start); house campaigns too.',
  schema: Type.Object({ campaignId: Type.String(), operatorId: Type.String(), terms: CampaignTerms }),
});

export const CampaignEdited = defineEvent({
  type: 'CampaignEdited',
  module: 'ads',
  description: 'An operator changed a campaign’s terms; what it counted so far stays.',
  schema: Type.Object({ campaignId: Type.String(), operatorId: Type.String(), terms: CampaignTerms }),
});

export const CreativeImageUploaded = defineEvent({
  type: 'CreativeImageUploaded',
  module: 'ads',
  description:
    'An operator uploaded a picture for creatives: checked and re-encoded by the photos pipeline (upright, metadata stripped, WebP), kept apart from members’ photos and served publicly; width and height are those of the size cards show. Campaign terms may name only an image uploaded so.',
  schema: Type.Object({
    imageId: Type.String(),
    operatorId: Type.String(),
    width: Type.Integer({ minimum: 1 }),
    height: Type.Integer({ minimum: 1 }),
  }),
});

export const CampaignStatusChanged = defineEvent({
  type: 'CampaignStatusChanged',
  module: 'ads',
  description: 'An operator paused, resumed or ended a campaign. An ended campaign stays ended.',
  schema: Type.Object({ campaignId: Type.String(), operatorId: Type.String(), status: CampaignStatus }),
});

const Impression = Type.Object({
  impressionId: Type.String(),
  campaignId: Type.String(),
  creativeId: Type.String(),
  memberId: Type.String(),
  placement: Type.String(),
});
export type Impression = Static<typeof Impression>;

/** One impression an event: what the site published until impressions were written in batches (AdsShown); still read. */
export const AdShown = defineEvent({
  type: 'AdShown',
  module: 'ads',
  description:
    'A page showed a member a campaign’s creative: one impression, once per campaign per page view, recorded before the page was sent. Published before AdsShown took its place; logs that hold it still count it.',
  schema: Impression,
  retired: 'AdsShown records impressions in batches',
});

/**
 * Impressions are a write on every page that shows an ad, so those of the page views served
 * together are one event: the outbox, the log and every consumer then handle one row where
 * there were as many as the pages (the system we learn from batched its writes the same way).
 */
export const AdsShown = defineEvent({
  type: 'AdsShown',
  module: 'ads',
  description:
    'Pages showed members campaigns’ creatives: the impressions of the page views served together, one per campaign per page view, each recorded before its page was sent.',
  schema: Type.Object({ impressions: Type.Array(Impression, { minItems: 1 }) }),
});

export const AdClicked = defineEvent({
  type: 'AdClicked',
  module: 'ads',
  description:
    'A member followed an ad they were shown (the first click on that impression; repeats are not counted).',
  schema: Type.Object({
    impressionId: Type.String(),
    campaignId: Type.String(),
    creativeId: Type.String(),
    memberId: Type.String(),
    placement: Type.String(),
  }),
});

export const HIDE_REASONS = ['not-relevant', 'seen-too-often', 'offensive', 'other'] as const;
export const HideReason = Type.Union([
  Type.Literal('not-relevant'),
  Type.Literal('seen-too-often'),
  Type.Literal('offensive'),
  Type.Literal('other'),
]);
export type HideReason = (typeof HIDE_REASONS)[number];

export const AdHidden = defineEvent({
  type: 'AdHidden',
  module: 'ads',
  description: 'A member hid a campaign and said why; they are not shown it again.',
  schema: Type.Object({ campaignId: Type.String(), memberId: Type.String(), reason: HideReason }),
});

export const events: EventDefinition[] = [
  CampaignCreated,
  CampaignEdited,
  CampaignStatusChanged,
  CreativeImageUploaded,
  AdShown,
  AdsShown,
  AdClicked,
  AdHidden,
];
