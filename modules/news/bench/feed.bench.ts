// What feeds worked out when read cost: projects N diary posts for M members (by timing
// `rebuild news`, which replays the log into this module only), then reads from the
// tables, as a miss of the in-memory views does, a first page, a deep page and the
// unseen counter of a member who never looked.
//
//   node --disable-warning=ExperimentalWarning modules/news/bench/feed.bench.ts [members] [posts] [sqlite|postgres-url]
//
// SQLite runs on files in a temporary directory (WAL, as in production); PostgreSQL in
// throw-away schemas that are dropped at the end.
//
// Figures go into ../README.md. Not a test: timings depend on the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  createApp,
  createLogger,
  ManualClock,
  openStorage,
  readConfig,
  uuidv7Source,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
  type TimeCursor,
} from '@meetcute/core';
import { modules } from '@meetcute/server';
import { RegistrationApproved, type Application, type Gender } from '@meetcute/registration/events';
import { DiaryPosted } from '@meetcute/diary/events';
import { PAGE_SIZE } from '../src/rules.ts';
import { feedPage, unseenOf, type NewsDb } from '../src/store.ts';

const [members = 1000, posts = 3000] = process.argv.slice(2, 4).map(Number);
const target = process.argv[4] ?? 'sqlite';
const directory = target === 'sqlite' ? mkdtempSync(join(tmpdir(), 'news-bench-')) : null;
const storage = directory
  ? openStorage({ kind: 'sqlite', directory })
  : openStorage({ kind: 'postgres', url: target, schemaPrefix: `bench${randomBytes(4).toString('hex')}_` });
const dialect = storage.dialect;

// A seeded generator, so every run builds the same community.
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const CITIES = [
  { name: 'Stockholm', latitude: 59.33, longitude: 18.07, timeZone: 'Europe/Stockholm', country: 'SE' },
  { name: 'Uppsala', latitude: 59.86, longitude: 17.64, timeZone: 'Europe/Stockholm', country: 'SE' },
  { name: 'Göteborg', latitude: 57.71, longitude: 11.97, timeZone: 'Europe/Stockholm', country: 'SE' },
  { name: 'Helsinki', latitude: 60.17, longitude: 24.94, timeZone: 'Europe/Helsinki', country: 'FI' },
  { name: 'Tampere', latitude: 61.5, longitude: 23.79, timeZone: 'Europe/Helsinki', country: 'FI' },
];
const GENDERS: Gender[] = ['woman', 'man', 'nonbinary'];

const memberId = (i: number) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;

function application(i: number): Application {
  const city = pick(CITIES);
  const age = 20 + Math.floor(random() * 40);
  const minAge = Math.max(18, age - 5 - Math.floor(random() * 5));
  const wants = random() < 0.8 ? [pick(GENDERS)] : GENDERS.filter(() => random() < 0.7);
  return {
    nickname: `Member ${i}`,
    gender: pick(GENDERS),
    birthday: `${2026 - age - 1}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    city: { id: i, label: city.name, ...city },
    lookingFor: {
      genders: wants.length > 0 ? wants : ['woman'],
      minAge,
      maxAge: minAge + 5 + Math.floor(random() * 15),
      maxDistanceKm: pick([25, 50, 100, 300, 1000]),
    },
    aboutMe: '',
  };
}

const MODERATOR = '00000000-0000-7000-8000-0000000000f0';
const clock = new ManualClock('2026-06-01T10:00:00.000Z');
const ids = uuidv7Source(clock);
// Every module, as the site runs them (news's events come from several, and theirs from
// others); the projection's time is `rebuild news`, which replays into news alone.
const app = await createApp({
  config: readConfig({ MEETCUTE_LOG_LEVEL: 'silent' }),
  modules,
  storage,
  clock,
  ids,
  logger: createLogger('silent'),
});

/** An event as if it had happened, a second after the one before. */
function happened<D extends EventDefinition>(definition: D, payload: PayloadOf<D>): EventEnvelope {
  clock.advance(1000);
  return {
    id: ids.next(),
    type: definition.type,
    version: definition.version,
    occurredAt: clock.now().toISOString(),
    actorId: null,
    traceparent: null,
    payload,
  };
}

const ms = (from: number) => `${(performance.now() - from).toFixed(0)} ms`;

try {
  const approvals: EventEnvelope[] = [];
  const diaries: EventEnvelope[] = [];
  for (let i = 1; i <= members; i++) {
    approvals.push(
      happened(RegistrationApproved, {
        memberId: memberId(i),
        moderatorId: MODERATOR,
        application: application(i),
      }),
    );
  }
  for (let p = 1; p <= posts; p++) {
    const author = memberId(1 + Math.floor(random() * members));
    diaries.push(
      happened(DiaryPosted, {
        postId: `00000000-0000-7000-9000-${String(p).padStart(12, '0')}`,
        memberId: author,
        text: `Post ${p}`,
      }),
    );
  }
  let started = performance.now();
  await app.dispatcher.append(approvals, 'registration');
  await app.dispatcher.append(diaries, 'diary');
  await app.processAll();
  console.log(
    `${members} members, ${posts} posts on ${dialect}; the modules consumed the log in ${ms(started)}`,
  );

  started = performance.now();
  await app.rebuild('news');
  const projected = performance.now() - started;
  console.log(
    `projecting ${members + posts} events took ${projected.toFixed(0)} ms ` +
      `(${((projected / (members + posts)) * 1000).toFixed(0)} µs an event)`,
  );

  // The app holds its modules' databases untyped; this one is news's own.
  const db = app.channel('news').database.db as NewsDb;
  const sample = Array.from({ length: 50 }, (_, i) => memberId(1 + ((i * 37) % members)));
  const perRead = async (name: string, read: (viewer: string) => Promise<unknown>) => {
    const from = performance.now();
    for (const viewer of sample) await read(viewer);
    console.log(`${name}: ${((performance.now() - from) / sample.length).toFixed(2)} ms a read`);
  };
  await perRead('first page from the tables', (viewer) => feedPage(db, viewer, undefined, PAGE_SIZE.default));
  await perRead('fifth page from the tables', async (viewer) => {
    let cursor: TimeCursor | undefined;
    for (let page = 0; page < 5; page++) {
      const { items, nextCursor } = await feedPage(db, viewer, cursor, PAGE_SIZE.default);
      const last = items.at(-1);
      if (!nextCursor || !last) return;
      cursor = { at: last.at, id: last.itemId };
    }
  });
  await perRead('unseen counter, nothing seen yet', (viewer) => unseenOf(db, viewer, null));
} finally {
  await app.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
  else await storage.destroy();
}
