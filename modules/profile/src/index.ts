import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const profile = defineModule({
  name: 'profile',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
