import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

export const FlirtSent = defineEvent({
  type: 'FlirtSent',
  module: 'flirt',
  description:
    'A member flirted with another: a one-tap sign of interest, at most once a day per member and 20 a day in all.',
  schema: Type.Object({
    flirtId: Type.String(),
    senderId: Type.String(),
    recipientId: Type.String(),
  }),
});

export const events = [FlirtSent];
