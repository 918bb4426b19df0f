import { createHash, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

/**
 * The password hashes a member may bring from the site a community moved from, as the
 * dump format documents them (packages/community/README.md). Argon2 is ours; the others
 * are checked once, at the member's first log-in, and then replaced by Argon2id.
 */
export type Scheme = 'argon2' | 'bcrypt' | 'pbkdf2' | 'salted-sha' | 'md5';

const pbkdf2Async = promisify(pbkdf2);

const PBKDF2 = /^pbkdf2_(sha1|sha256|sha512)\$(\d{1,7})\$([^$]{1,200})\$([A-Za-z0-9+/=]{16,200})$/;
const SALTED = /^(sha1|sha256|sha512|md5)\$([^$]{0,200})\$([0-9a-f]{32,128})$/;
const BARE_MD5 = /^[0-9a-f]{32}$/;

export function schemeOf(hash: string): Scheme | null {
  if (/^\$argon2(id|i|d)\$/.test(hash)) return 'argon2';
  if (/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash)) return 'bcrypt';
  if (PBKDF2.test(hash)) return 'pbkdf2';
  const salted = SALTED.exec(hash);
  if (salted) return salted[1] === 'md5' ? 'md5' : 'salted-sha';
  if (BARE_MD5.test(hash)) return 'md5';
  return null;
}

/** Whether a member with this hash can log in at all; those who cannot are mailed a link to set one. */
export function isUsable(hash: string): boolean {
  return schemeOf(hash) !== null;
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the password matches the stored hash, whatever its scheme; a malformed hash matches nothing. */
export async function matches(hash: string, password: string): Promise<boolean> {
  try {
    switch (schemeOf(hash)) {
      case 'argon2':
        return await verify(hash, password);
      case 'bcrypt':
        return await bcrypt.compare(password, hash);
      case 'pbkdf2': {
        const [, digest, iterations, salt, expected] = PBKDF2.exec(hash)!;
        const want = Buffer.from(expected!, 'base64');
        const got = await pbkdf2Async(password, salt!, Number(iterations), want.length, digest!);
        return same(got, want);
      }
      case 'salted-sha':
      case 'md5': {
        const salted = SALTED.exec(hash);
        const [digest, salt, expected] = salted ? [salted[1]!, salted[2]!, salted[3]!] : ['md5', '', hash];
        const got = createHash(digest)
          .update(salt + password)
          .digest();
        return same(got, Buffer.from(expected, 'hex'));
      }
      case null:
        return false;
    }
  } catch {
    return false;
  }
}

/** Whether a hash should be replaced by Argon2id once the password is known. */
export function isLegacy(hash: string): boolean {
  const scheme = schemeOf(hash);
  return scheme !== null && scheme !== 'argon2';
}
