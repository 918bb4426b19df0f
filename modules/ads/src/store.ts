import { sql, type Kysely, type Transaction } from 'kysely';
import {
  integer,
  prepared,
  preparedInsert,
  real,
  text,
  type Migration,
  type ModuleContext,
  type TablesOf,
} from '@meetcute/core';
import { AccountCreated, CityChanged, RegistrationApproved } from '@meetcute/registration/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import {
  AdClicked,
  AdHidden,
  AdShown,
  AdsShown,
  type Impression,
  CampaignCreated,
  CampaignEdited,
  CampaignStatusChanged,
  CreativeImageUploaded,
  type CampaignStatus,
  type CreativeImage,
  type HideReason,
} from './events.ts';
import { dayOf, type Audience } from './rules.ts';

export const tables = {
  /** A campaign: its status and its terms as the operator last saved them (JSON). */
  campaigns: { campaign_id: text(), status: text<CampaignStatus>(), terms: text(), created_at: text() },
  /** What targeting reads of an approved member. */
  audience: {
    member_id: text(),
    gender: text<Audience['gender']>(),
    birthday: text(),
    country: text(),
    latitude: real(),
    longitude: real(),
  },
  /** The language a member signed up in. */
  languages: { member_id: text(), language: text() },
  /** A member's interests (tags as the interests module normalised them). */
  member_interests: { member_id: text(), tag: text() },
  /** One row per impression (AdsShown, or AdShown in older logs). */
  impressions: {
    impression_id: text(),
    campaign_id: text(),
    creative_id: text(),
    member_id: text(),
    placement: text(),
    day: text(),
    shown_at: text(),
  },
  /**
   * What each member was shown of each campaign on the last day they were shown it
   * (frequency caps), counted from `recent_impressions` in bulk (`countRecent`).
   */
  shown_counts: { member_id: text(), campaign_id: text(), day: text(), shown: integer() },
  /** Impressions not yet counted into `shown_counts`: appended to, then emptied in bulk. */
  recent_impressions: { member_id: text(), campaign_id: text(), day: text() },
  /** The first click on an impression (AdClicked). */
  clicks: { impression_id: text(), campaign_id: text(), member_id: text(), day: text(), clicked_at: text() },
  /** Campaigns a member hid, and why. */
  hidden: { member_id: text(), campaign_id: text(), reason: text<HideReason>(), hidden_at: text() },
  /** Pictures uploaded for creatives (CreativeImageUploaded): the only images terms may name. */
  creative_images: { image_id: text(), width: integer(), height: integer(), uploaded_at: text() },
};
type Tables = TablesOf<typeof tables>;
export type AdsTables = Tables;
export type AdsDb = Kysely<Tables> | Transaction<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_ads',
    async up(db) {
      await sql`create table campaigns (
        campaign_id text primary key,
        status text not null,
        terms text not null,
        created_at text not null
      )`.execute(db);
      // Coordinates as double precision: PostgreSQL's `real` would move a place by metres.
      await sql`create table audience (
        member_id text primary key,
        gender text not null,
        birthday text not null,
        country text not null,
        latitude double precision not null,
        longitude double precision not null
      )`.execute(db);
      await sql`create table languages (member_id text primary key, language text not null)`.execute(db);
      await sql`create table impressions (
        impression_id text primary key,
        campaign_id text not null,
        creative_id text not null,
        member_id text not null,
        placement text not null,
        day text not null,
        shown_at text not null
      )`.execute(db);
      // Budgets and daily caps count by campaign and day; frequency caps by member and day.
      await sql`create index impressions_by_campaign on impressions (campaign_id, day)`.execute(db);
      // Frequency caps read by member: see 0004, which replaced this index.
      await sql`create index impressions_by_member on impressions (member_id, day)`.execute(db);
      await sql`create table clicks (
        impression_id text primary key,
        campaign_id text not null,
        member_id text not null,
        day text not null,
        clicked_at text not null
      )`.execute(db);
      await sql`create index clicks_by_campaign on clicks (campaign_id, day)`.execute(db);
      await sql`create table hidden (
        member_id text not null,
        campaign_id text not null,
        reason text not null,
        hidden_at text not null,
        primary key (member_id, campaign_id)
      )`.execute(db);
    },
  },
  {
    name: '0002_member_interests',
    async up(db) {
      await sql`create table member_interests (member_id text not null, tag text not null, primary key (member_id, tag))`.execute(
        db,
      );
    },
  },
  {
    name: '0003_creative_images',
    async up(db) {
      await sql`create table creative_images (
        image_id text primary key,
        width integer not null,
        height integer not null,
        uploaded_at text not null
      )`.execute(db);
    },
  },
  {
    // An index by member put every impression at a random place in it: one more page
    // written to the log per impression, which cost more than the rest of the page view.
    // What frequency caps read by member is now counted in bulk (`countRecent`).
    name: '0004_shown_counts',
    async up(db) {
      await sql`create table shown_counts (
        member_id text not null,
        campaign_id text not null,
        day text not null,
        shown integer not null,
        primary key (member_id, campaign_id)
      )`.execute(db);
      await sql`create table recent_impressions (
        member_id text not null,
        campaign_id text not null,
        day text not null
      )`.execute(db);
      await sql`insert into shown_counts (member_id, campaign_id, day, shown)
        select i.member_id, i.campaign_id, i.day, count(*) from impressions i
        where i.day = (
          select max(j.day) from impressions j
          where j.member_id = i.member_id and j.campaign_id = i.campaign_id
        )
        group by i.member_id, i.campaign_id, i.day`.execute(db);
      await sql`drop index impressions_by_member`.execute(db);
    },
  },
];

export const projections = [
  'campaigns',
  'audience',
  'languages',
  'member_interests',
  'impressions',
  'shown_counts',
  'recent_impressions',
  'clicks',
  'hidden',
  'creative_images',
];

export function project(ctx: ModuleContext<Tables>): void {
  projectMembers(ctx);
  ctx.on(CampaignCreated, async (e, tx) => {
    await tx.db
      .insertInto('campaigns')
      .values({
        campaign_id: e.payload.campaignId,
        status: 'active',
        terms: JSON.stringify(e.payload.terms),
        created_at: e.occurredAt,
      })
      .onConflict((oc) => oc.column('campaign_id').doNothing())
      .execute();
  });
  ctx.on(CampaignEdited, async (e, tx) => {
    await tx.db
      .updateTable('campaigns')
      .set({ terms: JSON.stringify(e.payload.terms) })
      .where('campaign_id', '=', e.payload.campaignId)
      .execute();
  });
  ctx.on(CampaignStatusChanged, async (e, tx) => {
    await tx.db
      .updateTable('campaigns')
      .set({ status: e.payload.status })
      .where('campaign_id', '=', e.payload.campaignId)
      .execute();
  });
  ctx.on(CreativeImageUploaded, async (e, tx) => {
    const { imageId, width, height } = e.payload;
    await tx.db
      .insertInto('creative_images')
      .values({ image_id: imageId, width, height, uploaded_at: e.occurredAt })
      .onConflict((oc) => oc.column('image_id').doNothing())
      .execute();
  });
  projectCounts(ctx);
}

/** Uploaded images by id, as creatives show them; an id never uploaded is left out. */
export async function imagesIn(db: AdsDb, imageIds: readonly string[]): Promise<Map<string, CreativeImage>> {
  if (imageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('creative_images')
    .select(['image_id', 'width', 'height'])
    .where('image_id', 'in', imageIds)
    .execute();
  return new Map(
    rows.map((r) => [r.image_id, { imageId: r.image_id, width: Number(r.width), height: Number(r.height) }]),
  );
}

/** Rows per insert: well under SQLite's 32,766 parameters at seven a row. */
const ROWS_PER_INSERT = 1000;

/** Recent impressions are counted into `shown_counts` once there are this many (see `countRecent`). */
export const COUNT_RECENT_AT = 1000;

// Every page that shows an ad adds a row here: the insert is compiled once per row count (core's preparedInsert).
const insertImpressionRows = preparedInsert<{ member_id: string; campaign_id: string; day: string }>(
  'impressions',
  ['impression_id', 'campaign_id', 'creative_id', 'member_id', 'placement', 'day', 'shown_at'],
  (query) =>
    query
      .onConflict((oc) => oc.column('impression_id').doNothing())
      .returning(['member_id', 'campaign_id', 'day']),
);
const insertRecentRows = preparedInsert('recent_impressions', ['member_id', 'campaign_id', 'day']);

/**
 * Impressions shown at one moment, as rows (a replay of the same event adds none), and
 * as recent impressions of their members, counted into `shown_counts` in bulk.
 */
async function insertImpressions(db: AdsDb, shown: readonly Impression[], at: string): Promise<void> {
  const day = dayOf(at);
  for (let from = 0; from < shown.length; from += ROWS_PER_INSERT) {
    const inserted = await insertImpressionRows(
      db,
      shown
        .slice(from, from + ROWS_PER_INSERT)
        .map((p) => [p.impressionId, p.campaignId, p.creativeId, p.memberId, p.placement, day, at]),
    );
    await insertRecentRows(
      db,
      inserted.map((r) => [r.member_id, r.campaign_id, r.day]),
    );
  }
  // The table's own count decides, not a counter in memory: a rebuild moves the same rows at
  // the same events, and on PostgreSQL every node sees the count its moves share.
  const [recent] = await countOfRecent(db);
  if (Number(recent?.n ?? 0) >= COUNT_RECENT_AT) await countRecent(db);
}

const countOfRecent = prepared((db: Kysely<Tables>) =>
  db.selectFrom('recent_impressions').select((eb) => eb.fn.countAll<number | string>().as('n')),
);

// A member's count for a campaign follows its latest day: a later day starts it again, an
// earlier day's late impression leaves it (as the viewers view counts, memory.ts).
const upsertShownRows = preparedInsert(
  'shown_counts',
  ['member_id', 'campaign_id', 'day', 'shown'],
  (query) =>
    query.onConflict((oc) =>
      oc.columns(['member_id', 'campaign_id']).doUpdateSet({
        day: sql`case when excluded.day > shown_counts.day then excluded.day else shown_counts.day end`,
        shown: sql`case when excluded.day = shown_counts.day then shown_counts.shown + excluded.shown
        when excluded.day > shown_counts.day then excluded.shown else shown_counts.shown end`,
      }),
    ),
);

/**
 * Moves the recent impressions into `shown_counts`, in the caller's transaction: one row
 * per member and campaign, in key order, so a thousand impressions cost the few pages
 * their members' counts are on rather than a page each. The rows moved are the ones the
 * delete took, so a transaction counting at the same moment (PostgreSQL) counts others.
 */
export async function countRecent(db: AdsDb): Promise<void> {
  const taken = await db
    .deleteFrom('recent_impressions')
    .returning(['member_id', 'campaign_id', 'day'])
    .execute();
  const latest = new Map<string, { memberId: string; campaignId: string; day: string; shown: number }>();
  for (const { member_id: memberId, campaign_id: campaignId, day } of taken) {
    const key = `${memberId}\u0000${campaignId}`;
    const count = latest.get(key);
    if (!count || day > count.day) latest.set(key, { memberId, campaignId, day, shown: 1 });
    else if (day === count.day) count.shown++;
  }
  const rows = [...latest.values()]
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
    .map((c) => [c.memberId, c.campaignId, c.day, c.shown]);
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT)
    await upsertShownRows(db, rows.slice(from, from + ROWS_PER_INSERT));
}

function projectCounts(ctx: ModuleContext<Tables>): void {
  ctx.on(AdsShown, (e, tx) => insertImpressions(tx.db, e.payload.impressions, e.occurredAt));
  ctx.on(AdShown, (e, tx) => insertImpressions(tx.db, [e.payload], e.occurredAt));
  ctx.on(AdClicked, async (e, tx) => {
    const p = e.payload;
    await tx.db
      .insertInto('clicks')
      .values({
        impression_id: p.impressionId,
        campaign_id: p.campaignId,
        member_id: p.memberId,
        day: dayOf(e.occurredAt),
        clicked_at: e.occurredAt,
      })
      .onConflict((oc) => oc.column('impression_id').doNothing())
      .execute();
  });
  ctx.on(AdHidden, async (e, tx) => {
    const p = e.payload;
    await tx.db
      .insertInto('hidden')
      .values({ member_id: p.memberId, campaign_id: p.campaignId, reason: p.reason, hidden_at: e.occurredAt })
      .onConflict((oc) => oc.columns(['member_id', 'campaign_id']).doNothing())
      .execute();
  });
}

/** Targeting's facts about members: from registration's events, never from its tables. */
function projectMembers(ctx: ModuleContext<Tables>): void {
  ctx.on(AccountCreated, async (e, tx) => {
    const { memberId, language } = e.payload;
    if (language === undefined) return;
    await tx.db
      .insertInto('languages')
      .values({ member_id: memberId, language })
      .onConflict((oc) => oc.column('member_id').doUpdateSet({ language }))
      .execute();
  });
  ctx.on(RegistrationApproved, async (e, tx) => {
    const { memberId, application: a } = e.payload;
    const facts = {
      gender: a.gender,
      birthday: a.birthday,
      country: a.city.country,
      latitude: a.city.latitude,
      longitude: a.city.longitude,
    };
    await tx.db
      .insertInto('audience')
      .values({ member_id: memberId, ...facts })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(facts))
      .execute();
  });
  ctx.on(InterestAdded, async (e, tx) => {
    const { memberId, tag } = e.payload;
    await tx.db
      .insertInto('member_interests')
      .values({ member_id: memberId, tag })
      .onConflict((oc) => oc.columns(['member_id', 'tag']).doNothing())
      .execute();
  });
  ctx.on(InterestRemoved, async (e, tx) => {
    const { memberId, tag } = e.payload;
    await tx.db
      .deleteFrom('member_interests')
      .where('member_id', '=', memberId)
      .where('tag', '=', tag)
      .execute();
  });
  ctx.on(CityChanged, async (e, tx) => {
    const { memberId, city } = e.payload;
    await tx.db
      .updateTable('audience')
      .set({ country: city.country, latitude: city.latitude, longitude: city.longitude })
      .where('member_id', '=', memberId)
      .execute();
  });
}
