// Photo storage, behind one interface: what every implementation must do, run against
// each one there is. A cluster's nodes share one directory (a network file system
// mounted at MEETCUTE_PHOTO_DIRECTORY on every node), so a file one node stored is served
// by any other, and a file one deleted is gone for all.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { diskStorage, keyOf, originalKeyOf, type PhotoStorage } from './storage.ts';

async function bytesOf(found: { stream: Readable; length: number } | null): Promise<Buffer | null> {
  if (!found) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of found.stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  assert.equal(found.length, bytes.length, 'the length it says is the length it sends');
  return bytes;
}

const PHOTO = '0190a1b2-c3d4-7e5f-8a6b-00000000002a';

/** The same contract for every implementation: `open` makes a storage, twice over one place for two nodes. */
function contract(name: string, open: () => PhotoStorage) {
  describe(`photo storage: ${name}`, () => {
    test('a stored file comes back whole; a new one under its key replaces it', async () => {
      const storage = open();
      await storage.put(keyOf(PHOTO, 'thumb'), Buffer.from('first'));
      assert.deepEqual(await bytesOf(await storage.get(keyOf(PHOTO, 'thumb'))), Buffer.from('first'));
      await storage.put(keyOf(PHOTO, 'thumb'), Buffer.from('second, longer'));
      assert.deepEqual(
        await bytesOf(await storage.get(keyOf(PHOTO, 'thumb'))),
        Buffer.from('second, longer'),
      );
    });

    test('a missing file is null, and deleting one twice is no error', async () => {
      const storage = open();
      await storage.put(originalKeyOf(PHOTO), Buffer.from('original'));
      await storage.delete(originalKeyOf(PHOTO));
      await storage.delete(originalKeyOf(PHOTO));
      assert.equal(await storage.get(originalKeyOf(PHOTO)), null);
      assert.equal(await storage.get(keyOf('0190a1b2-c3d4-7e5f-8a6b-0000000000ff', 'full')), null);
    });

    test('only keys made from a photo id reach the store', async () => {
      const storage = open();
      await assert.rejects(storage.put('../../etc/passwd', Buffer.from('x')), /Not a key of this storage/);
      await assert.rejects(storage.get('ab/../../secret'), /Not a key of this storage/);
    });

    test('two nodes on one store: what one stores the other serves, what one deletes is gone for both', async () => {
      const [one, two] = [open(), open()];
      await one.put(keyOf(PHOTO, 'profile'), Buffer.from('portrait'));
      assert.deepEqual(await bytesOf(await two.get(keyOf(PHOTO, 'profile'))), Buffer.from('portrait'));
      await two.delete(keyOf(PHOTO, 'profile'));
      assert.equal(await one.get(keyOf(PHOTO, 'profile')), null);
    });
  });
}

const directory = mkdtempSync(join(tmpdir(), 'meetcute-photos-'));
after(() => rmSync(directory, { recursive: true, force: true }));
contract('a directory (local, or shared by the nodes of a cluster)', () => diskStorage(directory));
