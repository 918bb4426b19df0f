import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const diary = defineModule({
  name: 'diary',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
