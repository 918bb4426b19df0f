import assert from 'node:assert/strict';
import { createHash, pbkdf2Sync } from 'node:crypto';
import { test } from 'node:test';
import bcrypt from 'bcryptjs';
import { hash } from '@node-rs/argon2';
import { isLegacy, isUsable, matches, schemeOf } from './password-schemes.ts';

const PASSWORD = 'correct horse battery';

// Hashes as the sites communities come from stored them, made here with each scheme's own tools.
const hashes: Record<string, string> = {
  argon2: await hash(PASSWORD),
  bcrypt: bcrypt.hashSync(PASSWORD, 4),
  'bcrypt $2y$ (PHP)': bcrypt.hashSync(PASSWORD, 4).replace(/^\$2b\$/, '$2y$'),
  'pbkdf2_sha256 (Django)': `pbkdf2_sha256$1000$pepper$${pbkdf2Sync(PASSWORD, 'pepper', 1000, 32, 'sha256').toString('base64')}`,
  pbkdf2_sha1: `pbkdf2_sha1$1000$pepper$${pbkdf2Sync(PASSWORD, 'pepper', 1000, 20, 'sha1').toString('base64')}`,
  'salted sha1': `sha1$pepper$${createHash('sha1').update(`pepper${PASSWORD}`).digest('hex')}`,
  'salted sha256': `sha256$pepper$${createHash('sha256').update(`pepper${PASSWORD}`).digest('hex')}`,
  'salted md5': `md5$pepper$${createHash('md5').update(`pepper${PASSWORD}`).digest('hex')}`,
  'unsalted md5': createHash('md5').update(PASSWORD).digest('hex'),
};

for (const [name, stored] of Object.entries(hashes)) {
  test(`${name}: the right password matches, a wrong one does not`, async () => {
    assert.ok(isUsable(stored));
    assert.equal(await matches(stored, PASSWORD), true);
    assert.equal(await matches(stored, 'correct horse batterY'), false);
    assert.equal(await matches(stored, ''), false);
    assert.equal(isLegacy(stored), name !== 'argon2');
  });
}

test('a hash of no known scheme, or a mangled one, lets nobody in and is not usable', async () => {
  for (const stored of [
    '!',
    '*',
    'x',
    '$2b$04$short',
    'pbkdf2_sha256$abc$salt$hash',
    'sha1$$zz',
    '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA',
  ]) {
    assert.equal(schemeOf(stored), null, stored);
    assert.equal(isUsable(stored), false, stored);
    assert.equal(await matches(stored, PASSWORD), false, stored);
  }
});

test('a truncated hash of a known scheme matches nothing rather than failing', async () => {
  const broken = hashes['salted sha256']!.slice(0, -2);
  assert.equal(await matches(broken, PASSWORD), false);
});
