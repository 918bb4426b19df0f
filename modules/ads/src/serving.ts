import type { FastifyRequest } from 'fastify';
import { groupCommit, outsideWork, type ModuleContext } from '@meetcute/core';
import { isLiveRefresh, type Html, type Placement, type SponsoredItems } from '@meetcute/web';
import { AdsShown, type Creative } from './events.ts';
import { campaignsIn, type AdsMemory, type Campaign } from './memory.ts';
import { dayOf, isBot, servable, targets } from './rules.ts';
import type { AdsDb, AdsTables } from './store.ts';
import { hiddenNotice, justHid, sponsoredCard } from './pages.ts';
import { densityOf } from './density.ts';

/** What serving knows of the campaigns' spend and the viewer, for the campaigns given. */
async function spentOf(memory: AdsMemory, ids: string[], memberId: string, today: string) {
  const [spend, viewer] = await Promise.all([memory.spend.getMany(ids), memory.viewers.get(memberId)]);
  const viewerToday = viewer?.day === today ? viewer.shown : {};
  return (id: string) => ({
    impressions: spend.get(id)?.impressions ?? 0,
    today: spend.get(id)?.byDay[today] ?? 0,
    viewerToday: viewerToday[id] ?? 0,
    hidden: viewer?.hidden.includes(id) ?? false,
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The running campaigns, oldest first (as the campaigns table lists them). */
async function running(memory: AdsMemory, db: AdsDb): Promise<Campaign[]> {
  const all = memory.campaigns.entries();
  if (!all) return campaignsIn(db, 'active');
  return [...all]
    .filter((c) => c.status === 'active')
    .sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.campaignId, b.campaignId));
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
export async function pickFor(
  memory: AdsMemory,
  db: AdsDb,
  memberId: string,
  now: string,
  slots: number,
): Promise<Pick[]> {
  if (slots <= 0) return [];
  const active = await running(memory, db);
  if (active.length === 0) return [];
  const audience = await memory.audience.get(memberId);
  if (!audience) return [];
  const today = dayOf(now);
  const candidates = active.filter((c) => targets(c.terms.targeting, audience, today));
  if (candidates.length === 0) return [];
  const spent = await spentOf(
    memory,
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

/** How many sponsored items each placement holds (MEETCUTE_ADS_*), unless a density flag says otherwise (density.ts). */
export interface Density {
  newsEvery: number;
  alerts: number;
  profile: number;
}

/** An impression on its way to disk, with the page view it belongs to. */
interface Showing {
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
export function sponsoredItems(
  ctx: ModuleContext<AdsTables>,
  memory: AdsMemory,
  density: Density,
): SponsoredItems {
  // One event for the impressions of the pages served together, written as nobody's work:
  // it holds many members' page views, and is theirs only when it holds one member's.
  const record = groupCommit<Showing>((batch) =>
    outsideWork(() =>
      ctx.transaction(async (tx) => {
        const members = new Set(batch.map((s) => s.memberId));
        await tx.publish(
          AdsShown,
          {
            impressions: batch.map(({ impressionId, pick, memberId, placement }) => ({
              impressionId,
              campaignId: pick.campaign.campaignId,
              creativeId: pick.creative.creativeId,
              memberId,
              placement,
            })),
          },
          members.size === 1 ? { actorId: batch[0]!.memberId } : undefined,
        );
      }),
    ),
  );
  const densityFor = densityOf(ctx.services, density);
  // A page's own script fetching it again for new items is no page view: it holds no slot,
  // so nothing is counted, and no member is exposed to a density experiment by it.
  const slotsFor = (request: FastifyRequest, placement: Placement) =>
    isLiveRefresh(request) ? 0 : densityFor(request, placement);
  return {
    every: async (request, placement) => (placement === 'news' ? slotsFor(request, placement) : 0),
    count: async (request, placement) => (placement === 'news' ? 0 : slotsFor(request, placement)),
    async render(request: FastifyRequest, placement: Placement, slots: number): Promise<Html[]> {
      const memberId = request.viewer?.memberId;
      // A crawler's view is no impression: it is shown none, and spends no budget.
      if (!memberId || slots <= 0 || isBot(request.headers['user-agent'])) return [];
      // Back from hiding an ad: the first slot says so, where the ad stood.
      const notice = justHid(request) ? [hiddenNotice(request)] : [];
      const picks = await pickFor(
        memory,
        ctx.db,
        memberId,
        ctx.clock.now().toISOString(),
        slots - notice.length,
      );
      const shown = picks.map((pick) => ({ impressionId: ctx.ids.next(), pick, memberId, placement }));
      await Promise.all(shown.map((impression) => record(impression)));
      return [...notice, ...shown.map((s) => sponsoredCard(request, s.impressionId, s.pick.creative))];
    },
  };
}
