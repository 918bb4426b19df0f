/** How a channel ends: the socket is closed, the stream ended, the poll answered. */
type End = () => void;

/** The WebSocket close code a page reads as "your session ended": do not reconnect. */
export const SESSION_ENDED = 4401;

/**
 * The live channels open on this node, each with the session it was opened under.
 * Ending a session (log out, log out everywhere, a password change) must end its channels
 * at once: a page left open would otherwise go on receiving the member's private
 * messages. Channels are checked against the sessions still open rather than against
 * what each event names, so every way a session ends is one path, and a replayed event
 * ends nothing that is still valid.
 */
export class OpenChannels {
  readonly #open = new Map<End, { memberId: string; sessionId: string }>();

  /** Registers a channel and how to end it; the returned function forgets it when it closed by itself. */
  add(memberId: string, sessionId: string, end: End): () => void {
    this.#open.set(end, { memberId, sessionId });
    return () => void this.#open.delete(end);
  }

  /**
   * Ends the member's channels whose session is not among `open`; returns how many. One
   * pass over every channel: sessions end rarely next to everything else a channel does,
   * and an index by member would cost memory on every connection.
   */
  endClosedSessions(memberId: string, open: ReadonlySet<string>): number {
    let ended = 0;
    for (const [end, channel] of this.#open) {
      if (channel.memberId !== memberId || open.has(channel.sessionId)) continue;
      this.#open.delete(end);
      end();
      ended++;
    }
    return ended;
  }
}
