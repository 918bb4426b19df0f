// The living style guide: every component the pages are made of, drawn by the same
// functions the pages call, with the design tokens read from the stylesheet itself, so it
// cannot drift from what members see. For whoever changes the look (`make run`, then
// /style-guide); it shows made-up members only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { page } from './layout.ts';
import { field, formErrors } from './forms.ts';
import { feedbackNotice } from './feedback.ts';
import { cardList, emptyState, memberCard } from './cards.ts';
import { itemList, pager } from './lists.ts';

export const STYLE_GUIDE_PATH = '/style-guide';

/** A design token as the stylesheet declares it in `:root`, under the comment that heads its group. */
export interface Token {
  group: string;
  name: string;
  value: string;
}

/** The tokens of `:root`, in the stylesheet's order; a comment that opens with a heading ("Colours; …") starts a group. */
export function tokensOf(css: string): Token[] {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const tokens: Token[] = [];
  let group = 'Tokens';
  for (const line of root.split('\n')) {
    const comment = /\/\*\s*(.*?)\s*(?:\*\/|$)/.exec(line);
    // The heading is the comment's first phrase: up to a comma, semicolon, colon or full stop that ends it.
    if (comment) group = comment[1]!.split(/[,;:]\s|\.(?:\s|$)/)[0]!.trim() || group;
    const token = /^\s*(--[a-z0-9-]+)\s*:\s*([^;]+);/.exec(line);
    if (token) tokens.push({ group, name: token[1]!, value: token[2]!.trim() });
  }
  return tokens;
}

const COLOUR = /^#[0-9a-f]{3,8}$/i;
const PIXELS = /^(\d+)px$/;

/**
 * A token drawn as what it is: a colour as a swatch, a length as a bar or a rounded
 * corner, anything else as its value. SVG attributes, not style attributes, since the
 * site's content security policy allows no inline styles.
 */
function sample(token: Token): Html {
  if (COLOUR.test(token.value))
    return html`<svg width="48" height="32" aria-hidden="true">
      <rect width="48" height="32" rx="6" fill="${token.value}" stroke="#ddd6e8" />
    </svg>`;
  const px = PIXELS.exec(token.value);
  if (px && token.name.startsWith('--radius'))
    return html`<svg width="48" height="32" aria-hidden="true">
      <rect x="1" y="1" width="46" height="30" rx="${px[1]}" fill="#fce4ec" stroke="#c2185b" />
    </svg>`;
  if (px)
    return html`<svg width="${Math.min(Number(px[1]), 240)}" height="12" aria-hidden="true">
      <rect width="100%" height="12" fill="#c2185b" />
    </svg>`;
  return html``;
}

function tokenTable(tokens: readonly Token[]): Html {
  const groups = [...new Set(tokens.map((t) => t.group))];
  return html`${groups.map(
    (group) =>
      html`<h3>${group}</h3>
        <table class="tokens">
          <tbody>
            ${tokens
              .filter((t) => t.group === group)
              .map(
                (t) =>
                  html`<tr>
                    <th scope="row"><code>${t.name}</code></th>
                    <td><code>${t.value}</code></td>
                    <td>${sample(t)}</td>
                  </tr>`,
              )}
          </tbody>
        </table>`,
  )}`;
}

const MEMBERS = [
  { memberId: '00000000-0000-4000-8000-000000000001', nickname: 'Astrid', age: 31, gender: 'woman' },
  { memberId: '00000000-0000-4000-8000-000000000002', nickname: 'Oskari', age: 36, gender: 'man' },
] as const;

function guide(request: FastifyRequest, tokens: readonly Token[]): Html {
  const buttons = html`<button type="button">Flirt</button>
    <button type="button" class="secondary">★ Favourite</button>`;
  const cards = MEMBERS.map((m, i) =>
    memberCard(
      request,
      { ...m, cityLabel: i === 0 ? 'Stockholm, Sweden' : 'Tampere, Finland', distanceKm: i === 0 ? 4 : null },
      html`${buttons}${
        i === 0 ? html`<span class="online-badge"><span aria-hidden="true">●</span> Online</span>` : ''
      }`,
    ),
  );
  const errors = [{ field: 'nickname', message: 'A nickname has 2 to 30 letters, digits, - or _.' }];
  return html`<h1>Style guide</h1>
    <p>
      Every component the pages are made of, drawn by the functions the pages call; the tokens come from the
      stylesheet itself.
    </p>
    <h2 id="type">Type</h2>
    <h1>Heading one</h1>
    <h2>Heading two</h2>
    <h3>Heading three</h3>
    <p>Body text: a friendly place to meet someone, readable on a phone in daylight.</p>
    <p class="note">A note under a card or a form: quieter, still AA contrast.</p>
    <h2 id="tokens">Tokens</h2>
    ${tokenTable(tokens)}
    <h2 id="buttons">Buttons and links</h2>
    <p class="actions">
      <button type="button">Primary</button>
      <button type="button" class="secondary">Secondary</button>
      <a class="button" href="${STYLE_GUIDE_PATH}#buttons">A link as a button</a>
      <a href="${STYLE_GUIDE_PATH}#buttons">A plain link</a>
    </p>
    <h2 id="feedback">Feedback</h2>
    ${feedbackNotice('Saved. What an action did, said beside what it was done to (feedback.ts).')}
    ${formErrors(errors, 'Please fix the following')}
    <h2 id="forms">Form fields</h2>
    <form action="${STYLE_GUIDE_PATH}" method="get" class="style-guide-form">
      ${field({ name: 'email', label: 'Email', type: 'email', hint: 'We never show it to anyone.' })}
      ${field({ name: 'nickname', label: 'Nickname', value: 'a', errors })}
      ${field({ name: 'about', label: 'About me', multiline: true, hint: 'A few lines.' })}
      <fieldset>
        <legend>Show me</legend>
        <label><input type="checkbox" name="g" value="woman" checked /> women</label>
        <label><input type="checkbox" name="g" value="man" /> men</label>
      </fieldset>
    </form>
    <h2 id="cards">Member cards</h2>
    ${cardList(request, cards, 'Nobody here yet.')}
    <h2 id="lists">Lists, their ends and their empty states</h2>
    ${itemList([html`<li class="card">An item of a list</li>`, html`<li class="card">Another item</li>`], {
      empty: null,
      class: 'cards',
    })}
    ${pager(request, { next: 'a-cursor', more: 'Older' })}
    ${emptyState(request, 'No favourites yet.', 'search')}`;
}

/** Serves the style guide at /style-guide to anyone: it shows made-up members only. */
export async function styleGuideRoutes(app: FastifyInstance): Promise<void> {
  await Promise.resolve();
  const tokens = tokensOf(readFileSync(join(import.meta.dirname, '..', 'assets', 'site.css'), 'utf8'));
  app.get(
    STYLE_GUIDE_PATH,
    { schema: { hide: true }, config: { access: 'public', kind: 'page' } },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(page(request, { title: 'Style guide', body: guide(request, tokens) })),
  );
}
