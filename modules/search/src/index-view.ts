import { MemberDeleted } from '@meetcute/auth/events';
import type { EventDefinition, ModuleContext, PayloadOf, View, ViewChanges } from '@meetcute/core';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { InterestAdded, InterestRemoved } from '@meetcute/interests/events';
import { RegistrationApproved } from '@meetcute/registration/events';
import { changeEvents } from './store.ts';
import { ProfilePropertiesChanged, type Properties } from '@meetcute/profile/events';
import { readProperties } from './properties.ts';
import { PhotoApproved, PhotoDeleted, PhotoUploaded, PortraitChosen } from '@meetcute/photos/events';
import { toMember, type Approved, type Member, type SearchDb, type SearchTables } from './store.ts';

/** A searchable member with everything a search checks, so a search reads no table. */
export interface Searchable extends Member {
  /** Alphabetically, as the API lists them. */
  interests: string[];
  /** An approved portrait: what "has photo" means (see README). */
  hasPhoto: boolean;
  /** What they tell of the profile properties, if anything. */
  properties?: Properties | undefined;
}

/**
 * Reads searchable members from the tables: the ones named, or every one. The same read
 * fills the index at start and answers its audit, so memory and tables cannot drift
 * apart unnoticed.
 */
async function readSearchable(db: SearchDb, ids?: readonly string[]): Promise<Map<string, Searchable>> {
  const found = new Map<string, Searchable>();
  if (ids?.length === 0) return found;
  let members = db
    .selectFrom('searchable_members')
    .selectAll()
    .where('approved_at', 'is not', null)
    .$narrowType<Approved>();
  let tags = db.selectFrom('member_interests').select(['member_id', 'tag']);
  let portraits = db
    .selectFrom('member_photos')
    .select('member_id')
    .where('portrait', '=', 1)
    .where('approved', '=', 1);
  if (ids) {
    members = members.where('member_id', 'in', ids);
    tags = tags.where('member_id', 'in', ids);
    portraits = portraits.where('member_id', 'in', ids);
  }
  for (const row of await members.execute()) {
    found.set(row.member_id, { ...toMember(row), interests: [], hasPhoto: false });
  }
  for (const row of await tags.execute()) {
    found.get(row.member_id)?.interests.push(row.tag);
  }
  for (const row of await portraits.execute()) {
    const member = found.get(row.member_id);
    if (member) member.hasPhoto = true;
  }
  for (const [memberId, properties] of await readProperties(db, ids)) {
    const member = found.get(memberId);
    if (member) member.properties = properties;
  }
  // Sorted here, not by SQL: PostgreSQL's collation and SQLite's byte order differ.
  for (const member of found.values()) member.interests.sort();
  return found;
}

/**
 * Keeps the member's entry as the tables now hold it. View handlers run after the
 * module's own in the same transaction, so reading through `tx.db` sees this event's
 * writes; the entry changes when the transaction commits.
 */
async function reread(db: SearchDb, changes: ViewChanges<Searchable>, memberId: string): Promise<void> {
  changes.set(memberId, (await readSearchable(db, [memberId])).get(memberId));
}

/** Someone acted: the later of the two times is their "last active", as `touch` keeps it. */
function touched(changes: ViewChanges<Searchable>, memberId: string | null, at: string): void {
  if (!memberId) return;
  changes.update(memberId, (m) => m && (m.lastActiveAt < at ? { ...m, lastActiveAt: at } : m));
}

/**
 * Every approved member, in memory, changed by the events that change the tables. A
 * search runs over it in one pass instead of a query per page. Up to `budget` members
 * it holds them all; past that the view holds only some and search asks its tables,
 * which answer the same (the search tests compare the two).
 */
export function searchIndex(ctx: ModuleContext<SearchTables>, budget = 250_000): View<Searchable> {
  const index = ctx.view<Searchable>({
    name: 'searchable',
    load: async (memberId) => (await readSearchable(ctx.db, [memberId])).get(memberId),
    warm: async () => (await readSearchable(ctx.db)).entries(),
    budget,
  });
  // Each of these changes what the tables hold for one member: read it again.
  const rereadOn = <D extends EventDefinition>(definition: D, memberOf: (payload: PayloadOf<D>) => string) =>
    index.on(definition, async (e, changes, tx) => {
      await reread(tx.db, changes, memberOf(e.payload));
      touched(changes, e.actorId, e.occurredAt);
    });
  rereadOn(RegistrationApproved, (p) => p.memberId);
  for (const definition of changeEvents) rereadOn(definition, (p) => p.memberId);
  rereadOn(InterestAdded, (p) => p.memberId);
  rereadOn(ProfilePropertiesChanged, (p) => p.memberId);
  rereadOn(InterestRemoved, (p) => p.memberId);
  rereadOn(PortraitChosen, (p) => p.memberId);
  for (const definition of [PhotoUploaded, PhotoApproved, PhotoDeleted])
    rereadOn(definition, (p) => p.ownerId);
  // The busiest: only "last active" moves, so nothing is read.
  for (const definition of [FlirtSent, FavouriteAdded]) {
    index.on(definition, (e, changes) => touched(changes, e.actorId, e.occurredAt));
  }
  index.on(MemberDeleted, (e, changes) => changes.set(e.payload.memberId, undefined));
  return index;
}
