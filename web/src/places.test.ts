import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeLabel } from './places.ts';

test('place labels name the country in the reader’s language, and the place as it is called there', () => {
  assert.equal(placeLabel('sv', 'Uppsala, Sweden'), 'Uppsala, Sverige');
  assert.equal(placeLabel('fi', 'Uppsala, Sweden'), 'Uppsala, Ruotsi');
  assert.equal(placeLabel('fi', 'Helsinki, Finland'), 'Helsinki, Suomi');
  assert.equal(placeLabel('sv', 'Tórshavn, Faroe Islands'), 'Tórshavn, Färöarna');
  assert.equal(placeLabel('fi', 'Mariehamn, Åland'), 'Mariehamn, Ahvenanmaa');
  assert.equal(placeLabel('sv', 'Lund, Sweden (near Malmö)'), 'Lund, Sverige (nära Malmö)');
  assert.equal(placeLabel('fi', 'Berg, Sweden (2720678)'), 'Berg, Ruotsi (2720678)');
  assert.equal(placeLabel('en', 'Uppsala, Sweden'), 'Uppsala, Sweden');
  assert.equal(placeLabel('sv', 'somewhere else'), 'somewhere else', 'anything else is left as it is');
});
