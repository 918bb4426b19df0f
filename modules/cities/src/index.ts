import { defineModule, defineService } from '@meetcute/core';
import { readPlaceLabelsWith } from '@meetcute/web';
import { cityDirectory, type CityDirectory } from './directory.ts';
import { cityRoutes } from './routes.ts';
import { useCases } from './use-cases.ts';

export type { City } from './places.ts';
export type { CityDirectory } from './directory.ts';
export { largestPlaces } from './directory.ts';
export { boundingBox, distanceKm, COUNTRIES } from './places.ts';

/** The service key under which other modules find places. */
export const CITIES = defineService<CityDirectory>('cities');

/**
 * Real places for sign-up, profiles and distances. Static reference data from
 * GeoNames, so it has no tables and publishes nothing.
 */
export const cities = defineModule({
  name: 'cities',
  description:
    'Real Nordic places with coordinates and time zones (GeoNames), their names in each language we speak, and type-ahead.',
  publishes: [],
  consumes: [],
  provides: [CITIES],
  tables: {},
  migrations: [],
  projections: [],
  useCases,
  register(ctx) {
    const directory = cityDirectory();
    ctx.services.provide<CityDirectory>(CITIES, directory);
    // Every page names places through the chassis' placeLabel, in the reader's language.
    readPlaceLabelsWith((language, label) => directory.labelIn(language, label));
    cityRoutes(ctx.http, directory);
  },
});
