// A pool of worker threads that runs every query under a deadline; at the deadline the worker is terminated and a warm spare takes its place.
import { Worker } from 'node:worker_threads';
import {
  BadRequestError,
  CasegraphError,
  ContentTooLargeError,
  NotAcceptableError,
  QueryMemoryError,
  QueryTimeoutError,
  ServiceBusyError,
} from '../../errors/casegraph-error.js';
import type { ErrorLocation } from '../../errors/casegraph-error.js';
import type { EncodedResult, QueryJob } from '../../engine/query-runner.js';
import type { QuadIndexBuffers } from './quad-index-buffers.js';
import type { AnswerRequest, SerializedAnswer } from '../../store/graph-store.js';

/** What a worker returns: the encoded result, or, for a job with `answer`, the answer written in its format. */
export type PoolResult = EncodedResult | SerializedAnswer;

/** What each worker receives at spawn; the index follows in an `attach` message once it is loaded. */
export interface WorkerData {
  readonly baseIri: string;
  /** Nice steps the worker puts itself below the request thread (0: none); see lower-thread-priority.ts. */
  readonly nice: number;
}

/** First `attach` (the shared quad index, built once for all and attached without copying), then one job at a time. */
export type PoolToWorker = { readonly attach: QuadIndexBuffers } | { readonly id: number; readonly job: QueryJob };

export type WorkerToPool =
  /** `priorityNote`: why the worker's priority could not be lowered, if it could not. */
  | { readonly ready: true; readonly quads: number; readonly priorityNote: string | undefined }
  | { readonly id: number; readonly ok: true; readonly result: PoolResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string; readonly location: ErrorLocation | undefined };
    };

export interface QueryPoolOptions {
  readonly size: number;
  /**
   * The whole dataset, shared by every worker. A promise lets the workers spawn (and import Comunica, about a
   * second each) while the caller still reads or builds the index; if it rejects, start() rejects with it.
   */
  readonly index: QuadIndexBuffers | Promise<QuadIndexBuffers>;
  readonly baseIri: string;
  /** Heap limit per worker (MiB); a query that needs more fails with QueryMemoryError and its worker is replaced. */
  readonly memoryMb?: number;
  /** Nice steps each worker puts its thread below the request thread (Linux only); 0 or absent: none. */
  readonly nice?: number;
  /** Told, once, why a worker's priority could not be lowered (every worker would fail alike). */
  readonly debug?: (line: string) => void;
}

interface Task {
  readonly id: number;
  readonly job: QueryJob;
  readonly timeoutMs: number;
  readonly resolve: (result: PoolResult) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task?: Task;
}

// Built, the pool runs dist/…/query-worker.js as is; from .ts sources (vitest, tsx) a worker thread has no TypeScript loader, so a dev-only bootstrap registers tsx first.
const workerEntry = import.meta.url.endsWith('.ts') ? new URL('./query-worker-bootstrap.mjs', import.meta.url) : new URL('./query-worker.js', import.meta.url);

/**
 * Comunica's destroy() does not stop an aggregate and REGEX backtracks inside V8, so a runaway query
 * can only be stopped by terminating its thread. Queued time counts against the deadline.
 *
 * Beside the `size` working slots the pool keeps one started spare that is never given work: a worker is ready
 * only after importing and warming Comunica (about a second), so a killed worker's slot goes to the spare at once
 * and a new spare starts in the background. Never dispatching to it is what keeps it free at the moment of a kill;
 * lending it out when every slot is busy would leave no spare exactly when queries run long.
 */
export class QueryPool {
  private readonly slots: Slot[] = [];
  private spare: Slot | undefined;
  /** Set once a spare failed to start: another would fail alike, so replacements fall back to starting their own. */
  private spareFailed = false;
  private readonly queue: Task[] = [];
  private readonly data: WorkerData;
  private readonly index: Promise<QuadIndexBuffers>;
  private nextId = 1;
  private restartCount = 0;
  private closed = false;
  private failure: Error | undefined;
  private priorityNoted = false;
  /** Milliseconds each worker took from spawn to ready, most recent last (for diagnostics and the startup bench). */
  readonly startupTimes: number[] = [];

  private constructor(private readonly options: QueryPoolOptions) {
    this.data = { baseIri: options.baseIri, nice: options.nice ?? 0 };
    this.index = Promise.resolve(options.index);
  }

  /**
   * Spawns `size` workers at once (before its first await, so they start while the caller goes on loading the
   * index) and resolves once the index is there and every worker has attached and warmed up; the spare then
   * starts in the background.
   */
  static async start(options: QueryPoolOptions): Promise<QueryPool> {
    const pool = new QueryPool(options);
    const workers = Array.from({ length: Math.max(1, options.size) }, () => pool.spawn(true).ready);
    try {
      await pool.index;
      await Promise.all(workers);
    } catch (error) {
      // Every spawned worker's rejection is handled here, not only the first: the others end with close().
      for (const ready of workers) ready.catch(() => undefined);
      await pool.close();
      throw error;
    }
    pool.startSpare();
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Workers replaced since start: stopped at a deadline or a memory limit, or died on their own (for /metrics). */
  get restarts(): number {
    return this.restartCount;
  }

  /** Runs one job; rejects with QueryTimeoutError when `timeoutMs` passes first, counting time spent queued. */
  run(job: QueryJob & { answer: AnswerRequest }, timeoutMs: number): Promise<SerializedAnswer>;
  run(job: QueryJob, timeoutMs: number): Promise<EncodedResult>;
  run(job: QueryJob, timeoutMs: number): Promise<PoolResult> {
    if (this.closed) return Promise.reject(new ServiceBusyError('the server is shutting down: try again shortly', 1));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<PoolResult>((resolve, reject) => {
      const task: Task = { id: this.nextId++, job, timeoutMs, resolve, reject };
      task.timer = setTimeout(() => this.expire(task), timeoutMs);
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Terminates every worker and fails whatever is still queued or running. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A shutdown, not a fault: queries still running or queued (their clients gone, since the server closes only
    // once every connection has) end as 503 and an info line, not as a 500 with a stack in the log.
    const stopped = new ServiceBusyError('the server shut down before the query finished: try again shortly', 1);
    for (const task of this.queue.splice(0)) this.settle(task, stopped);
    const workers = this.slots.splice(0).map((slot) => {
      if (slot.task) this.settle(slot.task, stopped);
      return slot.worker.terminate();
    });
    if (this.spare) workers.push(this.spare.worker.terminate());
    this.spare = undefined;
    await Promise.all(workers);
  }

  /** Whether a started, idle spare is waiting (diagnostics and tests). */
  get hasSpare(): boolean {
    return this.spare?.ready === true;
  }

  private startSpare(): void {
    if (this.closed || this.spare || this.spareFailed) return;
    const { slot, ready } = this.spawn(false);
    this.spare = slot;
    ready.catch((error: unknown) => {
      if (this.spare === slot) {
        this.spare = undefined;
        this.spareFailed = true;
        return;
      }
      // It had already taken a killed worker's slot before it was ready: that slot is lost, as in replace().
      this.fail(error);
    });
  }

  /** Starts a worker, into the working slots or as the spare; `ready` rejects (and the worker is dropped) if it cannot start. */
  private spawn(working: boolean): { slot: Slot; ready: Promise<void> } {
    const started = performance.now();
    // Not the parent's execArgv, so a parent started through a loader (tsx) does not load it twice into the dev bootstrap's
    // thread. Without require(esm): Comunica's GraphQL parser requires graphql 17, whose exports give require(esm) its
    // ES module build, and Node 20 aborted the whole process once ("IsGraphAsync must be used on an instantiated module",
    // a race in require(esm) with the dev loader) where the CommonJS build it then takes loads plainly.
    const limits = this.options.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } } : {};
    const worker = new Worker(workerEntry, { workerData: this.data, execArgv: ['--no-experimental-require-module'], ...limits });
    const slot: Slot = { worker, ready: false };
    if (working) this.slots.push(slot);
    // A failed index fails start(), which closes the pool and so this worker.
    this.index.then(
      (index) => worker.postMessage({ attach: index } satisfies PoolToWorker),
      () => undefined,
    );
    // An idle worker must not keep the process alive; a busy one does (see dispatch).
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerToPool) => {
        if ('ready' in message) {
          this.startupTimes.push(performance.now() - started);
          if (message.priorityNote && !this.priorityNoted) {
            this.priorityNoted = true;
            this.options.debug?.(message.priorityNote);
          }
          slot.ready = true;
          resolve();
          this.dispatch();
          return;
        }
        this.finish(slot, message);
      });
      worker.on('error', (error) => {
        if (!slot.ready) reject(new CasegraphError(`a query worker failed to start: ${error.message}`, undefined, { cause: error }));
        else if (slot.task) this.settle(slot.task, workerFailure(error, this.options.memoryMb));
        slot.task = undefined;
      });
      worker.on('exit', (code) => {
        if (!slot.ready) {
          // Never respawn a worker that cannot start: that would loop.
          const index = this.slots.indexOf(slot);
          if (index >= 0) this.slots.splice(index, 1);
          reject(new CasegraphError(`a query worker exited during startup with code ${code}`));
          return;
        }
        // A worker that died on its own (not terminated by us) is replaced so the pool keeps its size.
        if (this.slots.includes(slot)) this.replace(slot);
        else if (this.spare === slot) {
          this.spare = undefined;
          this.startSpare();
        }
      });
    });
    return { slot, ready };
  }

  /**
   * Gives a slot's place to the spare (starting the next spare in the background), or to a fresh worker when
   * there is no spare; if that worker cannot start, the pool fails every later query loudly.
   */
  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.task) this.settle(slot.task, new CasegraphError('a query worker stopped unexpectedly'));
    slot.task = undefined;
    void slot.worker.terminate();
    if (this.closed) return;
    this.restartCount += 1;
    const spare = this.spare;
    if (spare) {
      this.spare = undefined;
      this.slots.push(spare);
      this.dispatch();
      this.startSpare();
      return;
    }
    this.spawn(true).ready.catch((error: unknown) => this.fail(error));
  }

  private fail(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    this.failure = failure;
    for (const task of this.queue.splice(0)) this.settle(task, failure);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, job: task.job } satisfies PoolToWorker);
    }
  }

  private finish(slot: Slot, message: Exclude<WorkerToPool, { ready: true }>): void {
    const task = slot.task;
    if (task?.id !== message.id) return;
    slot.task = undefined;
    slot.worker.unref();
    if (message.ok) this.settle(task, undefined, message.result);
    else this.settle(task, reviveError(message.error));
    this.dispatch();
  }

  private expire(task: Task): void {
    const error = new QueryTimeoutError(`the query was stopped at its deadline of ${task.timeoutMs} ms`);
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(task, error);
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    this.settle(task, error);
    if (slot) {
      slot.task = undefined;
      this.replace(slot);
    }
  }

  private settle(task: Task, error: Error | undefined, result?: PoolResult): void {
    clearTimeout(task.timer);
    if (error) task.reject(error);
    else task.resolve(result as PoolResult);
  }
}

/** A worker that hit its heap limit fails its query as QueryMemoryError; any other crash is the engine's failure. */
function workerFailure(error: Error & { code?: string }, memoryMb: number | undefined): Error {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new QueryMemoryError(`the query was stopped: it needed more than the ${memoryMb ?? '?'} MiB a query may use`, undefined, { cause: error });
  }
  return new CasegraphError(`query evaluation failed: ${error.message}`, undefined, { cause: error });
}

/** Errors cross the thread as plain data; a client's error keeps its 4xx, anything else is the engine's failure. */
function reviveError(error: { name: string; message: string; location: ErrorLocation | undefined }): Error {
  if (error.name === 'BadRequestError') return new BadRequestError(error.message, error.location);
  if (error.name === 'ContentTooLargeError') return new ContentTooLargeError(error.message, error.location);
  // A format refusing what the answer holds (XML 1.0 and a control character), found while the worker writes it.
  if (error.name === 'NotAcceptableError') return new NotAcceptableError(error.message, error.location);
  return new CasegraphError(`query evaluation failed: ${error.message}`);
}
