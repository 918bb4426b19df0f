import { problems, type ModuleContext, type UploadedFile } from '@meetcute/core';
import type { SiteImages } from '@meetcute/photos';
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
import { imagesOf, termsRefused, uploadImage, withImage, type UploadedImage } from './images.ts';
import { dayOf, termsProblems } from './rules.ts';
import type { City, CityDirectory } from '@meetcute/cities';
import { checkTag } from '@meetcute/interests';
import { campaignOf } from './memory.ts';
import type { AdsTables } from './store.ts';
import type { TermsBody as TermsInput } from './routes.ts';

export interface AdsCommands {
  create(operatorId: string, input: TermsInput): Promise<string>;
  edit(operatorId: string, campaignId: string, input: TermsInput): Promise<void>;
  /**
   * Keeps an image for creatives, through the photos pipeline's checks and re-encoding
   * (refused with its ImageRefused problem, or a field problem when no file came).
   */
  uploadImage(operatorId: string, file: UploadedFile | null): Promise<UploadedImage>;
  /** Shows an uploaded image on the campaign's first creative (the console's), or none (null). */
  setImage(operatorId: string, campaignId: string, imageId: string | null): Promise<void>;
  setStatus(operatorId: string, campaignId: string, status: CampaignStatus): Promise<void>;
  /**
   * Follows an impression: its creative's registered address. The click is counted unless
   * a program made it, the impression was clicked already, or the member's click on the
   * campaign was counted already that day.
   */
  click(memberId: string, impressionId: string, byBot: boolean): Promise<string>;
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

/** The interests a targeting names, as the interests module normalises tags, or why they cannot be. */
function interestsOf(named: readonly string[] | undefined) {
  const checked = (named ?? []).map((tag, i) => checkTag(tag, `targeting.interests.${i}`));
  return { interests: [...new Set(checked.map((c) => c.tag))], problems: checked.flatMap((c) => c.errors) };
}

export function adsCommands(
  ctx: ModuleContext<AdsTables>,
  cities: CityDirectory,
  siteImages: SiteImages,
): AdsCommands {
  // Creatives get new ids on every save: a click on an older impression finds its creative by id, else the first.
  const termsOf = async (input: TermsInput, before?: CampaignTerms): Promise<CampaignTerms> => {
    const place = placeOf(cities, input.targeting.near);
    const tags = interestsOf(input.targeting.interests);
    const pictures = await imagesOf(
      ctx,
      input.creatives.map((c) => c.imageId),
      before,
    );
    const terms: CampaignTerms = {
      ...input,
      name: input.name.trim(),
      advertiser: input.advertiser.trim(),
      targeting: { ...input.targeting, near: place.near, interests: tags.interests },
      creatives: input.creatives.map(({ imageId: _named, ...c }, i) => {
        const image = pictures.images[i];
        return { ...c, creativeId: ctx.ids.next(), ...(image && { image }) };
      }),
    };
    const found = [...place.problems, ...tags.problems, ...termsProblems(terms)];
    if (found.length > 0 || pictures.problems.length > 0) throw termsRefused(found, pictures.problems);
    return terms;
  };
  const campaignFound = async (campaignId: string) => {
    const campaign = await campaignOf(ctx.db, campaignId);
    if (!campaign) throw problems.notFound('This campaign');
    return campaign;
  };
  const edited = (operatorId: string, campaignId: string, terms: CampaignTerms) =>
    ctx.transaction((tx) =>
      tx.publish(CampaignEdited, { campaignId, operatorId, terms }, { actorId: operatorId }),
    );
  return {
    async create(operatorId, input) {
      const terms = await termsOf(input);
      const campaignId = ctx.ids.next();
      await ctx.transaction((tx) =>
        tx.publish(CampaignCreated, { campaignId, operatorId, terms }, { actorId: operatorId }),
      );
      return campaignId;
    },
    async edit(operatorId, campaignId, input) {
      const campaign = await campaignFound(campaignId);
      await edited(operatorId, campaignId, await termsOf(input, campaign.terms));
    },
    uploadImage: (operatorId, file) => uploadImage(ctx, siteImages, operatorId, file),
    async setImage(operatorId, campaignId, imageId) {
      const { terms } = await campaignFound(campaignId);
      const changed = await withImage(ctx, terms, imageId);
      if (changed) await edited(operatorId, campaignId, changed);
    },
    async setStatus(operatorId, campaignId, status) {
      const { status: now } = await campaignFound(campaignId);
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
    click: (memberId, impressionId, byBot) => click(ctx, memberId, impressionId, byBot),
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

/** True when this member's click on the campaign was counted already on `day`. */
async function clickedToday(
  ctx: ModuleContext<AdsTables>,
  memberId: string,
  campaignId: string,
  day: string,
) {
  const found = await ctx.db
    .selectFrom('clicks')
    .where('member_id', '=', memberId)
    .where('campaign_id', '=', campaignId)
    .where('day', '=', day)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(found?.n ?? 0) > 0;
}

async function click(
  ctx: ModuleContext<AdsTables>,
  memberId: string,
  impressionId: string,
  byBot: boolean,
): Promise<string> {
  const shown = await impressionOf(ctx, memberId, impressionId);
  const { creatives } = JSON.parse(shown.terms) as CampaignTerms;
  // The address comes from the campaign, never from the request; an edit that dropped the
  // creative leads to the campaign's first one.
  const creative = creatives.find((c) => c.creativeId === shown.creative_id) ?? creatives[0]!;
  // A repeated click (the same impression, or the campaign again the same day) still leads
  // there, but counts once; a program's click does not count at all.
  const counted =
    !byBot &&
    shown.clicked === null &&
    !(await clickedToday(ctx, memberId, shown.campaign_id, dayOf(ctx.clock.now().toISOString())));
  if (counted)
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
