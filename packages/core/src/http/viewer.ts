import { defineService } from '../services.ts';
import type { FastifyReply } from 'fastify';

/** Who is calling: resolved once per request from the session cookie. */
export interface Viewer {
  memberId: string;
  sessionId: string;
  /** Registration state as the auth module last heard it. */
  status: 'submitted' | 'approved' | 'rejected';
  roles: string[];
  /**
   * Roles given but held back until the member sets something up (moderators and
   * operators need a second factor): `href` and `detail` say where to do it and why, for
   * whoever is turned away meanwhile.
   */
  heldBack?: { roles: string[]; href: string; detail: string };
}

/**
 * Who may call a route:
 * - public: anyone;
 * - member: any logged-in member, approved or still in review;
 * - approved: a member whose registration was approved;
 * - moderator: a member with the moderator role;
 * - operator: a member with the operator role (the console at /ops).
 */
export type Access = 'public' | 'member' | 'approved' | 'moderator' | 'operator';

export interface ViewerResolver {
  resolve(sessionToken: string): Promise<(Viewer & { csrfSecret: string }) | null>;
  /** The ids of the member's sessions that have not ended: what a channel opened under one checks. */
  openSessions(memberId: string): Promise<ReadonlySet<string>>;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** What the form token is made from: the session's, or the anonymous form cookie's. */
    csrfSecret: string;
    csrfCached: string;
    /** Sets a new visitor's form cookie: called the first time a form (its token) needs it. */
    formCookie: (() => void) | null;
    /** The token every form carries and every form post must send back ('' where no form can be). */
    readonly csrfToken: string;
    /** A multipart upload whose CSRF token is still to be read from its first field (readMultipart). */
    csrfPending: boolean;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** api: JSON under /api; page: HTML for browsers; ops: health and metrics. */
    kind?: 'api' | 'page' | 'asset' | 'ops';
    /** Takes multipart/form-data uploads; the handler must read them with readMultipart. */
    multipart?: boolean;
  }
}

/** Opening sessions is the auth module's job; sign-up uses it to log the new member in. */
export interface Sessions {
  /** Starts a session for a member and returns its secret token. */
  open(memberId: string, userAgent?: string): Promise<string>;
  /** Puts the token in the session cookie (HttpOnly, SameSite=Lax). */
  setCookie(reply: FastifyReply, token: string): void;
}
export const SESSIONS = defineService<Sessions>('sessions');

/**
 * Where password hashes are kept: the auth module's own table, never an event, so the
 * event log (copied to backups, replicas and the broker) holds no credential. Sign-up and
 * the importer hand the hash over before publishing the account's events.
 */
export interface Credentials {
  /** Keeps (or replaces) these members' credentials, all or none. */
  store(credentials: ReadonlyArray<KeptCredentials>): Promise<void>;
  /** Forgets a hash kept for an account whose events were never written after all. */
  forget(memberId: string): Promise<void>;
}
export const CREDENTIALS = defineService<Credentials>('credentials');

export interface KeptCredentials {
  memberId: string;
  passwordHash: string;
  /**
   * An authenticator app's base32 secret (RFC 6238) already set up, or one being set up
   * (`pending`): where a story starts from, or what an old site kept.
   */
  totp?: { secret?: string; pending?: string };
}
