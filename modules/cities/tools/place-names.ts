// Extracts the place names by language that modules/cities ships (src/place-names.json)
// from Debian's libgeonames-common: GeoNames' alternate names (CC BY 4.0), compiled into
// one gettext catalog per language, keyed by GeoNames id (places), country code
// (countries) and admin code (regions). Only our languages, our countries and the places
// the cities module keeps are written, so the file stays small. `make place-names` fetches
// the package and runs this; the result is committed, so nothing fetches at run or CI time.
//
//   node modules/cities/tools/place-names.ts <the package unpacked> <its version>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRIES, geonamesPlaces } from '../src/places.ts';
import { NAME_LANGUAGES, PLACE_NAMES_FILE, type PlaceNames } from '../src/names.ts';

/** The strings of a gettext .mo catalog: each original with its translation. */
export function readCatalog(bytes: Buffer): Map<string, string> {
  const magic = bytes.readUInt32LE(0);
  const u32 =
    magic === 0x950412de ? (at: number) => bytes.readUInt32LE(at) : (at: number) => bytes.readUInt32BE(at);
  if (magic !== 0x950412de && bytes.readUInt32BE(0) !== 0x950412de) throw new Error('Not a gettext .mo file');
  const count = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const text = (table: number, i: number) => {
    const length = u32(table + i * 8);
    const offset = u32(table + i * 8 + 4);
    return bytes.toString('utf8', offset, offset + length);
  };
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) out.set(text(originals, i), text(translations, i));
  return out;
}

function main(root: string, version: string): void {
  const places = geonamesPlaces();
  const out: PlaceNames = {
    source: `GeoNames alternate names (geonames.org, CC BY 4.0) as Debian's libgeonames-common ${version} ships them`,
    countries: {},
    places: {},
  };
  for (const language of NAME_LANGUAGES) {
    const catalog = readCatalog(
      readFileSync(join(root, 'usr/share/locale', language, 'LC_MESSAGES/geonames.mo')),
    );
    for (const code of Object.keys(COUNTRIES)) {
      const name = catalog.get(code);
      if (name) (out.countries[code] ??= {})[language] = name;
    }
    for (const place of places) {
      const name = catalog.get(String(place.id));
      // A name the same as GeoNames' own adds nothing.
      if (name && name !== place.name) (out.places[String(place.id)] ??= {})[language] = name;
    }
  }
  out.places = Object.fromEntries(Object.entries(out.places).sort(([a], [b]) => Number(a) - Number(b)));
  writeFileSync(PLACE_NAMES_FILE, JSON.stringify(out, null, 2) + '\n');
  console.log(
    `${Object.keys(out.places).length} places and ${Object.keys(out.countries).length} countries → ${PLACE_NAMES_FILE}`,
  );
}

if (import.meta.main) {
  const [root, version] = process.argv.slice(2);
  if (!root || !version) {
    console.error('Usage: node modules/cities/tools/place-names.ts <libgeonames-common unpacked> <version>');
    process.exitCode = 1;
  } else main(root, version);
}
