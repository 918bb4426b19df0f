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

export interface CampaignMetrics {
  impressions: number;
  reached: number;
  clicks: number;
  clickThroughRate: number;
  budgetLeft: number;
  days: DayMetrics[];
}

function rate(clicks: number, impressions: number): number {
  return impressions === 0 ? 0 : Math.round((clicks / impressions) * 10000) / 10000;
}

/** A campaign's counts, in all and by UTC day (oldest first). */
export async function metricsOf(db: AdsDb, campaignId: string, budget: number): Promise<CampaignMetrics> {
  const [shown, clicked, reach] = await Promise.all([
    db
      .selectFrom('impressions')
      .select(['day', (eb) => eb.fn.countAll<number | string>().as('n')])
      .select(sql<number | string>`count(distinct member_id)`.as('reached'))
      .where('campaign_id', '=', campaignId)
      .groupBy('day')
      .execute(),
    db
      .selectFrom('clicks')
      .select(['day', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('campaign_id', '=', campaignId)
      .groupBy('day')
      .execute(),
    db
      .selectFrom('impressions')
      .select(sql<number | string>`count(distinct member_id)`.as('reached'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst(),
  ]);
  const clicksOn = new Map(clicked.map((r) => [r.day, Number(r.n)]));
  const days = [...new Set([...shown.map((r) => r.day), ...clicksOn.keys()])].sort().map((day) => {
    const row = shown.find((r) => r.day === day);
    const impressions = Number(row?.n ?? 0);
    const clicks = clicksOn.get(day) ?? 0;
    return {
      day,
      impressions,
      reached: Number(row?.reached ?? 0),
      clicks,
      clickThroughRate: rate(clicks, impressions),
    };
  });
  const impressions = days.reduce((sum, d) => sum + d.impressions, 0);
  const clicks = days.reduce((sum, d) => sum + d.clicks, 0);
  return {
    impressions,
    reached: Number(reach?.reached ?? 0),
    clicks,
    clickThroughRate: rate(clicks, impressions),
    budgetLeft: Math.max(0, budget - impressions),
    days,
  };
}

/** The metrics by day as CSV, one line per day after a header. */
export function metricsCsv(metrics: CampaignMetrics): string {
  const lines = ['day,impressions,reached,clicks,click_through_rate'];
  for (const d of metrics.days)
    lines.push(`${d.day},${d.impressions},${d.reached},${d.clicks},${d.clickThroughRate}`);
  return `${lines.join('\n')}\n`;
}
