import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import type { CityDirectory } from './directory.ts';

export const CitySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  label: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  latitude: Type.Number(),
  longitude: Type.Number(),
  timeZone: Type.String({ description: 'IANA time zone' }),
  population: Type.Integer(),
});

const LabelsSchema = Type.Object(
  { en: Type.String(), sv: Type.String(), fi: Type.String() },
  {
    description:
      'The label as a reader of each language says it ("Tukholma, Ruotsi"); `label` is what to send back',
  },
);

const FoundCitySchema = Type.Intersect([CitySchema, Type.Object({ labels: LabelsSchema })]);

export function cityRoutes(http: Http, directory: CityDirectory): void {
  http.get(
    '/api/v1/cities',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'Find places by the start of their name in any language we speak (type-ahead)',
        tags: ['cities'],
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 80 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
        }),
        response: { 200: Type.Object({ cities: Type.Array(FoundCitySchema) }) },
      },
    },
    async (request) => ({
      cities: directory
        .search(request.query.q, request.query.limit ?? 10)
        .map((city) => ({ ...city, labels: directory.labelsOf(city) })),
    }),
  );

  http.get(
    '/api/v1/cities/:cityId',
    {
      config: { access: 'public', kind: 'api' },
      schema: {
        summary: 'One place',
        tags: ['cities'],
        params: Type.Object({ cityId: Type.Integer({ minimum: 1 }) }),
        response: { 200: CitySchema },
      },
    },
    async (request) => {
      const city = directory.get(request.params.cityId);
      if (!city) throw problems.notFound('This place');
      return city;
    },
  );
}
