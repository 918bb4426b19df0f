/**
 * Small writes that arrive together commit together. Each caller waits for the commit
 * that holds its item, so nothing is acknowledged before it is durable, but a burst of
 * callers costs one transaction instead of one each: while a commit is in flight, the
 * next batch fills, and it starts as soon as the one before has finished.
 */
export function groupCommit<T>(
  flush: (items: T[]) => Promise<void>,
  maxBatch = 500,
): (item: T) => Promise<void> {
  let filling: { items: T[]; committed: Promise<void> } | null = null;
  let previous: Promise<void> = Promise.resolve();
  return (item) => {
    if (!filling || filling.items.length >= maxBatch) {
      const batch: { items: T[]; committed: Promise<void> } = { items: [], committed: Promise.resolve() };
      batch.committed = previous
        // One turn of the event loop lets the requests that came in together join.
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => {
          if (filling === batch) filling = null;
          return flush(batch.items);
        });
      // The next batch waits for this one whether it commits or fails; its callers hear the failure.
      previous = batch.committed.catch(() => undefined);
      filling = batch;
    }
    filling.items.push(item);
    return filling.committed;
  };
}
