import type { ModuleDatabase } from '../db/storage.ts';

/**
 * The right to erasure outranks the log's being append-only: when a member deletes their
 * account, every event that names them (as its actor or anywhere in its payload) leaves
 * the log, so neither a reader of the log nor a rebuild ever sees their data again.
 * Consumers read the log by position and skip the gaps; a rebuild replays what is left,
 * which is what every module holds after honouring the deletion.
 *
 * `keep` is the deletion event itself: it names only an id that no longer leads anywhere,
 * and modules still behind it must read it to forget what they hold.
 *
 * Member ids are UUIDs (letters, digits and '-'), so they carry no LIKE wildcards. The
 * match scans the log: deletions are rare, and it runs in a consumer, not a request.
 */
export async function eraseMemberFromLog(
  log: ModuleDatabase,
  memberId: string,
  keep: string,
): Promise<number> {
  if (!/^[0-9A-Za-z-]+$/.test(memberId)) throw new Error(`not a member id: ${memberId}`);
  const result = await log.db
    .deleteFrom('events')
    .where('id', '<>', keep)
    .where((eb) => eb.or([eb('actor_id', '=', memberId), eb('payload', 'like', `%${memberId}%`)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
