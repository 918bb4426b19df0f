import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCommit } from './group-commit.ts';

test('writes that arrive together share one commit, and each caller waits for it', async () => {
  const commits: number[][] = [];
  const write = groupCommit<number>(async (items) => {
    commits.push([...items]);
  });
  const done: number[] = [];
  await Promise.all([1, 2, 3].map((n) => write(n).then(() => done.push(n))));
  assert.deepEqual(commits, [[1, 2, 3]]);
  assert.deepEqual(done, [1, 2, 3]);
});

test('while one commit is in flight the next batch fills, and runs after it', async () => {
  const commits: number[][] = [];
  let release!: () => void;
  const first = new Promise<void>((resolve) => (release = resolve));
  const write = groupCommit<number>(async (items) => {
    commits.push([...items]);
    if (commits.length === 1) await first;
  });
  const a = write(1);
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  const b = Promise.all([write(2), write(3)]);
  assert.deepEqual(commits, [[1]], 'the second batch waits for the first commit');
  release();
  await Promise.all([a, b]);
  assert.deepEqual(commits, [[1], [2, 3]]);
});

test('a failed commit fails its own callers only; the next batch still commits', async () => {
  let fail = true;
  const commits: number[][] = [];
  const write = groupCommit<number>(async (items) => {
    if (fail) {
      fail = false;
      throw new Error('disk full');
    }
    commits.push([...items]);
  });
  await assert.rejects(write(1), /disk full/);
  await write(2);
  assert.deepEqual(commits, [[2]]);
});

test('a batch holds at most maxBatch items', async () => {
  const sizes: number[] = [];
  const write = groupCommit<number>(async (items) => {
    sizes.push(items.length);
  }, 2);
  await Promise.all([1, 2, 3, 4, 5].map((n) => write(n)));
  assert.deepEqual(sizes, [2, 2, 1]);
});
