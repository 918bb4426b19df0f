import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

/** The roles a member can be given; moderators review members, photos and reports. */
export const Role = Type.Literal('moderator');
export type Role = 'moderator';

export const PasswordChanged = defineEvent({
  type: 'PasswordChanged',
  module: 'auth',
  description: 'A member set a new password: their argon2id password hash (never the password).',
  schema: Type.Object({ memberId: Type.String(), passwordHash: Type.String() }),
});

export const RoleGranted = defineEvent({
  type: 'RoleGranted',
  module: 'auth',
  description: 'A member was made a moderator, by another moderator or by an operator.',
  schema: Type.Object({ memberId: Type.String(), role: Role }),
});

export const RoleRevoked = defineEvent({
  type: 'RoleRevoked',
  module: 'auth',
  description: 'A member is no longer a moderator.',
  schema: Type.Object({ memberId: Type.String(), role: Role }),
});

export const LoggedOutEverywhere = defineEvent({
  type: 'LoggedOutEverywhere',
  module: 'auth',
  description: 'A member ended all their sessions on every device; open live channels should close.',
  schema: Type.Object({ memberId: Type.String() }),
});

export const LoggedOut = defineEvent({
  type: 'LoggedOut',
  module: 'auth',
  description: 'A member ended one session (logged out on one device); its open live channels should close.',
  schema: Type.Object({ memberId: Type.String(), sessionId: Type.String() }),
});

export const events = [PasswordChanged, RoleGranted, RoleRevoked, LoggedOutEverywhere, LoggedOut];
