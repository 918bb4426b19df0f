import { renditions, SIZE_NAMES } from './images.ts';
import type { Db } from '@meetcute/core';
import { keyOf, type PhotoStorage } from './storage.ts';
import type { SizesOf } from './store.ts';

/** The service an importer resolves to bring in the photos of an old site. */
export const PHOTO_IMPORT = 'photo-import';

export interface PhotoImport {
  /**
   * Puts an old site's photo through the upload pipeline (real type, pixel limits,
   * upright, re-encoded without metadata) and stores every size under the given id,
   * replacing what an interrupted run stored there. Returns the sizes `PhotoUploaded`
   * carries; the caller publishes it. Refuses what an upload would with an ImageRefused
   * problem (415 or 422) saying why.
   */
  store(photoId: string, bytes: Uint8Array): Promise<SizesOf>;
  /**
   * Owner and album of photos already on the site, by id (an unknown id is left out):
   * what a later batch's likes and reviews need of photos an earlier batch brought in.
   */
  known(photoIds: readonly string[]): Promise<Map<string, { ownerId: string; album: 'public' | 'private' }>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function photoImport(storage: PhotoStorage): Pick<PhotoImport, 'store'> {
  return {
    async store(photoId, bytes) {
      // Keys are made from the id: only an id of the kind the site makes may name a file.
      if (!UUID.test(photoId)) throw new Error(`Not a photo id: ${photoId}`);
      const images = await renditions(bytes);
      await Promise.all(SIZE_NAMES.map((size) => storage.put(keyOf(photoId, size), images[size].bytes)));
      return Object.fromEntries(
        SIZE_NAMES.map((size) => [size, { width: images[size].width, height: images[size].height }]),
      ) as SizesOf;
    },
  };
}

/** Ids per query: well under both databases' bound-parameter limits. */
const IN_CHUNK = 500;

export function knownPhotos(db: Db): PhotoImport['known'] {
  return async (photoIds) => {
    const found = new Map<string, { ownerId: string; album: 'public' | 'private' }>();
    for (let i = 0; i < photoIds.length; i += IN_CHUNK) {
      const rows = (await db
        .selectFrom('photos')
        .select(['photo_id', 'owner_id', 'album'])
        .where('photo_id', 'in', photoIds.slice(i, i + IN_CHUNK))
        .execute()) as Array<{ photo_id: string; owner_id: string; album: 'public' | 'private' }>;
      for (const r of rows) found.set(r.photo_id, { ownerId: r.owner_id, album: r.album });
    }
    return found;
  };
}
