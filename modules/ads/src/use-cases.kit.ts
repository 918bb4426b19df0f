import { given, type Given } from '@meetcute/core';
import { approved, bob, nancy, otto } from '@meetcute/cast';
import { AdClicked, AdShown, AdsShown, CampaignCreated, type CampaignTerms } from './events.ts';

export const CAMPAIGN = '00000000-0000-7000-8000-00000000ad01';
export const CREATIVE = '00000000-0000-7000-8000-00000000ad02';
export const SHOWN = '00000000-0000-7000-8000-00000000ad03';
export const SHOWN_AGAIN = '00000000-0000-7000-8000-00000000ad04';
export const URL = 'https://boats.example/summer';
export const HEADLINE = 'Sail the archipelago';

/** Shared by the ads use cases. A campaign for women 25–35 within 30 km of Stockholm: Nancy (31, Stockholm) fits, Bob does not. */
export const sailing: CampaignTerms = {
  name: 'Summer sailing',
  advertiser: 'Saltsjön Boats',
  house: false,
  startsAt: '2026-05-01T00:00:00.000Z',
  endsAt: '2026-07-01T00:00:00.000Z',
  impressionBudget: 1000,
  dailyCap: 100,
  frequencyCap: 3,
  targeting: {
    genders: ['woman'],
    minAge: 25,
    maxAge: 35,
    country: 'SE',
    near: { label: 'Stockholm, Sweden', latitude: 59.32938, longitude: 18.06871, radiusKm: 30 },
    languages: [],
  },
  creatives: [{ creativeId: CREATIVE, headline: HEADLINE, text: 'Boats for two, by the day.', url: URL }],
};

export const members = [...approved(nancy), ...approved(bob), ...approved(otto)];
export const running = (terms: CampaignTerms = sailing): Given[] => [
  ...members,
  given(
    CampaignCreated,
    { campaignId: CAMPAIGN, operatorId: otto.memberId, terms },
    { actorId: otto.memberId },
  ),
];
export const shown = (impressionId: string, memberId = nancy.memberId, placement = 'news'): Given =>
  given(
    AdsShown,
    { impressions: [{ impressionId, campaignId: CAMPAIGN, creativeId: CREATIVE, memberId, placement }] },
    { actorId: memberId },
  );
/** An impression as logs before AdsShown hold it: one event each. */
export const shownAlone = (impressionId: string, memberId = nancy.memberId, placement = 'news'): Given =>
  given(
    AdShown,
    { impressionId, campaignId: CAMPAIGN, creativeId: CREATIVE, memberId, placement },
    { actorId: memberId },
  );
export const clicked = (impressionId: string, placement = 'news'): Given =>
  given(
    AdClicked,
    { impressionId, campaignId: CAMPAIGN, creativeId: CREATIVE, memberId: nancy.memberId, placement },
    { actorId: nancy.memberId },
  );

/** The campaign as Otto sends it: the place by name, creatives without ids. */
export const body = {
  ...sailing,
  targeting: { ...sailing.targeting, near: { city: 'Stockholm, Sweden', radiusKm: 30 } },
  creatives: [{ headline: HEADLINE, text: 'Boats for two, by the day.', url: URL }],
};
/** Otto asks for every campaign's figures; the answer lists this one campaign's. */
export const figures = { as: otto.memberId, method: 'GET', url: '/api/v1/ads/campaigns' } as const;
export const listed = (campaign: Record<string, unknown>) => ({
  campaigns: [{ campaignId: CAMPAIGN, ...campaign }],
});
export const create = (as: string, sent: unknown = body) =>
  ({ as, method: 'POST', url: '/api/v1/ads/campaigns', body: sent }) as const;
export const news = (as: string, headers?: Record<string, string>) =>
  ({ as, method: 'GET', url: '/news', ...(headers ? { headers } : {}) }) as const;
