import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cityDirectory } from './directory.ts';
import { localize, nameIn, NAME_LANGUAGES, readPlaceNames } from './names.ts';
import { loadPlaces, type Place } from './places.ts';

describe('nameIn', () => {
  test('takes GeoNames’ name in the language, else the place’s own', () => {
    assert.equal(nameIn('Stockholm', 'Tukholma'), 'Tukholma');
    assert.equal(nameIn('Hyvinge', 'Hyvinkää'), 'Hyvinkää');
    assert.equal(nameIn('Stockholm', undefined), 'Stockholm');
    assert.equal(nameIn('Stockholm', ' '), 'Stockholm');
  });

  test('keeps the own name over the same name without its letters', () => {
    assert.equal(nameIn('Malmö', 'Malmo'), 'Malmö');
    assert.equal(nameIn('Reykjavík', 'Reykjavik'), 'Reykjavík');
    assert.equal(nameIn('Hafnarfjörður', 'Hafnarfjordur'), 'Hafnarfjörður');
    assert.equal(nameIn('Imatra', 'imatra'), 'Imatra');
  });

  test('keeps the own name over the municipality around the place', () => {
    assert.equal(nameIn('Asker', 'Askers kommun'), 'Asker');
    assert.equal(nameIn('Rødovre', 'Rødovre Municipality'), 'Rødovre');
    assert.equal(nameIn('Frederiksberg', 'Frederiksbergin kunta'), 'Frederiksberg');
    assert.equal(nameIn('Nokia', 'Nokia stad'), 'Nokia');
  });
});

function place(id: number, name: string, country: string, label: string, near?: Place): Place {
  return {
    id,
    name,
    label,
    country,
    latitude: 0,
    longitude: 0,
    timeZone: 'UTC',
    population: 1,
    keys: [],
    ...(near ? { near } : {}),
    names: { en: name, sv: name, fi: name },
    labels: { en: '', sv: '', fi: '' },
  };
}

describe('localize', () => {
  const names = {
    source: 'test',
    countries: { SE: { sv: 'Sverige', fi: 'Ruotsi' }, FI: { sv: 'Finland', fi: 'Suomi' } },
    places: { '1': { fi: 'Tukholma' }, '3': { sv: 'Vasa' } },
  };

  test('names the place and its country in each language, and "near" the bigger place in its name there', () => {
    const stockholm = place(1, 'Stockholm', 'SE', 'Stockholm, Sweden');
    const berg = place(2, 'Berg', 'SE', 'Berg, Sweden (near Stockholm)', stockholm);
    localize([stockholm, berg], names);
    assert.deepEqual(stockholm.labels, {
      en: 'Stockholm, Sweden',
      sv: 'Stockholm, Sverige',
      fi: 'Tukholma, Ruotsi',
    });
    assert.deepEqual(berg.labels, {
      en: 'Berg, Sweden (near Stockholm)',
      sv: 'Berg, Sverige (nära Stockholm)',
      fi: 'Berg, Ruotsi (lähellä Tukholma)',
    });
  });

  test('a label that would name another place in the language takes the place’s id', () => {
    const vaasa = place(3, 'Vaasa', 'FI', 'Vaasa, Finland');
    const vasa = place(4, 'Vasa', 'FI', 'Vasa, Finland');
    localize([vaasa, vasa], names);
    assert.equal(vaasa.labels.sv, 'Vasa, Finland');
    assert.equal(vasa.labels.sv, 'Vasa, Finland (4)');
    assert.equal(vasa.labels.en, 'Vasa, Finland');
  });
});

describe('place names from GeoNames', () => {
  const cities = cityDirectory();

  test('read in the member’s language where GeoNames names the place in it', () => {
    assert.equal(cities.labelIn('fi', 'Stockholm, Sweden'), 'Tukholma, Ruotsi');
    assert.equal(cities.labelIn('sv', 'Stockholm, Sweden'), 'Stockholm, Sverige');
    assert.equal(cities.labelIn('en', 'Stockholm, Sweden'), 'Stockholm, Sweden');
    assert.equal(cities.labelIn('sv', 'Helsinki, Finland'), 'Helsingfors, Finland');
    assert.equal(cities.labelIn('fi', 'Helsinki, Finland'), 'Helsinki, Suomi');
    assert.equal(cities.labelIn('sv', 'Turku, Finland'), 'Åbo, Finland');
    assert.equal(cities.labelIn('en', 'Göteborg, Sweden'), 'Gothenburg, Sweden');
    assert.equal(cities.labelIn('fi', 'Mariehamn, Åland'), 'Maarianhamina, Ahvenanmaa');
    assert.equal(cities.labelIn('sv', 'nowhere at all'), 'nowhere at all');
  });

  test('a place is found and resolved by its name or label in any language', () => {
    assert.equal(cities.search('tukholma', 1)[0]?.label, 'Stockholm, Sweden');
    assert.equal(cities.search('helsingfors', 1)[0]?.label, 'Helsinki, Finland');
    assert.equal(cities.search('gothenburg', 1)[0]?.label, 'Göteborg, Sweden');
    assert.deepEqual(
      cities.resolve('Tukholma, Ruotsi').map((c) => c.label),
      ['Stockholm, Sweden'],
    );
    assert.deepEqual(
      cities.resolve('Åbo, Finland').map((c) => c.label),
      ['Turku, Finland'],
    );
  });

  test('every label in every language names exactly its own place', () => {
    const places = localize(loadPlaces(), readPlaceNames());
    for (const language of NAME_LANGUAGES) {
      const labels = new Set(places.map((p) => p.labels[language]));
      assert.equal(labels.size, places.length, `labels in ${language} are unique`);
    }
    for (const p of places.filter((_, i) => i % 25 === 0)) {
      for (const language of NAME_LANGUAGES)
        assert.deepEqual(
          cities.resolve(p.labels[language]).map((c) => c.id),
          [p.id],
          `${p.labels[language]} (${language})`,
        );
    }
  });
});
