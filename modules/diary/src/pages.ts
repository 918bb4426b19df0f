import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, problems, type FieldProblem, type Http } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  FORM_BODY_SCHEMA,
  field,
  form,
  formErrors,
  hidden,
  html,
  itemList,
  languageOf,
  pager,
  sendPage,
  translator,
  type Html,
  formatMoment,
  type ProfileSection,
  type Translate,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { ListQuery } from './routes.ts';
import { LIMITS, lengthOf } from './rules.ts';
import { postsOf, type DiaryDb, type Post } from './store.ts';
import type { DiaryReads } from './views.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/**
 * Problems with field errors re-render the form, saying what to fix in the member's
 * language (the command refuses in English); anything else goes to the error page.
 */
function fieldErrors(request: FastifyRequest, error: unknown, value: string): FieldProblem[] | null {
  if (!(error instanceof Problem && error.errors && error.errors.length > 0)) return null;
  const t = tr(request);
  const n = lengthOf(value.trim());
  return error.errors.map((e) =>
    e.field === 'text'
      ? { ...e, message: n < LIMITS.text.min ? t('emptyPost') : t('longPost', { max: LIMITS.text.max, n }) }
      : e,
  );
}

/** A post's text with its line breaks kept, escaped like everything else. */
function paragraphs(text: string): Html {
  const lines = text.split(/\r?\n/);
  return html`<p>${lines.map((line, i) => (i === 0 ? html`${line}` : html`<br />${line}`))}</p>`;
}

/** Renders posts with times in the viewer's time zone; `manage` adds edit and delete for the author. */
function postList(
  request: FastifyRequest,
  posts: readonly Post[],
  timeZone: string,
  options: { manage: boolean; empty: string },
): Html {
  const t = tr(request);
  const language = languageOf(request);
  const last = feedbackOf(request, 'diary', OUTCOMES);
  const item = (post: Post) =>
    html`<li class="card" id="post-${post.postId}">
      <p class="facts">
        <time datetime="${post.postedAt}"
          >${formatMoment(language, timeZone, post.postedAt, 'date-time')}</time
        >${post.editedAt ? html` · ${t('edited')}` : ''}
      </p>
      ${paragraphs(post.text)}
      ${last?.outcome === 'edited' && last.to === post.postId ? feedbackNotice(t('changed')) : ''}
      ${
        options.manage
          ? html`<div class="actions">
              <a href="/diary/${post.postId}/edit">${t('edit')}</a>
              <form method="post" action="/diary/${post.postId}/delete" class="inline" data-feedback>
                ${hidden(request)}${backField(request, MINE)}
                <button type="submit" class="secondary" aria-label="${t('deletePost')}">
                  ${t('delete')}
                </button>
              </form>
            </div>`
          : ''
      }
    </li>`;
  // Where a page of posts has older ones, they load as the member scrolls, as news and alerts do.
  return itemList(posts.map(item), { empty: options.empty, class: 'plain diary', infinite: true });
}

/** The diary section on a profile: the latest posts, a link to all, and a way to write on one's own. */
export function diarySection(reads: DiaryReads, db: DiaryDb, profiles: ProfileDirectory): ProfileSection {
  return async (request, memberId) => {
    const viewer = request.viewer;
    if (!viewer || !(await reads.visible(viewer.memberId, memberId))) return null;
    const own = viewer.memberId === memberId;
    const { posts } = await postsOf(db, memberId, { after: undefined, limit: LIMITS.onProfile });
    if (posts.length === 0 && !own) return null;
    const t = tr(request);
    const timeZone = await timeZoneOf(profiles, viewer.memberId);
    return html`<section aria-labelledby="diary">
      <h2 id="diary">${t('section')}</h2>
      ${postList(request, posts, timeZone, { manage: false, empty: t('noneYet') })}
      ${posts.length > 0 ? html`<p><a href="/members/${memberId}/diary">${t('allPosts')}</a></p>` : ''}
      ${own ? html`<p><a href="/diary">${t('writeOne')}</a></p>` : ''}
    </section>`;
  };
}

export interface PageDeps {
  commands: Commands;
  reads: DiaryReads;
  profiles: ProfileDirectory;
}

const approved = { access: 'approved', kind: 'page' } as const;

const OUTCOMES = ['posted', 'edited', 'deleted'] as const;
/** Where the member's own diary (its form and posts) stands, on /diary. */
const MINE = 'my-diary';
const PostParams = Type.Object({ postId: Type.String({ format: 'uuid' }) });

/** What the member typed and what was wrong with it, to show the form again. */
interface FormState {
  value: string;
  errors: FieldProblem[];
}

async function timeZoneOf(profiles: ProfileDirectory, memberId: string): Promise<string> {
  return (await profiles.get(memberId))?.city.timeZone ?? 'UTC';
}

/** The diary pages: the member's own diary with its form, editing and deleting a post, and another member's diary. */
export function diaryPages(http: Http, deps: PageDeps): void {
  myDiaryPages(http, deps);
  editPages(http, deps.commands);
  deletePage(http, deps.commands);
  memberDiaryPage(http, deps);
}

/** The member's own diary, and writing a post on it. */
function myDiaryPages(http: Http, deps: PageDeps): void {
  http.get(
    '/diary',
    {
      config: approved,
      schema: {
        hide: true,
        querystring: Type.Object({ cursor: ListQuery.properties.cursor }),
      },
    },
    (request, reply) => sendMyDiary(request, reply, deps),
  );

  http.post(
    '/diary',
    { config: approved, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const value = form.text(request.body, 'text');
      try {
        await deps.commands.post(request.viewer!.memberId, value);
        return reply.redirect(backAfter(request.body, `/diary#${MINE}`, 'diary', 'posted'), 303);
      } catch (error) {
        const errors = fieldErrors(request, error, value);
        if (!errors) throw error;
        return sendMyDiary(request, reply, deps, { value, errors }, (error as Problem).status);
      }
    },
  );
}

/** The member's posts under the form to write one; with `state`, the form again with what was wrong. */
async function sendMyDiary(
  request: FastifyRequest,
  reply: FastifyReply,
  { reads, profiles }: PageDeps,
  state?: FormState,
  status = 200,
) {
  const t = tr(request);
  const memberId = request.viewer!.memberId;
  const query = request.query as { cursor?: string };
  const cursor = state ? undefined : query.cursor;
  const page = await reads.page(memberId, memberId, { cursor, limit: LIMITS.page.default });
  const last = state ? null : feedbackOf(request, 'diary', OUTCOMES);
  return sendPage(
    request,
    reply,
    {
      title: t('title'),
      // The form and the posts are one region: where posting and deleting come back to.
      body: html`<h1>${t('title')}</h1>
        <p>${t('explain')}</p>
        <section id="${MINE}" aria-label="${t('title')}">
          ${last && last.outcome !== 'edited' ? feedbackNotice(t(last.outcome)) : ''}
          ${formErrors(state?.errors, t('fixErrors'))}
          <form method="post" action="/diary" novalidate data-feedback>
            ${hidden(request)}${backField(request, MINE)}
            ${field({ name: 'text', label: t('writeLabel'), hint: t('writeHint'), value: state?.value ?? '', required: true, multiline: true, errors: state?.errors, attrs: html`maxlength="${LIMITS.text.max}"` })}
            <div class="actions"><button type="submit">${t('post')}</button></div>
          </form>
          ${postList(request, page.posts, await timeZoneOf(profiles, memberId), { manage: true, empty: t('none') })}
          ${pager(request, { next: page.nextCursor, more: t('older'), first: t('newest') })}
        </section>`,
    },
    status,
  );
}

/** Changing one of the member's posts. */
function editPages(http: Http, commands: Commands): void {
  http.get(
    '/diary/:postId/edit',
    { config: approved, schema: { hide: true, params: PostParams } },
    async (request, reply) =>
      sendEditPage(request, reply, await commands.own(request.viewer!.memberId, request.params.postId)),
  );

  http.post(
    '/diary/:postId/edit',
    { config: approved, schema: { hide: true, params: PostParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const memberId = request.viewer!.memberId;
      const value = form.text(request.body, 'text');
      try {
        await commands.edit(memberId, request.params.postId, value);
        const { postId } = request.params;
        return reply.redirect(
          backAfter(request.body, `/diary#post-${postId}`, 'diary', 'edited', postId),
          303,
        );
      } catch (error) {
        const errors = fieldErrors(request, error, value);
        if (!errors) throw error;
        const post = await commands.own(memberId, request.params.postId);
        return sendEditPage(request, reply, post, { value, errors }, (error as Problem).status);
      }
    },
  );
}

/** The form to change a post; with `state`, again with what was wrong. */
function sendEditPage(
  request: FastifyRequest,
  reply: FastifyReply,
  post: Post,
  state?: FormState,
  status = 200,
) {
  const t = tr(request);
  return sendPage(
    request,
    reply,
    {
      title: t('editTitle'),
      body: html`<h1>${t('editTitle')}</h1>
        ${formErrors(state?.errors, t('fixErrors'))}
        <form method="post" action="/diary/${post.postId}/edit" novalidate>
          ${hidden(request)}
          ${field({ name: 'text', label: t('writeLabel'), hint: t('writeHint'), value: state?.value ?? post.text, required: true, multiline: true, errors: state?.errors, attrs: html`maxlength="${LIMITS.text.max}"` })}
          <div class="actions">
            <button type="submit">${t('save')}</button>
            <a href="/diary">${t('cancel')}</a>
          </div>
        </form>`,
    },
    status,
  );
}

/** Deleting one of the member's posts, from the button on their diary. */
function deletePage(http: Http, commands: Commands): void {
  http.post(
    '/diary/:postId/delete',
    { config: approved, schema: { hide: true, params: PostParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await commands.remove(request.viewer!.memberId, request.params.postId);
      return reply.redirect(backAfter(request.body, `/diary#${MINE}`, 'diary', 'deleted'), 303);
    },
  );
}

/** A member's diary as another member (or they themselves) sees it. */
function memberDiaryPage(http: Http, { reads, profiles }: PageDeps): void {
  http.get(
    '/members/:memberId/diary',
    {
      config: approved,
      schema: {
        hide: true,
        params: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        querystring: ListQuery,
      },
    },
    async (request, reply) => {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const { memberId } = request.params;
      const page = await reads.page(viewerId, memberId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? LIMITS.page.default,
      });
      const member = await profiles.get(memberId);
      if (!member) throw problems.notFound('This member');
      const title = t('theirTitle', { nickname: member.nickname });
      return sendPage(request, reply, {
        title,
        body: html`<h1>${title}</h1>
          ${postList(request, page.posts, await timeZoneOf(profiles, viewerId), {
            manage: viewerId === memberId,
            empty: t('theirNone', { nickname: member.nickname }),
          })}
          ${pager(request, { next: page.nextCursor, more: t('older'), first: t('newest') })}
          <p><a href="/members/${memberId}">${t('backToProfile')}</a></p>`,
      });
    },
  );
}
