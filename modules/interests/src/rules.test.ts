import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkTag, normaliseTag, sortTags } from './rules.ts';

describe('interest rules', () => {
  test('normalising trims, collapses whitespace, lower-cases and composes accents', () => {
    assert.equal(normaliseTag('  Hiking '), 'hiking');
    assert.equal(normaliseTag('Jazz \t\n  Blues'), 'jazz blues');
    assert.equal(normaliseTag('\u00a0ÅKA SKIDOR\u2003'), 'åka skidor');
    assert.equal(normaliseTag('ÄRTSOPPA och Öl'), 'ärtsoppa och öl');
    assert.equal(normaliseTag('Cafe\u0301'), 'caf\u00e9');
    assert.equal(normaliseTag('A\u030angström'), normaliseTag('Ångström'));
  });

  test('letters of any script, digits, spaces and hyphens make a tag of 2 to 30 characters', () => {
    for (const ok of [
      'jazz',
      '80s hip-hop',
      'öl',
      'saunaillat',
      'ελληνικά',
      '日本語',
      'ab',
      'å'.repeat(30),
    ]) {
      assert.deepEqual(checkTag(ok).errors, [], ok);
    }
    assert.equal(checkTag('Ja').tag, 'ja');
  });

  test('the limits count characters, not UTF-16 units or decomposed marks', () => {
    assert.deepEqual(checkTag('o\u0308'.repeat(30)).errors, [], '30 decomposed ö are 30 characters');
    assert.equal(checkTag('ö'.repeat(31)).errors.length, 1);
  });

  test('every problem names the field and says what is allowed', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /^Write an interest of 2 to 30 letters, digits, spaces and hyphens/],
      ['x', /at least 2 characters/],
      ['x'.repeat(31), /at most 30 characters .* this one has 31\.$/],
      ['#jazz', /only letters, digits, spaces and hyphens, not “#”\.$/],
      ['c++ & c#', /not “\+”, “&”, “#”\.$/],
      ['jazz\u200bblues', /not invisible characters\.$/],
      ['😀😀', /not “😀”\.$/],
      ['--', /at least one letter or digit/],
    ];
    for (const [input, message] of cases) {
      const { errors } = checkTag(input);
      assert.equal(errors.length, 1, input);
      assert.equal(errors[0]?.field, 'tag');
      assert.match(errors[0]?.message ?? '', message, input);
    }
    assert.equal(checkTag('x', 'params.tag').errors[0]?.field, 'params.tag');
  });

  test('tags sort as a Nordic reader expects: å, ä, ö after z', () => {
    assert.deepEqual(sortTags(['öl', 'jazz', 'ärtsoppa', 'åka skidor', 'zumba', 'Bastu'.toLowerCase()]), [
      'bastu',
      'jazz',
      'zumba',
      'åka skidor',
      'ärtsoppa',
      'öl',
    ]);
  });
});
