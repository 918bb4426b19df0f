import { distanceKm } from '@meetcute/cities';
import { yearsBetween } from '@meetcute/core';
import type { CampaignStatus, CampaignTerms, Targeting } from './events.ts';

/** What the ads module knows of a member, from registration's events. */
export interface Audience {
  gender: 'woman' | 'man' | 'nonbinary';
  birthday: string;
  country: string;
  latitude: number;
  longitude: number;
  language: string | null;
  /** The member's interests (tags as the interests module normalised them). */
  interests: readonly string[];
}

/** True when the member is someone the campaign is for. `today` is YYYY-MM-DD. */
export function targets(targeting: Targeting, member: Audience, today: string): boolean {
  if (targeting.genders.length > 0 && !targeting.genders.includes(member.gender)) return false;
  const age = yearsBetween(member.birthday, today);
  if (targeting.minAge !== null && age < targeting.minAge) return false;
  if (targeting.maxAge !== null && age > targeting.maxAge) return false;
  if (targeting.country !== null && targeting.country !== member.country) return false;
  if (targeting.near !== null && distanceKm(targeting.near, member) > targeting.near.radiusKm) return false;
  const interests = targeting.interests ?? [];
  if (interests.length > 0 && !interests.some((tag) => member.interests.includes(tag))) return false;
  if (targeting.languages.length > 0) {
    // A member who never said their language (an imported one) is not one a language campaign chose.
    if (member.language === null || !(targeting.languages as string[]).includes(member.language))
      return false;
  }
  return true;
}

/** What a campaign has counted so far, as serving needs it. */
export interface Spent {
  impressions: number;
  today: number;
  /** The viewer's impressions of it today. */
  viewerToday: number;
  hidden: boolean;
}

export interface Serving {
  status: CampaignStatus;
  terms: CampaignTerms;
}

/**
 * True when the campaign may be shown now: running, within its schedule, with budget and
 * the day's cap left, the viewer under the frequency cap and not having hidden it.
 */
export function servable(campaign: Serving, spent: Spent, now: string): boolean {
  const { terms } = campaign;
  return (
    campaign.status === 'active' &&
    terms.startsAt <= now &&
    now < terms.endsAt &&
    spent.impressions < terms.impressionBudget &&
    spent.today < terms.dailyCap &&
    spent.viewerToday < terms.frequencyCap &&
    !spent.hidden
  );
}

/** Why terms cannot be kept, field by field: nothing when they can. */
export function termsProblems(terms: CampaignTerms): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (terms.name.trim() === '') problems.push({ field: 'name', message: 'Give the campaign a name' });
  if (terms.advertiser.trim() === '')
    problems.push({ field: 'advertiser', message: 'Say who the advertiser is' });
  if (!(terms.startsAt < terms.endsAt))
    problems.push({ field: 'endsAt', message: 'The end must come after the start' });
  const { minAge, maxAge } = terms.targeting;
  if (minAge !== null && maxAge !== null && minAge > maxAge)
    problems.push({ field: 'targeting.maxAge', message: 'The highest age must not be below the lowest' });
  terms.creatives.forEach((c, i) => {
    if (c.headline.trim() === '')
      problems.push({ field: `creatives.${i}.headline`, message: 'Write a headline' });
    if (!isWebAddress(c.url))
      problems.push({
        field: `creatives.${i}.url`,
        message: 'Give an address that starts with https:// or http://',
      });
  });
  return problems;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * User agents that announce a program rather than a person: search and social crawlers,
 * link previewers, HTTP libraries and headless browsers. Their page views are shown no ads
 * and their clicks are not counted, so a crawler that holds a member's session (a link
 * previewer in a chat app, a script) does not spend a campaign's budget.
 */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|quora link preview|whatsapp|preview|headlesschrome|phantomjs|puppeteer|playwright|selenium|curl\/|wget\/|python-requests|python-urllib|aiohttp|httpx|go-http-client|java\/|okhttp|libwww|apache-httpclient|node-fetch|axios\/|undici/i;

/** True when the request's user agent says it is a program; a missing one is not taken for one. */
export function isBot(userAgent: string | undefined): boolean {
  return userAgent !== undefined && BOT.test(userAgent);
}

/** The UTC day of an ISO moment: budgets and caps count by it. */
export function dayOf(at: string): string {
  return at.slice(0, 10);
}
