import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@meetcute/web';
import { COUNTRIES, fold, type Place } from './places.ts';

/** The languages place names are kept in: the ones the site speaks. */
export const NAME_LANGUAGES = ['en', 'sv', 'fi'] as const satisfies readonly Language[];

/**
 * Names by language from GeoNames' alternate names (README.md says where they come from
 * and how to make the file again): countries by ISO code, places by GeoNames id, each only
 * in the languages GeoNames has a name for that differs from the place's own.
 */
export interface PlaceNames {
  source: string;
  countries: Record<string, Partial<Record<Language, string>>>;
  places: Record<string, Partial<Record<Language, string>>>;
}

export const PLACE_NAMES_FILE = join(import.meta.dirname, 'place-names.json');

export function readPlaceNames(): PlaceNames {
  return JSON.parse(readFileSync(PLACE_NAMES_FILE, 'utf8')) as PlaceNames;
}

const words = (text: string) => text.trim().split(/\s+/).length;

/**
 * What a place is called in a language: GeoNames' name in it, unless that is only the
 * place's own name spelled without its letters ("Malmo", "Reykjavik") or the name of the
 * municipality around it ("Askers kommun", "Rødovre Municipality", "Frederiksbergin
 * kunta"); then, and when there is none, the place's own name.
 */
export function nameIn(own: string, candidate: string | undefined): string {
  if (candidate === undefined || candidate.trim() === '') return own;
  const folded = fold(candidate);
  if (folded === fold(own)) return own;
  if (words(candidate) > words(own) && folded.startsWith(fold(own))) return own;
  return candidate;
}

const NEAR: Record<Language, string> = { en: 'near', sv: 'nära', fi: 'lähellä' };

/**
 * Fills each place's names and labels by language: "Tukholma, Ruotsi" for Stockholm in
 * Finnish, "Helsingfors, Finland" for Helsinki in Swedish, "Gothenburg, Sweden" for
 * Göteborg in English. A repeated name is told apart as its label is ("near" the same
 * bigger place, in the language), and a label that would be another place's in the same
 * language takes the place's id instead, so every label names one place.
 */
export function localize(places: Place[], names: PlaceNames): Place[] {
  for (const place of places) {
    const own = names.places[String(place.id)] ?? {};
    for (const language of NAME_LANGUAGES) place.names[language] = nameIn(place.name, own[language]);
  }
  for (const language of NAME_LANGUAGES) {
    const taken = new Set<string>();
    for (const place of places) {
      const country =
        language === 'en'
          ? COUNTRIES[place.country]
          : (names.countries[place.country]?.[language] ?? COUNTRIES[place.country]);
      const base = `${place.names[language]}, ${country}`;
      let label = base;
      if (place.near) label = `${base} (${NEAR[language]} ${place.near.names[language]})`;
      else if (place.label !== `${place.name}, ${COUNTRIES[place.country]}`) label = `${base} (${place.id})`;
      if (taken.has(label)) label = `${base} (${place.id})`;
      taken.add(label);
      place.labels[language] = label;
    }
  }
  return places;
}
