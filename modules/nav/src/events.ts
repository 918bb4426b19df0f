// The nav module publishes no events: it shows counts other modules keep.
export const events = [];
