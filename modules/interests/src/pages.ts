import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, type FieldProblem, type Http, type ServiceRegistry } from '@meetcute/core';
import {
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  FORM_BODY_SCHEMA,
  MEMBER_ACTIONS,
  cardFacts,
  cardList,
  field,
  form,
  formErrors,
  hidden,
  html,
  languageOf,
  memberCards,
  pager,
  sendPage,
  translator,
  type Html,
  type MemberAction,
  type ProfileSection,
  type Translate,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { LIMITS } from './rules.ts';
import { ListQuery } from './routes.ts';
import type { InterestReads } from './views.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** Where a tag's page is; tags may hold spaces and å ä ö. */
export const tagPath = (tag: string): string => `/interests/${encodeURIComponent(tag)}`;

/** Problems with field errors re-render the form; anything else goes to the error page. */
function fieldErrors(error: unknown): FieldProblem[] | null {
  return error instanceof Problem && error.errors && error.errors.length > 0 ? error.errors : null;
}

function tagLinks(tags: readonly string[]): Html {
  return html`<ul class="tags">
    ${tags.map((tag) => html`<li><a href="${tagPath(tag)}">${tag}</a></li>`)}
  </ul>`;
}

/** A small form that posts one tag, coming back to this page at `anchor` (feedback.ts). */
function tagForm(request: FastifyRequest, action: string, tag: string, anchor: string, button: Html): Html {
  return html`<form method="post" action="${action}" class="inline" data-feedback>
    ${hidden(request)}<input type="hidden" name="tag" value="${tag}" />
    ${backField(request, anchor)}${button}
  </form>`;
}

type Outcome = 'added' | 'already' | 'removed';
const OUTCOMES: readonly Outcome[] = ['added', 'already', 'removed'];
const NOTICES: Record<Outcome, Key> = {
  added: 'addedNotice',
  already: 'alreadyNotice',
  removed: 'removedNotice',
};
/** Where the member's own list of interests stands, on /interests. */
const MINE = 'my-interests';

/** What adding or removing a tag just did, said beside the tag's buttons or the member's list. */
function interestNotice(request: FastifyRequest, t: Translate<Key>): Html | '' {
  const last = feedbackOf(request, 'interest', OUTCOMES);
  return last ? feedbackNotice(t(NOTICES[last.outcome])) : '';
}

/** The interests section on a profile page: tags as links, and "Edit" on one's own. */
export function interestsSection(reads: InterestReads): ProfileSection {
  return async (request, memberId) => {
    const viewer = request.viewer;
    if (!viewer) return null;
    const tags = await reads.visible(viewer.memberId, memberId);
    const own = viewer.memberId === memberId;
    if (!tags || (tags.length === 0 && !own)) return null;
    const t = tr(request);
    return html`<section aria-labelledby="interests">
      <h2 id="interests">${t('section')}</h2>
      ${tags.length > 0 ? tagLinks(tags) : html`<p class="facts">${t('noneYet')}</p>`}
      ${own ? html`<p><a href="/interests">${t('edit')}</a></p>` : ''}
    </section>`;
  };
}

/** What the interests pages read and run. */
export interface PageDeps {
  commands: Commands;
  reads: InterestReads;
  services: ServiceRegistry;
}

const approved = { access: 'approved', kind: 'page' } as const;

/** The member's own interests page with its forms, and each tag's page of members. */
export function interestPages(http: Http, deps: PageDeps): void {
  myInterestPages(http, deps);
  tagPage(http, deps);
}

/** The member's interests: the list, adding one, removing one. */
function myInterestPages(http: Http, { commands, reads }: PageDeps): void {
  http.get(
    '/interests',
    {
      config: approved,
      schema: { hide: true },
    },
    (request, reply) => sendMyInterests(request, reply, reads),
  );

  http.post(
    '/interests',
    { config: approved, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const value = form.text(request.body, 'tag');
      try {
        const { added } = await commands.add(request.viewer!.memberId, value);
        const outcome = added ? 'added' : 'already';
        return reply.redirect(backAfter(request.body, `/interests#${MINE}`, 'interest', outcome), 303);
      } catch (error) {
        const errors = fieldErrors(error);
        if (!errors) throw error;
        return sendMyInterests(request, reply, reads, { value, errors }, (error as Problem).status);
      }
    },
  );

  http.post(
    '/interests/remove',
    { config: approved, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      // A second press of the same button finds the tag gone: what the member wanted, so no error.
      await commands.remove(request.viewer!.memberId, form.text(request.body, 'tag'));
      return reply.redirect(backAfter(request.body, `/interests#${MINE}`, 'interest', 'removed'), 303);
    },
  );
}

/** What the member typed into the add form, and what to fix in it. */
interface AddAttempt {
  value: string;
  errors: FieldProblem[];
}

/** The member's interests page, with a notice of what was just done or the add form to fix. */
async function sendMyInterests(
  request: FastifyRequest,
  reply: FastifyReply,
  reads: InterestReads,
  state?: AddAttempt,
  status = 200,
) {
  const t = tr(request);
  const tags = await reads.mine(request.viewer!.memberId);
  return sendPage(
    request,
    reply,
    {
      title: t('title'),
      body: renderMyInterests(request, t, tags, state),
    },
    status,
  );
}

function renderMyInterests(
  request: FastifyRequest,
  t: Translate<Key>,
  tags: readonly string[],
  state: AddAttempt | undefined,
): Html {
  // The list and its add form are one region: where both come back to, saying what was done.
  return html`<h1>${t('title')}</h1>
    <p>${t('explain')}</p>
    <section id="${MINE}" aria-label="${t('title')}">
      ${state ? '' : interestNotice(request, t)}
      ${
        tags.length === 0
          ? html`<p class="empty">${t('none')}</p>`
          : html`<p class="facts">${t('count', { n: tags.length, max: LIMITS.perMember })}</p>
              <ul class="plain">
                ${tags.map(
                  (tag) =>
                    html`<li class="card">
                      <a href="${tagPath(tag)}">${tag}</a>
                      ${tagForm(
                        request,
                        '/interests/remove',
                        tag,
                        MINE,
                        html`<button type="submit" class="secondary" aria-label="${t('removeTag', { tag })}">
                          ${t('remove')}
                        </button>`,
                      )}
                    </li>`,
                )}
              </ul>`
      }
      ${formErrors(state?.errors, t('fixErrors'))}
      <form method="post" action="/interests" novalidate data-feedback>
        ${hidden(request)}${backField(request, MINE)}
        ${field({ name: 'tag', label: t('addLabel'), hint: t('addHint'), value: state?.value ?? '', required: true, errors: state?.errors, attrs: html`maxlength="60" autocomplete="off"` })}
        <div class="actions"><button type="submit">${t('add')}</button></div>
      </form>
    </section>
    <p><a href="/profile">${t('profileLink')}</a></p>`;
}

/** A tag's page: the members who have it, newest first, and adding or removing it for oneself. */
function tagPage(http: Http, { reads, services }: PageDeps): void {
  http.get(
    '/interests/:tag',
    {
      config: approved,
      schema: {
        hide: true,
        params: Type.Object({ tag: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: ListQuery,
      },
    },
    async (request, reply) => {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const limit = request.query.limit ?? 20;
      const found = await reads.withTag(
        viewerId,
        { tag: request.params.tag, cursor: request.query.cursor, limit },
        { tag: 'tag', cursor: 'cursor' },
      );
      const mine = (await reads.mine(viewerId)).includes(found.tag);
      const cards = await memberCards(
        request,
        services.contributions<MemberAction>(MEMBER_ACTIONS),
        found.members.map((m) => ({ ...cardFacts(m), distanceKm: m.distanceKm })),
      );
      return sendPage(request, reply, {
        title: t('tagTitle', { tag: found.tag }),
        body: renderTag(request, t, { tag: found.tag, mine, cards, nextCursor: found.nextCursor }),
      });
    },
  );
}

/** What a tag's page shows: the tag, whether the viewer has it, the members' cards, and the page after. */
interface TagShown {
  tag: string;
  mine: boolean;
  cards: Html[];
  nextCursor: string | null;
}

function renderTag(request: FastifyRequest, t: Translate<Key>, shown: TagShown): Html {
  const { tag, mine, cards, nextCursor } = shown;
  const here = tagPath(tag);
  return html`<h1>${t('tagTitle', { tag })}</h1>
    <p>${t('tagExplain', { tag })}</p>
    <div class="actions" id="tag-actions">
      ${
        mine
          ? html`<p>${t('youHaveIt')}</p>
              ${tagForm(request, '/interests/remove', tag, 'tag-actions', html`<button type="submit" class="secondary">${t('removeTag', { tag })}</button>`)}`
          : tagForm(
              request,
              '/interests',
              tag,
              'tag-actions',
              html`<button type="submit">${t('addThis', { tag })}</button>`,
            )
      }
      <a href="/interests">${t('allInterests')}</a>
      ${interestNotice(request, t)}
    </div>
    ${cardList(request, cards, t('nobody'), 'search')}
    ${pager(request, {
      next: nextCursor,
      more: t('older'),
      first: t('first'),
      label: t('pages'),
      // The tag as it is kept, however the address spelled it; a limit asked for stays.
      path: here,
      keep: ['limit'],
    })}`;
}
