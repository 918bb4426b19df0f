import assert from 'node:assert/strict';
import { mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openStorage } from './storage.ts';

/** The salt in a write-ahead log's header: SQLite draws a new one each time the log starts over. */
function logSalt(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    return header.subarray(16, 24).toString('hex');
  } finally {
    closeSync(fd);
  }
}

test('under steady writes, the checkpoint thread copies the log back and starts it over; no commit does', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'meetcute-checkpoints-'));
  const storage = openStorage({ kind: 'sqlite', directory });
  try {
    const { db } = storage.open('notes');
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    const file = join(directory, 'notes.sqlite');
    const before = statSync(file).size;
    // About 1,500 pages: past the 1,000 at which the thread starts a log over, well below
    // the 4,000 at which a commit would checkpoint by itself.
    const body = 'x'.repeat(3000);
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < 1500; i++) await sql`insert into notes (body) values (${body})`.execute(tx);
    });
    const salt = logSalt(`${file}-wal`);
    // Small commits about every millisecond, as a busy site makes them: a log that is being
    // written to while it is copied is never all copied when a commit begins, so without
    // the thread's restart it would only grow. A thousand commits add ~2,000 pages at most,
    // which keeps every commit below its own checkpoint.
    let restartedAfter = -1;
    for (let i = 0; i < 1000 && restartedAfter < 0; i++) {
      await sql`insert into notes (body) values (${`note ${i}`})`.execute(db);
      if (logSalt(`${file}-wal`) !== salt) restartedAfter = i;
      else await pause(1);
    }
    assert.ok(restartedAfter >= 0, 'the log was never started over while writes went on');
    assert.ok(statSync(file).size > before, 'the pages reached the database file');
    const { rows } = await sql<{ n: number }>`select count(*) as n from notes`.execute(db);
    assert.equal(Number(rows[0]!.n), 1501 + restartedAfter);
  } finally {
    await storage.close();
    rmSync(directory, { recursive: true, force: true });
  }
});
