import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../clock.ts';
import { seededIdSource, type IdSource } from '../ids.ts';
import { VIEWERS, type App } from '../app.ts';
import type { Dialect, Storage } from '../db/storage.ts';
import type { EventEnvelope } from '../events.ts';
import type { ModuleDefinition } from '../module.ts';
import {
  USE_CASE_EPOCH,
  USE_CASE_LINK_KEY,
  type Upload,
  type UseCase,
  type When,
} from '../use-cases/use-case.ts';
import { csrfFor, SESSION_COOKIE } from '../http/server.ts';
import { CREDENTIALS } from '../http/viewer.ts';
import { testDatabases, testStorage } from './databases.ts';
import { assertSubset } from './subset.ts';

export { USE_CASE_EPOCH };

export interface TestAppDeps {
  storage: Storage;
  clock: ManualClock;
  ids: IdSource;
  linkKey: string;
}

export type TestAppFactory = (deps: TestAppDeps) => Promise<App>;

/** What the use-case runner needs from whichever module owns sessions. */
export interface SessionOpener {
  open(memberId: string): Promise<string>;
}
import { SESSIONS } from '../http/viewer.ts';
export { SESSIONS };

const FORM_SECRET = 'use-case-form-secret-0123456789';

export interface TestApp {
  app: App;
  clock: ManualClock;
  /** Appends events to the log as if they had happened, and waits for every consumer. */
  given(events: NonNullable<UseCase['given']>): Promise<void>;
  /** Keeps these password hashes, which no event carries (UseCase.credentials). */
  keepPasswords(hashes: NonNullable<UseCase['credentials']>): Promise<void>;
  /** Logs the member in (once) and waits for what that sets off, as a browser holds a session before it asks. */
  signIn(as: string): Promise<void>;
  call(
    when: When,
  ): Promise<{ status: number; body: string; json: unknown; headers: Record<string, unknown> }>;
  /** Events that reached the log since the last mark. */
  newEvents(): Promise<EventEnvelope[]>;
  mark(): Promise<void>;
  /** Reads these keys into every in-memory view, so what follows must change them exactly. */
  primeViews(keys: Iterable<string>): Promise<void>;
  /** Fails naming every view entry that differs from what its tables hold. */
  auditViews(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(factory: TestAppFactory, dialect: Dialect): Promise<TestApp> {
  const databases = await testDatabases();
  const storage = testStorage(dialect, databases);
  const clock = new ManualClock(USE_CASE_EPOCH);
  const ids = seededIdSource(clock, 42);
  let app: App;
  try {
    app = await factory({ storage, clock, ids, linkKey: USE_CASE_LINK_KEY });
  } catch (error) {
    // A failed start must not leave its PostgreSQL schemas behind.
    await storage.destroy();
    throw error;
  }
  const sessions = new Map<string, string>();
  let mark = 0;
  const tick = (): string => {
    const at = clock.now().toISOString();
    clock.advance(1);
    return at;
  };

  const logPosition = async (): Promise<number> => {
    const row = await app.dispatcher.log.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('position').as('p'))
      .executeTakeFirst();
    return Number(row?.p ?? 0);
  };

  const cookieFor = async (as: string | undefined): Promise<{ cookie: string; csrf: string }> => {
    if (!as) return { cookie: `mc_form=${FORM_SECRET}`, csrf: csrfFor(app.formSecret(FORM_SECRET)) };
    let token = sessions.get(as);
    if (!token) {
      token = await app.services.require(SESSIONS).open(as);
      sessions.set(as, token);
    }
    const viewer = await app.services.require(VIEWERS).resolve(token);
    return { cookie: `${SESSION_COOKIE}=${token}`, csrf: viewer ? csrfFor(viewer.csrfSecret) : '' };
  };

  return {
    app,
    clock,
    keepPasswords: (hashes) => app.services.require(CREDENTIALS).store(hashes),
    async given(events) {
      const envelopes: Array<{ envelope: EventEnvelope; module: string }> = events.map((g) => ({
        module: g.event.module,
        envelope: {
          id: ids.next(),
          type: g.event.type,
          version: g.event.version,
          // Earlier events happened a millisecond apart, so "oldest first" has a meaning.
          occurredAt: g.at ?? tick(),
          actorId: g.actorId ?? null,
          traceparent: null,
          payload: g.payload,
        },
      }));
      for (const { envelope, module } of envelopes) await app.dispatcher.append([envelope], module);
      await app.processAll();
    },
    async signIn(as) {
      await cookieFor(as);
      await app.processAll();
    },
    async call(when) {
      const { cookie, csrf: token } = await cookieFor(when.as);
      const csrf = when.csrf === false ? '' : token;
      const headers: Record<string, string> = { cookie, ...(when.headers ?? {}) };
      let payload: string | Buffer | undefined;
      if (when.upload !== undefined) {
        const fields: Record<string, unknown> = {
          _csrf: csrf,
          ...((when.body ?? {}) as Record<string, unknown>),
        };
        const built = multipartBody(fields, when.upload);
        payload = built.payload;
        headers['content-type'] = built.contentType;
      } else if (when.body !== undefined && when.form) {
        const fields = new URLSearchParams();
        for (const [k, v] of Object.entries(when.body as Record<string, unknown>)) {
          for (const item of Array.isArray(v) ? v : [v]) fields.append(k, String(item));
        }
        if (!fields.has('_csrf') && csrf !== '') fields.set('_csrf', csrf);
        payload = fields.toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      } else if (when.body !== undefined) {
        payload = typeof when.body === 'string' ? when.body : JSON.stringify(when.body);
        headers['content-type'] ??= 'application/json';
      } else if (when.method === 'POST' && when.url.startsWith('/api/') && csrf !== '') {
        // A body-less POST to the API carries the token in a header, as the site's scripts send it.
        headers['x-csrf-token'] ??= csrf;
      }
      const response = await app.http.inject({ method: when.method, url: when.url, headers, payload });
      await app.processAll();
      let json: unknown = undefined;
      if ((response.headers['content-type'] ?? '').toString().includes('json')) json = response.json();
      return { status: response.statusCode, body: response.body, json, headers: response.headers };
    },
    async mark() {
      mark = await logPosition();
    },
    async newEvents() {
      const rows = await app.dispatcher.log.db
        .selectFrom('events')
        .selectAll()
        .where('position', '>', mark)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        id: r.id as string,
        type: r.type as string,
        version: r.version as number,
        occurredAt: r.occurred_at as string,
        actorId: r.actor_id as string | null,
        traceparent: r.traceparent as string | null,
        payload: JSON.parse(r.payload as string) as unknown,
      }));
    },
    async primeViews(keys) {
      const all = [...keys];
      for (const { view } of app.views) await view.getMany(all);
    },
    async auditViews() {
      const wrong: string[] = [];
      for (const { module, view } of app.views) {
        for (const w of await view.audit()) {
          wrong.push(
            `${module}.${view.name}[${w.key}]: memory ${JSON.stringify(w.memory)}, tables ${JSON.stringify(w.tables)}`,
          );
        }
      }
      assert.deepEqual(wrong, [], 'every in-memory view equals what its tables hold');
    },
    async close() {
      await app.close();
      await storage.destroy();
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every id in the payloads: the keys (members, conversations, photos) views may hold. */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) idsIn(item, into);
  }
  return into;
}

/** A multipart/form-data body as a browser builds it: the fields in order, then the file. */
function multipartBody(
  fields: Record<string, unknown>,
  upload: Upload,
): { payload: Buffer; contentType: string } {
  const boundary = '----meetcute-use-case-boundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(item)}\r\n`,
        ),
      );
    }
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${upload.field}"; filename="${upload.filename}"\r\n` +
        `Content-Type: ${upload.contentType}\r\n\r\n`,
    ),
    Buffer.from(upload.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The call with each `{name}` in its address replaced by that field of the last step's JSON answer. */
function filledIn(when: When, answer: unknown): When {
  const url = when.url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (answer as Record<string, unknown> | null | undefined)?.[name];
    if (typeof value !== 'string') throw new Error(`${when.url}: the last step before answered no ${name}`);
    return encodeURIComponent(value);
  });
  return url === when.url ? when : { ...when, url };
}

export async function runUseCase(factory: TestAppFactory, dialect: Dialect, uc: UseCase): Promise<void> {
  const t = await startTestApp(factory, dialect);
  try {
    if (uc.credentials) await t.keepPasswords(uc.credentials);
    await t.given(uc.given ?? []);
    // Views hold the members of the story from the start, so every change to them is checked.
    await t.primeViews(idsIn((uc.given ?? []).map((g) => g.payload)));
    let answer: unknown;
    for (const step of uc.before ?? []) answer = (await t.call(step)).json;
    if (uc.clock) t.clock.set(uc.clock);
    // The caller's log-in (SessionStarted) is how they came, not what the request did.
    if (uc.when.as) await t.signIn(uc.when.as);
    await t.mark();
    const response = await t.call(filledIn(uc.when, answer));
    const where = `${uc.when.method} ${uc.when.url}`;
    assert.equal(
      response.status,
      uc.then.status,
      `${where} answered ${response.status}: ${response.body.slice(0, 500)}`,
    );
    if (uc.then.body !== undefined) assertSubset(response.json, uc.then.body, 'body');
    if (uc.then.location !== undefined) assert.equal(response.headers.location, uc.then.location);
    for (const [name, value] of Object.entries(uc.then.headers ?? {})) {
      assert.equal(String(response.headers[name]), value, `the ${name} header`);
    }
    for (const text of uc.then.page ?? []) {
      assert.ok(response.body.includes(text), `the page should contain ${JSON.stringify(text)}`);
    }
    for (const text of uc.then.pageLacks ?? []) {
      assert.ok(!containsWord(response.body, text), `the page should not contain ${JSON.stringify(text)}`);
    }
    const events = await t.newEvents();
    const expected = uc.then.events ?? [];
    assert.deepEqual(
      events.map((e) => e.type),
      expected.map((e) => e.event.type),
      'the new events',
    );
    expected.forEach((e, i) => {
      if (e.payload) assertSubset(events[i]?.payload, e.payload, `events[${i}].payload`);
    });
    await t.auditViews();
  } finally {
    await t.close();
  }
}

/**
 * Registers every use case of every module as a test, once per database asked for, or on
 * one database only (`on`): a suite split into a file per database runs them side by side.
 */
export async function runUseCases(
  factory: TestAppFactory,
  modules: ModuleDefinition[],
  options: { on?: Dialect } = {},
): Promise<void> {
  const databases = await testDatabases();
  const postgresSkipped = options.on !== 'sqlite' && databases.skipped;
  if (postgresSkipped) test('use cases on PostgreSQL', { skip: postgresSkipped }, () => undefined);
  const dialects = databases.dialects.filter((d) => options.on === undefined || d === options.on);
  if (options.on && !postgresSkipped && !dialects.includes(options.on)) {
    const why = 'not asked for: MEETCUTE_TEST_DATABASES names other databases';
    test(`use cases on ${options.on}`, { skip: why }, () => undefined);
  }
  for (const dialect of dialects) {
    describe(`use cases on ${dialect}`, () => {
      for (const module of modules) {
        describe(module.name, () => {
          for (const uc of module.useCases) {
            test(uc.title, () => runUseCase(factory, dialect, uc));
          }
        });
      }
    });
  }
}

// A page carries random tokens (CSRF, CSP nonce) in the base64url alphabet, so a short name
// such as "Mo" turns up inside one now and then: what a page lacks is matched as a whole
// word, never as part of a longer run of letters, digits, '_' or '-'.
const TOKEN_CHAR = /[A-Za-z0-9_-]/;
function containsWord(page: string, text: string): boolean {
  for (let at = page.indexOf(text); at !== -1; at = page.indexOf(text, at + 1)) {
    const before = page[at - 1] ?? '';
    const after = page[at + text.length] ?? '';
    const startsWord = !TOKEN_CHAR.test(text[0] ?? '') || !TOKEN_CHAR.test(before);
    const endsWord = !TOKEN_CHAR.test(text.at(-1) ?? '') || !TOKEN_CHAR.test(after);
    if (startsWord && endsWord) return true;
  }
  return false;
}
