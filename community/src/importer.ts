import { sql } from 'kysely';
import { migrate, type App, type Db } from '@meetcute/core';
import { PHOTO_IMPORT, type PhotoImport } from '@meetcute/photos';
import { DumpError, readNumbered, type NumberedRecord } from './dump.ts';
import { ImportIds } from './ids.ts';
import type { HeaderRecord } from './records.ts';
import { Translator, type Sizes } from './translator.ts';

export interface ImportProgress {
  /** Records of the dump done, counting those an earlier run did. */
  records: number;
  /** From the header, when it says. */
  total: number | null;
  /** Events this run appended. */
  events: number;
  elapsedMs: number;
  /** Records per second in this run. */
  rate: number;
  /** Estimated time left, when the total is known and something was done. */
  etaMs: number | null;
}

export interface ImportSummary {
  dumpId: string;
  /** Records of the dump, header excluded. */
  records: number;
  /** Records an earlier, interrupted run had already imported. */
  resumedFrom: number;
  /** Events this run appended to the log. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** True when the whole dump had been imported before; nothing was done. */
  alreadyImported: boolean;
}

export interface ImportOptions {
  onProgress?(progress: ImportProgress): void;
  /** Records per batch: one log transaction and one delivery run each. */
  batchSize?: number;
}

/** Where the importer keeps how far it got, durably, in a database of its own. */
const PROGRESS_DB = 'community_import';
const DEFAULT_BATCH = 2000;

const migrations = [
  {
    name: '0001_imports',
    async up(db: Db) {
      await sql`create table imports (
        dump_id text primary key,
        path text not null,
        records_done bigint not null,
        events bigint not null,
        total bigint,
        started_at text not null,
        finished_at text
      )`.execute(db);
    },
  },
];

interface State {
  recordsDone: number;
  events: number;
  finished: boolean;
}

async function progressStore(app: App) {
  const database = app.storage.open(PROGRESS_DB);
  await migrate(database, migrations);
  const db = database.db;
  return {
    async load(header: HeaderRecord, path: string, now: string): Promise<State> {
      await db
        .insertInto('imports')
        .values({
          dump_id: header.dumpId,
          path,
          records_done: 0,
          events: 0,
          total: header.records ?? null,
          started_at: now,
        })
        .onConflict((oc) => oc.column('dump_id').doNothing())
        .execute();
      const row = await db
        .selectFrom('imports')
        .select(['records_done', 'events', 'finished_at'])
        .where('dump_id', '=', header.dumpId)
        .executeTakeFirstOrThrow();
      return {
        recordsDone: Number(row.records_done),
        events: Number(row.events),
        finished: row.finished_at !== null,
      };
    },
    async save(
      dumpId: string,
      recordsDone: number,
      events: number,
      finishedAt: string | null,
    ): Promise<void> {
      await db
        .updateTable('imports')
        .set({ records_done: recordsDone, events, finished_at: finishedAt })
        .where('dump_id', '=', dumpId)
        .execute();
    },
  };
}

type ProgressStore = Awaited<ReturnType<typeof progressStore>>;

/**
 * Feeds a dump through the modules: each batch of records becomes events appended to
 * the log in one transaction, then every module projects them as it would live ones.
 * After each batch the position is saved; a second run of the same dump skips what is
 * done, and ids derived from the records make a batch repeated after a crash a no-op.
 */
export async function importDump(
  app: App,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const run = new ImportRun({ app, path, options, started, store: await progressStore(app) });
  for await (const numbered of readNumbered(path)) {
    if (numbered.record.kind !== 'header') await run.add(numbered);
    else {
      await run.begin(numbered.record);
      if (run.alreadyImported) break;
    }
  }
  return run.finish();
}

/** One run of an import: where it resumed, how far it got, and the batches it has in flight. */
class ImportRun {
  readonly #app: App;
  readonly #path: string;
  readonly #options: ImportOptions;
  readonly #store: ProgressStore;
  readonly #started: number;
  #header: HeaderRecord | undefined;
  #state: State = { recordsDone: 0, events: 0, finished: false };
  #translator: Translator | undefined;
  #batch: NumberedRecord[] = [];
  #done = 0;
  #events = 0;
  #resumedFrom = 0;
  // The batch ahead, being delivered while the next one's photos are re-encoded.
  #ahead: Promise<void> = Promise.resolve();

  constructor(deps: {
    app: App;
    path: string;
    options: ImportOptions;
    store: ProgressStore;
    /** When the import started (performance.now()), for its rate and duration. */
    started: number;
  }) {
    this.#app = deps.app;
    this.#path = deps.path;
    this.#options = deps.options;
    this.#store = deps.store;
    this.#started = deps.started;
  }

  /** True when the whole dump had been imported before: there is nothing to do. */
  get alreadyImported(): boolean {
    return this.#state.finished;
  }

  /** Reads where an earlier run of the same dump got to, and resumes from there. */
  async begin(header: HeaderRecord): Promise<void> {
    this.#header = header;
    this.#state = await this.#store.load(header, this.#path, this.#app.clock.now().toISOString());
    if (this.#state.finished) return;
    this.#translator = new Translator(this.#app, new ImportIds(header.dumpId), this.#path);
    this.#resumedFrom = this.#done = this.#state.recordsDone;
    this.#report();
  }

  /** Takes a record into the next batch, unless an earlier run imported it. */
  async add(numbered: NumberedRecord): Promise<void> {
    if (numbered.line - 1 <= this.#state.recordsDone) return;
    this.#batch.push(numbered);
    if (this.#batch.length >= (this.#options.batchSize ?? DEFAULT_BATCH)) await this.#flush();
  }

  /** Delivers the last batches and saves the import as done. */
  async finish(): Promise<ImportSummary> {
    const header = this.#header;
    if (!header) throw new DumpError(this.#path, 1, 'the dump has no header');
    const state = this.#state;
    if (!state.finished) {
      await this.#flush();
      await this.#ahead;
      await this.#store.save(
        header.dumpId,
        this.#done,
        state.events + this.#events,
        this.#app.clock.now().toISOString(),
      );
    }
    const seconds = (performance.now() - this.#started) / 1000;
    return {
      dumpId: header.dumpId,
      records: state.finished ? state.recordsDone : this.#done,
      resumedFrom: this.#resumedFrom,
      events: this.#events,
      seconds,
      eventsPerSecond: seconds > 0 ? this.#events / seconds : 0,
      alreadyImported: state.finished,
    };
  }

  #report(): void {
    if (!this.#options.onProgress) return;
    const elapsedMs = performance.now() - this.#started;
    const total = this.#header?.records ?? null;
    const done = this.#done;
    const rate = elapsedMs > 0 ? ((done - this.#resumedFrom) / elapsedMs) * 1000 : 0;
    const etaMs = total !== null && rate > 0 ? ((total - done) / rate) * 1000 : null;
    this.#options.onProgress({ records: done, total, events: this.#events, elapsedMs, rate, etaMs });
  }

  /**
   * Starts a batch: its photos go through the image pipeline at once (the slowest part of
   * an import, and on other cores), while the batch ahead is still being delivered; its
   * records are translated and delivered once that one is done, in order.
   */
  async #flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const records = this.#batch;
    this.#batch = [];
    const photos = this.#translator!.storePhotos(records);
    // Heard when the batch is translated; until then a failure must not go unhandled.
    photos.catch(() => undefined);
    const previous = this.#ahead;
    this.#ahead = previous.then(() => this.#deliver(records, photos));
    // A failure of the batch ahead is thrown below; this one's own is thrown when it is awaited.
    this.#ahead.catch(() => undefined);
    // Waits for the batch before the one just started: at most two are in flight.
    await previous;
  }

  async #deliver(records: NumberedRecord[], photos: Promise<Map<number, Sizes>>): Promise<void> {
    const entries = await this.#translator!.translate(records, photos);
    await this.#app.dispatcher.appendAll(entries);
    // Nobody waits behind an import's batches: the modules take them in large transactions.
    await this.#app.processAll({ bulk: true });
    this.#events += entries.length;
    this.#done = records[records.length - 1]!.line - 1;
    await this.#store.save(this.#header!.dumpId, this.#done, this.#state.events + this.#events, null);
    this.#report();
  }
}

/**
 * Makes the files of every photo an import brought in that still waits for them, which
 * a running site otherwise does in the background (and at once for a photo a page asks
 * for first); `onProgress` hears how many are left after each round.
 */
export async function makePhotoFiles(
  app: App,
  onProgress?: (left: number) => void,
): Promise<{ seconds: number }> {
  const started = performance.now();
  await app.services.require<PhotoImport>(PHOTO_IMPORT).render(onProgress);
  return { seconds: (performance.now() - started) / 1000 };
}

/** How many photos an import brought in still wait for their files. */
export function photoFilesDue(app: App): Promise<number> {
  return app.services.require<PhotoImport>(PHOTO_IMPORT).due();
}
