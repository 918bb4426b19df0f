import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

export const NewsSeen = defineEvent({
  type: 'NewsSeen',
  module: 'news',
  description:
    'A member opened their news: every item up to `upTo` (the newest item they were shown) counts as seen.',
  schema: Type.Object({
    memberId: Type.String(),
    upTo: Type.String({ description: 'ISO 8601 time of the newest item seen' }),
  }),
});

export const events = [NewsSeen];
