import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tokens for links the site sends by mail (confirm an address, reset a password). A token
 * says what it is for, about what, and until when, signed with a key kept in the site's
 * database: nothing secret is stored with the mail or in the event log, and a token
 * made for one purpose is refused for another. Whether it may still be used (a reset
 * used once, an address changed since) is for the module that acts on it to check.
 */
export interface LinkTokens {
  make(purpose: string, subject: string, expiresAt: Date): string;
  /** The subject, or null when the token was not made here for this purpose or has expired. */
  read(purpose: string, token: string, now: Date): string | null;
}

// 128 bits of HMAC are plenty for a link that lives hours or days, and keep links short.
const MAC_BYTES = 16;

export function linkTokens(key: string): LinkTokens {
  const mac = (purpose: string, subject: string, expires: string): Buffer =>
    createHmac('sha256', key).update(`${purpose}\n${subject}\n${expires}`).digest().subarray(0, MAC_BYTES);
  return {
    make(purpose, subject, expiresAt) {
      const expires = Math.floor(expiresAt.getTime() / 1000).toString(36);
      const signature = mac(purpose, subject, expires).toString('base64url');
      return `${Buffer.from(subject).toString('base64url')}.${expires}.${signature}`;
    },
    read(purpose, token, now) {
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [encoded = '', expires = '', signature = ''] = parts;
      if (!/^[A-Za-z0-9_-]{1,400}$/.test(encoded) || !/^[0-9a-z]{1,12}$/.test(expires)) return null;
      const subject = Buffer.from(encoded, 'base64url').toString();
      const sent = Buffer.from(signature, 'base64url');
      const expected = mac(purpose, subject, expires);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return null;
      return parseInt(expires, 36) * 1000 > now.getTime() ? subject : null;
    },
  };
}
