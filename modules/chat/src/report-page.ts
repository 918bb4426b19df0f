import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, type FieldProblem, type Http } from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
  backAfter,
  form,
  formErrors,
  hidden,
  html,
  sendPage,
  type Html,
} from '@meetcute/web';
import { REPORT_REASONS } from './events.ts';
import { page, tr, type PageDeps } from './pages.ts';
import { messageById, type ChatDb, type Message } from './store.ts';

const MessageParams = Type.Object({ messageId: Type.String({ format: 'uuid' }) });

/** Reporting a message the member received, without JavaScript. */
export function reportPages(http: Http, deps: PageDeps): void {
  const { db, commands } = deps;

  http.get(
    '/messages/:messageId/report',
    { config: page, schema: { hide: true, params: MessageParams } },
    async (request, reply) => {
      const message = await reportable(db, request.viewer!.memberId, request.params.messageId);
      const sender = await commands.partner(request.viewer!.memberId, message.senderId);
      return sendPage(request, reply, {
        title: tr(request)('reportTitle'),
        body: reportForm(request, message, sender.nickname),
      });
    },
  );

  http.post(
    '/messages/:messageId/report',
    { config: page, schema: { hide: true, params: MessageParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const viewerId = request.viewer!.memberId;
      const message = await reportable(db, viewerId, request.params.messageId);
      const reason = REPORT_REASONS.find((r) => r === form.text(request.body, 'reason'));
      const note = form.text(request.body, 'note');
      if (!reason || [...note].length > 500) {
        const sender = await commands.partner(viewerId, message.senderId);
        const t = tr(request);
        const errors: FieldProblem[] = !reason
          ? [{ field: 'reason', message: t('chooseReason') }]
          : [{ field: 'note', message: t('noteTooLong') }];
        return sendPage(
          request,
          reply,
          { title: tr(request)('reportTitle'), body: reportForm(request, message, sender.nickname, errors) },
          400,
        );
      }
      try {
        await commands.report(viewerId, message.messageId, reason, note);
      } catch (error) {
        // Reporting twice says the same "thank you": the moderators have it either way.
        if (!(error instanceof Problem) || error.status !== 409) throw error;
      }
      // Back in the conversation at the message, thanked beside it (web/src/feedback.ts).
      const conversation = `/chats/${message.senderId}#m-${message.messageId}`;
      return reply.redirect(
        backAfter(request.body, conversation, 'chat', 'reported', message.messageId),
        303,
      );
    },
  );
}

/** A message the viewer may report: one they received, still there. */
async function reportable(db: ChatDb, viewerId: string, messageId: string): Promise<Message> {
  const message = await messageById(db, messageId);
  if (!message || (message.recipientId !== viewerId && message.senderId !== viewerId)) {
    throw new Problem(404, 'not-found', 'Not found', 'This message does not exist or is not visible to you.');
  }
  if (message.recipientId !== viewerId) {
    throw new Problem(403, 'forbidden', 'You may not do this', 'You can report only messages you received.');
  }
  return message;
}

function reportForm(
  request: FastifyRequest,
  message: Message,
  sender: string,
  errors?: FieldProblem[],
): Html {
  const t = tr(request);
  return html`<h1>${t('reportTitle')}</h1>
    <p>${t('reportIntro', { name: sender })}</p>
    <blockquote class="reported"><p class="body">${message.body}</p></blockquote>
    ${formErrors(errors, t('fix'))}
    <form method="post" action="/messages/${message.messageId}/report">
      ${hidden(request)}
      <fieldset>
        <legend>${t('reason')}</legend>
        ${REPORT_REASONS.map(
          (r, i) =>
            html`<label class="choice"
              ><input type="radio" name="reason" value="${r}" ${i === 0 ? html`required` : ''} />
              ${t(r)}</label
            >`,
        )}
      </fieldset>
      <div class="field">
        <label for="f-note">${t('note')}</label>
        <small id="f-note-hint">${t('noteHint')}</small>
        <textarea id="f-note" name="note" rows="3" maxlength="500" aria-describedby="f-note-hint"></textarea>
      </div>
      <button type="submit">${t('sendReport')}</button>
    </form>`;
}
