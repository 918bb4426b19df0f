import { test } from 'node:test';
import assert from 'node:assert/strict';
import { variantDensity } from './density.ts';

test('a news variant names one item after every N cards, or none', () => {
  assert.equal(variantDensity('news', 'every-1'), 1);
  assert.equal(variantDensity('news', 'every-8'), 8);
  assert.equal(variantDensity('news', 'every-100'), 100);
  assert.equal(variantDensity('news', 'none'), 0);
});

test('the alerts and profile variants name how many items stand together, or none', () => {
  assert.equal(variantDensity('alerts', 'show-2'), 2);
  assert.equal(variantDensity('profile', 'show-5'), 5);
  assert.equal(variantDensity('profile', 'none'), 0);
});

test('any other variant names no density, so the configured one holds', () => {
  for (const [placement, variant] of [
    ['news', 'control'],
    ['news', 'every-0'],
    ['news', 'every-101'],
    ['news', 'every-08x'],
    ['news', 'show-2'],
    ['alerts', 'every-4'],
    ['alerts', 'show-0'],
    ['alerts', 'show-6'],
    ['profile', 'show-12'],
  ] as const)
    assert.equal(variantDensity(placement, variant), undefined, `${placement} ${variant}`);
});
