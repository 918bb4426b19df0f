import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeLabel, readPlaceLabelsWith } from './places.ts';

test('place labels read through the labels the cities module installs, and unknown ones stay as they are', () => {
  readPlaceLabelsWith((language, label) =>
    label === 'Stockholm, Sweden'
      ? { en: label, sv: 'Stockholm, Sverige', fi: 'Tukholma, Ruotsi' }[language]
      : undefined,
  );
  assert.equal(placeLabel('fi', 'Stockholm, Sweden'), 'Tukholma, Ruotsi');
  assert.equal(placeLabel('sv', 'Stockholm, Sweden'), 'Stockholm, Sverige');
  assert.equal(placeLabel('en', 'Stockholm, Sweden'), 'Stockholm, Sweden');
  assert.equal(placeLabel('sv', 'somewhere else'), 'somewhere else');
});
