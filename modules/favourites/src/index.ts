import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const favourites = defineModule({
  name: 'favourites',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
