import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const online = defineModule({
  name: 'online',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
