// The thread that copies SQLite's write-ahead logs back into their databases (see
// checkpoints.ts). It holds a connection of its own to each file it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

export type CheckpointMessage = { add: string } | { close: true };

const port = parentPort!;
/** Each file's connection and its passive checkpoint, prepared once. */
const files = new Map<string, { db: DatabaseSync; passive: StatementSync }>();
const { everyMs, restartFrames } = workerData as { everyMs: number; restartFrames: number };

function checkpoint(): void {
  for (const [path, { db, passive: checkpointPassive }] of files) {
    try {
      // PASSIVE copies what no reader still needs and never waits for a writer or a reader.
      const [passive] = checkpointPassive.all() as Array<{ log: number }>;
      // Under steady writes the log never starts over by itself: a writer restarts it only
      // when everything was copied before its transaction began, and a commit always lands
      // during the copy. RESTART holds writers back for the few frames left (a commit waits
      // a moment, where it used to copy them all) so the next one starts the log anew.
      if ((passive?.log ?? 0) >= restartFrames) db.exec('PRAGMA wal_checkpoint(RESTART)');
    } catch (error) {
      // A file removed under us (a test's directory going) or busy: the next round tries again.
      if (error instanceof Error && /no such|unable to open|disk I\/O/i.test(error.message)) {
        db.close();
        files.delete(path);
      }
    }
  }
}

const timer = setInterval(checkpoint, everyMs);

port.on('message', (message: CheckpointMessage) => {
  if ('add' in message) {
    if (files.has(message.add)) return;
    const db = new DatabaseSync(message.add);
    db.exec('PRAGMA busy_timeout = 100');
    files.set(message.add, { db, passive: db.prepare('PRAGMA wal_checkpoint(PASSIVE)') });
    return;
  }
  clearInterval(timer);
  checkpoint();
  for (const { db } of files.values()) db.close();
  files.clear();
  port.close();
});
