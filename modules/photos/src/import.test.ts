// The import service: an old site's photo is checked as an upload is, kept aside, and its
// files are made later (in the background, when a page asks, or when the seed drains the
// queue) upright and without metadata, under names made from its id.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import sharp from 'sharp';
import { createLogger, migrate, openStorage, Problem, systemClock } from '@meetcute/core';
import { photoImport } from './import.ts';
import { Renderer } from './renderer.ts';
import { migrations, type PhotosDb } from './store.ts';
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

async function setUp() {
  const storage = memoryStorage();
  const database = openStorage({ kind: 'sqlite', directory: ':memory:' }).open('photos');
  await migrate(database, migrations);
  const renderer = new Renderer({
    // Storage opens an untyped database; the migrations just run made the photos tables in it.
    db: database.db as PhotosDb,
    storage,
    clock: systemClock,
    logger: createLogger('silent'),
  });
  return { storage, renderer, service: photoImport(renderer) };
}

const SIZE_FILES = ['full', 'profile', 'thumb'].map((size) => `ab/${PHOTO_ID}-${size}.webp`);

test('an imported photo is kept aside, then made upright in every size, as WebP without metadata', async () => {
  const { storage, renderer, service } = await setUp();
  const sizes = await service.store(PHOTO_ID, await oldSitePhoto());
  assert.deepEqual(sizes, {
    thumb: { width: 240, height: 240 },
    profile: { width: 120, height: 160 },
    full: { width: 120, height: 160 },
  });
  assert.deepEqual([...storage.files.keys()], [`ab/${PHOTO_ID}-original`], 'only the original, never served');
  assert.equal(await renderer.due(), 1);
  const left: number[] = [];
  await service.render((n) => left.push(n));
  assert.deepEqual(left, [0]);
  assert.deepEqual([...storage.files.keys()].sort(), SIZE_FILES, 'the original is gone once the sizes exist');
  for (const [key, bytes] of storage.files) {
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.exif, undefined, 'no EXIF (and so no GPS) survives');
    assert.equal(meta.orientation, undefined);
    const size = key.endsWith('thumb.webp') ? 'thumb' : key.endsWith('profile.webp') ? 'profile' : 'full';
    assert.deepEqual({ width: meta.width, height: meta.height }, sizes[size], `${size}: the size published`);
  }
  await renderer.stop();
});

test('a page asking for an imported photo first gets it made then, once for many asking at once', async () => {
  const { storage, renderer, service } = await setUp();
  await service.store(PHOTO_ID, await oldSitePhoto());
  const puts: string[] = [];
  const put = storage.put.bind(storage);
  storage.put = (key, bytes) => (puts.push(key), put(key, bytes));
  await Promise.all([renderer.ensure(PHOTO_ID), renderer.ensure(PHOTO_ID)]);
  assert.deepEqual(puts.sort(), SIZE_FILES, 'each size made once');
  assert.equal(await renderer.due(), 0);
  await renderer.ensure(PHOTO_ID);
  assert.deepEqual([...storage.files.keys()].sort(), SIZE_FILES, 'asked again: nothing more is made');
  assert.equal(puts.length, 3);
  await renderer.stop();
});

test('a photo deleted before its files were made is not made', async () => {
  const { storage, renderer, service } = await setUp();
  await service.store(PHOTO_ID, await oldSitePhoto());
  storage.files.clear();
  await renderer.ensure(PHOTO_ID);
  assert.equal(await renderer.due(), 0);
  assert.equal(storage.files.size, 0);
  await renderer.stop();
});

test('a photo whose header is fine but whose pixels are broken is noted as failed, not retried', async () => {
  const { storage, renderer, service } = await setUp();
  const noise = { type: 'gaussian', mean: 128, sigma: 40 } as const;
  const whole = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888', noise } })
    .jpeg()
    .toBuffer();
  await service.store(PHOTO_ID, whole.subarray(0, Math.floor(whole.length / 2)));
  await renderer.ensure(PHOTO_ID);
  assert.equal(await renderer.due(), 0, 'not retried for ever');
  assert.equal([...storage.files.keys()].filter((k) => k.endsWith('.webp')).length, 0);
  await renderer.stop();
});

test('importing the same photo again replaces it instead of adding more', async () => {
  const { storage, renderer, service } = await setUp();
  await service.store(PHOTO_ID, await oldSitePhoto());
  await service.store(PHOTO_ID, await oldSitePhoto());
  assert.equal(await renderer.due(), 1);
  await service.render();
  assert.deepEqual([...storage.files.keys()].sort(), SIZE_FILES);
  await renderer.stop();
});

test('what an upload would refuse is refused with the same problem, and nothing is stored', async () => {
  const { storage, renderer, service } = await setUp();
  await assert.rejects(
    service.store(PHOTO_ID, Buffer.from('GIF89a not a photo we take')),
    (error: unknown) => error instanceof Problem && error.status === 415,
  );
  assert.equal(storage.files.size, 0);
  assert.equal(await renderer.due(), 0);
  await renderer.stop();
});

test('only an id of the kind the site makes may name the files', async () => {
  const { renderer, service } = await setUp();
  await assert.rejects(service.store('../../etc/passwd', await oldSitePhoto()), /Not a photo id/);
  await renderer.stop();
});
