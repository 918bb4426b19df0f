import { sql } from 'kysely';
import type { AdsDb } from './store.ts';

export interface DayMetrics {
  day: string;
  impressions: number;
  /** Members shown the campaign that day, each once. */
  reached: number;
  clicks: number;
  /** Clicks per impression, 0 when none were shown. */
  clickThroughRate: number;
}

/** A day of a whole campaign: with the budget left at its end. */
export interface CampaignDay extends DayMetrics {
  budgetLeft: number;
}

/** A campaign's counts in one placement (news, alerts, profile). */
export interface PlacementMetrics {
  placement: string;
  impressions: number;
  reached: number;
  clicks: number;
  clickThroughRate: number;
  days: DayMetrics[];
}

export interface CampaignMetrics {
  impressions: number;
  reached: number;
  clicks: number;
  clickThroughRate: number;
  budgetLeft: number;
  days: CampaignDay[];
  placements: PlacementMetrics[];
}

function rate(clicks: number, impressions: number): number {
  return impressions === 0 ? 0 : Math.round((clicks / impressions) * 10000) / 10000;
}

type Count = number | string;
interface Cell {
  day: string;
  placement: string;
  n: Count;
  reached?: Count;
}

/** Impressions and clicks by day and placement; members reached by day, by placement and by both. */
async function countsOf(db: AdsDb, campaignId: string) {
  const shown = db.selectFrom('impressions').where('campaign_id', '=', campaignId);
  const distinct = sql<Count>`count(distinct member_id)`.as('reached');
  const [cells, clicks, byDay, byPlacement, all] = await Promise.all([
    shown
      .select(['day', 'placement', (eb) => eb.fn.countAll<Count>().as('n'), distinct])
      .groupBy(['day', 'placement'])
      .execute(),
    // A click's placement is its impression's.
    db
      .selectFrom('clicks as k')
      .innerJoin('impressions as i', 'i.impression_id', 'k.impression_id')
      .select(['k.day', 'i.placement', (eb) => eb.fn.countAll<Count>().as('n')])
      .where('k.campaign_id', '=', campaignId)
      .groupBy(['k.day', 'i.placement'])
      .execute(),
    shown.select(['day', distinct]).groupBy('day').execute(),
    shown.select(['placement', distinct]).groupBy('placement').execute(),
    shown.select(distinct).executeTakeFirst(),
  ]);
  return { cells: cells as Cell[], clicks: clicks as Cell[], byDay, byPlacement, all };
}

/** Day metrics from impression and click cells, oldest day first. */
function daysOf(shown: Cell[], clicked: Cell[], reachedOn: (day: string) => number): DayMetrics[] {
  const days = [...new Set([...shown, ...clicked].map((c) => c.day))].sort();
  return days.map((day) => {
    const impressions = shown.filter((c) => c.day === day).reduce((sum, c) => sum + Number(c.n), 0);
    const clicks = clicked.filter((c) => c.day === day).reduce((sum, c) => sum + Number(c.n), 0);
    return { day, impressions, reached: reachedOn(day), clicks, clickThroughRate: rate(clicks, impressions) };
  });
}

function totals(days: DayMetrics[]) {
  const impressions = days.reduce((sum, d) => sum + d.impressions, 0);
  const clicks = days.reduce((sum, d) => sum + d.clicks, 0);
  return { impressions, clicks, clickThroughRate: rate(clicks, impressions) };
}

/** A campaign's counts, in all and by UTC day (oldest first), and per placement. */
export async function metricsOf(db: AdsDb, campaignId: string, budget: number): Promise<CampaignMetrics> {
  const counts = await countsOf(db, campaignId);
  const reachedOnDay = new Map(counts.byDay.map((r) => [r.day, Number(r.reached)]));
  let spent = 0;
  const days = daysOf(counts.cells, counts.clicks, (day) => reachedOnDay.get(day) ?? 0).map((d) => {
    spent += d.impressions;
    return { ...d, budgetLeft: Math.max(0, budget - spent) };
  });
  const placements = counts.byPlacement
    .map((r) => r.placement)
    .sort()
    .map((placement) => {
      const shown = counts.cells.filter((c) => c.placement === placement);
      const reachedOn = new Map(shown.map((c) => [c.day, Number(c.reached)]));
      const inPlacement = daysOf(
        shown,
        counts.clicks.filter((c) => c.placement === placement),
        (day) => reachedOn.get(day) ?? 0,
      );
      const reached = Number(counts.byPlacement.find((r) => r.placement === placement)?.reached ?? 0);
      return { placement, ...totals(inPlacement), reached, days: inPlacement };
    });
  const sum = totals(days);
  return {
    ...sum,
    reached: Number(counts.all?.reached ?? 0),
    budgetLeft: Math.max(0, budget - sum.impressions),
    days,
    placements,
  };
}

/** The metrics as CSV: per day a line for the whole campaign, then one per placement that showed it. */
export function metricsCsv(metrics: CampaignMetrics): string {
  const lines = ['day,placement,impressions,reached,clicks,click_through_rate,budget_left'];
  const line = (day: string, placement: string, d: DayMetrics, left: number | '') =>
    `${day},${placement},${d.impressions},${d.reached},${d.clicks},${d.clickThroughRate},${left}`;
  for (const d of metrics.days) {
    lines.push(line(d.day, 'all', d, d.budgetLeft));
    for (const p of metrics.placements) {
      const on = p.days.find((x) => x.day === d.day);
      // The budget is the campaign's, spent by every placement together.
      if (on) lines.push(line(d.day, p.placement, on, ''));
    }
  }
  return `${lines.join('\n')}\n`;
}
