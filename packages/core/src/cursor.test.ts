import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, encodeCursor } from './cursor.ts';

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
