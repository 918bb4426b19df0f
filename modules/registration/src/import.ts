import { defineService } from '@meetcute/core';
import type { Application } from './events.ts';
import type { RegistrationDb } from './store.ts';

/** A member holding an address or a nickname (its lower-cased key). */
export interface Holder {
  memberId: string;
  email: string;
  nicknameKey: string | null;
}

/**
 * What the importer (`@meetcute/community`) asks of registration while it feeds a dump
 * through the modules: which addresses and nicknames members hold already, and which
 * members earlier batches made (with the application they were approved with).
 */
export interface RegistrationImport {
  /** Members holding any of these addresses or nickname keys. */
  holders(emails: readonly string[], nicknameKeys: readonly string[]): Promise<Holder[]>;
  /** The members among `memberIds` that exist, with their application (null when none was sent). */
  members(memberIds: readonly string[]): Promise<Map<string, Application | null>>;
}
export const REGISTRATION_IMPORT = defineService<RegistrationImport>('registration.import');

/** SQLite allows 32,766 parameters; a dump's batch asks for far fewer, in slices all the same. */
const SLICE = 500;

export function registrationImport(db: RegistrationDb): RegistrationImport {
  return {
    async holders(emails, nicknameKeys) {
      const found: Holder[] = [];
      for (let i = 0; i < Math.max(emails.length, nicknameKeys.length); i += SLICE) {
        const e = emails.slice(i, i + SLICE);
        const n = nicknameKeys.slice(i, i + SLICE);
        const rows = await db
          .selectFrom('registrations')
          .select(['member_id', 'email', 'nickname_key'])
          .where((eb) =>
            eb.or([
              ...(e.length > 0 ? [eb('email', 'in', e)] : []),
              ...(n.length > 0 ? [eb('nickname_key', 'in', n)] : []),
            ]),
          )
          .execute();
        for (const r of rows)
          found.push({ memberId: r.member_id, email: r.email, nicknameKey: r.nickname_key });
      }
      return found;
    },
    async members(memberIds) {
      const found = new Map<string, Application | null>();
      for (let i = 0; i < memberIds.length; i += SLICE) {
        const rows = await db
          .selectFrom('registrations')
          .select(['member_id', 'application'])
          .where('member_id', 'in', memberIds.slice(i, i + SLICE))
          .execute();
        for (const r of rows)
          found.set(r.member_id, r.application ? (JSON.parse(r.application) as Application) : null);
      }
      return found;
    },
  };
}
