import { sql } from 'kysely';
import { BackgroundWork, nullable, text, type Clock, type Logger, type Migration } from '@meetcute/core';
import { dimensionsOf, ImageRefused, inspect, render, SIZE_NAMES, type Dimensions } from './images.ts';
import { keyOf, originalKeyOf, type PhotoStorage } from './storage.ts';
import type { PhotosDb } from './store.ts';

/**
 * Photos an import brought in whose files are still to be made. Making a photo's three
 * sizes costs ~20 ms of image work (most of it the thumbnail's attention crop), which for
 * an old site's tens of thousands of photos is most of an import. So an import checks
 * each photo from its header (type, pixel limits: what an upload is refused for), keeps
 * the old site's bytes aside and notes the photo here; the files are made in the
 * background, oldest first, and at once when a page asks for one of them first. The
 * sizes are known before the files exist (`dimensionsOf`), so `PhotoUploaded` says them.
 * Not a projection: a rebuild leaves it alone.
 */
export const renditionsDueMigration: Migration = {
  name: '0002_renditions_due',
  async up(db) {
    // failed: why the image could not be made after all (its header was fine, its pixels were not).
    await sql`create table renditions_due (
      photo_id text primary key,
      queued_at text not null,
      failed text
    )`.execute(db);
    await sql`create index renditions_due_queue on renditions_due (queued_at)`.execute(db);
  },
};

/** The table renditionsDueMigration makes, for the module's declaration (store.ts). */
export const renditionsDueTables = {
  /** An imported photo whose files are still to be made; `failed` says why they could not be. */
  renditions_due: { photo_id: text(), queued_at: text(), failed: nullable(text()) },
};

/** How often the queue is looked at anyway: another node (or an import) may have added to it. */
const POLL_MS = 60_000;
const ROUND = 20;

interface Deps {
  db: PhotosDb;
  storage: PhotoStorage;
  clock: Clock;
  logger: Logger;
}

export class Renderer {
  readonly #deps: Deps;
  /** Photos being made right now in this process, so two requests for one make it once. */
  readonly #making = new Map<string, Promise<void>>();
  readonly #work: BackgroundWork;

  constructor(deps: Deps) {
    this.#deps = deps;
    // One photo at a time, oldest first, leaving a core to requests.
    this.#work = new BackgroundWork(
      async (stopped) => {
        for (;;) {
          const ids = await this.#next(ROUND);
          for (const id of ids) {
            if (stopped()) return;
            await this.ensure(id);
          }
          if (ids.length < ROUND) return;
        }
      },
      {
        pollMs: POLL_MS,
        onError: (error) =>
          deps.logger.error(
            { err: error },
            'photos waiting for their files could not be made; trying again later',
          ),
      },
    );
  }

  /**
   * Keeps an old site's photo to be made later, under its id (again for the same id
   * replaces it), and answers the sizes its files will have. Refuses what an upload
   * would, from the header alone.
   */
  async queue(photoId: string, bytes: Uint8Array): Promise<Dimensions> {
    const dimensions = dimensionsOf(await inspect(bytes));
    await this.#deps.storage.put(
      originalKeyOf(photoId),
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    await this.#deps.db
      .insertInto('renditions_due')
      .values({ photo_id: photoId, queued_at: this.#deps.clock.now().toISOString(), failed: null })
      .onConflict((oc) => oc.column('photo_id').doUpdateSet({ failed: null }))
      .execute();
    this.wake();
    return dimensions;
  }

  /**
   * Makes the photo's files now if they are due (a page asked for one first); resolves
   * when there is nothing more to make here: made, made by someone else, or never to be.
   */
  ensure(photoId: string): Promise<void> {
    let making = this.#making.get(photoId);
    if (!making) {
      making = this.#make(photoId).finally(() => this.#making.delete(photoId));
      this.#making.set(photoId, making);
    }
    return making;
  }

  /** How many photos wait for their files (failed ones left out). */
  async due(): Promise<number> {
    const row = await this.#deps.db
      .selectFrom('renditions_due')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('failed', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Makes every due photo's files, two at a time, reporting how many are left after each round. */
  async drain(onProgress?: (left: number) => void): Promise<void> {
    for (;;) {
      const ids = await this.#next(ROUND);
      if (ids.length === 0) return;
      let next = 0;
      const worker = async () => {
        while (next < ids.length) await this.ensure(ids[next++]!);
      };
      await Promise.all([worker(), worker()]);
      onProgress?.(await this.due());
    }
  }

  start(): void {
    this.#work.start();
  }

  /** Works through the queue in the background. */
  wake(): void {
    this.#work.wake();
  }

  async stop(): Promise<void> {
    await this.#work.stop();
    await Promise.all(this.#making.values());
  }

  async #next(limit: number): Promise<string[]> {
    const rows = await this.#deps.db
      .selectFrom('renditions_due')
      .select('photo_id')
      .where('failed', 'is', null)
      .orderBy('queued_at')
      .orderBy('photo_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.photo_id);
  }

  async #make(photoId: string): Promise<void> {
    const { storage, db, logger } = this.#deps;
    const original = await storage.get(originalKeyOf(photoId));
    if (!original) {
      // Made by another node, or the photo was deleted: nothing is due any more.
      await db.deleteFrom('renditions_due').where('photo_id', '=', photoId).execute();
      return;
    }
    const bytes = Buffer.concat((await original.stream.toArray()) as Buffer[]);
    let files;
    try {
      files = await render(bytes, dimensionsOf(await inspect(bytes)));
    } catch (error) {
      if (!(error instanceof ImageRefused)) throw error;
      logger.error(
        { photoId, reason: error.title },
        'an imported photo could not be made: its pixels are broken',
      );
      await db
        .updateTable('renditions_due')
        .set({ failed: error.title })
        .where('photo_id', '=', photoId)
        .execute();
      return;
    }
    await Promise.all(SIZE_NAMES.map((size) => storage.put(keyOf(photoId, size), files[size])));
    // The original goes last: a crash before this makes the files again, the same way.
    await storage.delete(originalKeyOf(photoId));
    await db.deleteFrom('renditions_due').where('photo_id', '=', photoId).execute();
  }
}
