import type { ModuleDatabase } from '../db/storage.ts';
import type { ModuleChannel } from './delivery.ts';

/**
 * The right to erasure outranks the log's being append-only: when a member deletes their
 * account, every event that names them (as its actor or anywhere in its payload) leaves
 * the log, so neither a reader of the log nor a rebuild ever sees their data again.
 * Consumers read the log by position and skip the gaps; a rebuild replays what is left,
 * which is what every module holds after honouring the deletion.
 *
 * Events of the types modules keep (`keepInLog`: what another member keeps, such as the
 * messages of a conversation) stay instead, with the member's id replaced by their
 * pseudonym, in the payload and as the actor: a rebuild gives the other member the same
 * conversation under the same pseudonym.
 *
 * The erasure is asked for (kept in the log's database, so a crash does not lose it) and
 * done once every consumer has applied every event it takes up to the deletion: a module
 * that was behind must still see, say, a message the member sent before.
 *
 * `keep` is the deletion event itself: it names only ids that no longer lead anywhere,
 * and modules must read it to forget what they hold.
 */
export interface ErasureRequest {
  memberId: string;
  pseudonym: string;
  keep: string;
}

// Member ids are UUIDs (letters, digits and '-'), so they carry no LIKE wildcards.
const ID = /^[0-9A-Za-z-]+$/;

export async function requestErasure(
  log: ModuleDatabase,
  request: ErasureRequest,
  at: string,
): Promise<void> {
  const { memberId, pseudonym, keep } = request;
  for (const id of [memberId, pseudonym]) if (!ID.test(id)) throw new Error(`not a member id: ${id}`);
  await log.db
    .insertInto('erasures')
    .values({ member_id: memberId, pseudonym, keep, requested_at: at })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .execute();
}

/** Erases what every consumer is done with; returns how many events went. */
export async function eraseWhenApplied(
  log: ModuleDatabase,
  channels: readonly ModuleChannel[],
  kept: ReadonlySet<string>,
): Promise<number> {
  const requests = (await log.db
    .selectFrom('erasures')
    .select(['member_id', 'pseudonym', 'keep'])
    .execute()) as Array<{
    member_id: string;
    pseudonym: string;
    keep: string;
  }>;
  let erased = 0;
  for (const { member_id: memberId, pseudonym, keep } of requests) {
    const deletion = await log.db
      .selectFrom('events')
      .select('position')
      .where('id', '=', keep)
      .executeTakeFirst();
    if (!deletion || !(await everyoneApplied(log, channels, Number(deletion.position)))) continue;
    // The match scans the log: deletions are rare, and this runs in delivery, not in a request.
    const naming = () =>
      log.db
        .selectFrom('events')
        .select('id')
        .where('id', '<>', keep)
        .where((eb) => eb.or([eb('actor_id', '=', memberId), eb('payload', 'like', `%${memberId}%`)]));
    if (kept.size > 0) {
      await log.db
        .updateTable('events')
        .set((eb) => ({
          payload: eb.fn<string>('replace', [eb.ref('payload'), eb.val(memberId), eb.val(pseudonym)]),
          actor_id: eb.case().when('actor_id', '=', memberId).then(pseudonym).else(eb.ref('actor_id')).end(),
        }))
        .where('id', 'in', naming().where('type', 'in', [...kept]))
        .execute();
    }
    const result = await log.db.deleteFrom('events').where('id', 'in', naming()).executeTakeFirst();
    await log.db.deleteFrom('erasures').where('member_id', '=', memberId).execute();
    erased += Number(result.numDeletedRows);
  }
  return erased;
}

async function everyoneApplied(
  log: ModuleDatabase,
  channels: readonly ModuleChannel[],
  upTo: number,
): Promise<boolean> {
  for (const channel of channels) {
    if (channel.subscriptions.size === 0) continue;
    const pending = await log.db
      .selectFrom('events')
      .select('id')
      .where('position', '>', await channel.checkpoint())
      .where('position', '<=', upTo)
      .where('type', 'in', [...channel.subscriptions.keys()])
      .limit(1)
      .executeTakeFirst();
    if (pending) return false;
  }
  return true;
}
