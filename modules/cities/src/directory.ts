import type { Language } from '@meetcute/web';
import { localize, NAME_LANGUAGES, readPlaceNames } from './names.ts';
import { fold, loadPlaces, type City, type Place } from './places.ts';

/** What other modules may ask about places. */
export interface CityDirectory {
  get(id: number): City | undefined;
  /** Places whose name (in any language we speak) starts with the text, most populous first. */
  search(text: string, limit: number): City[];
  /** The places a typed label or name (in any language) means: one when it is clear, several when it is ambiguous. */
  resolve(text: string): City[];
  /** A place's label as a reader of the language says it ("Tukholma, Ruotsi"); a label no place has stays as it is. */
  labelIn(language: Language, label: string): string;
  /** A place's label in each language. */
  labelsOf(city: City): Record<Language, string>;
}

function publicCity(p: Place): City {
  const { keys: _keys, near: _near, names: _names, labels: _labels, ...city } = p;
  return city;
}

let loaded: Place[] | null = null;

/** The places with their names by language: static reference data, read once per process. */
function places(): Place[] {
  loaded ??= localize(loadPlaces(), readPlaceNames());
  return loaded;
}

/** Every folded label of every language to the places it names (more than one only across languages). */
function labelIndex(all: Place[]): Map<string, Place[]> {
  const index = new Map<string, Place[]>();
  for (const p of all) {
    for (const label of new Set([p.label, ...Object.values(p.labels)].map(fold))) {
      const named = index.get(label);
      if (named) named.push(p);
      else index.set(label, [p]);
    }
  }
  return index;
}

let shared: CityDirectory | null = null;

/** Shared by every app in the process; the lookups pages make per request are map lookups. */
export function cityDirectory(): CityDirectory {
  shared ??= directoryOf(places());
  return shared;
}

function directoryOf(all: Place[]): CityDirectory {
  const byId = new Map(all.map((p) => [p.id, p]));
  const byLabel = labelIndex(all);
  const byLanguage = new Map(
    NAME_LANGUAGES.map((language) => [language, new Map(all.map((p) => [p.label, p.labels[language]]))]),
  );
  const searchKeys = new Map(
    all.map((p) => [p, [...new Set([...p.keys, ...Object.values(p.names).map(fold)])]]),
  );
  const labelKeys = new Map(
    all.map((p) => [p, [...new Set([p.label, ...Object.values(p.labels)].map(fold))]]),
  );
  return {
    get(id) {
      const p = byId.get(id);
      return p ? publicCity(p) : undefined;
    },
    search(text, limit) {
      const q = fold(text);
      if (q.length === 0) return [];
      const out: City[] = [];
      for (const p of all) {
        if (
          searchKeys.get(p)!.some((k) => k.startsWith(q)) ||
          labelKeys.get(p)!.some((k) => k.startsWith(q))
        ) {
          out.push(publicCity(p));
          if (out.length >= limit) break;
        }
      }
      return out;
    },
    resolve(text) {
      const q = fold(text);
      if (q.length === 0) return [];
      const labelled = byLabel.get(q);
      if (labelled) return labelled.map(publicCity);
      return all.filter((p) => searchKeys.get(p)!.includes(q)).map(publicCity);
    },
    labelIn(language, label) {
      return byLanguage.get(language)?.get(label) ?? label;
    },
    labelsOf(city) {
      const p = byId.get(city.id);
      return p ? { ...p.labels } : { en: city.label, sv: city.label, fi: city.label };
    },
  };
}

/** The most populous places, largest first: the synthetic community spreads its members over them. */
export function largestPlaces(limit: number): City[] {
  return places().slice(0, limit).map(publicCity);
}
