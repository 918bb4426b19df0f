import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const alerts = defineModule({
  name: 'alerts',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
