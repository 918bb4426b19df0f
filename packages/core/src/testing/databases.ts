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

/**
 * Why PostgreSQL does not answer, or null when it does. A server that is not there refuses
 * at once; one that is there but slow to start a backend (a loaded test machine running
 * suites side by side) gets a few tries of ten seconds before it counts as absent.
 */
async function unreachable(url: string): Promise<string | null> {
  let problem = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      problem = (error as Error).message;
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') return problem;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return problem;
}

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
      const problem = await unreachable(postgresUrl);
      if (problem) {
        const why = `PostgreSQL at ${postgresUrl} is not reachable (${problem}); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`;
        if (asked.includes('postgres')) throw new Error(why);
        skipped = why;
      }
      // A test process that was killed could not drop its schemas; the next run does.
      if (skipped === null) await dropSchemas(postgresUrl, 'orphans');
    }
    return {
      dialects: wanted.filter((d) => d !== 'postgres' || skipped === null),
      postgresUrl,
      skipped,
    };
  })();
  return cached;
}

/**
 * Fresh, private storage for one test: in-memory SQLite, or PostgreSQL schemas of
 * its own. Creating and migrating two dozen schemas costs far more than the average
 * use case, so a PostgreSQL test's schemas are emptied when it is destroyed
 * (truncated, sequences restarted, migrations kept) and handed to the next test;
 * they are dropped when the process ends. A test therefore sees exactly what it
 * would see in new schemas: migrated, empty tables.
 */
export function testStorage(dialect: Dialect, databases: TestDatabases): Storage {
  if (dialect === 'sqlite') return openStorage({ kind: 'sqlite', directory: ':memory:' });
  const prefix = idle.pop() ?? newPrefix(databases.postgresUrl);
  const storage = openStorage({
    kind: 'postgres',
    url: databases.postgresUrl,
    schemaPrefix: prefix,
    poolSize: 2,
  });
  return {
    dialect: storage.dialect,
    open: (module) => storage.open(module),
    observe: (observe) => storage.observe(observe),
    close: () => storage.close(),
    exists: (name) => storage.exists(name),
    drop: (name) => storage.drop(name),
    async destroy() {
      await storage.close();
      // A ghost left by a test (or the tables a switch replaced) is no module's: the next test starts without.
      await withClient(databases.postgresUrl, async (client) => {
        const { rows } = await client.query<{ nspname: string }>(
          `select nspname from pg_namespace where starts_with(nspname, $1) and nspname ~ '__(ghost|previous)$'`,
          [prefix],
        );
        for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`);
      });
      await empty(databases.postgresUrl, prefix);
      idle.push(prefix);
    },
  };
}

/** Prefixes whose schemas are migrated and empty, ready for the next test of this process. */
const idle: string[] = [];
const made: string[] = [];

/** `t<pid>p<random>_`: the pid lets a later run drop what a killed run left behind. */
function newPrefix(url: string): string {
  const prefix = `t${process.pid}p${randomBytes(3).toString('hex')}_`;
  if (made.length === 0) {
    process.once('beforeExit', () => void dropSchemas(url, made));
  }
  made.push(prefix);
  return prefix;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function empty(url: string, prefix: string): Promise<void> {
  await withClient(url, async (client) => {
    // Deleting a use case's few rows is far quicker than TRUNCATE, which swaps every
    // table's files; only sequences that were used need restarting.
    const { rows } = await client.query<{ statement: string }>(
      `select format('delete from %I.%I', n.nspname, c.relname) as statement
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and starts_with(n.nspname, $1) and c.relname <> 'schema_migrations'
       union all
       select format('alter sequence %I.%I restart', schemaname, sequencename)
         from pg_sequences where starts_with(schemaname, $1) and last_value is not null`,
      [prefix],
    );
    if (rows.length > 0) await client.query(rows.map((r) => r.statement).join(';\n'));
  });
}

/** Drops the schemas of these prefixes; with none given, those of test processes that are gone. */
async function dropSchemas(url: string, prefixes: readonly string[] | 'orphans'): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname ~ '^t[0-9]+p[0-9a-f]+_'`,
    );
    const doomed = rows
      .map((r) => r.nspname)
      .filter((schema) =>
        prefixes === 'orphans'
          ? !alive(Number(/^t(\d+)p/.exec(schema)?.[1]))
          : prefixes.some((p) => schema.startsWith(p)),
      );
    for (const schema of doomed) await client.query(`drop schema if exists "${schema}" cascade`);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
