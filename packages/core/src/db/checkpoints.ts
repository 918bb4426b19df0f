import { Worker } from 'node:worker_threads';
import type { CheckpointMessage } from './checkpoint-worker.ts';

/**
 * SQLite copies its write-ahead log back into the database file (a checkpoint: page
 * copies and two fsyncs) inside whichever commit pushes the log past its limit. Under
 * load that commit held the event loop for 20-30 ms, two thirds of all commit time on
 * the profile read, and every request queued behind it paid for it (the p99). A
 * worker thread now does it, on connections of its own, every EVERY_MS: WAL mode lets a
 * checkpoint run beside the writer, so commits only append to the log. The writers'
 * own automatic checkpoint stays as the fallback should the log outgrow it anyway.
 * Durability is the same: a commit is in the log whoever copies it later.
 */
const EVERY_MS = 200;
/** A log this long (4 MiB of pages) is started over (see the worker). */
const RESTART_FRAMES = 1000;

export class Checkpoints {
  #worker: Worker | null = null;
  #exited: Promise<void> = Promise.resolve();

  /** Takes over the checkpoints of a database file the caller has opened (in WAL mode). */
  add(path: string): void {
    if (!this.#worker) {
      const worker = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), {
        workerData: { everyMs: EVERY_MS, restartFrames: RESTART_FRAMES },
      });
      // It must never keep a finished process alive, nor take it down: a failed worker leaves
      // the checkpoints to the writers, as before.
      worker.unref();
      worker.on('error', () => undefined);
      this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
      this.#worker = worker;
    }
    this.#worker.postMessage({ add: path } satisfies CheckpointMessage);
  }

  /** A last checkpoint, then the worker's connections close. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = null;
    // Held until it has exited: unreferenced, a process with nothing else to do would end
    // with this wait unsettled (a CLI command's last await).
    worker.ref();
    worker.postMessage({ close: true } satisfies CheckpointMessage);
    await this.#exited;
  }
}
