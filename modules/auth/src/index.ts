import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const auth = defineModule({
  name: 'auth',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
