import { translator, type Language, type Messages } from './i18n.ts';

/** The locale each language's dates and times are written in: day before month, 24-hour clock. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE', fi: 'fi-FI' };

/**
 * How a page writes a moment: `date` "21 May 2026", `time` "20:19", `date-time` both,
 * `day-month` "21 May" (for dates within the year, as chat stamps them).
 */
export type MomentStyle = 'date' | 'time' | 'date-time' | 'day-month';

const OPTIONS: Record<MomentStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  time: { hour: '2-digit', minute: '2-digit' },
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
  'day-month': { day: 'numeric', month: 'short' },
};

// Making an Intl.DateTimeFormat costs about a hundred times more than formatting with
// one, and a page of cards writes a time per card: one formatter per language, style
// and zone is kept (there are a few hundred zones at most).
const formatters = new Map<string, Intl.DateTimeFormat>();

// Formatting itself is a few microseconds, and the same moments (a news item, a post)
// are shown to many members: recent results are kept, and forgotten all at once when
// there are many, which costs less than keeping them in order. A result is kept for the
// stretch of time that writes the same: a minute for a time, a quarter hour for a date
// (every zone's offset is whole quarter hours), so a page of alerts from one evening
// needs few formats.
const recent = new Map<string, string>();
const RECENT_LIMIT = 50_000;

function stretch(iso: string, style: MomentStyle): string {
  // Only a UTC timestamp as toISOString writes it (every event's) is cut by its text; anything else is its own key.
  if (iso.length !== 24 || !iso.endsWith('Z')) return iso;
  if (style === 'time' || style === 'date-time') return iso.slice(0, 16);
  return `${iso.slice(0, 14)}${Math.floor(Number(iso.slice(14, 16)) / 15)}`;
}

/** A moment (an ISO timestamp) as a member reads it, in their language and where they live. */
export function formatMoment(language: Language, timeZone: string, iso: string, style: MomentStyle): string {
  const key = `${language} ${style} ${timeZone} ${stretch(iso, style)}`;
  let text = recent.get(key);
  if (text === undefined) {
    const kind = `${language} ${style} ${timeZone}`;
    let format = formatters.get(kind);
    if (!format) {
      format = new Intl.DateTimeFormat(LOCALES[language], { ...OPTIONS[style], timeZone });
      formatters.set(kind, format);
    }
    text = format.format(new Date(iso));
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(key, text);
  }
  return text;
}

const agoMessages: Messages<'now' | 'minutes' | 'hours' | 'days' | 'date'> = {
  en: { now: 'just now', minutes: '{n} min ago', hours: '{n} h ago', days: '{n} d ago', date: 'on {date}' },
  sv: {
    now: 'nyss',
    minutes: 'för {n} min sedan',
    hours: 'för {n} tim sedan',
    days: 'för {n} dygn sedan',
    date: 'den {date}',
  },
  fi: {
    now: 'juuri nyt',
    minutes: '{n} min sitten',
    hours: '{n} t sitten',
    days: '{n} pv sitten',
    date: '{date}',
  },
};

/**
 * How long ago a moment was, for a card: "just now", minutes, hours, days, and past a
 * month the date where the member lives ("on 21 May 2026").
 */
export function formatAgo(language: Language, timeZone: string, iso: string, now: Date): string {
  const t = translator(agoMessages, language);
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t('now');
  if (minutes < 60) return t('minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('hours', { n: hours });
  const days = Math.floor(hours / 24);
  if (days < 30) return t('days', { n: days });
  return t('date', { date: formatMoment(language, timeZone, iso, 'date') });
}
