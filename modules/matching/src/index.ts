import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const matching = defineModule({
  name: 'matching',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
