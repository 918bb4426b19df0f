import { useCase } from '@meetcute/core';

export const useCases = [
  useCase({
    title: 'A visitor typing "stock" is offered Stockholm first, with its time zone',
    when: { method: 'GET', url: '/api/v1/cities?q=stock&limit=3' },
    then: {
      status: 200,
      body: { cities: [{ name: 'Stockholm', country: 'SE', timeZone: 'Europe/Stockholm' }, {}, {}] },
    },
  }),
  useCase({
    title: 'Typing without accents finds places with them ("malmo" finds Malmö)',
    when: { method: 'GET', url: '/api/v1/cities?q=malmo&limit=1' },
    then: { status: 200, body: { cities: [{ name: 'Malmö', label: 'Malmö, Sweden' }] } },
  }),
  useCase({
    title:
      'Typing a place’s name in another language finds it ("tukholma" is Stockholm), with its label in each language we speak',
    when: { method: 'GET', url: '/api/v1/cities?q=tukholma&limit=1' },
    then: {
      status: 200,
      body: {
        cities: [
          {
            name: 'Stockholm',
            label: 'Stockholm, Sweden',
            labels: { en: 'Stockholm, Sweden', sv: 'Stockholm, Sverige', fi: 'Tukholma, Ruotsi' },
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Typing the Swedish name "åbo" finds Turku, which reads Åbo in Swedish as GeoNames names it',
    when: { method: 'GET', url: '/api/v1/cities?q=åbo&limit=1' },
    then: {
      status: 200,
      body: {
        cities: [{ name: 'Turku', labels: { en: 'Turku, Finland', sv: 'Åbo, Finland', fi: 'Turku, Suomi' } }],
      },
    },
  }),
  useCase({
    title: 'A place is looked up by its GeoNames id, with coordinates',
    endpoint: 'GET /api/v1/cities/:cityId',
    when: { method: 'GET', url: '/api/v1/cities/658225' },
    then: { status: 200, body: { name: 'Helsinki', country: 'FI', timeZone: 'Europe/Helsinki' } },
  }),
  useCase({
    title: 'An unknown place is a clear 404',
    endpoint: 'GET /api/v1/cities/:cityId',
    when: { method: 'GET', url: '/api/v1/cities/1' },
    then: { status: 404, body: { title: 'Not found' } },
  }),
  useCase({
    title: 'A search without text names the missing field',
    when: { method: 'GET', url: '/api/v1/cities' },
    then: { status: 400, body: { errors: [{ field: 'querystring.q' }] } },
  }),
];
