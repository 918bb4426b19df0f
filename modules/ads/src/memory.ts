// What serving reads on every page with a placement, held in memory: the campaigns, what
// each has spent, what each viewer was shown today and hid, and who each viewer is. A
// page that shows an ad then asks no query; the impression it records is its only write.
import type { ModuleContext, View, ViewChanges } from '@meetcute/core';
import { forgetInView } from '@meetcute/auth/events';
import { AccountCreated, CityChanged, RegistrationApproved } from '@meetcute/registration/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import {
  AdHidden,
  AdShown,
  AdsShown,
  CampaignCreated,
  CampaignEdited,
  CampaignStatusChanged,
  type CampaignStatus,
  type CampaignTerms,
} from './events.ts';
import { dayOf, type Audience } from './rules.ts';
import type { AdsDb, AdsTables } from './store.ts';

/** A campaign as serving reads it. */
export interface Campaign {
  campaignId: string;
  status: CampaignStatus;
  terms: CampaignTerms;
  createdAt: string;
}

/** A campaign's impressions, in all and by day (YYYY-MM-DD): its budget and daily cap. */
export interface Spend {
  impressions: number;
  byDay: Readonly<Record<string, number>>;
}

/**
 * What a member was shown on the last day they were shown anything (frequency caps count
 * by day), and the campaigns they hid.
 */
export interface Viewer {
  day: string;
  shown: Readonly<Record<string, number>>;
  hidden: readonly string[];
}

export interface AdsMemory {
  /** Every campaign, by id; few enough to hold them all. */
  campaigns: View<Campaign>;
  /** By campaign id. */
  spend: View<Spend>;
  /** By member id. */
  viewers: View<Viewer>;
  /** By member id: what targeting knows of them. */
  audience: View<Audience>;
}

type CampaignRow = { campaign_id: string; status: CampaignStatus; terms: string; created_at: string };

const toCampaign = (r: CampaignRow): Campaign => ({
  campaignId: r.campaign_id,
  status: r.status,
  terms: JSON.parse(r.terms) as CampaignTerms,
  createdAt: r.created_at,
});

export async function campaignsIn(db: AdsDb, status?: CampaignStatus): Promise<Campaign[]> {
  let query = db.selectFrom('campaigns').selectAll();
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('created_at').orderBy('campaign_id').execute();
  return rows.map(toCampaign);
}

export async function campaignOf(db: AdsDb, campaignId: string): Promise<Campaign | undefined> {
  const row = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return row && toCampaign(row);
}

/** Terms as the table keeps them (JSON drops what is undefined), so memory and tables agree. */
const asKept = (terms: CampaignTerms): CampaignTerms => JSON.parse(JSON.stringify(terms)) as CampaignTerms;

async function audienceOf(db: AdsDb, memberId: string): Promise<Audience | undefined> {
  const row = await db
    .selectFrom('audience as a')
    .leftJoin('languages as l', 'l.member_id', 'a.member_id')
    .select(['a.gender', 'a.birthday', 'a.country', 'a.latitude', 'a.longitude', 'l.language'])
    .where('a.member_id', '=', memberId)
    .executeTakeFirst();
  if (!row) return undefined;
  const interests = await db
    .selectFrom('member_interests')
    .select('tag')
    .where('member_id', '=', memberId)
    .execute();
  const { latitude, longitude, language, ...rest } = row;
  return {
    ...rest,
    latitude: Number(latitude),
    longitude: Number(longitude),
    language: language ?? null,
    // Sorted here, not by the database, whose collation may differ from memory's order.
    interests: interests.map((r) => r.tag).sort(),
  };
}

async function spendOf(db: AdsDb, campaignId: string): Promise<Spend | undefined> {
  const rows = await db
    .selectFrom('impressions')
    .select(['day', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('day')
    .execute();
  if (rows.length === 0) return undefined;
  const byDay = Object.fromEntries(rows.map((r) => [r.day, Number(r.n)]));
  return { impressions: Object.values(byDay).reduce((a, b) => a + b, 0), byDay };
}

/** What the member was shown, by campaign: their counts so far and their recent impressions. */
function shownTo(db: AdsDb, memberId: string) {
  return db
    .selectFrom('shown_counts')
    .select(['day', 'campaign_id', 'shown as n'])
    .where('member_id', '=', memberId)
    .unionAll(
      db
        .selectFrom('recent_impressions')
        .select(['day', 'campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('member_id', '=', memberId)
        .groupBy(['day', 'campaign_id']),
    )
    .execute();
}

export async function viewerOf(db: AdsDb, memberId: string): Promise<Viewer | undefined> {
  // One statement for both tables: it sees them both before or both after a count moves rows.
  const [shown, hidden] = await Promise.all([
    shownTo(db, memberId),
    db.selectFrom('hidden').select('campaign_id').where('member_id', '=', memberId).execute(),
  ]);
  if (shown.length === 0 && hidden.length === 0) return undefined;
  // Only the last day counts: a count for a campaign last shown earlier is that day's.
  const day = shown.reduce((latest, r) => (r.day > latest ? r.day : latest), '');
  const today: Record<string, number> = {};
  for (const r of shown) if (r.day === day) today[r.campaign_id] = (today[r.campaign_id] ?? 0) + Number(r.n);
  return { day, shown: today, hidden: hidden.map((r) => r.campaign_id).sort() };
}

/** A member shown nothing and hiding nothing yet. */
const NO_VIEWER: Viewer = { day: '', shown: {}, hidden: [] };

/** The day's count after one more impression on `day`; an earlier day's late one changes nothing. */
function shownOn(viewer: Viewer | undefined, day: string, campaignId: string): Viewer {
  const current = viewer ?? NO_VIEWER;
  if (day < current.day) return current;
  const shown = day === current.day ? current.shown : {};
  return { ...current, day, shown: { ...shown, [campaignId]: (shown[campaignId] ?? 0) + 1 } };
}

export function adsMemory(ctx: ModuleContext<AdsTables>): AdsMemory {
  const memory: AdsMemory = {
    campaigns: ctx.view<Campaign>({
      name: 'campaigns',
      load: (id) => campaignOf(ctx.db, id),
      warm: async () => (await campaignsIn(ctx.db)).map((c) => [c.campaignId, c] as const),
    }),
    spend: ctx.view<Spend>({ name: 'spend', load: (id) => spendOf(ctx.db, id) }),
    viewers: ctx.view<Viewer>({ name: 'viewers', load: (id) => viewerOf(ctx.db, id) }),
    audience: ctx.view<Audience>({ name: 'audience', load: (id) => audienceOf(ctx.db, id) }),
  };
  memory.campaigns
    .on(CampaignCreated, ({ payload: { campaignId, terms }, occurredAt }, changes) =>
      changes.set(campaignId, { campaignId, status: 'active', terms: asKept(terms), createdAt: occurredAt }),
    )
    .on(CampaignEdited, ({ payload: { campaignId, terms } }, changes) =>
      changes.update(campaignId, (c) => c && { ...c, terms: asKept(terms) }),
    )
    .on(CampaignStatusChanged, ({ payload: { campaignId, status } }, changes) =>
      changes.update(campaignId, (c) => c && { ...c, status }),
    );
  const spent = (changes: ViewChanges<Spend>, campaignId: string, day: string, n = 1) =>
    changes.update(campaignId, (s) => {
      const byDay = s?.byDay ?? {};
      return { impressions: (s?.impressions ?? 0) + n, byDay: { ...byDay, [day]: (byDay[day] ?? 0) + n } };
    });
  memory.spend
    .on(AdsShown, ({ payload: { impressions }, occurredAt }, changes) => {
      // A batch mostly shows the same few campaigns: one change each, not one per impression.
      const shown = new Map<string, number>();
      for (const { campaignId } of impressions) shown.set(campaignId, (shown.get(campaignId) ?? 0) + 1);
      for (const [campaignId, n] of shown) spent(changes, campaignId, dayOf(occurredAt), n);
    })
    .on(AdShown, ({ payload: { campaignId }, occurredAt }, changes) =>
      spent(changes, campaignId, dayOf(occurredAt)),
    );
  memory.viewers
    .on(AdsShown, ({ payload: { impressions }, occurredAt }, changes) => {
      for (const { memberId, campaignId } of impressions)
        changes.update(memberId, (v) => shownOn(v, dayOf(occurredAt), campaignId));
    })
    .on(AdShown, ({ payload: { memberId, campaignId }, occurredAt }, changes) =>
      changes.update(memberId, (v) => shownOn(v, dayOf(occurredAt), campaignId)),
    )
    .on(AdHidden, ({ payload: { memberId, campaignId } }, changes) =>
      changes.update(memberId, (v) => {
        const current = v ?? NO_VIEWER;
        if (current.hidden.includes(campaignId)) return current;
        return { ...current, hidden: [...current.hidden, campaignId].sort() };
      }),
    );
  forgetInView(memory.viewers);
  // Targeting's facts change seldom: the entry is read again from the tables when next asked.
  for (const changed of [AccountCreated, RegistrationApproved, CityChanged, InterestAdded, InterestRemoved])
    memory.audience.on(changed, ({ payload: { memberId } }, changes) => changes.forget(memberId));
  forgetInView(memory.audience);
  return memory;
}
