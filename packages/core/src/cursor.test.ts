import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, encodeCursor, encodeKeyset, readKeyset, withNewest } from './cursor.ts';

test('a cursor survives the round trip and is opaque', () => {
  const text = encodeCursor({ at: '2026-06-01T10:00:00.000Z', id: 'abc' });
  assert.doesNotMatch(text, /2026/);
  assert.deepEqual(decodeCursor(text), { at: '2026-06-01T10:00:00.000Z', id: 'abc' });
  assert.equal(decodeCursor(''), undefined);
});

test('anything else is a 400 naming the cursor', () => {
  for (const bad of [
    'nonsense',
    Buffer.from('{"at":1}').toString('base64url'),
    Buffer.from('["yesterday","x"]').toString('base64url'),
  ]) {
    assert.throws(
      () => decodeCursor(bad),
      (e: { status?: number; errors?: Array<{ field: string }> }) =>
        e.status === 400 && e.errors?.[0]?.field === 'cursor',
    );
  }
});

test('a head keeps the newest items in order, and a short head takes older ones too', () => {
  const key = (x: { at: string; id: string }) => x;
  const a = { at: '2026-01-03T00:00:00.000Z', id: 'a' };
  const b = { at: '2026-01-02T00:00:00.000Z', id: 'b' };
  const c = { at: '2026-01-02T00:00:00.000Z', id: 'c' };
  const d = { at: '2026-01-01T00:00:00.000Z', id: 'd' };
  assert.deepEqual(withNewest([a, b], c, key, 3), [a, c, b]);
  assert.deepEqual(withNewest([a, c, b], d, key, 3), [a, c, b], 'older than a full head: not in it');
  assert.deepEqual(withNewest([a, c], d, key, 3), [a, c, d], 'a short head is the whole list');
  assert.deepEqual(withNewest([a, b], a, key, 3), [a, b], 'already there');
});

test('a keyset of any list comes back part for part; anything else reads as no cursor', () => {
  const parts = ['distance', 12.5, '0190f3a2-0000-7000-8000-000000000001'];
  assert.deepEqual(readKeyset(encodeKeyset(parts)), parts);
  for (const bad of [
    'not base64url!',
    Buffer.from('{"s":"distance"}').toString('base64url'),
    Buffer.from('[1e999]').toString('base64url'),
    Buffer.from('[null]').toString('base64url'),
    Buffer.from(JSON.stringify(['x'.repeat(201)])).toString('base64url'),
    'A'.repeat(601),
  ])
    assert.equal(readKeyset(bad), undefined, bad.slice(0, 40));
});
