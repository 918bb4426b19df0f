import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SIZE_NAMES, type Size } from './images.ts';

/** A stored file being read, and its length in bytes. */
export interface StoredFile {
  stream: Readable;
  length: number;
}

/**
 * Where photo files live. A directory by default: local to one node, or shared by the
 * nodes of a cluster (a network file system mounted at MEETCUTE_PHOTO_DIRECTORY on each),
 * so any node serves what another stored. An object store (S3 and the like) only has to
 * implement these three calls and pass storage.test.ts's contract. Keys are generated here
 * from the photo id and the size, never from anything a member sent.
 */
export interface PhotoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The file as a stream, or null when it is not there. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; a missing file is not an error, so deleting twice is safe. */
  delete(key: string): Promise<void>;
}

const PHOTO_KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}-((thumb|profile|full)\.webp|original)$/;

/** The file name of one size of a photo: its id, spread over 256 folders by the id's random end. */
export function keyOf(photoId: string, size: Size): string {
  return `${photoId.slice(-2)}/${photoId}-${size}.webp`;
}

/**
 * The file an import keeps until the sizes are made from it (`renderer.ts`): the old
 * site's bytes as they came, metadata and all, so never served.
 */
export function originalKeyOf(photoId: string): string {
  return `${photoId.slice(-2)}/${photoId}-original`;
}

/** Removes every file of a photo: each size, and an imported original not yet made into sizes. */
export async function deletePhotoFiles(storage: PhotoStorage, photoId: string): Promise<void> {
  await Promise.all([
    ...SIZE_NAMES.map((size) => storage.delete(keyOf(photoId, size))),
    storage.delete(originalKeyOf(photoId)),
  ]);
}

/**
 * Files under `directory`, named by keys of one pattern: members' photos by default; site
 * images (`site-images.ts`) keep theirs in a folder of their own with a pattern of their own.
 */
export function diskStorage(directory: string, keys: RegExp = PHOTO_KEY): PhotoStorage {
  const pathOf = (key: string) => {
    // Keys come from keyOf; this keeps any other string from reaching the file system.
    if (!keys.test(key)) throw new Error(`Not a key of this storage: ${key}`);
    return join(directory, key);
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(join(path, '..'), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${path}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, path);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const { size } = await stat(path);
        return { stream: createReadStream(path), length: size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
