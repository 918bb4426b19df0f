import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

export const Album = Type.Union([Type.Literal('public'), Type.Literal('private')]);
export type Album = 'public' | 'private';

const Dimensions = Type.Object({ width: Type.Integer(), height: Type.Integer() });

/** Every size a photo is stored in, with its pixel size so pages can reserve the space. */
export const Sizes = Type.Object({ thumb: Dimensions, profile: Dimensions, full: Dimensions });

export const PhotoUploaded = defineEvent({
  type: 'PhotoUploaded',
  module: 'photos',
  description:
    'A member uploaded a photo to their public or private album: re-encoded in every size without metadata, and waiting for review.',
  schema: Type.Object({ photoId: Type.String(), ownerId: Type.String(), album: Album, sizes: Sizes }),
});

export const PhotoApproved = defineEvent({
  type: 'PhotoApproved',
  module: 'photos',
  description: 'A moderator approved a photo: members who may see its album see it from now on.',
  schema: Type.Object({ photoId: Type.String(), ownerId: Type.String(), album: Album }),
});

export const PhotoRejected = defineEvent({
  type: 'PhotoRejected',
  module: 'photos',
  description: 'A moderator rejected a photo with a reason the owner sees; nobody else ever sees it.',
  schema: Type.Object({ photoId: Type.String(), ownerId: Type.String(), reason: Type.String() }),
});

export const PhotoDeleted = defineEvent({
  type: 'PhotoDeleted',
  module: 'photos',
  description:
    'The owner deleted a photo, or a moderator removed it after reports (the actor says who): every size is gone from storage, and so are its likes, its news item and the portrait if it was one.',
  schema: Type.Object({ photoId: Type.String(), ownerId: Type.String() }),
});

export const PortraitChosen = defineEvent({
  type: 'PortraitChosen',
  module: 'photos',
  description:
    'A member chose one of their public photos as their portrait (null: no portrait). Others see it once it is approved.',
  schema: Type.Object({ memberId: Type.String(), photoId: Type.Union([Type.String(), Type.Null()]) }),
});

export const PhotoLiked = defineEvent({
  type: 'PhotoLiked',
  module: 'photos',
  description: 'A member liked another member’s photo.',
  schema: Type.Object({ photoId: Type.String(), ownerId: Type.String(), memberId: Type.String() }),
});

export const PhotoUnliked = defineEvent({
  type: 'PhotoUnliked',
  module: 'photos',
  description: 'A member took back their like of a photo.',
  schema: Type.Object({ photoId: Type.String(), ownerId: Type.String(), memberId: Type.String() }),
});

export const PrivateAlbumUnlocked = defineEvent({
  type: 'PrivateAlbumUnlocked',
  module: 'photos',
  description: 'A member let another member see their private album.',
  schema: Type.Object({ ownerId: Type.String(), memberId: Type.String() }),
});

export const PrivateAlbumLocked = defineEvent({
  type: 'PrivateAlbumLocked',
  module: 'photos',
  description: 'A member took back another member’s access to their private album.',
  schema: Type.Object({ ownerId: Type.String(), memberId: Type.String() }),
});

export const events = [
  PhotoUploaded,
  PhotoApproved,
  PhotoRejected,
  PhotoDeleted,
  PortraitChosen,
  PhotoLiked,
  PhotoUnliked,
  PrivateAlbumUnlocked,
  PrivateAlbumLocked,
];
