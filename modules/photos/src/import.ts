import { defineService } from '@meetcute/core';
import type { Renderer } from './renderer.ts';
import type { PhotosDb, SizesOf } from './store.ts';

/** The service an importer resolves to bring in the photos of an old site. */
export const PHOTO_IMPORT = defineService<PhotoImport>('photo-import');

export interface PhotoImport {
  /**
   * Takes an old site's photo under the given id (again for the same id replaces it):
   * checks what an upload is checked for from its header (real type, pixel limits) and
   * keeps it for its files to be made later, upright and re-encoded without metadata, in
   * the background or when a page first asks (`renderer.ts`). Returns the sizes
   * `PhotoUploaded` carries; the caller publishes it. Refuses what an upload would with
   * an ImageRefused problem (415 or 422) saying why.
   */
  store(photoId: string, bytes: Uint8Array): Promise<SizesOf>;
  /**
   * Makes the files of every photo brought in that still waits for them (two at a time),
   * reporting how many are left: for the seed command and the benchmark, which want the
   * site whole before it serves. A running site does this in the background anyway.
   */
  render(onProgress?: (left: number) => void): Promise<void>;
  /** How many photos brought in still wait for their files. */
  due(): Promise<number>;
  /**
   * Owner and album of photos already on the site, by id (an unknown id is left out):
   * what a later batch's likes and reviews need of photos an earlier batch brought in.
   */
  known(photoIds: readonly string[]): Promise<Map<string, { ownerId: string; album: 'public' | 'private' }>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function photoImport(renderer: Renderer): Pick<PhotoImport, 'store' | 'render' | 'due'> {
  return {
    async store(photoId, bytes) {
      // Keys are made from the id: only an id of the kind the site makes may name a file.
      if (!UUID.test(photoId)) throw new Error(`Not a photo id: ${photoId}`);
      return renderer.queue(photoId, bytes);
    },
    render: (onProgress) => renderer.drain(onProgress),
    due: () => renderer.due(),
  };
}

/** Ids per query: well under both databases' bound-parameter limits. */
const IN_CHUNK = 500;

export function knownPhotos(db: PhotosDb): PhotoImport['known'] {
  return async (photoIds) => {
    const found = new Map<string, { ownerId: string; album: 'public' | 'private' }>();
    for (let i = 0; i < photoIds.length; i += IN_CHUNK) {
      const rows = await db
        .selectFrom('photos')
        .select(['photo_id', 'owner_id', 'album'])
        .where('photo_id', 'in', photoIds.slice(i, i + IN_CHUNK))
        .execute();
      for (const r of rows) found.set(r.photo_id, { ownerId: r.owner_id, album: r.album });
    }
    return found;
  };
}
