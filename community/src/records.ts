import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/**
 * The records of a dump (format version 2; version 1 is version 2 without photos and
 * chat, and is read as it is), as documented in ../README.md. An operator's
 * exporter writes these; the generator makes them; the importer turns them into events.
 * Every record but the header has a `kind` and a stable source `id`, unique within its
 * kind, from which the importer derives the ids of what it creates, so importing the
 * same record twice makes the same events.
 */

export const DUMP_FORMAT = 'meetcute-dump';
export const DUMP_VERSION = 2;
/** The kinds each version added: a version 1 dump carrying a later kind is refused. */
export const KINDS_SINCE: Partial<Record<string, number>> = {
  photo: 2,
  'photo-review': 2,
  'photo-like': 2,
  'album-unlock': 2,
  message: 2,
  'conversation-read': 2,
};
/** Inline images up to this many bytes (base64 adds a third); larger ones travel as files. */
export const INLINE_IMAGE_MAX_BYTES = 1024 * 1024;

const Id = Type.String({ minLength: 1, maxLength: 200, description: 'The stable source id' });
const At = Type.String({ format: 'date-time', description: 'ISO 8601 UTC time it happened' });
const MemberRef = Type.String({ minLength: 1, maxLength: 200, description: 'A member record id' });
const GenderSchema = Type.Union([Type.Literal('woman'), Type.Literal('man'), Type.Literal('nonbinary')]);
export type Gender = Static<typeof GenderSchema>;

export const HeaderSchema = Type.Object({
  kind: Type.Literal('header'),
  format: Type.Literal(DUMP_FORMAT),
  version: Type.Integer({ minimum: 1 }),
  dumpId: Type.String({ minLength: 1, maxLength: 200 }),
  source: Type.String(),
  createdAt: At,
  records: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type HeaderRecord = Static<typeof HeaderSchema>;

export const MemberSchema = Type.Object({
  kind: Type.Literal('member'),
  id: Id,
  at: At,
  email: Type.String({ minLength: 3, maxLength: 254 }),
  passwordHash: Type.String({ minLength: 1 }),
  nickname: Type.String({ minLength: 2, maxLength: 20 }),
  gender: GenderSchema,
  birthday: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  cityId: Type.Integer(),
  lookingFor: Type.Object({
    genders: Type.Array(GenderSchema, { minItems: 1, uniqueItems: true }),
    minAge: Type.Integer({ minimum: 18, maximum: 120 }),
    maxAge: Type.Integer({ minimum: 18, maximum: 120 }),
    maxDistanceKm: Type.Integer({ minimum: 1, maximum: 5000 }),
  }),
  aboutMe: Type.String({ maxLength: 2000 }),
  /** The language mail to the member is written in (en, sv or fi); English when absent. */
  language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('sv'), Type.Literal('fi')])),
});
export type MemberRecord = Static<typeof MemberSchema>;

export const ReviewSchema = Type.Object({
  kind: Type.Literal('review'),
  id: Id,
  at: At,
  member: MemberRef,
  by: Type.Optional(MemberRef),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })),
});
export type ReviewRecord = Static<typeof ReviewSchema>;

export const ModeratorSchema = Type.Object({
  kind: Type.Literal('moderator'),
  id: Id,
  at: At,
  member: MemberRef,
});
export type ModeratorRecord = Static<typeof ModeratorSchema>;

export const InterestSchema = Type.Object({
  kind: Type.Literal('interest'),
  id: Id,
  at: At,
  member: MemberRef,
  tag: Type.String({ minLength: 1, maxLength: 100 }),
});
export type InterestRecord = Static<typeof InterestSchema>;

export const DiarySchema = Type.Object({
  kind: Type.Literal('diary'),
  id: Id,
  at: At,
  member: MemberRef,
  text: Type.String({ minLength: 1, maxLength: 2000 }),
});
export type DiaryRecord = Static<typeof DiarySchema>;

const pair = <K extends 'flirt' | 'visit' | 'favourite' | 'block' | 'album-unlock'>(kind: K) =>
  Type.Object({ kind: Type.Literal(kind), id: Id, at: At, from: MemberRef, to: MemberRef });

export const FlirtSchema = pair('flirt');
export const VisitSchema = pair('visit');
export const FavouriteSchema = pair('favourite');
export const BlockSchema = pair('block');
export type FlirtRecord = Static<typeof FlirtSchema>;
export type VisitRecord = Static<typeof VisitSchema>;
export type FavouriteRecord = Static<typeof FavouriteSchema>;
export type BlockRecord = Static<typeof BlockSchema>;

const AlbumSchema = Type.Union([Type.Literal('public'), Type.Literal('private')]);

export const PhotoSchema = Type.Object({
  kind: Type.Literal('photo'),
  id: Id,
  at: At,
  member: MemberRef,
  album: AlbumSchema,
  portrait: Type.Optional(Type.Boolean({ description: 'Became the member’s portrait when uploaded' })),
  file: Type.Optional(
    Type.String({ minLength: 1, maxLength: 1000, description: 'Path relative to the dump’s folder' }),
  ),
  data: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: Math.ceil(INLINE_IMAGE_MAX_BYTES / 3) * 4,
      description: 'The image itself, base64',
    }),
  ),
});
export type PhotoRecord = Static<typeof PhotoSchema>;

export const PhotoReviewSchema = Type.Object({
  kind: Type.Literal('photo-review'),
  id: Id,
  at: At,
  photo: Id,
  by: Type.Optional(MemberRef),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});
export type PhotoReviewRecord = Static<typeof PhotoReviewSchema>;

export const PhotoLikeSchema = Type.Object({
  kind: Type.Literal('photo-like'),
  id: Id,
  at: At,
  from: MemberRef,
  photo: Id,
});
export type PhotoLikeRecord = Static<typeof PhotoLikeSchema>;

export const MessageSchema = Type.Object({
  kind: Type.Literal('message'),
  id: Id,
  at: At,
  from: MemberRef,
  to: MemberRef,
  body: Type.String({ minLength: 1, maxLength: 8000 }),
});
export type MessageRecord = Static<typeof MessageSchema>;

export const ConversationReadSchema = Type.Object({
  kind: Type.Literal('conversation-read'),
  id: Id,
  at: At,
  member: MemberRef,
  message: Id,
});
export type ConversationReadRecord = Static<typeof ConversationReadSchema>;

export const AlbumUnlockSchema = pair('album-unlock');
export type AlbumUnlockRecord = Static<typeof AlbumUnlockSchema>;

export type DumpRecord =
  | HeaderRecord
  | MemberRecord
  | ReviewRecord
  | ModeratorRecord
  | InterestRecord
  | DiaryRecord
  | FlirtRecord
  | VisitRecord
  | FavouriteRecord
  | BlockRecord
  | PhotoRecord
  | PhotoReviewRecord
  | PhotoLikeRecord
  | AlbumUnlockRecord
  | MessageRecord
  | ConversationReadRecord;

export type RecordKind = Exclude<DumpRecord['kind'], 'header'>;
export type PairRecord = FlirtRecord | VisitRecord | FavouriteRecord | BlockRecord;

const SCHEMAS: Record<DumpRecord['kind'], TSchema> = {
  header: HeaderSchema,
  member: MemberSchema,
  review: ReviewSchema,
  moderator: ModeratorSchema,
  interest: InterestSchema,
  diary: DiarySchema,
  flirt: FlirtSchema,
  visit: VisitSchema,
  favourite: FavouriteSchema,
  block: BlockSchema,
  photo: PhotoSchema,
  'photo-review': PhotoReviewSchema,
  'photo-like': PhotoLikeSchema,
  'album-unlock': AlbumUnlockSchema,
  message: MessageSchema,
  'conversation-read': ConversationReadSchema,
};

export const RECORD_KINDS = Object.keys(SCHEMAS).filter((k) => k !== 'header') as RecordKind[];

const validators = new Map(Object.entries(SCHEMAS).map(([kind, schema]) => [kind, Compile(schema)]));

/** What is wrong with a parsed line, or an empty list when it is a record of this format. */
export function recordProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
  const kind = (value as { kind?: unknown }).kind;
  const validator = typeof kind === 'string' ? validators.get(kind) : undefined;
  if (!validator) {
    return [`unknown kind ${JSON.stringify(kind)}; expected one of header, ${RECORD_KINDS.join(', ')}`];
  }
  if (validator.Check(value)) return [];
  return validator.Errors(value).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
