import type { EventDefinition } from '@meetcute/core';

/** Search publishes nothing: it only reads what other modules publish. */
export const events: EventDefinition[] = [];
