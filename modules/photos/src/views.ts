import type { View, Viewer } from '@meetcute/core';
import type { Commands } from './commands.ts';
import { likeCounts, likedBy, photosOf, type Photo, type PhotosDb } from './store.ts';

/** A photo as a page or the API shows it: with its likes, and whether the viewer liked it. */
export interface PhotoView extends Photo {
  likes: number;
  likedByMe: boolean;
  isPortrait: boolean;
}

export interface Albums {
  /** Every photo of the member's own, in every state, for their own page. */
  mine(memberId: string): Promise<PhotoView[]>;
  /** The member's photos this viewer may see: approved public ones, and private ones if unlocked. */
  of(viewer: Viewer, ownerId: string): Promise<PhotoView[]>;
}

/** `portraits`: each member's portrait, in memory (portraits.ts). */
export function albums(db: PhotosDb, commands: Commands, portraits: View<string>): Albums {
  const withLikes = async (viewerId: string, ownerId: string, photos: Photo[]): Promise<PhotoView[]> => {
    const ids = photos.map((p) => p.photoId);
    const [counts, liked, portrait] = await Promise.all([
      likeCounts(db, ids),
      likedBy(db, viewerId, ids),
      portraits.get(ownerId),
    ]);
    return photos.map((p) => ({
      ...p,
      likes: counts.get(p.photoId) ?? 0,
      likedByMe: liked.has(p.photoId),
      isPortrait: p.photoId === portrait,
    }));
  };
  return {
    async mine(memberId) {
      return withLikes(memberId, memberId, await photosOf(db, memberId));
    },
    async of(viewer, ownerId) {
      const all = await photosOf(db, ownerId);
      // Others see approved photos only, even moderators: the review queue is where they see the rest.
      const candidates = viewer.memberId === ownerId ? all : all.filter((p) => p.status === 'approved');
      const visible: Photo[] = [];
      for (const photo of candidates) if (await commands.maySee(viewer, photo)) visible.push(photo);
      return withLikes(viewer.memberId, ownerId, visible);
    },
  };
}
