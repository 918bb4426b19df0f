import { fold, loadPlaces, type City, type Place } from './places.ts';

/** What other modules may ask about places. */
export interface CityDirectory {
  get(id: number): City | undefined;
  /** Places whose name starts with the text, most populous first. */
  search(text: string, limit: number): City[];
  /** The places a typed label or name means: one when it is clear, several when it is ambiguous. */
  resolve(text: string): City[];
}

function publicCity(p: Place): City {
  const { keys: _keys, ...city } = p;
  return city;
}

let loaded: Place[] | null = null;

/** The place list is static reference data, read once per process and shared by every app in it. */
export function cityDirectory(): CityDirectory {
  loaded ??= loadPlaces();
  const places = loaded;
  const byId = new Map(places.map((p) => [p.id, p]));
  const byLabel = new Map(places.map((p) => [fold(p.label), p]));
  return {
    get(id) {
      const p = byId.get(id);
      return p ? publicCity(p) : undefined;
    },
    search(text, limit) {
      const q = fold(text);
      if (q.length === 0) return [];
      const out: City[] = [];
      for (const p of places) {
        if (p.keys.some((k) => k.startsWith(q)) || fold(p.label).startsWith(q)) {
          out.push(publicCity(p));
          if (out.length >= limit) break;
        }
      }
      return out;
    },
    resolve(text) {
      const q = fold(text);
      if (q.length === 0) return [];
      const exact = byLabel.get(q);
      if (exact) return [publicCity(exact)];
      return places.filter((p) => p.keys.includes(q)).map(publicCity);
    },
  };
}

/** The most populous places, largest first: the synthetic community spreads its members over them. */
export function largestPlaces(limit: number): City[] {
  loaded ??= loadPlaces();
  return loaded.slice(0, limit).map(publicCity);
}
