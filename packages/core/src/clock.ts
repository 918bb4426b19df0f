/** Where "now" comes from; tests pass a controllable one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to, so tests never depend on the wall clock. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: string | Date = '2026-06-01T10:00:00.000Z') {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(at: string | Date): void {
    this.#ms = new Date(at).getTime();
  }
}
