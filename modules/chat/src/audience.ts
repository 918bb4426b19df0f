import { sql } from 'kysely';
import { ageIn, integer, text, type Migration, type ModuleContext, type View } from '@meetcute/core';
import { forgetInView } from '@meetcute/auth/events';
import { CityChanged, LookingForChanged, RegistrationApproved } from '@meetcute/registration/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { FavouriteAdded, FavouriteRemoved } from '@meetcute/favourites/events';
import { ChatAudienceChosen, type ChatAudience } from './events.ts';
import type { ChatDb, ChatTables } from './store.ts';

/**
 * What chat needs to decide who may start a conversation, learnt from events into its
 * own tables (it never reads the registration, flirt or favourites tables):
 * - `chat_audiences`: each member's choice (no row: everyone);
 * - `chat_seekers`: each approved member's gender, birthday and the genders and ages they look for;
 * - `chat_contacts`: whom a member flirted with (ever) or has among their favourites (now).
 */
export const audienceMigration: Migration = {
  name: '0002_chat_audience',
  async up(db) {
    await sql`create table chat_audiences (
      member_id text primary key,
      audience text not null
    )`.execute(db);
    await sql`create table chat_seekers (
      member_id text primary key,
      gender text not null,
      birthday text not null,
      time_zone text not null,
      genders text not null,
      min_age integer not null,
      max_age integer not null
    )`.execute(db);
    await sql`create table chat_contacts (
      member_id text not null,
      other_id text not null,
      flirted integer not null,
      favourite integer not null,
      primary key (member_id, other_id)
    )`.execute(db);
  },
};

/** The tables audienceMigration makes, for the module's declaration (store.ts). */
export const audienceTables = {
  /** A member's choice of who may start a conversation with them. */
  chat_audiences: { member_id: text(), audience: text<ChatAudience>() },
  /** An approved member's gender, birthday and the genders (JSON) and ages they look for. */
  chat_seekers: {
    member_id: text(),
    gender: text(),
    birthday: text(),
    time_zone: text(),
    genders: text(),
    min_age: integer(),
    max_age: integer(),
  },
  /** Whether `member_id` ever flirted with `other_id` (1) and has them among their favourites now (1). */
  chat_contacts: {
    member_id: text(),
    other_id: text(),
    flirted: integer<0 | 1>(),
    favourite: integer<0 | 1>(),
  },
};

export const audienceProjections = ['chat_audiences', 'chat_seekers', 'chat_contacts'];
export const audienceConsumes = [
  RegistrationApproved,
  CityChanged,
  LookingForChanged,
  FlirtSent,
  FavouriteAdded,
  FavouriteRemoved,
];

async function contact(
  db: ChatDb,
  memberId: string,
  otherId: string,
  set: { flirted?: 1; favourite?: 0 | 1 },
) {
  await db
    .insertInto('chat_contacts')
    .values({
      member_id: memberId,
      other_id: otherId,
      flirted: set.flirted ?? 0,
      favourite: set.favourite ?? 0,
    })
    .onConflict((oc) => oc.columns(['member_id', 'other_id']).doUpdateSet(set))
    .execute();
}

export function projectAudience(ctx: ModuleContext<ChatTables>): void {
  ctx.on(ChatAudienceChosen, async (e, tx) => {
    const { memberId, audience } = e.payload;
    await tx.db
      .insertInto('chat_audiences')
      .values({ member_id: memberId, audience })
      .onConflict((oc) => oc.column('member_id').doUpdateSet({ audience }))
      .execute();
  });
  ctx.on(RegistrationApproved, async (e, tx) => {
    const a = e.payload.application;
    const row = {
      gender: a.gender,
      birthday: a.birthday,
      time_zone: a.city.timeZone,
      genders: JSON.stringify(a.lookingFor.genders),
      min_age: a.lookingFor.minAge,
      max_age: a.lookingFor.maxAge,
    };
    // A later approval carries the application as it now stands.
    await tx.db
      .insertInto('chat_seekers')
      .values({ member_id: e.payload.memberId, ...row })
      .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
      .execute();
  });
  // Ages are counted where a member lives; "who fits whom" follows whom they look for now.
  ctx.on(CityChanged, async (e, tx) => {
    await tx.db
      .updateTable('chat_seekers')
      .set({ time_zone: e.payload.city.timeZone })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(LookingForChanged, async (e, tx) => {
    const l = e.payload.lookingFor;
    await tx.db
      .updateTable('chat_seekers')
      .set({ genders: JSON.stringify(l.genders), min_age: l.minAge, max_age: l.maxAge })
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(FlirtSent, async (e, tx) =>
    contact(tx.db, e.payload.senderId, e.payload.recipientId, { flirted: 1 }),
  );
  ctx.on(FavouriteAdded, async (e, tx) =>
    contact(tx.db, e.payload.memberId, e.payload.favouriteId, { favourite: 1 }),
  );
  ctx.on(FavouriteRemoved, async (e, tx) =>
    contact(tx.db, e.payload.memberId, e.payload.favouriteId, { favourite: 0 }),
  );
}

/** A choice that keeps someone out: every other member lets everyone write. */
export type Narrowed = Exclude<ChatAudience, 'everyone'>;

/** The narrowed choices of these members; those who let everyone write are not in the map. */
export type ChoicesOf = (memberIds: readonly string[]) => Promise<Map<string, Narrowed>>;

/** The narrowed choices as the tables hold them: of these members, or of everyone. */
async function narrowedChoices(db: ChatDb, memberIds?: readonly string[]): Promise<Map<string, Narrowed>> {
  let query = db
    .selectFrom('chat_audiences')
    .select(['member_id', 'audience'])
    .where('audience', '!=', 'everyone');
  if (memberIds) query = query.where('member_id', 'in', memberIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.member_id, r.audience as Narrowed]));
}

/** The choices as the tables hold them (inside a transaction: as it sees them). */
export function choicesIn(db: ChatDb): ChoicesOf {
  return (memberIds) => narrowedChoices(db, memberIds);
}

/**
 * The narrowed choices in memory, every one of them (few members narrow): each card's
 * Message button asks, for a page of cards at a time. Changed by the event that changes
 * `chat_audiences`; a deleted member's goes with them.
 */
export function choicesView(ctx: ModuleContext<ChatTables>): View<Narrowed> {
  const view = ctx.view<Narrowed>({
    name: 'audiences',
    load: async (memberId) => (await narrowedChoices(ctx.db, [memberId])).get(memberId),
    warm: () => narrowedChoices(ctx.db),
  });
  view.on(ChatAudienceChosen, ({ payload: { memberId, audience } }, changes) =>
    changes.set(memberId, audience === 'everyone' ? undefined : audience),
  );
  forgetInView(view);
  return view;
}

/** The member's choice; everyone until they choose. */
export async function audienceOf(db: ChatDb, memberId: string): Promise<ChatAudience> {
  const row = await db
    .selectFrom('chat_audiences')
    .select('audience')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.audience ?? 'everyone';
}

interface SeekerRow {
  gender: string;
  birthday: string;
  time_zone: string;
  genders: string;
  min_age: number | string;
  max_age: number | string;
}

/** Does `other` have the gender and today's age that `wants` looks for? (Distance does not count here.) */
export function withinPreferences(wants: SeekerRow, other: SeekerRow, now: Date): boolean {
  const genders = JSON.parse(wants.genders) as string[];
  if (!genders.includes(other.gender)) return false;
  const age = ageIn(other.time_zone, other.birthday, now);
  return age >= Number(wants.min_age) && age <= Number(wants.max_age);
}

/**
 * Whether `senderId` may start a conversation with `recipientId`: null if so, else the
 * recipient's choice that keeps them out. Only for a first message: once a conversation
 * exists, both go on writing whatever either chooses later.
 */
export async function refusedBy(
  db: ChatDb,
  senderId: string,
  recipientId: string,
  now: Date,
): Promise<Exclude<ChatAudience, 'everyone'> | null> {
  return (await refusedByEach(db, senderId, [recipientId], now)).get(recipientId) ?? null;
}

/**
 * refusedBy for many recipients at once (the message buttons on a page of cards), in at
 * most three queries however many there are: the recipients whose choice keeps the
 * sender out, with that choice; the others are not in the map.
 */
export async function refusedByEach(
  db: ChatDb,
  senderId: string,
  recipientIds: readonly string[],
  now: Date,
  choicesOf: ChoicesOf = choicesIn(db),
): Promise<Map<string, Exclude<ChatAudience, 'everyone'>>> {
  const keptOut = new Map<string, Exclude<ChatAudience, 'everyone'>>();
  if (recipientIds.length === 0) return keptOut;
  const choices = await choicesOf(recipientIds);
  const choosing = (audience: ChatAudience) =>
    [...choices].filter(([, chosen]) => chosen === audience).map(([memberId]) => memberId);
  const [byPreferences, byContacts] = [choosing('preferences'), choosing('contacts')];
  const [seekers, contacts] = await Promise.all([
    byPreferences.length === 0
      ? []
      : db
          .selectFrom('chat_seekers')
          .selectAll()
          .where('member_id', 'in', [senderId, ...byPreferences])
          .execute(),
    byContacts.length === 0
      ? []
      : db
          .selectFrom('chat_contacts')
          .select(['member_id', 'flirted', 'favourite'])
          .where('member_id', 'in', byContacts)
          .where('other_id', '=', senderId)
          .execute(),
  ]);
  const seekerOf = new Map(seekers.map((row) => [row.member_id, row]));
  const sender = seekerOf.get(senderId);
  for (const recipientId of byPreferences) {
    const wants = seekerOf.get(recipientId);
    if (!(wants && sender && withinPreferences(wants, sender, now))) keptOut.set(recipientId, 'preferences');
  }
  const known = new Set(
    contacts.filter((c) => Number(c.flirted) === 1 || Number(c.favourite) === 1).map((c) => c.member_id),
  );
  for (const recipientId of byContacts) if (!known.has(recipientId)) keptOut.set(recipientId, 'contacts');
  return keptOut;
}
