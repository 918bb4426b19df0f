// The import service: an old site's photo goes through the same pipeline as an upload,
// lands under names made from its id, and a second run over the same id replaces it.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import sharp from 'sharp';
import { Problem } from '@meetcute/core';
import { photoImport } from './import.ts';
import type { PhotoStorage } from './storage.ts';

function memoryStorage(): PhotoStorage & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    put(key, bytes) {
      files.set(key, bytes);
      return Promise.resolve();
    },
    get(key) {
      const bytes = files.get(key);
      return Promise.resolve(bytes ? { stream: Readable.from([bytes]), length: bytes.length } : null);
    },
    delete(key) {
      files.delete(key);
      return Promise.resolve();
    },
  };
}

const PHOTO_ID = '019a0000-0000-7000-8000-0000000000ab';

/** An old site's JPEG, sideways with EXIF orientation and GPS, as phones save them. */
const oldSitePhoto = () =>
  sharp({ create: { width: 160, height: 120, channels: 3, background: '#4080c0' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '60/1 10/1 0/1' } })
    .toBuffer();

test('an imported photo is stored upright in every size, as WebP without metadata', async () => {
  const storage = memoryStorage();
  const sizes = await photoImport(storage).store(PHOTO_ID, await oldSitePhoto());
  assert.deepEqual(sizes, {
    thumb: { width: 240, height: 240 },
    profile: { width: 120, height: 160 },
    full: { width: 120, height: 160 },
  });
  assert.deepEqual([...storage.files.keys()].sort(), [
    'ab/' + PHOTO_ID + '-full.webp',
    'ab/' + PHOTO_ID + '-profile.webp',
    'ab/' + PHOTO_ID + '-thumb.webp',
  ]);
  for (const bytes of storage.files.values()) {
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.exif, undefined, 'no EXIF (and so no GPS) survives');
    assert.equal(meta.orientation, undefined);
  }
});

test('importing the same photo again replaces its files instead of adding more', async () => {
  const storage = memoryStorage();
  const service = photoImport(storage);
  await service.store(PHOTO_ID, await oldSitePhoto());
  const first = new Map(storage.files);
  await service.store(PHOTO_ID, await oldSitePhoto());
  assert.deepEqual([...storage.files.keys()].sort(), [...first.keys()].sort());
});

test('what an upload would refuse is refused with the same problem, and nothing is stored', async () => {
  const storage = memoryStorage();
  await assert.rejects(
    photoImport(storage).store(PHOTO_ID, Buffer.from('GIF89a not a photo we take')),
    (error: unknown) => error instanceof Problem && error.status === 415,
  );
  assert.equal(storage.files.size, 0);
});

test('only an id of the kind the site makes may name the files', async () => {
  await assert.rejects(
    photoImport(memoryStorage()).store('../../etc/passwd', await oldSitePhoto()),
    /Not a photo id/,
  );
});
