import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '@meetcute/web';
import { limitedMessage, lockedMessage, messages } from './messages.ts';

test('a wait of one minute is said in the singular, longer ones in the plural, in each language', () => {
  const en = translator(messages, 'en');
  assert.equal(
    limitedMessage(en, 'forgotLimited', 45),
    'Too many links asked for from here. Try again in 1 minute.',
  );
  assert.equal(
    limitedMessage(en, 'emailResendLimited', 600),
    'Links were sent a few times already. Try again in 10 minutes.',
  );
  assert.equal(lockedMessage(en, 30), 'Too many failed log-ins. Try again in 1 minute.');
  assert.equal(lockedMessage(en, 120), 'Too many failed log-ins. Try again in 2 minutes.');
  const sv = translator(messages, 'sv');
  assert.match(lockedMessage(sv, 60), /om 1 minut\.$/);
  assert.match(limitedMessage(sv, 'forgotLimited', 60), /om 1 minut\.$/);
  assert.match(limitedMessage(sv, 'forgotLimited', 61), /om 2 minuter\.$/);
  const fi = translator(messages, 'fi');
  assert.match(limitedMessage(fi, 'emailResendLimited', 30), /1 minuutin kuluttua\.$/);
});
