import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const interests = defineModule({
  name: 'interests',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
