// Making a DateTimeFormat costs far more than formatting with one, and projections ask
// for a member's date for every event they weigh, so one formatter per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

// Every zone's offset since 1972 is a whole number of quarter hours, so the date in a zone is the
// same all through a UTC quarter hour: projections that weigh thousands of members at
// one event's time format each zone once instead of once per member.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const recent = new Map<string, string>();
const RECENT_LIMIT = 10_000;

/** The calendar date (YYYY-MM-DD) at a moment, in a time zone. */
export function dateIn(timeZone: string, at: Date): string {
  const key = `${timeZone} ${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  let date = recent.get(key);
  if (date === undefined) {
    date = formatDate(timeZone, at);
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(key, date);
  }
  return date;
}

function formatDate(timeZone: string, at: Date): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD; an unknown zone throws here, before it is kept.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(at);
}

/** Whole years from a birthday to a date, both YYYY-MM-DD; a 29 February birthday counts on 1 March. */
export function yearsBetween(birthday: string, date: string): number {
  // Pages count an age per card per request: no arrays, and zero-padded "MM-DD" compare as text.
  const years = Number(date.slice(0, 4)) - Number(birthday.slice(0, 4));
  return date.slice(5, 10) < birthday.slice(5, 10) ? years - 1 : years;
}

/** A member's age today where they live. */
export function ageIn(timeZone: string, birthday: string, at: Date): number {
  return yearsBetween(birthday, dateIn(timeZone, at));
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
