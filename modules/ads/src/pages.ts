import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import {
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  form,
  FORM_BODY_SCHEMA,
  hidden,
  html,
  languageOf,
  translator,
  type FormBody,
  type Html,
} from '@meetcute/web';
import { siteImagePath } from '@meetcute/photos';
import type { AdsCommands } from './commands.ts';
import { CARD_SIZE, HIDE_REASONS, type Creative, type HideReason } from './events.ts';
import { messages } from './messages.ts';
import { isBot } from './rules.ts';

/**
 * What a sponsored item shows: the label, the image if it has one, the headline as a
 * link, the text. The image leads where the headline does; keyboards reach that link once,
 * by the headline. It loads lazily: an ad is never what a page is about.
 */
function face(label: string, href: string, creative: Creative): Html {
  const { image } = creative;
  return html`<p class="note"><strong class="badge">${label}</strong></p>
    ${
      image
        ? html`<a href="${href}" rel="sponsored noopener" tabindex="-1" class="ad-image"
            ><img
              src="${siteImagePath(image.imageId, CARD_SIZE)}"
              width="${image.width}"
              height="${image.height}"
              alt="${creative.headline}"
              loading="lazy"
              decoding="async"
          /></a>`
        : ''
    }
    <h3><a href="${href}" rel="sponsored noopener">${creative.headline}</a></h3>
    <p>${creative.text}</p>`;
}

/**
 * A creative as a member would see it, for the operators' preview: its link goes straight
 * to the registered address, and nothing is counted.
 */
export function sponsoredPreview(request: FastifyRequest, creative: Creative): Html {
  return html`<li class="card sponsored">
    ${face(translator(messages, languageOf(request))('sponsored'), creative.url, creative)}
  </li>`;
}

/**
 * A sponsored item as a list item among a page's cards: labelled in the viewer's language,
 * its link through the click endpoint, and a form to hide the campaign with a reason.
 */
export function sponsoredCard(request: FastifyRequest, impressionId: string, creative: Creative): Html {
  const t = translator(messages, languageOf(request));
  const id = `hide-${impressionId}`;
  return html`<li class="card sponsored" id="ad-${impressionId}">
    ${face(t('sponsored'), `/ads/click/${impressionId}`, creative)}
    <details>
      <summary>${t('hide')}</summary>
      <form method="post" action="/ads/hide/${impressionId}" data-feedback>
        ${hidden(request)} ${backField(request, HIDDEN_ANCHOR)}
        <label for="${id}">${t('why')}</label>
        <select id="${id}" name="reason">
          ${HIDE_REASONS.map((r) => html`<option value="${r}">${t(r)}</option>`)}
        </select>
        <button type="submit">${t('hide')}</button>
      </form>
    </details>
  </li>`;
}

/** The anchor of the notice a member lands on after hiding an ad: where the ad stood. */
const HIDDEN_ANCHOR = 'ad-hidden';

/**
 * Back where the member hid the ad (feedback.ts), asking the page's placement to say it is
 * hidden, and scrolled to that notice (the page may be long, and the ad far down its list).
 */
function afterHiding(body: FormBody): string {
  return `${backAfter(body, '/news', 'ad', 'hidden').split('#')[0]}#${HIDDEN_ANCHOR}`;
}

/** Whether this page view follows hiding an ad (afterHiding's address). */
export function justHid(request: FastifyRequest): boolean {
  return feedbackOf(request, 'ad', ['hidden']) !== null;
}

/** The notice standing where the hidden ad stood, in the member's language. */
export function hiddenNotice(request: FastifyRequest): Html {
  const t = translator(messages, languageOf(request));
  return html`<li class="card" id="${HIDDEN_ANCHOR}">${feedbackNotice(t('hidden'))}</li>`;
}

const params = Type.Object({ impressionId: Type.String({ format: 'uuid' }) });

function isReason(text: string): text is HideReason {
  return (HIDE_REASONS as readonly string[]).includes(text);
}

export function memberPages(http: Http, commands: AdsCommands): void {
  http.get(
    '/ads/click/:impressionId',
    { config: { access: 'approved', kind: 'page' }, schema: { hide: true, params } },
    async (request, reply) => {
      const url = await commands.click(
        request.viewer!.memberId,
        request.params.impressionId,
        isBot(request.headers['user-agent']),
      );
      // The one redirect that leaves the site: to the address registered with the campaign.
      return reply.redirect(url, 303);
    },
  );
  http.post(
    '/ads/hide/:impressionId',
    { config: { access: 'approved', kind: 'page' }, schema: { hide: true, params, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const reason = form.text(request.body, 'reason');
      if (!isReason(reason))
        throw problems.invalid([{ field: 'reason', message: `Choose a reason: ${HIDE_REASONS.join(', ')}` }]);
      await commands.hide(request.viewer!.memberId, request.params.impressionId, reason);
      return reply.redirect(afterHiding(request.body), 303);
    },
  );
}
