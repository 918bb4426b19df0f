import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineExtension, defineService, orderByServices, Services } from './services.ts';

const PROFILES = defineService<{ get(id: string): string }>('profiles');
const CITIES = defineService<string[]>('cities');
const ACTIONS = defineExtension<string>('member.actions');

test('providers register before the modules that require them; otherwise the given order holds', () => {
  const order = orderByServices([
    { name: 'search', requires: [PROFILES, CITIES] },
    { name: 'profile', provides: [PROFILES], requires: [CITIES] },
    { name: 'block' },
    { name: 'cities', provides: [CITIES] },
  ]);
  assert.deepEqual(
    order.map((m) => m.name),
    ['cities', 'profile', 'search', 'block'],
  );
});

test('a start-up with a missing provider, a service offered twice or a circle says which modules', () => {
  assert.throws(
    () => orderByServices([{ name: 'search', requires: [PROFILES] }]),
    /search requires the service profiles, which no module provides/,
  );
  assert.throws(
    () =>
      orderByServices([
        { name: 'profile', provides: [PROFILES] },
        { name: 'profile2', provides: [PROFILES] },
      ]),
    /profiles is provided by both profile and profile2/,
  );
  assert.throws(
    () =>
      orderByServices([
        { name: 'profile', provides: [PROFILES], requires: [CITIES] },
        { name: 'cities', provides: [CITIES], requires: [PROFILES] },
      ]),
    /in a circle: profile → cities → profile/,
  );
});

test('a module may only provide and require what it declared; contributions are read when used', () => {
  const services = new Services();
  const profile = services.for({ name: 'profile', provides: [PROFILES] });
  const search = services.for({ name: 'search', requires: [PROFILES] });
  assert.throws(
    () => search.provide(PROFILES, { get: () => '' }),
    /search provides the service profiles but does not list it/,
  );
  assert.throws(
    () => profile.require(CITIES),
    /profile requires the service cities but does not list it in requires/,
  );
  profile.provide(PROFILES, { get: (id) => `member ${id}` });
  assert.equal(search.require(PROFILES).get('7'), 'member 7');
  assert.equal(search.optional(CITIES), undefined);
  search.contribute(ACTIONS, 'flirt');
  profile.contribute(ACTIONS, 'block');
  assert.deepEqual(services.all.contributions(ACTIONS), ['flirt', 'block']);
});
