import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import {
  memberPortrait,
  palettePortrait,
  PORTRAIT_FACES,
  PORTRAIT_POSES,
  PORTRAIT_SIZE,
} from './portraits.ts';

test('a member keeps one generated face: the same bytes each time, another pose per photo, a few kB', async () => {
  const first = await memberPortrait('0192f3c4-demo', 'woman', 0);
  assert.deepEqual(await memberPortrait('0192f3c4-demo', 'woman', 0), first);
  const image = await sharp(first).metadata();
  assert.deepEqual([image.format, image.width, image.height], ['webp', PORTRAIT_SIZE, PORTRAIT_SIZE]);
  assert.ok(first.length < 16_000, `small enough to travel inline in a dump (${first.length} bytes)`);
  assert.notDeepEqual(await memberPortrait('0192f3c4-demo', 'woman', 1), first, 'another pose');
  assert.notDeepEqual(await memberPortrait('0192f3c4-demo', 'man', 0), first, 'another look');
  // The k-th photo cycles through the poses, so a member with many photos reuses rendered ones.
  assert.equal(await memberPortrait('0192f3c4-demo', 'woman', PORTRAIT_POSES), first);
});

test('the palette is bounded: a face number wraps around instead of rendering another', async () => {
  assert.equal(await palettePortrait('man', PORTRAIT_FACES + 2, 1), await palettePortrait('man', 2, 1));
  assert.equal(
    await palettePortrait('nonbinary', -1, 0),
    await palettePortrait('nonbinary', PORTRAIT_FACES - 1, 0),
  );
});
