import { randomBytes } from 'node:crypto';
import type { Sessions } from '@meetcute/core';

/**
 * The session cookie a sign-up answers with. A sign-up with a member's address gets a
 * cookie like any other (a token of the same length) that opens no session, so the
 * answer itself does not tell whether the address belongs to a member.
 */
export async function signedIn(
  sessions: Sessions,
  memberId: string,
  created: boolean,
  userAgent: string | undefined,
): Promise<string> {
  if (created) return sessions.open(memberId, userAgent);
  return randomBytes(32).toString('base64url');
}
