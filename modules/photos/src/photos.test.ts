// Real images, made here with sharp, through the whole app: what comes out is stripped,
// upright and re-encoded; lies about the type, floods of pixels and oversized bodies are
// refused (the last before the body is read); files follow the photo's life on disk.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { sql } from 'kysely';
import { given, type When, SESSIONS } from '@meetcute/core';
import { startTestApp, testDatabases, type TestApp, type TestAppFactory } from '@meetcute/core/testing';
import { testAppWith } from '@meetcute/server/testing';
import { MemberBlocked } from '@meetcute/block/events';
// After the app's modules: the cast imports registration, whose use cases import the cast.
import { approved, bob, mo, nancy } from '@meetcute/cast';
import { LIMITS, sniff } from './images.ts';
import { PHOTOS_PER_MEMBER } from './commands.ts';
import { PhotoUploaded } from './events.ts';

const MAX_BYTES = 200 * 1024;

function factoryIn(directory: string): TestAppFactory {
  return testAppWith({ MEETCUTE_PHOTO_DIRECTORY: directory, MEETCUTE_PHOTO_MAX_BYTES: String(MAX_BYTES) });
}

/** A landscape JPEG as a phone takes it held upright: stored sideways, EXIF says "turn right", with GPS. */
function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: '#c06040' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 19/1 4596/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '18/1 4/1 2340/100',
      },
    })
    .toBuffer();
}

/** Noise does not compress: a PNG well over the cap, whose first bytes stay under the cap plus the form's slack. */
const incompressible = () =>
  sharp(Buffer.from(Array.from({ length: 300 * 300 * 3 }, (_, i) => (i * 7919) % 251)), {
    raw: { width: 300, height: 300, channels: 3 },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();

const png = () =>
  sharp({ create: { width: 120, height: 90, channels: 4, background: '#3366aa' } })
    .png()
    .toBuffer();

/** A valid 1×1 PNG whose header claims 30000×30000 pixels: a decompression bomb in 70 bytes. */
async function pixelBomb(): Promise<Buffer> {
  const bytes = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  // IHDR's data starts at 16: width, height; its CRC covers type and data (12 to 29).
  bytes.writeUInt32BE(30_000, 16);
  bytes.writeUInt32BE(30_000, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

const upload = (as: string, bytes: Buffer, filename: string, contentType: string, body = {}): When => ({
  as,
  method: 'POST',
  url: '/api/v1/photos',
  body,
  upload: { field: 'photo', filename, contentType, bytes },
});

async function filesIn(directory: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.push(entry.name);
  }
  return found.sort();
}

const databases = await testDatabases();
if (databases.skipped) test('photos on PostgreSQL', { skip: databases.skipped }, () => undefined);

for (const dialect of databases.dialects) {
  describe(`photos on ${dialect}`, () => {
    let directory = '';
    let t: TestApp;

    const start = async () => {
      directory = await mkdtemp(join(tmpdir(), 'meetcute-photos-test-'));
      t = await startTestApp(factoryIn(directory), dialect);
      await t.given([...approved(nancy), ...approved(bob), ...approved(mo)]);
    };
    const stop = async () => {
      await t.close();
      await rm(directory, { recursive: true, force: true });
    };

    test('a phone JPEG comes out upright, re-encoded, and without any EXIF or GPS', async () => {
      await start();
      try {
        const original = await phoneJpeg();
        const before = await sharp(original).metadata();
        assert.ok(before.exif, 'the test photo carries EXIF');
        assert.equal(before.orientation, 6);
        const response = await t.call(upload(nancy.memberId, original, 'IMG_0001.JPG', 'image/jpeg'));
        assert.equal(response.status, 201, response.body);
        const photo = response.json as {
          photoId: string;
          sizes: { full: { width: number; height: number } };
        };
        assert.deepEqual(photo.sizes.full, { width: 200, height: 300 }, 'turned upright');

        const full = await t.call({
          as: nancy.memberId,
          method: 'GET',
          url: `/photos/${photo.photoId}/full`,
        });
        assert.equal(full.status, 200);
        assert.equal(full.headers['content-type'], 'image/webp');
        assert.equal(full.headers['x-content-type-options'], 'nosniff');
        assert.equal(full.headers['cache-control'], 'private, max-age=31536000, immutable');

        // A private photo is never kept by the browser: locking the album again must hold.
        const secret = await t.call(
          upload(nancy.memberId, original, 'IMG_0002.JPG', 'image/jpeg', { album: 'private' }),
        );
        assert.equal(secret.status, 201, secret.body);
        const privately = await t.call({
          as: nancy.memberId,
          method: 'GET',
          url: `/photos/${(secret.json as { photoId: string }).photoId}/full`,
        });
        assert.equal(privately.status, 200);
        assert.equal(privately.headers['cache-control'], 'private, no-store');
        const stored = await t.app.http.inject({
          method: 'GET',
          url: `/photos/${photo.photoId}/full`,
          headers: { cookie: await sessionCookie(t, nancy.memberId) },
        });
        const after = await sharp(stored.rawPayload).metadata();
        assert.equal(after.format, 'webp');
        assert.equal(after.exif, undefined, 'no EXIF (and so no GPS) survives');
        assert.equal(after.xmp, undefined);
        assert.equal(after.orientation, undefined);
        assert.deepEqual([after.width, after.height], [200, 300]);
        assert.ok(!stored.rawPayload.includes(Buffer.from('PhoneMaker')));
      } finally {
        await stop();
      }
    });

    test('a PNG named .jpg is taken for what it is and stored re-encoded', async () => {
      await start();
      try {
        const response = await t.call(upload(nancy.memberId, await png(), 'holiday.jpg', 'image/jpeg'));
        assert.equal(response.status, 201, response.body);
        assert.deepEqual((response.json as { sizes: { full: unknown } }).sizes.full, {
          width: 120,
          height: 90,
        });
        assert.equal((await filesIn(directory)).filter((f) => f.endsWith('.webp')).length, 3);
      } finally {
        await stop();
      }
    });

    test('ten uploads sent at once fill the albums to the limit and no further', async () => {
      await start();
      try {
        const kept = PHOTOS_PER_MEMBER - 4;
        await t.given(
          Array.from({ length: kept }, (_, i) =>
            given(
              PhotoUploaded,
              {
                photoId: `00000000-0000-7000-8000-${String(900 + i).padStart(12, '0')}`,
                ownerId: nancy.memberId,
                album: 'private',
                sizes: {
                  thumb: { width: 240, height: 240 },
                  profile: { width: 640, height: 480 },
                  full: { width: 1600, height: 1200 },
                },
              },
              { actorId: nancy.memberId },
            ),
          ),
        );
        const image = await png();
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            t.call(upload(nancy.memberId, image, `p${i}.png`, 'image/png')),
          ),
        );
        const statuses = answers.map((a) => a.status).sort();
        assert.deepEqual(statuses, [201, 201, 201, 201, 409, 409, 409, 409, 409, 409], answers[0]?.body);
        const mine = await t.call({ as: nancy.memberId, method: 'GET', url: '/api/v1/photos' });
        assert.equal((mine.json as { photos: unknown[] }).photos.length, PHOTOS_PER_MEMBER);
        // Only the four kept ones left files behind: three sizes each.
        assert.equal((await filesIn(directory)).filter((f) => f.endsWith('.webp')).length, 4 * 3);
      } finally {
        await stop();
      }
    });

    test('a web page named photo.jpg, and an iPhone HEIC, are refused with what to do', async () => {
      await start();
      try {
        const page = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
        const html = await t.call(upload(nancy.memberId, page, 'photo.jpg', 'image/jpeg'));
        assert.equal(html.status, 415);
        assert.match((html.json as { detail: string }).detail, /JPEG, PNG, WebP or AVIF/);
        const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
        const iphone = await t.call(upload(nancy.memberId, heic, 'IMG_0002.HEIC', 'image/heic'));
        assert.equal(iphone.status, 415);
        assert.match((iphone.json as { detail: string }).detail, /Export the photo as JPEG/);
        const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
        assert.equal((await t.call(upload(nancy.memberId, svg, 'a.png', 'image/png'))).status, 415);
        assert.deepEqual(await filesIn(directory), [], 'nothing refused reached the disk');
      } finally {
        await stop();
      }
    });

    test('a pixel bomb is refused before it is decoded', async () => {
      await start();
      try {
        const bomb = await pixelBomb();
        assert.equal(sniff(bomb), 'png');
        assert.ok(bomb.length < 200);
        const response = await t.call(upload(nancy.memberId, bomb, 'small.png', 'image/png'));
        assert.equal(response.status, 422);
        assert.match((response.json as { detail: string }).detail, new RegExp(String(LIMITS.maxSide)));
      } finally {
        await stop();
      }
    });

    test('an upload over the cap is refused while it streams, even when its declared length passed', async () => {
      await start();
      try {
        const noise = await incompressible();
        assert.ok(noise.length > MAX_BYTES);
        const response = await t.call(
          upload(nancy.memberId, noise.subarray(0, MAX_BYTES + 30_000), 'big.png', 'image/png'),
        );
        assert.equal(response.status, 413);
        assert.deepEqual(await filesIn(directory), []);
      } finally {
        await stop();
      }
    });

    test('on the photo page, an upload that goes over the cap while it streams comes back to the form, saying so, in the member’s layout', async () => {
      await start();
      try {
        const noise = await incompressible();
        const response = await t.call({
          ...upload(nancy.memberId, noise.subarray(0, MAX_BYTES + 30_000), 'big.png', 'image/png'),
          url: '/photos',
        });
        assert.equal(response.status, 413);
        for (const shown of ['Files up to', 'enctype="multipart/form-data"', 'action="/logout"']) {
          assert.ok(response.body.includes(shown), `the page shows ${shown}`);
        }
        assert.deepEqual(await filesIn(directory), []);
      } finally {
        await stop();
      }
    });

    test('an upload declaring more than the cap is answered 413 before its body is read', async () => {
      await start();
      try {
        const url = await t.app.http.listen({ host: '127.0.0.1', port: 0 });
        const { port } = new URL(url);
        const cookie = await sessionCookie(t, nancy.memberId);
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = connect(Number(port), '127.0.0.1');
          let received = '';
          socket.on('data', (chunk) => {
            received += chunk.toString('latin1');
            // The answer comes while nearly all of the declared gigabyte is still unsent.
            if (received.includes('\r\n\r\n')) {
              socket.destroy();
              resolve(received);
            }
          });
          socket.on('error', reject);
          socket.write(
            'POST /api/v1/photos HTTP/1.1\r\nHost: localhost\r\n' +
              `Cookie: ${cookie}\r\n` +
              'Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 1000000000\r\n\r\n--x\r\n',
          );
        });
        assert.match(answer, /^HTTP\/1\.1 413/);
      } finally {
        await stop();
      }
    });

    test('an upload without the form token is refused before its file is read', async () => {
      await start();
      try {
        const forged = upload(nancy.memberId, await png(), 'a.png', 'image/png', { _csrf: 'forged' });
        assert.equal((await t.call(forged)).status, 403);
        assert.deepEqual(await filesIn(directory), []);
      } finally {
        await stop();
      }
    });

    test('others see a photo once approved, never across a block; delete removes every file', async () => {
      await start();
      try {
        const created = await t.call(upload(nancy.memberId, await png(), 'me.png', 'image/png'));
        const { photoId } = created.json as { photoId: string };
        const thumb = `/photos/${photoId}/thumb`;
        assert.equal((await t.call({ as: bob.memberId, method: 'GET', url: thumb })).status, 404, 'pending');
        assert.equal(
          (await t.call({ as: mo.memberId, method: 'GET', url: thumb })).status,
          200,
          'the moderator reviews it',
        );
        const portrait = `/members/${nancy.memberId}/portrait/thumb`;
        assert.equal(
          (await t.call({ as: bob.memberId, method: 'GET', url: portrait })).headers['content-type'],
          'image/svg+xml',
        );
        assert.equal(
          (await t.call({ as: mo.memberId, method: 'POST', url: `/api/v1/review/photos/${photoId}/approve` }))
            .status,
          200,
        );
        assert.equal((await t.call({ as: bob.memberId, method: 'GET', url: thumb })).status, 200);
        const redirected = await t.call({ as: bob.memberId, method: 'GET', url: portrait });
        assert.equal(redirected.status, 302);
        assert.equal(redirected.headers.location, thumb);

        await t.given([
          { event: MemberBlocked, payload: { blockerId: nancy.memberId, blockedId: bob.memberId } },
        ]);
        assert.equal((await t.call({ as: bob.memberId, method: 'GET', url: thumb })).status, 404);
        const silhouette = await t.call({ as: bob.memberId, method: 'GET', url: portrait });
        assert.equal(silhouette.status, 200, 'a block looks like no portrait at all');
        assert.equal(silhouette.headers['content-type'], 'image/svg+xml');

        assert.equal((await filesIn(directory)).length, 3);
        const deleted = await t.call({
          as: nancy.memberId,
          method: 'DELETE',
          url: `/api/v1/photos/${photoId}`,
        });
        assert.equal(deleted.status, 204);
        assert.deepEqual(await filesIn(directory), []);
        assert.equal((await t.call({ as: nancy.memberId, method: 'GET', url: thumb })).status, 404);
      } finally {
        await stop();
      }
    });

    test('rebuilding photos from the event log leaves its tables identical', async () => {
      await start();
      try {
        const ids: string[] = [];
        for (const album of ['public', 'private', 'public']) {
          const r = await t.call(upload(nancy.memberId, await png(), 'a.png', 'image/png', { album }));
          ids.push((r.json as { photoId: string }).photoId);
        }
        const [a, b, c] = ids as [string, string, string];
        await t.call({ as: mo.memberId, method: 'POST', url: `/api/v1/review/photos/${a}/approve` });
        await t.call({ as: mo.memberId, method: 'POST', url: `/api/v1/review/photos/${b}/approve` });
        await t.call({
          as: mo.memberId,
          method: 'POST',
          url: `/api/v1/review/photos/${c}/reject`,
          body: { reason: 'Blurry' },
        });
        await t.call({ as: nancy.memberId, method: 'PUT', url: `/api/v1/photos/unlocks/${bob.memberId}` });
        await t.call({ as: bob.memberId, method: 'PUT', url: `/api/v1/photos/${a}/like` });
        await t.call({ as: bob.memberId, method: 'PUT', url: `/api/v1/photos/${b}/like` });
        await t.call({ as: mo.memberId, method: 'PUT', url: `/api/v1/photos/${a}/like` });
        await t.call({ as: mo.memberId, method: 'DELETE', url: `/api/v1/photos/${a}/like` });
        await t.call({ as: nancy.memberId, method: 'PUT', url: `/api/v1/photos/unlocks/${mo.memberId}` });
        await t.call({ as: nancy.memberId, method: 'DELETE', url: `/api/v1/photos/unlocks/${mo.memberId}` });
        const tables = async () => {
          const db = t.app.channel('photos').database.db;
          return {
            photos: (await sql`select * from photos order by photo_id`.execute(db)).rows,
            portraits: (await sql`select * from portraits order by member_id`.execute(db)).rows,
            likes: (await sql`select * from photo_likes order by photo_id, member_id`.execute(db)).rows,
            unlocks: (await sql`select * from album_unlocks order by owner_id, member_id`.execute(db)).rows,
          };
        };
        const before = await tables();
        assert.equal(before.likes.length, 2);
        assert.equal(before.unlocks.length, 1);
        await t.app.rebuild('photos');
        assert.deepEqual(await tables(), before);
      } finally {
        await stop();
      }
    });
  });
}

/** A session cookie of the member's own, for calls the use-case runner cannot make (raw bytes, sockets). */
async function sessionCookie(t: TestApp, memberId: string): Promise<string> {
  const sessions = t.app.services.require(SESSIONS);
  return `mc_session=${await sessions.open(memberId)}`;
}
