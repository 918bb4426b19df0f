import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nicknameSkeleton } from './rules.ts';

test('nicknames that can pass for each other have one skeleton', () => {
  const alike: Array<[string, string]> = [
    ['Bob', 'B0b'], // zero for o
    ['Sam', 'Sarn'], // r n for m
    ['lan', 'Ian'], // capital i for l
    ['Nancy', 'N\u0430ncy'], // Cyrillic a
    ['Mo', '\u041c\u043e'], // all Cyrillic
    ['Nancy', 'NANCY'], // case
    ['Eve', 'E\u200bve'], // an invisible space
  ];
  for (const [a, b] of alike) assert.equal(nicknameSkeleton(a), nicknameSkeleton(b), `${a} / ${b}`);
});

test('nicknames a reader tells apart keep apart', () => {
  const apart: Array<[string, string]> = [
    ['Bob', 'Rob'],
    ['Asa', 'Åsa'],
    ['Olga', 'Ольга'],
    ['Nancy', 'Nanci'],
  ];
  for (const [a, b] of apart) assert.notEqual(nicknameSkeleton(a), nicknameSkeleton(b), `${a} / ${b}`);
});
