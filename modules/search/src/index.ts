import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const search = defineModule({
  name: 'search',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
