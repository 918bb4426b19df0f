import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tokensOf } from './style-guide.ts';

test('the style guide reads the design tokens from the stylesheet, grouped under their headings', () => {
  const tokens = tokensOf(readFileSync(join(import.meta.dirname, '..', 'assets', 'site.css'), 'utf8'));
  const accent = tokens.find((t) => t.name === '--accent');
  assert.deepEqual(accent, { group: 'Colours', name: '--accent', value: '#c2185b' });
  assert.equal(tokens.find((t) => t.name === '--space-4')?.group, 'Space');
  assert.equal(tokens.find((t) => t.name === '--radius-m')?.group, 'Radii');
  assert.equal(tokens.find((t) => t.name === '--text-m')?.group, 'Type scale (1.2)');
  assert.ok(tokens.length >= 20, `every token of :root, found ${tokens.length}`);
});

test('a stylesheet without a :root block has no tokens, and comments alone make none', () => {
  assert.deepEqual(tokensOf('body { color: red; }'), []);
  assert.deepEqual(tokensOf(':root {\n  /* Colours. */\n}'), []);
});
