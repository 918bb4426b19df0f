import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const flirt = defineModule({
  name: 'flirt',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
