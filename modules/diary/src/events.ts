export const events = [];
