import type { ModuleContext, View } from '@meetcute/core';
import { forgetInView } from '@meetcute/auth/events';
import { PhotoDeleted, PortraitChosen } from './events.ts';
import { portraitOf, type PhotosTables } from './store.ts';

/**
 * Each member's portrait (its photo id), in memory: every card's picture asks for it, and
 * a new member's checklist on every page they open. Changed by the same events that
 * change the `portraits` table (store.ts), so it is always what the table says.
 */
export function portraitsView(ctx: ModuleContext<PhotosTables>): View<string> {
  const portraits = ctx.view<string>({ name: 'portraits', load: (memberId) => portraitOf(ctx.db, memberId) });
  portraits.on(PortraitChosen, ({ payload: { memberId, photoId } }, changes) =>
    changes.set(memberId, photoId ?? undefined),
  );
  // The portrait goes with its photo; another photo of the owner's leaves it as it is.
  portraits.on(PhotoDeleted, ({ payload: { photoId, ownerId } }, changes) =>
    changes.update(ownerId, (current) => (current === photoId ? undefined : current)),
  );
  forgetInView(portraits);
  return portraits;
}
