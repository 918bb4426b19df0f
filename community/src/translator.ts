// Turns the records of a dump into the events the site would have recorded, checking
// what its live API would have refused, and puts their photos through the photos pipeline.
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import {
  CREDENTIALS,
  Problem,
  type App,
  type Credentials,
  type EventDefinition,
  type EventEnvelope,
} from '@meetcute/core';
import { CITIES, type CityDirectory } from '@meetcute/cities';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
  REGISTRATION_IMPORT,
  type Application,
  type RegistrationImport,
} from '@meetcute/registration';
import { isUsablePasswordHash, PasswordResetRequested, RoleGranted, SETUP_DAYS } from '@meetcute/auth';
import { checkTag, InterestAdded } from '@meetcute/interests';
import { DiaryPosted } from '@meetcute/diary';
import { FlirtSent } from '@meetcute/flirt';
import { ProfileViewed } from '@meetcute/profile';
import { FavouriteAdded } from '@meetcute/favourites';
import { MemberBlocked } from '@meetcute/block';
import {
  PHOTO_IMPORT,
  PhotoApproved,
  PhotoLiked,
  PhotoRejected,
  PhotoUploaded,
  PortraitChosen,
  PrivateAlbumUnlocked,
  type PhotoImport,
} from '@meetcute/photos';
import { ConversationRead, conversationIdOf, MAX_MESSAGE_LENGTH, MessageSent } from '@meetcute/chat/events';
import { CHAT_IMPORT, type ChatImport } from '@meetcute/chat';
import { DumpError, type NumberedRecord } from './dump.ts';
import type { ImportIds } from './ids.ts';
import type {
  AlbumUnlockRecord,
  ConversationReadRecord,
  DumpRecord,
  HeaderRecord,
  MemberRecord,
  MessageRecord,
  PairRecord,
  PhotoLikeRecord,
  PhotoRecord,
  PhotoReviewRecord,
  ReviewRecord,
} from './records.ts';

interface Known {
  memberId: string;
  application: Application | null;
}

type Entry = { event: EventEnvelope; module: string };

export type Sizes = Awaited<ReturnType<PhotoImport['store']>>;

interface KnownPhoto {
  photoId: string;
  ownerId: string;
  album: 'public' | 'private';
  /** The line of the photo record when it is in this batch, with the sizes stored for it. */
  line?: number;
  sizes?: Sizes;
}

interface KnownMessage {
  messageId: string;
  conversationId: string;
  recipientId: string;
  line?: number;
}

interface Known2 {
  members: Map<string, Known>;
  photos: Map<string, KnownPhoto>;
  messages: Map<string, KnownMessage>;
}

/** Appends one event a record makes, acted by `actorId` (null: nobody acted on the site). */
type Emit = (definition: EventDefinition, payload: unknown, actorId: string | null) => void;

/** The site's id of a member the dump refers to. */
type MemberIdOf = (ref: string) => string;

/** Photos of a batch put through the pipeline at once; the image library decodes two at a time. */
const PHOTO_CONCURRENCY = 4;

/** Turns one batch of records into events, checking what the live API would have refused. */
export class Translator {
  readonly #ids: ImportIds;
  readonly #cities: CityDirectory;
  readonly #registrations: RegistrationImport;
  readonly #chat: ChatImport;
  readonly #photoImport: PhotoImport;
  readonly #credentials: Credentials;
  readonly #maxPhotoBytes: number;
  readonly #path: string;
  readonly #folder: string;
  readonly #importer: string;
  readonly #app: App;

  constructor(app: App, ids: ImportIds, path: string) {
    this.#app = app;
    this.#ids = ids;
    this.#cities = app.services.require<CityDirectory>(CITIES);
    this.#registrations = app.services.require<RegistrationImport>(REGISTRATION_IMPORT);
    this.#chat = app.services.require<ChatImport>(CHAT_IMPORT);
    this.#photoImport = app.services.require<PhotoImport>(PHOTO_IMPORT);
    this.#credentials = app.services.require<Credentials>(CREDENTIALS);
    this.#maxPhotoBytes = app.config.photos.maxBytes;
    this.#path = path;
    this.#folder = resolve(dirname(path));
    // Approvals the old site cannot attribute are credited to the import itself.
    this.#importer = ids.member('\0import');
  }

  /**
   * Turns a batch into events. `stored` is what `storePhotos` made of the batch's photos;
   * it may have been started before the batch ahead of this one was delivered.
   */
  async translate(batch: NumberedRecord[], stored: Promise<Map<number, Sizes>>): Promise<Entry[]> {
    const members = new Map<string, Known>();
    for (const { line, record } of batch) {
      if (record.kind === 'member') members.set(record.id, this.#newMember(line, record, members));
    }
    await this.#checkUnique(batch, members);
    const known = await this.#lookUp(batch, members);
    const photos = await this.#lookUpPhotos(batch, known, await stored);
    const messages = await this.#lookUpMessages(batch, known);
    const entries: Entry[] = [];
    for (const { line, record } of batch)
      this.#events(line, record, { members: known, photos, messages }, entries);
    // No event carries a password hash: they are handed to auth before the events are written.
    const hashes = batch.flatMap(({ record }) =>
      record.kind === 'member'
        ? [{ memberId: known.get(record.id)!.memberId, passwordHash: record.passwordHash }]
        : [],
    );
    if (hashes.length > 0) await this.#credentials.store(hashes);
    return entries;
  }

  /**
   * Puts the photos a batch adds through the photos module's pipeline, stored under ids
   * derived from their records (so a repeated batch overwrites its files); by line. The
   * records themselves are checked when the batch is translated.
   */
  async storePhotos(batch: NumberedRecord[]): Promise<Map<number, Sizes>> {
    const added = batch.filter(
      (n): n is { line: number; record: PhotoRecord } =>
        n.record.kind === 'photo' && (n.record.file === undefined) !== (n.record.data === undefined),
    );
    const stored = new Map<number, Sizes>();
    let next = 0;
    const worker = async () => {
      while (next < added.length) {
        const { line, record } = added[next++]!;
        const bytes = await this.#imageOf(line, record);
        try {
          stored.set(line, await this.#photoImport.store(this.#ids.named('photo', record.id), bytes));
        } catch (error) {
          if (error instanceof Problem)
            this.#fail(line, `photo "${record.id}": ${error.title}. ${error.detail ?? ''}`.trim());
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PHOTO_CONCURRENCY, added.length) }, worker));
    return stored;
  }

  /**
   * The photos a batch adds, put through the photos module's pipeline and stored under
   * ids derived from their records (so a repeated batch overwrites its files), and the
   * photos of earlier batches it refers to.
   */
  async #lookUpPhotos(
    batch: NumberedRecord[],
    members: Map<string, Known>,
    stored: Map<number, Sizes>,
  ): Promise<Map<string, KnownPhoto>> {
    const photos = new Map<string, KnownPhoto>();
    for (const { line, record: r } of batch) {
      if (r.kind !== 'photo') continue;
      if (photos.has(r.id)) this.#fail(line, `photo "${r.id}" appears twice`);
      if ((r.file === undefined) === (r.data === undefined))
        this.#fail(line, `photo "${r.id}": give the image either as a file or as data, once`);
      if (r.portrait === true && r.album !== 'public')
        this.#fail(line, `photo "${r.id}": a portrait must be in the public album`);
      const photo: KnownPhoto = {
        photoId: this.#ids.named('photo', r.id),
        ownerId: members.get(r.member)!.memberId,
        album: r.album,
        line,
      };
      photos.set(r.id, photo);
      photo.sizes = stored.get(line);
    }

    const wanted = new Map<string, number>();
    for (const { line, record: r } of batch) {
      if (r.kind !== 'photo-review' && r.kind !== 'photo-like') continue;
      const inBatch = photos.get(r.photo);
      if (inBatch?.line !== undefined && inBatch.line > line)
        this.#fail(line, `refers to photo "${r.photo}", which comes later in the dump`);
      if (!inBatch && !wanted.has(r.photo)) wanted.set(r.photo, line);
    }
    const byId = new Map([...wanted.keys()].map((ref) => [this.#ids.named('photo', ref), ref]));
    for (const [photoId, { ownerId, album }] of await this.#photoImport.known([...byId.keys()])) {
      photos.set(byId.get(photoId)!, { photoId, ownerId, album });
    }
    for (const [ref, line] of wanted) {
      if (!photos.has(ref))
        this.#fail(line, `refers to photo "${ref}", which no earlier photo record defines`);
    }
    return photos;
  }

  /** The image of a photo record: inline, or a file in the dump's folder. */
  async #imageOf(line: number, r: PhotoRecord): Promise<Buffer> {
    if (r.data !== undefined) {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(r.data)) this.#fail(line, `photo "${r.id}": data is not base64`);
      return Buffer.from(r.data, 'base64');
    }
    const file = resolve(this.#folder, r.file!);
    const inside = relative(this.#folder, file);
    if (isAbsolute(r.file!) || inside.startsWith('..') || isAbsolute(inside))
      this.#fail(line, `photo "${r.id}": the file ${r.file} must be a path inside the dump's folder`);
    try {
      const { size } = await stat(file);
      if (size > this.#maxPhotoBytes)
        this.#fail(line, `photo "${r.id}": ${r.file} is larger than ${this.#maxPhotoBytes} bytes`);
      return await readFile(file);
    } catch (error) {
      if (error instanceof DumpError) throw error;
      this.#fail(line, `photo "${r.id}": cannot read ${r.file} (${(error as Error).message})`);
    }
  }

  /** The messages a batch writes, and those of earlier batches its read marks refer to. */
  async #lookUpMessages(
    batch: NumberedRecord[],
    members: Map<string, Known>,
  ): Promise<Map<string, KnownMessage>> {
    const messages = new Map<string, KnownMessage>();
    const wanted = new Map<string, number>();
    for (const { line, record: r } of batch) {
      if (r.kind === 'message') {
        if (messages.has(r.id)) this.#fail(line, `message "${r.id}" appears twice`);
        const senderId = members.get(r.from)!.memberId;
        const recipientId = members.get(r.to)!.memberId;
        messages.set(r.id, {
          messageId: this.#ids.named('message', r.id),
          conversationId: conversationIdOf(senderId, recipientId),
          recipientId,
          line,
        });
      } else if (r.kind === 'conversation-read') {
        const inBatch = messages.get(r.message);
        if (!inBatch && !wanted.has(r.message)) wanted.set(r.message, line);
      }
    }
    for (const { line, record: r } of batch) {
      if (r.kind !== 'conversation-read') continue;
      const inBatch = messages.get(r.message);
      if (inBatch?.line !== undefined && inBatch.line > line)
        this.#fail(line, `refers to message "${r.message}", which comes later in the dump`);
    }
    const byId = new Map([...wanted.keys()].map((ref) => [this.#ids.named('message', ref), ref]));
    const ids = [...byId.keys()];
    for (const found of await this.#chat.messages(ids)) messages.set(byId.get(found.messageId)!, found);
    for (const [ref, line] of wanted) {
      // A block removes the pair's conversation, so a read mark after it finds nothing either.
      if (!messages.has(ref))
        this.#fail(
          line,
          `refers to message "${ref}", which no earlier message record defines (or a block removed)`,
        );
    }
    return messages;
  }

  #fail(line: number, message: string): never {
    throw new DumpError(this.#path, line, message);
  }

  #newMember(line: number, r: MemberRecord, batch: Map<string, Known>): Known {
    if (batch.has(r.id)) this.#fail(line, `member "${r.id}" appears twice`);
    const city = this.#cities.get(r.cityId);
    if (!city) this.#fail(line, `member "${r.id}": cityId ${r.cityId} is not a Nordic place we know`);
    if (r.lookingFor.minAge > r.lookingFor.maxAge)
      this.#fail(line, `member "${r.id}": lookingFor.minAge is above maxAge`);
    const nickname = r.nickname.trim();
    if (!/^[\p{L}\p{N}_-]{2,20}$/u.test(nickname))
      this.#fail(
        line,
        `member "${r.id}": the nickname "${r.nickname}" has characters other than letters, digits, - and _`,
      );
    const application: Application = {
      nickname,
      gender: r.gender,
      birthday: r.birthday,
      city: {
        id: city.id,
        name: city.name,
        label: city.label,
        country: city.country,
        latitude: city.latitude,
        longitude: city.longitude,
        timeZone: city.timeZone,
      },
      lookingFor: { ...r.lookingFor, genders: [...new Set(r.lookingFor.genders)] },
      aboutMe: r.aboutMe.trim(),
    };
    return { memberId: this.#ids.member(r.id), application };
  }

  /** Emails and nicknames are unique on the site; a clash would stop the registration projection. */
  async #checkUnique(batch: NumberedRecord[], members: Map<string, Known>): Promise<void> {
    const records = batch.filter(
      (n): n is { line: number; record: MemberRecord } => n.record.kind === 'member',
    );
    if (records.length === 0) return;
    const emails = new Map<string, number>();
    const nicknames = new Map<string, number>();
    for (const { line, record } of records) {
      const email = record.email.trim().toLowerCase();
      const nick = record.nickname.trim().toLowerCase();
      if (emails.has(email)) this.#fail(line, `the email ${email} is also on line ${emails.get(email)}`);
      if (nicknames.has(nick))
        this.#fail(line, `the nickname "${record.nickname}" is also on line ${nicknames.get(nick)}`);
      emails.set(email, line);
      nicknames.set(nick, line);
    }
    const holders = await this.#registrations.holders([...emails.keys()], [...nicknames.keys()]);
    const ours = new Set([...members.values()].map((m) => m.memberId));
    for (const holder of holders) {
      // The same member from an interrupted run of this import is not a clash.
      if (ours.has(holder.memberId)) continue;
      const line = emails.get(holder.email) ?? nicknames.get(holder.nicknameKey ?? '');
      this.#fail(line ?? 0, `the email or nickname is already taken by a member of this site`);
    }
  }

  /** The members a batch refers to that earlier batches made: they must exist. */
  async #lookUp(batch: NumberedRecord[], members: Map<string, Known>): Promise<Map<string, Known>> {
    const wanted = new Map<string, number>();
    const want = (line: number, ref: string | undefined) => {
      if (ref !== undefined && !members.has(ref) && !wanted.has(ref)) wanted.set(ref, line);
    };
    for (const { line, record: r } of batch) {
      switch (r.kind) {
        case 'header':
        case 'member':
          break;
        case 'review':
          want(line, r.member);
          want(line, r.by);
          break;
        case 'moderator':
        case 'interest':
        case 'diary':
        case 'photo':
        case 'conversation-read':
          want(line, r.member);
          break;
        case 'photo-review':
          want(line, r.by);
          break;
        case 'photo-like':
          want(line, r.from);
          break;
        case 'flirt':
        case 'visit':
        case 'favourite':
        case 'block':
        case 'album-unlock':
        case 'message':
          want(line, r.from);
          want(line, r.to);
      }
    }
    const known = new Map(members);
    const refs = [...wanted.keys()];
    const byId = new Map(refs.map((ref) => [this.#ids.member(ref), ref]));
    const ids = [...byId.keys()];
    for (const [memberId, application] of await this.#registrations.members(ids))
      known.set(byId.get(memberId)!, { memberId, application });
    for (const [ref, line] of wanted) {
      if (!known.has(ref))
        this.#fail(line, `refers to member "${ref}", which no earlier member record defines`);
    }
    return known;
  }

  /** Turns one record into the events the site would have recorded, refusing what it would have. */
  #events(line: number, r: DumpRecord, all: Known2, out: Entry[]): void {
    if (r.kind === 'header') return;
    const emit = this.#emitter(r, out);
    const id: MemberIdOf = (ref) => all.members.get(ref)!.memberId;
    switch (r.kind) {
      case 'member':
        this.#signUp(r, all.members.get(r.id)!, emit);
        return;
      case 'review':
        this.#review(line, r, all.members, emit);
        return;
      case 'moderator':
        // Granted by the operator, as `grant-moderator` does: nobody acted on the site.
        emit(RoleGranted, { memberId: id(r.member), role: 'moderator' }, null);
        return;
      case 'interest': {
        const { tag, errors } = checkTag(r.tag);
        if (errors.length > 0)
          this.#fail(line, `interest "${r.tag}": ${errors.map((e) => e.message).join(' ')}`);
        emit(InterestAdded, { memberId: id(r.member), tag }, id(r.member));
        return;
      }
      case 'diary': {
        const text = r.text.trim();
        if (text.length === 0) this.#fail(line, 'a diary post cannot be empty');
        const postId = this.#ids.timed(r.at, `diary-post\0${r.id}`);
        emit(DiaryPosted, { postId, memberId: id(r.member), text }, id(r.member));
        return;
      }
      case 'flirt':
      case 'visit':
      case 'favourite':
      case 'block':
        this.#between(line, r, id, emit);
        return;
      case 'photo':
      case 'photo-review':
      case 'photo-like':
      case 'album-unlock':
        this.#photoEvents(line, r, all.photos, id, emit);
        return;
      case 'message':
      case 'conversation-read':
        this.#chatEvents(line, r, all.messages, id, emit);
    }
  }

  /** Events of one record, numbered in order, with ids derived from the record. */
  #emitter(r: Exclude<DumpRecord, HeaderRecord>, out: Entry[]): Emit {
    let n = 0;
    return (definition, payload, actorId) => {
      out.push({
        module: definition.module,
        event: {
          id: this.#ids.timed(r.at, `${r.kind}\0${r.id}\0${n++}`),
          type: definition.type,
          version: definition.version,
          occurredAt: new Date(r.at).toISOString(),
          actorId,
          traceparent: null,
          payload,
        },
      });
    };
  }

  #signUp(r: MemberRecord, { memberId, application }: Known, emit: Emit): void {
    const email = r.email.trim().toLowerCase();
    // As a sign-up on the site records the language it was made in (English unless the dump says).
    const language = r.language ?? 'en';
    emit(AccountCreated, { memberId, email, language }, memberId);
    emit(RegistrationSubmitted, { memberId, application, resubmission: false }, memberId);
    if (!isUsablePasswordHash(r.passwordHash)) {
      // Nothing the old site kept lets them in here: a link to choose a password is mailed.
      const expiresAt = new Date(this.#app.clock.now().getTime() + SETUP_DAYS * 24 * 3600 * 1000);
      emit(
        PasswordResetRequested,
        {
          memberId,
          resetId: this.#ids.named('password-setup', r.id),
          expiresAt: expiresAt.toISOString(),
          language,
          reason: 'imported',
        },
        null,
      );
    }
  }

  #review(line: number, r: ReviewRecord, known: Map<string, Known>, emit: Emit): void {
    const member = known.get(r.member)!;
    const moderatorId = r.by === undefined ? this.#importer : known.get(r.by)!.memberId;
    if (moderatorId === member.memberId) this.#fail(line, 'a member cannot review their own sign-up');
    if (r.decision === 'approved') {
      if (!member.application) this.#fail(line, `member "${r.member}" has no sign-up to approve`);
      emit(
        RegistrationApproved,
        { memberId: member.memberId, moderatorId, application: member.application },
        moderatorId,
      );
    } else {
      if (!r.reason) this.#fail(line, 'a rejection needs a reason the member can act on');
      emit(
        RegistrationRejected,
        { memberId: member.memberId, moderatorId, reason: r.reason.trim() },
        moderatorId,
      );
    }
  }

  /** What one member does to another: a flirt, a visit, a favourite or a block. */
  #between(line: number, r: PairRecord, id: MemberIdOf, emit: Emit): void {
    const from = id(r.from);
    const to = id(r.to);
    if (from === to) this.#fail(line, `a member cannot ${r.kind} themselves`);
    if (r.kind === 'flirt') {
      const flirtId = this.#ids.timed(r.at, `flirt-id\0${r.id}`);
      emit(FlirtSent, { flirtId, senderId: from, recipientId: to }, from);
    } else if (r.kind === 'visit') emit(ProfileViewed, { viewerId: from, memberId: to }, from);
    else if (r.kind === 'favourite') emit(FavouriteAdded, { memberId: from, favouriteId: to }, from);
    else emit(MemberBlocked, { blockerId: from, blockedId: to }, from);
  }

  #photoEvents(
    line: number,
    r: PhotoRecord | PhotoReviewRecord | PhotoLikeRecord | AlbumUnlockRecord,
    photos: Map<string, KnownPhoto>,
    id: MemberIdOf,
    emit: Emit,
  ): void {
    switch (r.kind) {
      case 'photo': {
        const photo = photos.get(r.id)!;
        const { photoId, ownerId, album } = photo;
        emit(PhotoUploaded, { photoId, ownerId, album, sizes: photo.sizes }, ownerId);
        // The site makes a member's first public photo their portrait; the dump says which was.
        if (r.portrait === true) emit(PortraitChosen, { memberId: ownerId, photoId }, ownerId);
        return;
      }
      case 'photo-review': {
        const { photoId, ownerId, album } = photos.get(r.photo)!;
        const moderatorId = r.by === undefined ? this.#importer : id(r.by);
        if (r.decision === 'approved') emit(PhotoApproved, { photoId, ownerId, album }, moderatorId);
        else {
          const reason = (r.reason ?? '').trim();
          if (reason === '') this.#fail(line, 'a rejected photo needs a reason the member can act on');
          emit(PhotoRejected, { photoId, ownerId, reason }, moderatorId);
        }
        return;
      }
      case 'photo-like': {
        const { photoId, ownerId } = photos.get(r.photo)!;
        const memberId = id(r.from);
        if (memberId === ownerId) this.#fail(line, 'a member cannot like their own photo');
        emit(PhotoLiked, { photoId, ownerId, memberId }, memberId);
        return;
      }
      case 'album-unlock': {
        const ownerId = id(r.from);
        const memberId = id(r.to);
        if (ownerId === memberId) this.#fail(line, 'a private album is always open to its owner');
        emit(PrivateAlbumUnlocked, { ownerId, memberId }, ownerId);
      }
    }
  }

  #chatEvents(
    line: number,
    r: MessageRecord | ConversationReadRecord,
    messages: Map<string, KnownMessage>,
    id: MemberIdOf,
    emit: Emit,
  ): void {
    if (r.kind === 'message') {
      const senderId = id(r.from);
      const recipientId = id(r.to);
      if (senderId === recipientId) this.#fail(line, 'a member cannot write to themselves');
      // Kept as the chat module keeps what is typed: plain line ends, no blank space around.
      const body = r.body.replace(/\r\n?/g, '\n').trim();
      if (body === '') this.#fail(line, 'a message cannot be empty');
      const length = [...body].length;
      if (length > MAX_MESSAGE_LENGTH)
        this.#fail(line, `a message holds at most ${MAX_MESSAGE_LENGTH} characters; this one has ${length}`);
      const { messageId, conversationId } = messages.get(r.id)!;
      emit(MessageSent, { messageId, conversationId, senderId, recipientId, body }, senderId);
      return;
    }
    const readerId = id(r.member);
    const message = messages.get(r.message)!;
    if (message.recipientId !== readerId)
      this.#fail(
        line,
        `message "${r.message}" was not written to member "${r.member}": only its recipient reads it`,
      );
    emit(
      ConversationRead,
      { conversationId: message.conversationId, readerId, lastReadMessageId: message.messageId },
      readerId,
    );
  }
}
