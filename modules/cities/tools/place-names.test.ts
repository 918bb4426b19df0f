import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCatalog } from './place-names.ts';

/** A gettext .mo catalog as msgfmt writes one (little-endian, no hash table). */
function catalog(entries: Array<[string, string]>): Buffer {
  const n = entries.length;
  const header = Buffer.alloc(28 + 16 * n);
  header.writeUInt32LE(0x950412de, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(n, 8);
  header.writeUInt32LE(28, 12);
  header.writeUInt32LE(28 + 8 * n, 16);
  const strings: Buffer[] = [];
  let offset = header.length;
  const put = (table: number, i: number, text: string) => {
    const bytes = Buffer.from(text + '\0', 'utf8');
    header.writeUInt32LE(bytes.length - 1, table + i * 8);
    header.writeUInt32LE(offset, table + i * 8 + 4);
    strings.push(bytes);
    offset += bytes.length;
  };
  entries.forEach(([original], i) => put(28, i, original));
  entries.forEach(([, translation], i) => put(28 + 8 * n, i, translation));
  return Buffer.concat([header, ...strings]);
}

test('reads each original of a gettext catalog with its translation, in UTF-8', () => {
  const read = readCatalog(
    catalog([
      ['2673730', 'Tukholma'],
      ['SE', 'Ruotsi'],
      ['633679', 'Åbo'],
    ]),
  );
  assert.equal(read.get('2673730'), 'Tukholma');
  assert.equal(read.get('SE'), 'Ruotsi');
  assert.equal(read.get('633679'), 'Åbo');
  assert.equal(read.size, 3);
});

test('refuses a file that is not a catalog', () => {
  assert.throws(() => readCatalog(Buffer.alloc(32)), /Not a gettext \.mo file/);
});
