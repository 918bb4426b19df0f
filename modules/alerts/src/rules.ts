/** How many alerts one page of the list holds. */
export const PAGE = { default: 20, max: 50 };

/**
 * What members do to a member that they hear about. A `match` is a flirt back: the
 * member had flirted with its sender first, so the two like each other.
 */
export type MemberAlertKind = 'flirt' | 'match' | 'visit' | 'favourite' | 'like' | 'unlock';
/** What the moderators decided about a member's sign-up, photo or about-me text. */
export type ModerationAlertKind =
  'registration-approved' | 'photo-approved' | 'photo-rejected' | 'about-approved' | 'about-rejected';
/** What can happen to a member that they hear about. */
export type AlertKind = MemberAlertKind | ModerationAlertKind;

export const MODERATION_KINDS: readonly ModerationAlertKind[] = [
  'registration-approved',
  'photo-approved',
  'photo-rejected',
  'about-approved',
  'about-rejected',
];

export function isModeration(kind: AlertKind): kind is ModerationAlertKind {
  return (MODERATION_KINDS as readonly string[]).includes(kind);
}

/**
 * The actor of a moderation outcome: the site, not the moderator, who is never named to
 * the member (and whom a block by the member must not silence).
 */
export const SITE = '';

/**
 * Which alerts count as one: a flirt is its own alert (the flirt module already allows
 * one a day); visits and favourites give at most one alert per member, per kind and per
 * UTC day, so someone who keeps looking (or toggles the star) does not flood the list;
 * a private album shown again after it was taken back is the one alert it ever gave.
 */
export function onceKey(kind: AlertKind, actorId: string, occurredAt: string, eventId: string): string {
  if (kind === 'unlock') return `unlock/${actorId}`;
  // Photo likes count like visits: one alert per member and day, however many photos they liked.
  return kind === 'flirt' || kind === 'match' || isModeration(kind)
    ? `${kind}/${eventId}`
    : `${kind}/${actorId}/${occurredAt.slice(0, 10)}`;
}

/**
 * Live pushes are for what just happened. A rebuild replays the whole log through the
 * same handlers; older events update the tables without pushing anything to pages.
 */
export const LIVE_FOR_MS = 60 * 60 * 1000;
export function isFresh(occurredAt: string, now: Date): boolean {
  return now.getTime() - new Date(occurredAt).getTime() < LIVE_FOR_MS;
}
