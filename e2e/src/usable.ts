// Whether a page the browser suite has open is usable by everyone: axe-core, the
// accessibility engine, finds no serious barrier on it (fitsSmallPhone in browser.ts asks).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe's own script, read once from its package (never fetched: the suite runs offline). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the suite fails on: axe's two upper grades, a barrier rather than an annoyance. */
const FAILING = new Set(['serious', 'critical']);

/**
 * The serious and critical violations on the page as it is now, one line each:
 * rule, the element's selector and the page it was on. The site's policy runs only its
 * own scripts, so an added <script> tag (playwright's addScriptTag) would be refused;
 * axe goes in through the debugger instead, which the policy does not govern, and the
 * page keeps the policy members get.
 */
export async function axeViolations(page: Page, name: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    // axe is the global its script just defined; the walk asks for violations only.
    () =>
      (
        globalThis as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }
      ).axe.run(document, { resultTypes: ['violations'] }),
  );
  const width = page.viewportSize()?.width ?? 0;
  return results.violations
    .filter((v) => FAILING.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}) at ${node.target.join(' ')} on ${name} ${page.url()} at ${width} px: ${v.help}`,
      ),
    );
}
