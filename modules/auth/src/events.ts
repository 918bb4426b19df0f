import { Type } from 'typebox';
import { defineEvent, defineService, defineExtension } from '@meetcute/core';
import { LanguageSchema } from '@meetcute/web';

/**
 * The roles a member can be given: moderators review members, photos and reports;
 * operators run the site from its console (/ops).
 */
export const Role = Type.Union([Type.Literal('moderator'), Type.Literal('operator')]);
export type Role = 'moderator' | 'operator';

export const PasswordChanged = defineEvent({
  type: 'PasswordChanged',
  module: 'auth',
  description:
    'A member set a new password. The hash is kept in auth’s credentials table, never in an event: the log holds no credential.',
  schema: Type.Object({ memberId: Type.String() }),
});

export const PasswordUpgraded = defineEvent({
  type: 'PasswordUpgraded',
  module: 'auth',
  description:
    'An imported member logged in with their old site’s password: its hash of an older scheme (bcrypt, PBKDF2, salted SHA, MD5) was replaced by argon2id in auth’s credentials table. Sessions stay; nothing to tell anyone.',
  schema: Type.Object({ memberId: Type.String() }),
});

export const TwoFactorEnabled = defineEvent({
  type: 'TwoFactorEnabled',
  module: 'auth',
  description:
    'A member confirmed an authenticator app: from now on log-in asks for a code from it (or a recovery code) after the password, and a moderator’s role holds only with it. Their other sessions ended; `sessionId` is the one kept. The secret and the recovery codes are in auth’s credentials, never in an event.',
  schema: Type.Object({ memberId: Type.String(), sessionId: Type.String() }),
});

export const TwoFactorDisabled = defineEvent({
  type: 'TwoFactorDisabled',
  module: 'auth',
  description:
    'A member turned the second factor off, with their password and a code: log-in asks for the password alone again, and a moderator’s role is held back until they set it up again.',
  schema: Type.Object({ memberId: Type.String() }),
});

export const LoginLocked = defineEvent({
  type: 'LoginLocked',
  module: 'auth',
  description:
    'Wrong passwords used up the free log-in attempts of a member’s account: from now on each try waits longer (`until`: the first wait). The owner is told, with a way to choose a new password if it was not them.',
  schema: Type.Object({ memberId: Type.String(), until: Type.String() }),
});

export const RoleGranted = defineEvent({
  type: 'RoleGranted',
  module: 'auth',
  description:
    'A member was given a role: made a moderator (by another moderator or by an operator), or an operator (by an operator’s command line).',
  schema: Type.Object({ memberId: Type.String(), role: Role }),
});

export const RoleRevoked = defineEvent({
  type: 'RoleRevoked',
  module: 'auth',
  description: 'A member no longer holds a role (moderator or operator).',
  schema: Type.Object({ memberId: Type.String(), role: Role }),
});

export const LoggedOutEverywhere = defineEvent({
  type: 'LoggedOutEverywhere',
  module: 'auth',
  description: 'A member ended all their sessions on every device; open live channels should close.',
  schema: Type.Object({ memberId: Type.String() }),
});

export const MemberDeleted = defineEvent({
  type: 'MemberDeleted',
  module: 'auth',
  description:
    'A member deleted their account after entering their password again. Every module forgets them: rows about them are deleted, and where another member’s data must stay (a conversation) their id is replaced by `pseudonym`, a fresh id that names no one, the same in every module. The event log erases every earlier event that names them; this one keeps only ids that no longer lead anywhere.',
  schema: Type.Object({ memberId: Type.String(), pseudonym: Type.String() }),
});

export const SessionStarted = defineEvent({
  type: 'SessionStarted',
  module: 'auth',
  description:
    'A member logged in: a session was opened for them (a log-in with their password, one finished with a second factor, or the sign-up that logs a new member in). Experiments count these per variant. The token is only in the member’s cookie and its hash in auth’s sessions table, never in an event.',
  schema: Type.Object({ memberId: Type.String(), sessionId: Type.String() }),
});

export const LoggedOut = defineEvent({
  type: 'LoggedOut',
  module: 'auth',
  description: 'A member ended one session (logged out on one device); its open live channels should close.',
  schema: Type.Object({ memberId: Type.String(), sessionId: Type.String() }),
});

export const PasswordResetRequested = defineEvent({
  type: 'PasswordResetRequested',
  module: 'auth',
  description:
    'Someone asked for a password reset link for a member’s address: the reset to link to, until when it works, and the language to write in. Never the link itself.',
  schema: Type.Object({
    memberId: Type.String(),
    resetId: Type.String(),
    expiresAt: Type.String(),
    language: LanguageSchema,
    /** 'imported': the member was brought in without a password that works here, and must choose one. */
    reason: Type.Optional(Type.Literal('imported')),
  }),
});

export const EmailConfirmationRequested = defineEvent({
  type: 'EmailConfirmationRequested',
  module: 'auth',
  description: 'A member asked for a new link to confirm their address (the first one comes with sign-up).',
  schema: Type.Object({
    memberId: Type.String(),
    email: Type.String(),
    expiresAt: Type.String(),
    language: LanguageSchema,
  }),
});

export const EmailConfirmed = defineEvent({
  type: 'EmailConfirmed',
  module: 'auth',
  description: 'A member followed the link sent to their address: it is theirs and it works.',
  schema: Type.Object({ memberId: Type.String(), email: Type.String() }),
});

export const EmailChangeRequested = defineEvent({
  type: 'EmailChangeRequested',
  module: 'auth',
  description:
    'A member asked to log in with another address: a link goes to the new one, which takes over only once followed.',
  schema: Type.Object({
    memberId: Type.String(),
    changeId: Type.String(),
    email: Type.String(),
    expiresAt: Type.String(),
    language: LanguageSchema,
  }),
});

export const EmailChanged = defineEvent({
  type: 'EmailChanged',
  module: 'auth',
  description:
    'A member followed the link sent to their new address: they log in with it from now on (it is confirmed), and the old one is told.',
  schema: Type.Object({ memberId: Type.String(), email: Type.String(), previousEmail: Type.String() }),
});

/**
 * What the mail for each request links to, and the purpose its token is made for with
 * `ctx.links`: the sender of the mail and the page that reads the token must agree.
 */
export const LINKS = {
  passwordReset: { purpose: 'password-reset', path: '/password/reset' },
  emailConfirmation: { purpose: 'email-confirmation', path: '/account/email/confirm' },
  emailChange: { purpose: 'email-change', path: '/account/email/change' },
} as const;

/** What auth offers sign-up under PASSWORD_POLICY: one rule for every new password. */
export const PASSWORD_POLICY = defineService<PasswordPolicy>('auth.password-policy');
export interface PasswordPolicy {
  /** True for a password attackers try first (a list of the most common leaked ones). */
  isCommon(password: string): boolean;
}

/**
 * What auth offers an appeal under SUSPENDED_LOGIN: a suspended member cannot log in, so
 * their appeal proves who they are with their email and password, under log-in's limits.
 */
export const SUSPENDED_LOGIN = defineService<SuspendedLogin>('auth.suspended-login');
export type SuspendedLoginCheck =
  | { kind: 'suspended' | 'not-suspended'; memberId: string }
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAfter: number };
export interface SuspendedLogin {
  check(email: string, password: string, ip: string): Promise<SuspendedLoginCheck>;
}

/** A confirmation link names the member and the very address it was sent to. */
export function confirmationSubject(memberId: string, email: string): string {
  return `${memberId} ${email}`;
}

/**
 * A sign-up's link, and one asked for again, work for a week; a reset link for an hour;
 * the link an imported member gets to choose their first password here, two weeks.
 */
export const CONFIRMATION_DAYS = 7;
export const RESET_MINUTES = 60;
export const SETUP_DAYS = 14;

export const events = [
  PasswordChanged,
  LoginLocked,
  PasswordUpgraded,
  TwoFactorEnabled,
  TwoFactorDisabled,
  RoleGranted,
  RoleRevoked,
  LoggedOutEverywhere,
  SessionStarted,
  LoggedOut,
  PasswordResetRequested,
  EmailConfirmationRequested,
  EmailConfirmed,
  EmailChangeRequested,
  EmailChanged,
  MemberDeleted,
];

/**
 * What a module holds about a member, for the download of their data (GDPR articles 15
 * and 20). Every module that stores something about members contributes one under
 * PERSONAL_DATA; the archive holds `<name>.json` per contribution and the files it lists.
 */
export const PERSONAL_DATA = defineExtension<PersonalData>('personal-data');
export interface PersonalData {
  /** The file name in the archive, without `.json`: usually the module's name. */
  name: string;
  /** Everything the module keeps about the member, ready for JSON; null when it keeps nothing. */
  export(memberId: string): Promise<unknown>;
  /** Files that belong with it, such as original photos: a path in the archive and the file on disk. */
  files?(memberId: string): Promise<Array<{ path: string; file: string }>>;
}

// The kit every module honours a deletion with; in its own file, published with the events.
export {
  forgetInView,
  honourDeletion,
  mentions,
  rowsNaming,
  type Forgetting,
  type KeptTables,
  type PersonalTables,
} from './forget.ts';
