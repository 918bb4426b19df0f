import { renditions, SIZE_NAMES } from './images.ts';
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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function photoImport(storage: PhotoStorage): PhotoImport {
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
