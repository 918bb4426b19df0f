// A view's budget: what it keeps when more keys are read than it may hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryView } from './views.ts';

/** A view of `budget` entries over a table where every key has a value, counting the reads that reach it. */
function viewOf(budget: number) {
  const reads: string[] = [];
  const view = new MemoryView<string>(
    {
      name: 'cards',
      budget,
      load: (key) => {
        reads.push(key);
        return Promise.resolve(`card of ${key}`);
      },
    },
    { addViewHandler: () => undefined },
  );
  return { view, reads };
}

test('over its budget a view forgets the key read least recently, not the one loaded first', async () => {
  const { view, reads } = viewOf(4);
  for (const key of ['a', 'b', 'c', 'd']) await view.get(key);
  // Full: a read now counts, so 'a' becomes the most recently read.
  assert.equal(await view.get('a'), 'card of a');
  await view.get('e');
  assert.equal(view.size, 4);
  reads.length = 0;
  for (const key of ['a', 'c', 'd', 'e']) await view.get(key);
  assert.deepEqual(reads, [], 'a, c, d and e are held');
  await view.get('b');
  assert.deepEqual(reads, ['b'], 'b, the least recently read, was forgotten');
});

test('a view far from its budget answers from memory whatever the order of reads', async () => {
  const { view, reads } = viewOf(100);
  for (const key of ['a', 'b', 'c']) await view.get(key);
  for (let i = 0; i < 10; i++)
    for (const key of ['c', 'a', 'b']) assert.equal(await view.get(key), `card of ${key}`);
  assert.deepEqual(reads, ['a', 'b', 'c'], 'each read from the table once');
  assert.equal(view.hits, 30);
});
