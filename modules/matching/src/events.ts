import type { EventDefinition } from '@meetcute/core';

// Matching publishes nothing: suggestions are computed on demand from what it consumes.
export const events: EventDefinition[] = [];
