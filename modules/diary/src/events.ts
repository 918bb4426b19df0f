import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

// Each event carries the whole post as it now reads, so a feed can show it without
// asking the diary anything. The schema does not repeat the length rule, so posts
// recorded under older rules still replay.
export const DiaryPosted = defineEvent({
  type: 'DiaryPosted',
  module: 'diary',
  description:
    'A member wrote a diary post (trimmed text, 1 to 2,000 characters). It shows on their profile and in the news of members it interests.',
  schema: Type.Object({ postId: Type.String(), memberId: Type.String(), text: Type.String() }),
});

export const DiaryPostEdited = defineEvent({
  type: 'DiaryPostEdited',
  module: 'diary',
  description: 'The author changed a diary post; the text is the whole new text.',
  schema: Type.Object({ postId: Type.String(), memberId: Type.String(), text: Type.String() }),
});

export const DiaryPostDeleted = defineEvent({
  type: 'DiaryPostDeleted',
  module: 'diary',
  description:
    'The author deleted a diary post, or a moderator removed it after reports (the actor says who); it disappears from their profile and from every feed.',
  schema: Type.Object({ postId: Type.String(), memberId: Type.String() }),
});

export const events = [DiaryPosted, DiaryPostEdited, DiaryPostDeleted];
