/*
 * Faces on the front page: a few members of the community as a visitor first sees them,
 * before signing up. Only members who chose an approved photo of their public album as
 * their portrait are shown, and only that portrait: every other photo stays for members.
 */
import type { FastifyRequest } from 'fastify';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import {
  html,
  languageOf,
  placeLabel,
  portraitPath,
  translator,
  type Html,
  type Messages,
} from '@meetcute/web';
import type { PhotosDb } from './store.ts';

/** How many faces the front page shows: a row on a desktop, three rows of two on a phone. */
export const FACES = 6;
/** Portraits looked at to find them, newest first: some belong to members not shown any more. */
const CANDIDATES = 30;

const messages: Messages<'title'> = {
  en: { title: 'Some of the people here' },
  sv: { title: 'Några av dem som är här' },
  fi: { title: 'Joitakin täällä olevia' },
};

export interface Faces {
  /** The members the front page shows now, newest portraits first. */
  shown(): Promise<PublicProfile[]>;
  /** True when the front page shows the member, so a visitor may see their portrait. */
  shows(memberId: string): Promise<boolean>;
}

export function faces(db: PhotosDb, profiles: ProfileDirectory, blocks: Blocks): Faces {
  async function shown(): Promise<PublicProfile[]> {
    const rows = await db
      .selectFrom('portraits')
      .innerJoin('photos', 'photos.photo_id', 'portraits.photo_id')
      .select('portraits.member_id')
      .where('photos.status', '=', 'approved')
      .where('photos.album', '=', 'public')
      .orderBy('photos.photo_id', 'desc')
      .limit(CANDIDATES)
      .execute();
    const found: PublicProfile[] = [];
    for (const { member_id } of rows) {
      // A member without an approved profile (deleted, in review) or suspended is not shown.
      const profile = await profiles.get(member_id);
      if (!profile || (await blocks.suspended(member_id))) continue;
      found.push(profile);
      if (found.length === FACES) break;
    }
    return found;
  }
  return {
    shown,
    shows: async (memberId) => (await shown()).some((p) => p.memberId === memberId),
  };
}

/** The front page's section of faces: portrait, name, age and city; nothing when nobody has a portrait yet. */
export function facesSection(of: Faces): (request: FastifyRequest) => Promise<Html | null> {
  return async (request) => {
    const people = await of.shown();
    if (people.length === 0) return null;
    const language = languageOf(request);
    const t = translator(messages, language);
    return html`<section class="faces" aria-labelledby="faces">
      <h2 id="faces">${t('title')}</h2>
      <ul>
        ${people.map(
          (p) =>
            html`<li>
              <img
                src="${portraitPath(p.memberId, 'profile')}"
                width="320"
                height="320"
                loading="lazy"
                alt=""
              />
              <p><strong>${p.nickname}</strong>, ${p.age}</p>
              <p class="facts">${placeLabel(language, p.city.label)}</p>
            </li>`,
        )}
      </ul>
    </section>`;
  };
}
