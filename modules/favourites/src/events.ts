import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

export const FavouriteAdded = defineEvent({
  type: 'FavouriteAdded',
  module: 'favourites',
  description: 'A member added another member to their favourites.',
  schema: Type.Object({ memberId: Type.String(), favouriteId: Type.String() }),
});

export const FavouriteRemoved = defineEvent({
  type: 'FavouriteRemoved',
  module: 'favourites',
  description: 'A member took another member off their favourites.',
  schema: Type.Object({ memberId: Type.String(), favouriteId: Type.String() }),
});

export const events = [FavouriteAdded, FavouriteRemoved];
