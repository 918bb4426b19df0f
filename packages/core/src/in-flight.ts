/**
 * Work under way right now, counted per key (a member, an address). A limit checked
 * against committed rows alone lets requests sent at once all pass before the first one
 * writes: count what is under way too, with no await between the check and `during`,
 * and the next request in sees this one. In memory, per node: each node of a cluster
 * lets at most the limit through at once, and the committed rows stay the record.
 */
export class InFlight {
  readonly #counts = new Map<string, number>();

  count(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  /** Counts `work` under each key until it settles, however it ends. */
  async during<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    for (const key of keys) this.#counts.set(key, this.count(key) + 1);
    try {
      return await work();
    } finally {
      for (const key of keys) {
        const left = this.count(key) - 1;
        if (left > 0) this.#counts.set(key, left);
        else this.#counts.delete(key);
      }
    }
  }
}
