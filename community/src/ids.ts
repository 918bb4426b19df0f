import { createHash } from 'node:crypto';

function format(b: Buffer): string {
  const hex = b.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The ids an import gives what it creates, derived from the dump and the source ids,
 * so importing a record again (after an interruption) makes the very same ids and the
 * event log's unique id turns the repeat into a no-op.
 */
export class ImportIds {
  readonly #namespace: string;

  constructor(dumpId: string) {
    this.#namespace = dumpId;
  }

  /**
   * A member's id: a name-based UUID (version 5) of the dump and the source id, so a
   * record can refer to a member without the importer remembering every member.
   */
  member(sourceId: string): string {
    return this.named('member', sourceId);
  }

  /**
   * A name-based UUID (version 5) of the dump, a kind and a source id: how photos and
   * messages are named, so a later record (a like, a read mark) finds what it refers to
   * without the importer remembering it. Nothing orders photos or messages by their id.
   */
  named(kind: string, sourceId: string): string {
    const b = createHash('sha1').update(`${this.#namespace}\0${kind}\0${sourceId}`).digest();
    b[6] = 0x50 | ((b[6] ?? 0) & 0x0f);
    b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
    return format(b);
  }

  /**
   * An event's or a post's id: a UUIDv7 of the moment it happened, like the ids the
   * modules make live, whose random part is a hash of what it is.
   */
  timed(at: string, key: string): string {
    const b = createHash('sha256').update(`${this.#namespace}\0${key}`).digest();
    let ms = Date.parse(at);
    for (let i = 5; i >= 0; i--) {
      b[i] = ms % 256;
      ms = Math.floor(ms / 256);
    }
    b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
    b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
    return format(b);
  }
}
