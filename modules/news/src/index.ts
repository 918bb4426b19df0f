import { defineModule } from '@meetcute/core';

// Placeholder while the module is being written.
export const news = defineModule({
  name: 'news',
  description: '',
  publishes: [],
  consumes: [],
  migrations: [],
  projections: [],
  useCases: [],
  register() {},
});
