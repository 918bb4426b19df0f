import { problems, type ModuleContext } from '@meetcute/core';
import {
  AdClicked,
  AdHidden,
  CampaignCreated,
  CampaignEdited,
  CampaignStatusChanged,
  type CampaignStatus,
  type CampaignTerms,
  type HideReason,
} from './events.ts';
import { termsProblems } from './rules.ts';
import type { City, CityDirectory } from '@meetcute/cities';
import type { AdsTables } from './store.ts';
import type { TermsBody as TermsInput } from './routes.ts';

export interface AdsCommands {
  create(operatorId: string, input: TermsInput): Promise<string>;
  edit(operatorId: string, campaignId: string, input: TermsInput): Promise<void>;
  setStatus(operatorId: string, campaignId: string, status: CampaignStatus): Promise<void>;
  /** Follows an impression: its creative's registered address, the click counted once. */
  click(memberId: string, impressionId: string): Promise<string>;
  hide(memberId: string, impressionId: string, reason: HideReason): Promise<void>;
}

/** The place a targeting names, or why it names none. */
function placeOf(cities: CityDirectory, near: TermsInput['targeting']['near']) {
  if (near === null) return { near: null, problems: [] };
  const found = cities.resolve(near.city);
  if (found.length !== 1)
    return {
      near: null,
      problems: [
        {
          field: 'targeting.near.city',
          message: 'Name one place as members pick it, e.g. "Stockholm, Sweden"',
        },
      ],
    };
  const [city] = found as [City];
  return {
    near: { label: city.label, latitude: city.latitude, longitude: city.longitude, radiusKm: near.radiusKm },
    problems: [],
  };
}

export function adsCommands(ctx: ModuleContext<AdsTables>, cities: CityDirectory): AdsCommands {
  // Creatives get new ids on every save: a click on an older impression finds its creative by id, else the first.
  const termsOf = (input: TermsInput): CampaignTerms => {
    const place = placeOf(cities, input.targeting.near);
    const terms = {
      ...input,
      name: input.name.trim(),
      advertiser: input.advertiser.trim(),
      targeting: { ...input.targeting, near: place.near },
      creatives: input.creatives.map((c) => ({ ...c, creativeId: ctx.ids.next() })),
    };
    const found = [...place.problems, ...termsProblems(terms)];
    if (found.length > 0) throw problems.invalid(found);
    return terms;
  };
  const statusOf = async (campaignId: string) => {
    const row = await ctx.db
      .selectFrom('campaigns')
      .select('status')
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    if (!row) throw problems.notFound('This campaign');
    return row.status;
  };
  return {
    async create(operatorId, input) {
      const terms = termsOf(input);
      const campaignId = ctx.ids.next();
      await ctx.transaction((tx) =>
        tx.publish(CampaignCreated, { campaignId, operatorId, terms }, { actorId: operatorId }),
      );
      return campaignId;
    },
    async edit(operatorId, campaignId, input) {
      await statusOf(campaignId);
      const terms = termsOf(input);
      await ctx.transaction((tx) =>
        tx.publish(CampaignEdited, { campaignId, operatorId, terms }, { actorId: operatorId }),
      );
    },
    async setStatus(operatorId, campaignId, status) {
      const now = await statusOf(campaignId);
      if (now === status) return;
      if (now === 'ended')
        throw problems.conflict(
          'campaign-ended',
          'The campaign has ended',
          'An ended campaign cannot run again; make a new one.',
        );
      await ctx.transaction((tx) =>
        tx.publish(CampaignStatusChanged, { campaignId, operatorId, status }, { actorId: operatorId }),
      );
    },
    click: (memberId, impressionId) => click(ctx, memberId, impressionId),
    async hide(memberId, impressionId, reason) {
      const shown = await impressionOf(ctx, memberId, impressionId);
      await ctx.transaction((tx) =>
        tx.publish(AdHidden, { campaignId: shown.campaign_id, memberId, reason }, { actorId: memberId }),
      );
    },
  };
}

/** The viewer's own impression: another member's, or a made-up id, is not found. */
async function impressionOf(ctx: ModuleContext<AdsTables>, memberId: string, impressionId: string) {
  const shown = await ctx.db
    .selectFrom('impressions as i')
    .innerJoin('campaigns as c', 'c.campaign_id', 'i.campaign_id')
    .leftJoin('clicks as k', 'k.impression_id', 'i.impression_id')
    .select(['i.campaign_id', 'i.creative_id', 'i.placement', 'c.terms', 'k.impression_id as clicked'])
    .where('i.impression_id', '=', impressionId)
    .where('i.member_id', '=', memberId)
    .executeTakeFirst();
  if (!shown) throw problems.notFound('This ad');
  return shown;
}

async function click(ctx: ModuleContext<AdsTables>, memberId: string, impressionId: string): Promise<string> {
  const shown = await impressionOf(ctx, memberId, impressionId);
  const { creatives } = JSON.parse(shown.terms) as CampaignTerms;
  // The address comes from the campaign, never from the request; an edit that dropped the
  // creative leads to the campaign's first one.
  const creative = creatives.find((c) => c.creativeId === shown.creative_id) ?? creatives[0]!;
  // A second click on the same impression still leads there, but counts once.
  if (shown.clicked === null)
    await ctx.transaction((tx) =>
      tx.publish(
        AdClicked,
        {
          impressionId,
          campaignId: shown.campaign_id,
          creativeId: shown.creative_id,
          memberId,
          placement: shown.placement,
        },
        { actorId: memberId },
      ),
    );
  return creative.url;
}
