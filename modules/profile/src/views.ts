import { ageIn, problems, type View } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import type { Gender } from '@meetcute/registration';
import type { Blocks } from '@meetcute/block/events';
import type { Profile } from './store.ts';
import type { Properties } from './properties.ts';

/** What a member sees of another member's profile. */
export interface ProfileView {
  memberId: string;
  nickname: string;
  age: number;
  gender: Gender;
  city: { id: number; label: string; country: string };
  /** Great-circle distance from the viewer's own city, in whole km; null on one's own profile. */
  distanceKm: number | null;
  /** The approved text. */
  aboutMe: string;
  /** What the member tells of the optional facts. */
  properties: Properties;
}

/** A member's own profile: also what is still waiting for review and why the last change was turned down. */
export interface OwnProfileView extends ProfileView {
  pendingAboutMe: string | null;
  pendingSince: string | null;
  rejectionReason: string | null;
}

export interface ProfileReads {
  /**
   * The one gate every read of a profile goes through. A profile that does not exist
   * and one the viewer may not see look the same (undefined, a 404 to the caller), so
   * nobody can probe who is a member. Only approved members have a profile here, and
   * a block in either direction hides each from the other.
   */
  visibleProfile(viewerId: string, memberId: string): Promise<Profile | undefined>;
  /**
   * Someone's profile as the viewer sees it, or a 404 problem. Opening someone else's
   * profile is a visit, unless `visit` is false: a request another site made (a link
   * or a redirect there) is no visit the member chose to make.
   */
  view(viewerId: string, memberId: string, visit?: boolean): Promise<ProfileView>;
  /** The viewer's own profile, or a 404 problem. */
  own(viewerId: string): Promise<OwnProfileView>;
}

/** A profile as `viewer` sees it: age where the member lives, distance from the viewer's own city. */
function present(profile: Profile, viewer: Profile | undefined, at: Date): ProfileView {
  const self = viewer?.memberId === profile.memberId;
  return {
    memberId: profile.memberId,
    nickname: profile.nickname,
    age: ageIn(profile.city.timeZone, profile.birthday, at),
    gender: profile.gender,
    city: { id: profile.city.id, label: profile.city.label, country: profile.city.country },
    distanceKm: self || !viewer ? null : Math.round(distanceKm(viewer.city, profile.city)),
    aboutMe: profile.aboutMe,
    properties: profile.properties,
  };
}

/**
 * Whether the member chose to open the page: only from a page of this site
 * (`Sec-Fetch-Site: same-origin`) or by their own hand (`none`: typed, a bookmark). Any
 * other page can send the browser here with the log-in cookie along (a top-level link
 * carries a SameSite=Lax cookie), and `same-site` is no better: a sibling subdomain is
 * another site's page too. Clients that send no such header count: every browser that
 * ships it has sent it since 2023, so its absence means an app or a browser old enough
 * that blocking its visits would hide real ones, while a forger cannot remove the header
 * from a modern browser.
 */
export function visitedOnPurpose(headers: Record<string, string | string[] | undefined>): boolean {
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function profileReads(
  profiles: View<Profile>,
  blocks: Blocks,
  now: () => Date,
  viewed: (viewerId: string, memberId: string) => Promise<void>,
): ProfileReads {
  const reads: ProfileReads = {
    async visibleProfile(viewerId, memberId) {
      if (viewerId !== memberId && (await blocks.between(viewerId, memberId))) return undefined;
      return profiles.get(memberId);
    },

    async view(viewerId, memberId, visit = true) {
      const profile = await reads.visibleProfile(viewerId, memberId);
      if (!profile) throw problems.notFound('This profile');
      const viewer = viewerId === memberId ? profile : await reads.visibleProfile(viewerId, viewerId);
      if (visit && viewerId !== memberId) await viewed(viewerId, memberId);
      return present(profile, viewer, now());
    },

    async own(viewerId) {
      const profile = await reads.visibleProfile(viewerId, viewerId);
      if (!profile) throw problems.notFound('Your profile');
      return {
        ...present(profile, profile, now()),
        pendingAboutMe: profile.pendingAboutMe,
        pendingSince: profile.pendingSince,
        rejectionReason: profile.rejectionReason,
      };
    },
  };
  return reads;
}
