import type { EventDefinition } from '@meetcute/core';

/** Online publishes nothing: presence is operational state, not a fact worth keeping. */
export const events: EventDefinition[] = [];
