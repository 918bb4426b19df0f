import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

export const AlertsRead = defineEvent({
  type: 'AlertsRead',
  module: 'alerts',
  description:
    'A member marked all their alerts read: every alert up to and including `upTo` (the newest alert they had) is read.',
  schema: Type.Object({
    memberId: Type.String(),
    upTo: Type.String({ format: 'date-time', description: 'Alerts at or before this moment are read' }),
  }),
});

export const events = [AlertsRead];
