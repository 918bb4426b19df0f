import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStorage, type Storage, type Dialect } from '../db/storage.ts';

/**
 * Which databases the suite runs on. Like Kysely's own tests, every database test
 * loops over the dialects; MEETCUTE_TEST_DATABASES narrows the list. PostgreSQL is in
 * the default list: when it cannot be reached the tests say so and are skipped,
 * unless it was asked for by name, in which case they fail.
 */
export interface TestDatabases {
  dialects: Dialect[];
  postgresUrl: string;
  /** Why PostgreSQL is skipped, if it is. */
  skipped: string | null;
}

let cached: Promise<TestDatabases> | null = null;

// The test harness is the test run's entry point, so it reads its own settings here.
// eslint-disable-next-line no-restricted-properties
const env = process.env;

export function testDatabases(): Promise<TestDatabases> {
  cached ??= (async () => {
    const asked = (env.MEETCUTE_TEST_DATABASES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const postgresUrl = env.MEETCUTE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const wanted = (asked.length > 0 ? asked : ['sqlite', 'postgres']) as Dialect[];
    for (const d of wanted) {
      if (d !== 'sqlite' && d !== 'postgres')
        throw new Error(`MEETCUTE_TEST_DATABASES has ${String(d)}; use sqlite,postgres`);
    }
    let skipped: string | null = null;
    if (wanted.includes('postgres')) {
      const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.query('select 1');
      } catch (error) {
        const why = `PostgreSQL at ${postgresUrl} is not reachable (${(error as Error).message}); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`;
        if (asked.includes('postgres')) throw new Error(why);
        skipped = why;
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    return {
      dialects: wanted.filter((d) => d !== 'postgres' || skipped === null),
      postgresUrl,
      skipped,
    };
  })();
  return cached;
}

/** Fresh, private storage for one test: in-memory SQLite, or throw-away PostgreSQL schemas. */
export function testStorage(dialect: Dialect, databases: TestDatabases): Storage {
  if (dialect === 'sqlite') return openStorage({ kind: 'sqlite', directory: ':memory:' });
  return openStorage({
    kind: 'postgres',
    url: databases.postgresUrl,
    schemaPrefix: `t${randomBytes(5).toString('hex')}_`,
    poolSize: 2,
  });
}
