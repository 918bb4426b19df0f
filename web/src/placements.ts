import type { FastifyRequest } from 'fastify';
import { defineService, type ServiceRegistry } from '@meetcute/core';
import { html, type Html } from './html.ts';

/** The places on the site's pages where sponsored items may stand. */
export const PLACEMENTS = ['news', 'alerts', 'profile'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/**
 * Sponsored items for pages that show them. The ads module offers it; a page asks for it
 * when it renders (`services.optional`), so a site without ads draws its pages as before
 * and the pages need not know about campaigns. Every item returned has been counted as
 * an impression for the viewer, once for this page view, before it is handed back.
 *
 * How densely a placement holds them may differ from viewer to viewer (an experiment over
 * ad density), so a page asks once per request, before it renders.
 */
export interface SponsoredItems {
  /** Every how many items of the placement's list one sponsored item stands for the request's viewer; 0 for none. */
  every(request: FastifyRequest, placement: Placement): Promise<number>;
  /** How many sponsored items stand together for the request's viewer on a page that shows them as one block (alerts, profile); 0 for none. */
  count(request: FastifyRequest, placement: Placement): Promise<number>;
  /** At most `slots` sponsored items for the viewer of the request, each a list item ready to draw. */
  render(request: FastifyRequest, placement: Placement, slots: number): Promise<Html[]>;
}

export const SPONSORED_ITEMS = defineService<SponsoredItems>('sponsored.items');

/**
 * A page's list with a sponsored item after every `every` items (and one at the end of a
 * short list that has any), in the order given; `every` 0 leaves the list as it is.
 */
export function withSponsored(items: readonly Html[], sponsored: readonly Html[], every: number): Html[] {
  if (every <= 0) return [...items];
  const out: Html[] = [];
  let next = 0;
  items.forEach((item, i) => {
    out.push(item);
    if ((i + 1) % every === 0 && next < sponsored.length) out.push(sponsored[next++]!);
  });
  if (next === 0 && items.length > 0 && sponsored.length > 0) out.push(sponsored[0]!);
  return out;
}

/**
 * How many sponsored items a list of `count` items holds under withSponsored; an empty
 * list gets one, which the page shows under its empty state; `every` 0 holds none.
 */
export function sponsoredSlots(count: number, every: number): number {
  return every <= 0 ? 0 : Math.max(1, Math.floor(count / every));
}

/**
 * The sponsored items of a page that shows them as one block (the top of the alerts, a
 * member's profile), or nothing when no ads module is on or no campaign fits the viewer.
 */
export async function sponsoredBlock(
  services: ServiceRegistry,
  request: FastifyRequest,
  placement: Placement,
): Promise<Html> {
  const sponsored = services.optional<SponsoredItems>(SPONSORED_ITEMS);
  const slots = sponsored ? await sponsored.count(request, placement) : 0;
  if (!sponsored || slots <= 0) return html``;
  const items = await sponsored.render(request, placement, slots);
  return items.length === 0
    ? html``
    : html`<ul class="cards sponsored-block">
        ${items}
      </ul>`;
}
