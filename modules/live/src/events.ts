// The live module publishes no events: notifications are transient and member-addressed.
export const events = [];
