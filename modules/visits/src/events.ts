import type { EventDefinition } from '@meetcute/core';

/**
 * Visits publishes nothing: a visit is the profile module's ProfileViewed, and a
 * module that wants to react to visits (alerts) consumes that event itself.
 */
export const events: EventDefinition[] = [];
