import type { ModuleDefinition } from '@meetcute/core';
import { flags } from '@meetcute/flags';
import { ads } from '@meetcute/ads';
import { ops } from '@meetcute/ops';
import { cities } from '@meetcute/cities';
import { auth } from '@meetcute/auth';
import { live } from '@meetcute/live';
import { nav } from '@meetcute/nav';
import { registration } from '@meetcute/registration';
import { profile } from '@meetcute/profile';
import { block } from '@meetcute/block';
import { photos } from '@meetcute/photos';
import { interests } from '@meetcute/interests';
import { flirt } from '@meetcute/flirt';
import { visits } from '@meetcute/visits';
import { favourites } from '@meetcute/favourites';
import { search } from '@meetcute/search';
import { diary } from '@meetcute/diary';
import { matching } from '@meetcute/matching';
import { alerts } from '@meetcute/alerts';
import { news } from '@meetcute/news';
import { online } from '@meetcute/online';
import { chat } from '@meetcute/chat';
import { home } from '@meetcute/home';
import { mail } from '@meetcute/mail';
import { moderation } from '@meetcute/moderation';
import { reports } from '@meetcute/reports';
import { traces } from '@meetcute/traces';

/**
 * Every module of the site. The app registers the providers of a service before the
 * modules that require it (core services.ts); otherwise in this order, which is the
 * order their contributions appear in (a profile's buttons, the top bar's counters).
 */
export const modules: ModuleDefinition[] = [
  cities,
  auth,
  live,
  nav,
  registration,
  mail,
  profile,
  photos,
  interests,
  flirt,
  visits,
  favourites,
  search,
  diary,
  matching,
  alerts,
  news,
  online,
  chat,
  reports,
  moderation,
  // Last of the member modules: its "Block…" comes after every other action on a profile.
  block,
  home,
  flags,
  traces,
  ads,
  ops,
];
