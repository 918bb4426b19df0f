// How the search query scales (README "Scale"): fills a throw-away search table with
// N members spread over real Nordic places by population and times one search per sort.
//
//   node modules/search/src/scale.ts [members=100000] [sqlite|postgres] [postgres url]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createApp, migrate, openStorage, readConfig, ManualClock } from '@meetcute/core';
import { CITIES, cities, type City, type CityDirectory } from '@meetcute/cities';
import { migrations, type SearchDb } from './store.ts';
import { findMembers } from './query.ts';
import { decodeCursor, readCriteria, type Criteria, type Sort } from './rules.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const members = Number(positionals[0] ?? 100_000);
const dialect = positionals[1] === 'postgres' ? 'postgres' : 'sqlite';
const storage =
  dialect === 'postgres'
    ? openStorage({
        kind: 'postgres',
        url: positionals[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        schemaPrefix: `scale${Date.now()}_`,
      })
    : openStorage({ kind: 'sqlite', directory: ':memory:' });

/** Every place the cities module knows, from its directory as the app offers it. */
async function nordicPlaces(): Promise<{ all: City[]; uppsala: City; kiruna: City }> {
  const app = await createApp({
    config: readConfig({ MEETCUTE_LOG_LEVEL: 'silent' }),
    modules: [cities],
    storage: openStorage({ kind: 'sqlite', directory: ':memory:' }),
  });
  try {
    const directory = app.services.require<CityDirectory>(CITIES);
    const all = new Map<number, City>();
    // search() wants the start of a name, so walk the alphabet.
    for (const letter of 'abcdefghijklmnopqrstuvwxyzåäöø')
      for (const c of directory.search(letter, 100_000)) all.set(c.id, c);
    return { all: [...all.values()], uppsala: directory.get(2666199)!, kiruna: directory.get(605155)! };
  } finally {
    await app.close();
  }
}

// A small deterministic generator (mulberry32), so runs compare.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

async function fill(db: SearchDb, places: City[]): Promise<void> {
  const total = places.reduce((n, p) => n + p.population, 0);
  const pick = () => {
    let r = random() * total;
    for (const p of places) if ((r -= p.population) <= 0) return p;
    return places[0]!;
  };
  const genders = ['woman', 'man', 'nonbinary'] as const;
  for (let start = 0; start < members; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(members, start + 500); i++) {
      const city = pick();
      const day = `2026-05-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      rows.push({
        member_id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        nickname: `m${i}`,
        gender: genders[i % 10 === 0 ? 2 : i % 2]!,
        birthday: `${1956 + Math.floor(random() * 52)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        city_id: city.id,
        city_label: city.label,
        latitude: city.latitude,
        longitude: city.longitude,
        time_zone: city.timeZone,
        looking_for: '{}',
        approved_at: `${day}T08:00:00.000Z`,
        last_active_at: `${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:00:00.000Z`,
      });
    }
    await db.insertInto('searchable_members').values(rows).execute();
    await db
      .insertInto('member_interests')
      .values(rows.filter((_, i) => i % 5 === 2).map((r) => ({ member_id: r.member_id, tag: 'hiking' })))
      .execute();
  }
  // PostgreSQL plans by statistics; SQLite's ANALYZE (without STAT4) only makes its plans worse here.
  if (dialect === 'postgres') await sql`analyze`.execute(db);
}

async function time(db: SearchDb, label: string, criteria: Criteria): Promise<void> {
  const clock = new ManualClock('2026-06-01T10:00:00.000Z');
  const runs: number[] = [];
  let found = 0;
  let cursor: Criteria['cursor'] = null;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const page = await findMembers(db, 'nobody', { ...criteria, cursor }, clock.now());
    runs.push(performance.now() - started);
    found = page.results.length;
    // Later runs read the second page, as a member scrolling does.
    if (page.nextCursor && i === 0) cursor = decodeCursor(page.nextCursor);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} median ${runs[2]!.toFixed(1).padStart(7)} ms  (${found} shown)`);
}

const db = storage.open('search');
// Storage opens a module's database untyped; the migrations below make search's tables in it.
const searchDb = db.db as SearchDb;
try {
  await migrate(db, migrations);
  const { all, uppsala, kiruna } = await nordicPlaces();
  const started = performance.now();
  await fill(searchDb, all);
  console.log(
    `${members} members in ${dialect}, filled in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const say = () => '';
  const base = (query: Record<string, string>, origin: City = uppsala): Criteria => {
    const read = readCriteria(
      query,
      { genders: ['woman'], minAge: 25, maxAge: 35, maxDistanceKm: 100, origin },
      { field: 'cityId', chosen: undefined },
      say,
    );
    if (!read.criteria) throw new Error(JSON.stringify(read.errors));
    return read.criteria;
  };
  for (const sort of ['lastActive', 'newest', 'distance'] as Sort[]) {
    await time(searchDb, `women 25–35, 100 km of Uppsala, ${sort}`, base({ sort }));
    await time(searchDb, `women 25–35, 500 km of Uppsala, ${sort}`, base({ sort, maxDistanceKm: '500' }));
    await time(
      searchDb,
      `everyone 18–120, 5000 km, ${sort}`,
      base({ sort, maxDistanceKm: '5000', minAge: '18', maxAge: '120', gender: 'woman,man,nonbinary' }),
    );
    await time(searchDb, `women 25–35, 100 km, hiking, ${sort}`, base({ sort, interest: 'hiking' }));
    await time(
      searchDb,
      `women 25–35, 10 km of Kiruna, ${sort}`,
      base({ sort, maxDistanceKm: '10' }, kiruna),
    );
  }
} finally {
  await storage.destroy();
}
