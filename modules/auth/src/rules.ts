// Pure rules: no database, no clock of their own. Time always comes in as an argument.
import { dictionary } from '@zxcvbn-ts/language-common';
import { localPath } from '@meetcute/web';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'sameAsCurrent' | 'common';

/**
 * The passwords attackers try first, from zxcvbn's maintained list of the most common
 * ones in leaks (the 10-character-or-longer ones: shorter ones are refused anyway).
 */
const COMMON = new Set(
  dictionary['passwords-common'].filter((p) => [...p].length >= PASSWORD_MIN).map((p) => p.toLowerCase()),
);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** Length rules, a list of leaked favourites, and the "changed" password that did not change. */
export function newPasswordProblem(newPassword: string, currentPassword?: string): PasswordProblem | null {
  // Count code points, not UTF-16 units, so an emoji is one character as a person sees it.
  const length = [...newPassword].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  if (isCommonPassword(newPassword)) return 'common';
  if (currentPassword !== undefined && newPassword === currentPassword) return 'sameAsCurrent';
  return null;
}

/** Emails are stored lower-cased by registration, so a log-in must compare the same way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * How many seconds the caller must wait before the next attempt, or 0 if they may try
 * now. A sliding window: attempts open again once enough old failures have aged out
 * to bring the count in the window below the limit. Attempts still being checked
 * (`underWay`) count as failures made now, until they are known not to be.
 */
export function retryAfterSeconds(
  failures: string[],
  limit: number,
  windowSeconds: number,
  now: Date,
  underWay = 0,
): number {
  const windowMs = windowSeconds * 1000;
  const recent = failures
    .map((at) => Date.parse(at))
    .filter((at) => now.getTime() - at < windowMs)
    .sort((a, b) => a - b);
  if (recent.length + underWay < limit) return 0;
  // The failure whose expiry brings the count down to limit - 1 (those under way are the newest).
  const unlocking = recent[recent.length + underWay - limit] ?? now.getTime();
  return Math.max(1, Math.ceil((unlocking + windowMs - now.getTime()) / 1000));
}

/** The first wait once an account's free attempts are used; each failure after doubles it. */
export const FIRST_WAIT_SECONDS = 30;
/** How long an account's failed log-ins are remembered (a right password forgets them at once). */
export const ACCOUNT_MEMORY_SECONDS = 24 * 3600;

/**
 * How many seconds before an account may be tried again, or 0 if now. Log-in slows down
 * rather than locking the owner out: `free` failures cost nothing, then each next attempt
 * waits twice as long after the last failure (30 s, 1 min, 2 min, …, at most `capSeconds`),
 * so someone who mistypes waits half a minute while a guesser gets a few dozen tries a
 * day. Failures remembered for a day count; attempts still being checked (`underWay`)
 * count as failures made now.
 */
export function slowingWaitSeconds(
  failures: string[],
  free: number,
  capSeconds: number,
  now: Date,
  underWay = 0,
): number {
  const recent = failures
    .map((at) => Date.parse(at))
    .filter((at) => now.getTime() - at < ACCOUNT_MEMORY_SECONDS * 1000);
  const count = recent.length + underWay;
  if (count < free) return 0;
  const delayMs = Math.min(capSeconds, FIRST_WAIT_SECONDS * 2 ** (count - free)) * 1000;
  const last = underWay > 0 ? now.getTime() : Math.max(...recent);
  const waitMs = last + delayMs - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** Whole minutes to tell a person, never "0 minutes". */
export function waitMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * Where to go after logging in. Only a path on this site (web's `localPath`), so a crafted
 * link can never send a member elsewhere, nor break the redirect's header.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/';
  return localPath(next, '/');
}

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
const REFRESH_MS = 3600 * 1000;

/**
 * However often it is used, a session ends this long after the log-in: a stolen cookie
 * kept alive by a script does not last for ever, and a member logs in again a few times a year.
 */
export const SESSION_MAX_DAYS = 90;

/** A session lasts 30 days from its last use, and never past 90 days from the log-in. */
export function sessionExpiry(lastSeen: Date, createdAt: Date = lastSeen): Date {
  return new Date(
    Math.min(lastSeen.getTime() + SESSION_DAYS * DAY_MS, createdAt.getTime() + SESSION_MAX_DAYS * DAY_MS),
  );
}

export function isExpired(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) <= now.getTime();
}

/** Sliding expiry costs a write; once an hour is precise enough for a 30-day lifetime. */
export function needsRefresh(lastSeenAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(lastSeenAt) >= REFRESH_MS;
}
