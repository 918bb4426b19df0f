import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decideImage,
  decideUpload,
  isImageRefusal,
  PHOTOS_PER_MEMBER,
  PIXEL_LIMITS,
  type Measured,
  type UploadState,
} from './rules.ts';

const photo = (width: number, height: number): Measured => ({ type: 'image', width, height });

// The image rule alone, as a photo brought in from an old site is checked.
describe('deciding an image', () => {
  test('given a JPEG, PNG, WebP or AVIF of a sane size, it is kept at its upright size', () => {
    assert.deepEqual(decideImage(photo(3000, 4000)), { accepted: { width: 3000, height: 4000 } });
  });

  test('given an iPhone HEIC, it is refused as such (the member is told how to export it)', () => {
    assert.deepEqual(decideImage({ type: 'heic' }), { refused: 'heic' });
  });

  test('given bytes of another type, or a header that does not read, it is refused as unsupported', () => {
    assert.deepEqual(decideImage({ type: 'unknown' }), { refused: 'unsupported-image' });
  });

  test('given a side longer than the limit, or more pixels than the limit, it is refused as a flood', () => {
    const { maxSide, maxPixels } = PIXEL_LIMITS;
    assert.deepEqual(decideImage(photo(maxSide, 100)), { accepted: { width: maxSide, height: 100 } });
    assert.deepEqual(decideImage(photo(maxSide + 1, 100)), { refused: 'too-many-pixels' });
    assert.deepEqual(decideImage(photo(100, maxSide + 1)), { refused: 'too-many-pixels' });
    // Each side within the limit, but together too many: 8000 × 7000 is 56 MP.
    assert.ok(8000 <= maxSide && 8000 * 7000 > maxPixels);
    assert.deepEqual(decideImage(photo(8000, 7000)), { refused: 'too-many-pixels' });
  });
});

// The upload decider, specified as given (what is known), when (Nancy uploads a photo),
// then (what to keep, or the refusal the API maps to its answer).
describe('deciding an upload', () => {
  const given = (facts: Partial<UploadState> = {}): UploadState => ({
    album: 'public',
    file: photo(1200, 900),
    kept: 0,
    inFlight: 0,
    ...facts,
  });

  test('given room in her albums, Nancy’s photo is kept in the album she chose, at its upright size', () => {
    assert.deepEqual(decideUpload(given({ album: 'private' })), {
      accepted: { album: 'private', upright: { width: 1200, height: 900 } },
    });
  });

  test('given no album named, the photo goes to the public album', () => {
    assert.equal(decideUpload(given({ album: '' })).accepted?.album, 'public');
  });

  test('given an album that is neither public nor private, the upload is refused first, whatever else', () => {
    const anything = { file: null, kept: PHOTOS_PER_MEMBER };
    assert.deepEqual(decideUpload(given({ album: 'secret', ...anything })), { refused: 'unknown-album' });
  });

  test('given no file came, the upload names the missing photo', () => {
    assert.deepEqual(decideUpload(given({ file: null, kept: PHOTOS_PER_MEMBER })), { refused: 'no-photo' });
  });

  test(`given ${PHOTOS_PER_MEMBER} photos kept or on their way, the albums are full, whatever the file`, () => {
    assert.ok(decideUpload(given({ kept: PHOTOS_PER_MEMBER - 1 })).accepted);
    assert.deepEqual(decideUpload(given({ kept: PHOTOS_PER_MEMBER })), { refused: 'albums-full' });
    // Uploads still being made hold their places: the last ones cannot all pass at once.
    assert.deepEqual(decideUpload(given({ kept: PHOTOS_PER_MEMBER - 2, inFlight: 2 })), {
      refused: 'albums-full',
    });
    assert.deepEqual(decideUpload(given({ kept: PHOTOS_PER_MEMBER, file: { type: 'heic' } })), {
      refused: 'albums-full',
    });
  });

  test('given room, a file the image rule refuses is refused for the same reason', () => {
    for (const [file, reason] of [
      [{ type: 'heic' }, 'heic'],
      [{ type: 'unknown' }, 'unsupported-image'],
      [photo(PIXEL_LIMITS.maxSide + 1, 10), 'too-many-pixels'],
    ] as const) {
      const decision = decideUpload(given({ file }));
      assert.deepEqual(decision, { refused: reason });
      assert.ok(isImageRefusal(reason), 'counted among the uploads refused for their file');
    }
  });

  test('the albums and the form are not the file’s fault: those refusals are not counted as the image’s', () => {
    for (const reason of ['unknown-album', 'no-photo', 'albums-full'] as const)
      assert.equal(isImageRefusal(reason), false);
  });
});
