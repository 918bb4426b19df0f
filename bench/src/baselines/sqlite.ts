import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';

/**
 * The write baseline: raw node:sqlite inserting event-shaped rows (the event log's own
 * columns, a payload of typical size) in batched transactions, with the same pragmas
 * the app's driver sets. What the machine's disk and SQLite can do with no app around.
 */
export function rawInsertRate(options: { events: number; batch: number; payloadBytes?: number }): number {
  const directory = mkdtempSync(join(tmpdir(), 'meetcute-bench-sqlite-'));
  try {
    const db = new DatabaseSync(join(directory, 'baseline.sqlite'));
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec(`create table events (
      position integer primary key autoincrement,
      id text not null unique,
      module text not null,
      type text not null,
      version integer not null,
      occurred_at text not null,
      actor_id text,
      traceparent text,
      payload text not null
    )`);
    db.exec('create index events_type on events (type, position)');
    const insert = db.prepare(
      'insert into events (id, module, type, version, occurred_at, actor_id, traceparent, payload) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const payload = JSON.stringify({ memberId: randomUUID(), text: 'x'.repeat(options.payloadBytes ?? 200) });
    const at = new Date().toISOString();
    const started = performance.now();
    for (let done = 0; done < options.events;) {
      db.exec('begin');
      const end = Math.min(options.events, done + options.batch);
      for (; done < end; done++)
        insert.run(randomUUID(), 'bench', 'BenchHappened', 1, at, null, null, payload);
      db.exec('commit');
    }
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return options.events / seconds;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
