import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const visits = defineModule({
  name: 'visits',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
