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

/** A place's labels in every language, folded, each once. */
const foldedLabels = (p: Place): string[] => [...new Set([p.label, ...Object.values(p.labels)].map(fold))];

/** Every folded label of every language to the places it names (more than one only across languages). */
function labelIndex(all: Place[]): Map<string, Place[]> {
  const index = new Map<string, Place[]>();
  for (const p of all) {
    for (const label of foldedLabels(p)) {
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
  // What a typed name is matched against: GeoNames' names, ours in each language, and (typed
  // from the start) the labels; most populous place first, as `all` is.
  const names = all.map((place) => ({
    place,
    names: [...new Set([...place.keys, ...Object.values(place.names).map(fold)])],
    labels: foldedLabels(place),
  }));
  return {
    get(id) {
      const p = byId.get(id);
      return p ? publicCity(p) : undefined;
    },
    search(text, limit) {
      const q = fold(text);
      if (q.length === 0) return [];
      const out: City[] = [];
      for (const { place, names: known, labels } of names) {
        if (known.some((k) => k.startsWith(q)) || labels.some((k) => k.startsWith(q))) {
          out.push(publicCity(place));
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
      return names.filter((n) => n.names.includes(q)).map((n) => publicCity(n.place));
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
