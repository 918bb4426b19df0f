/**
 * HTML built with a tagged template: every interpolated value is escaped unless it is
 * already `Html` (the result of another `html` call), so markup composes and member
 * text can never inject tags.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const NEEDS_ESCAPING = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most text (names, dates, ids) has nothing to escape; testing first skips the replace.
  return NEEDS_ESCAPING.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (typeof part === 'string') return escapeHtml(part);
  if (part instanceof Html) return part.value;
  if (part === null || part === undefined || part === false || part === true) return '';
  if (Array.isArray(part)) {
    let out = '';
    for (const item of part as readonly Part[]) out += render(item);
    return out;
  }
  return escapeHtml(String(part));
}

/**
 * A template's fixed text with the indentation of its source lines taken out: a page
 * of cards was a third spaces, and every byte is built, measured and written per
 * request. A line break stays where one was, so text reads the same; inside <textarea>
 * the templates put no fixed text but the first line break, which HTML ignores.
 */
const compacted = new WeakMap<TemplateStringsArray, readonly string[]>();

function compact(strings: TemplateStringsArray): readonly string[] {
  let parts = compacted.get(strings);
  if (!parts) {
    // A line break and indentation before a tag's closing bracket (as prettier lays out long
    // tags) goes too: whitespace inside a tag means nothing.
    parts = strings.map((s) => s.replace(/\n[ \t]*>/g, '>').replace(/\n[ \t]+/g, '\n'));
    compacted.set(strings, parts);
  }
  return parts;
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  const parts = compact(strings);
  let out = parts[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (parts[i + 1] ?? '');
  return new Html(out);
}

/** Marks trusted markup (e.g. a file we ship) as HTML. Never pass member input here. */
export function raw(markup: string): Html {
  return new Html(markup);
}
