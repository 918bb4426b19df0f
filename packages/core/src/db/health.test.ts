import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../observability/logger.ts';
import { DatabaseHealth } from './health.ts';

const full = new Error('database or disk is full');

test('a database stays down until a write succeeds there: another module’s success says nothing of it', () => {
  const health = new DatabaseHealth(createLogger('silent'));
  assert.equal(health.failed(full, 'favourites'), 'disk full');
  health.failed(full, 'alerts');
  health.ok('auth');
  assert.deepEqual(health.places, ['favourites', 'alerts']);
  health.ok('favourites');
  assert.deepEqual(health.down && { where: health.down.where, cause: health.down.cause }, {
    where: 'alerts',
    cause: 'disk full',
  });
  health.ok('alerts');
  assert.equal(health.down, null);
});

test('an error that is not about the database marks nothing down', () => {
  const health = new DatabaseHealth(createLogger('silent'));
  assert.equal(health.failed(new Error('a bug'), 'favourites'), undefined);
  assert.equal(health.down, null);
});
