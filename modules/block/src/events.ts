import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

export const MemberBlocked = defineEvent({
  type: 'MemberBlocked',
  module: 'block',
  description:
    'A member blocked another. From now on each is hidden from the other everywhere, and what one did to the other is removed.',
  schema: Type.Object({ blockerId: Type.String(), blockedId: Type.String() }),
});

export const MemberUnblocked = defineEvent({
  type: 'MemberUnblocked',
  module: 'block',
  description: 'A member lifted a block. Future interactions are possible again; nothing removed comes back.',
  schema: Type.Object({ blockerId: Type.String(), blockedId: Type.String() }),
});

export const events = [MemberBlocked, MemberUnblocked];
