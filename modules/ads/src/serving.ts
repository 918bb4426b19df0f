import type { FastifyRequest } from 'fastify';
import { groupCommit, type ModuleContext } from '@meetcute/core';
import { type Html, type Placement, type SponsoredItems } from '@meetcute/web';
import { AdShown, type CampaignStatus, type CampaignTerms, type Creative } from './events.ts';
import { dayOf, isBot, servable, targets, type Audience } from './rules.ts';
import type { AdsDb, AdsTables } from './store.ts';
import { sponsoredCard } from './pages.ts';

/** A campaign as serving reads it. */
export interface Campaign {
  campaignId: string;
  status: CampaignStatus;
  terms: CampaignTerms;
  createdAt: string;
}

export async function campaignsIn(db: AdsDb, status?: CampaignStatus): Promise<Campaign[]> {
  let query = db.selectFrom('campaigns').selectAll();
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('created_at').orderBy('campaign_id').execute();
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    status: r.status,
    terms: JSON.parse(r.terms) as CampaignTerms,
    createdAt: r.created_at,
  }));
}

/** What targeting needs of a member; their interests only when a campaign asks for them. */
async function audienceOf(
  db: AdsDb,
  memberId: string,
  withInterests: boolean,
): Promise<Audience | undefined> {
  const row = await db
    .selectFrom('audience as a')
    .leftJoin('languages as l', 'l.member_id', 'a.member_id')
    .select(['a.gender', 'a.birthday', 'a.country', 'a.latitude', 'a.longitude', 'l.language'])
    .where('a.member_id', '=', memberId)
    .executeTakeFirst();
  if (!row) return undefined;
  const interests = withInterests
    ? (await db.selectFrom('member_interests').select('tag').where('member_id', '=', memberId).execute()).map(
        (r) => r.tag,
      )
    : [];
  const { latitude, longitude, language, ...rest } = row;
  return {
    ...rest,
    latitude: Number(latitude),
    longitude: Number(longitude),
    language: language ?? null,
    interests,
  };
}

/** Counts by campaign, for the campaigns given. */
async function countsOf(db: AdsDb, ids: string[], memberId: string, today: string) {
  const [total, day, viewer, hidden] = await Promise.all([
    db
      .selectFrom('impressions')
      .select(['campaign_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('campaign_id', 'in', ids)
      .groupBy('campaign_id')
      .execute(),
    db
      .selectFrom('impressions')
      .select(['campaign_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('campaign_id', 'in', ids)
      .where('day', '=', today)
      .groupBy('campaign_id')
      .execute(),
    db
      .selectFrom('impressions')
      .select(['campaign_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('member_id', '=', memberId)
      .where('day', '=', today)
      .groupBy('campaign_id')
      .execute(),
    db.selectFrom('hidden').select('campaign_id').where('member_id', '=', memberId).execute(),
  ]);
  const byId = (rows: Array<{ campaign_id: string; n: number | string }>) =>
    new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
  const totals = byId(total);
  const days = byId(day);
  const viewers = byId(viewer);
  const hides = new Set(hidden.map((r) => r.campaign_id));
  return (id: string) => ({
    impressions: totals.get(id) ?? 0,
    today: days.get(id) ?? 0,
    viewerToday: viewers.get(id) ?? 0,
    hidden: hides.has(id),
  });
}

/** A campaign picked for a slot, and which of its creatives shows. */
export interface Pick {
  campaign: Campaign;
  creative: Creative;
}

/**
 * The campaigns the viewer may be shown now, paying ones before house ones, at most
 * `slots`. Creatives take turns by how often the campaign has been shown.
 */
export async function pickFor(db: AdsDb, memberId: string, now: string, slots: number): Promise<Pick[]> {
  if (slots <= 0) return [];
  // Most pages meet no running campaign: they cost one small read.
  const active = await campaignsIn(db, 'active');
  if (active.length === 0) return [];
  const audience = await audienceOf(
    db,
    memberId,
    active.some((c) => (c.terms.targeting.interests ?? []).length > 0),
  );
  if (!audience) return [];
  const today = dayOf(now);
  const candidates = active.filter((c) => targets(c.terms.targeting, audience, today));
  if (candidates.length === 0) return [];
  const spent = await countsOf(
    db,
    candidates.map((c) => c.campaignId),
    memberId,
    today,
  );
  return candidates
    .filter((c) => servable(c, spent(c.campaignId), now))
    .sort((a, b) => Number(a.terms.house) - Number(b.terms.house))
    .slice(0, slots)
    .map((campaign) => {
      const { creatives } = campaign.terms;
      return { campaign, creative: creatives[spent(campaign.campaignId).impressions % creatives.length]! };
    });
}

/** How many sponsored items each placement holds (MEETCUTE_ADS_*). */
export interface Density {
  newsEvery: number;
  alerts: number;
  profile: number;
}

interface Impression {
  impressionId: string;
  pick: Pick;
  memberId: string;
  placement: Placement;
}

/**
 * The sponsored items service. Impressions of requests that arrive together commit
 * together (as profile visits do), and each page waits for its own before it is sent:
 * what a member was shown is on disk before they see it.
 */
export function sponsoredItems(ctx: ModuleContext<AdsTables>, density: Density): SponsoredItems {
  const record = groupCommit<Impression>((batch) =>
    ctx.transaction(async (tx) => {
      for (const { impressionId, pick, memberId, placement } of batch)
        await tx.publish(
          AdShown,
          {
            impressionId,
            campaignId: pick.campaign.campaignId,
            creativeId: pick.creative.creativeId,
            memberId,
            placement,
          },
          { actorId: memberId },
        );
    }),
  );
  return {
    every: () => density.newsEvery,
    count: (placement) =>
      placement === 'alerts' ? density.alerts : placement === 'profile' ? density.profile : 0,
    async render(request: FastifyRequest, placement: Placement, slots: number): Promise<Html[]> {
      const memberId = request.viewer?.memberId;
      // A crawler's view is no impression: it is shown none, and spends no budget.
      if (!memberId || slots <= 0 || isBot(request.headers['user-agent'])) return [];
      const picks = await pickFor(ctx.db, memberId, ctx.clock.now().toISOString(), slots);
      const shown = picks.map((pick) => ({ impressionId: ctx.ids.next(), pick, memberId, placement }));
      await Promise.all(shown.map((impression) => record(impression)));
      return shown.map((s) => sponsoredCard(request, s.impressionId, s.pick.creative));
    },
  };
}
