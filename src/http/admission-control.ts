// Admission control in front of the query workers: a bounded queue, a share per client, workers kept for cheap queries, and a query-time budget per client.
import { QueryMemoryError, QueryTimeoutError, ServiceBusyError, TooManyRequestsError } from '../errors/casegraph-error.js';

export interface AdmissionLimits {
  /** Queries running at once: the store's workers. */
  readonly capacity: number;
  /** Workers kept for cheap queries; queries not known to be cheap share the rest (at least one). */
  readonly reserved: number;
  /** Queries waiting at most; past it a query is refused with 503. */
  readonly queueSize: number;
  /** Queries one client may have running, and as many again waiting; past it 429. */
  readonly perClient: number;
  /**
   * A query seen finishing within this many milliseconds is cheap from then on; it loses that place only when a
   * run takes more than `slowFactor` times as long, or ends at its deadline or memory limit.
   */
  readonly cheapMs: number;
  /** Query time one client may use per window; 0 for no budget. */
  readonly budgetMs: number;
  /** The budget's sliding window (one minute unless a test shortens it). */
  readonly windowMs?: number;
}

export interface Ticket {
  /** Who asks: an address, or a key a gateway has checked. */
  readonly client: string;
  /** Names the query (a hash of its text and dataset) so a fast finish can mark it cheap; absent for saved queries. */
  readonly query?: string;
  /** Cheap whatever its history: saved queries, written and reviewed with the project. */
  readonly cheap?: boolean;
  /** The query's whole deadline; time spent waiting counts against it. */
  readonly deadlineMs: number;
}

export interface AdmissionStats {
  readonly running: number;
  readonly runningUncertain: number;
  readonly waiting: number;
  readonly clients: number;
  readonly knownCheap: number;
}

/**
 * How an admitted query ended: answered, stopped at its deadline or memory limit, failed otherwise, or `expired`
 * (its deadline passed while it waited, so it never ran). `ms` is the time it ran (0 when it expired).
 */
export interface QueryOutcome {
  readonly outcome: 'answered' | 'timeout' | 'memory' | 'failed' | 'expired';
  readonly ms: number;
  /** The ticket's query hash (ad-hoc queries only). */
  readonly query?: string;
}

interface ClientState {
  running: number;
  waiting: number;
  /** Query time used, oldest first: [finished at, milliseconds]. */
  readonly spent: Array<[number, number]>;
}

interface Waiting {
  readonly ticket: Ticket;
  readonly client: ClientState;
  readonly enqueued: number;
  readonly start: (remainingMs: number, cheap: boolean) => void;
  timer?: NodeJS.Timeout;
}

/**
 * A known-cheap query stays cheap through a run up to this many times CHEAP_QUERY_MS: on a busy machine one slow
 * run is noise, and demoting a query every client sends would queue all of them behind the runaways at once.
 */
export const slowFactor = 4;

/** How many query hashes are remembered as cheap; the oldest is forgotten first. */
const knownCheapLimit = 10_000;
/** Every this many arrivals, clients with nothing running, waiting or spent in the window are forgotten. */
const sweepEvery = 1_000;

/**
 * Decides when a query may run, and refuses it early rather than letting it wait past any use. Limits are held
 * per process: they protect this server, and are not part of any answer (see README, "Fair use and load").
 */
export class AdmissionControl {
  private readonly queue: Waiting[] = [];
  private readonly clients = new Map<string, ClientState>();
  /** Query hashes seen finishing within cheapMs, least recently seen first. */
  private readonly knownCheap = new Map<string, true>();
  private readonly observers = new Set<(outcome: QueryOutcome) => void>();
  private running = 0;
  private runningUncertain = 0;
  private arrivals = 0;
  private readonly windowMs: number;
  private readonly uncertainCapacity: number;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowMs = limits.windowMs ?? 60_000;
    this.uncertainCapacity = Math.max(1, limits.capacity - limits.reserved);
  }

  /**
   * Runs `work` once the ticket is admitted, passing what is left of its deadline. Throws TooManyRequestsError
   * (the client's share or budget is used), ServiceBusyError (the queue is full) or QueryTimeoutError (the
   * deadline passed while waiting: the query never reached a worker, so none is stopped).
   */
  async run<T>(ticket: Ticket, work: (remainingMs: number) => Promise<T>): Promise<T> {
    const client = this.admit(ticket);
    const { remainingMs, cheap } = await new Promise<{ remainingMs: number; cheap: boolean }>((resolve, reject) => {
      const waiting: Waiting = {
        ticket,
        client,
        enqueued: this.now(),
        start: (remaining, isCheap) => resolve({ remainingMs: remaining, cheap: isCheap }),
      };
      client.waiting += 1;
      this.queue.push(waiting);
      this.pump();
      if (!this.queue.includes(waiting)) return;
      if (this.queue.length > this.limits.queueSize) {
        this.drop(waiting);
        reject(new ServiceBusyError(`the query queue is full (${this.limits.queueSize} waiting): try again shortly`, 1));
        return;
      }
      waiting.timer = setTimeout(() => {
        this.drop(waiting);
        const waited = Math.round(this.now() - waiting.enqueued);
        this.report({ outcome: 'expired', ms: 0, query: ticket.query });
        reject(new QueryTimeoutError(`the query waited ${waited} ms for a worker, reaching its deadline of ${ticket.deadlineMs} ms, and was not started`));
      }, ticket.deadlineMs);
    });
    const started = this.now();
    let outcome: QueryOutcome['outcome'] = 'failed';
    try {
      const result = await work(remainingMs);
      outcome = 'answered';
      return result;
    } catch (error) {
      if (error instanceof QueryTimeoutError) outcome = 'timeout';
      else if (error instanceof QueryMemoryError) outcome = 'memory';
      throw error;
    } finally {
      this.finish(ticket, client, cheap, started, outcome);
      this.report({ outcome, ms: this.now() - started, query: ticket.query });
    }
  }

  /** Calls `observer` as each query ends (metrics count them); returns the call that stops it. */
  observe(observer: (outcome: QueryOutcome) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private report(outcome: QueryOutcome): void {
    for (const observer of this.observers) observer(outcome);
  }

  stats(): AdmissionStats {
    return {
      running: this.running,
      runningUncertain: this.runningUncertain,
      waiting: this.queue.length,
      clients: this.clients.size,
      knownCheap: this.knownCheap.size,
    };
  }

  /** Refuses a client over its share or budget; otherwise returns its state, created if new. */
  private admit(ticket: Ticket): ClientState {
    this.arrivals += 1;
    if (this.arrivals % sweepEvery === 0) this.sweep();
    let client = this.clients.get(ticket.client);
    if (!client) {
      client = { running: 0, waiting: 0, spent: [] };
      this.clients.set(ticket.client, client);
    }
    if (client.running + client.waiting >= 2 * this.limits.perClient) {
      throw new TooManyRequestsError(
        `you have ${client.running} queries running and ${client.waiting} waiting, the most one client may have: wait for one to finish`,
        1,
      );
    }
    if (this.limits.budgetMs > 0) {
      const now = this.now();
      this.forgetOld(client, now);
      let used = client.spent.reduce((sum, [, ms]) => sum + ms, 0);
      if (used >= this.limits.budgetMs) {
        // The wait until enough of the window's spending has aged out to bring the total under the budget.
        let until = now;
        for (const [at, ms] of client.spent) {
          used -= ms;
          until = at + this.windowMs;
          if (used < this.limits.budgetMs) break;
        }
        const seconds = Math.max(1, Math.ceil((until - now) / 1000));
        throw new TooManyRequestsError(
          `you have used your ${this.limits.budgetMs / 1000} s of query time for this ${this.windowMs / 1000} s window: try again in ${seconds} s`,
          seconds,
        );
      }
    }
    return client;
  }

  /** Starts every waiting query that may start, in arrival order, skipping those whose client or lane is full. */
  private pump(): void {
    let i = 0;
    for (let waiting = this.queue[i]; waiting && this.running < this.limits.capacity; waiting = this.queue[i]) {
      const cheap = this.isCheap(waiting.ticket);
      if (waiting.client.running >= this.limits.perClient || (!cheap && this.runningUncertain >= this.uncertainCapacity)) {
        i += 1;
        continue;
      }
      this.queue.splice(i, 1);
      clearTimeout(waiting.timer);
      waiting.client.waiting -= 1;
      waiting.client.running += 1;
      this.running += 1;
      if (!cheap) this.runningUncertain += 1;
      waiting.start(Math.max(1, Math.floor(waiting.ticket.deadlineMs - (this.now() - waiting.enqueued))), cheap);
    }
  }

  private isCheap(ticket: Ticket): boolean {
    return ticket.cheap === true || (ticket.query !== undefined && this.knownCheap.has(ticket.query));
  }

  private finish(ticket: Ticket, client: ClientState, cheap: boolean, started: number, outcome: QueryOutcome['outcome']): void {
    const now = this.now();
    const ms = now - started;
    client.running -= 1;
    this.running -= 1;
    if (!cheap) this.runningUncertain -= 1;
    if (this.limits.budgetMs > 0) client.spent.push([now, ms]);
    if (ticket.query !== undefined) {
      const known = this.knownCheap.delete(ticket.query);
      // A fast answer makes a query cheap; a known-cheap one stays so unless it ran far slower or hit a limit.
      const stopped = outcome === 'timeout' || outcome === 'memory';
      const keep = outcome === 'answered' ? ms <= this.limits.cheapMs * (known ? slowFactor : 1) : known && !stopped;
      if (keep) {
        this.knownCheap.set(ticket.query, true);
        const oldest = this.knownCheap.keys().next();
        if (this.knownCheap.size > knownCheapLimit && !oldest.done) this.knownCheap.delete(oldest.value);
      }
    }
    this.pump();
  }

  private drop(waiting: Waiting): void {
    const index = this.queue.indexOf(waiting);
    if (index >= 0) this.queue.splice(index, 1);
    clearTimeout(waiting.timer);
    waiting.client.waiting -= 1;
  }

  private forgetOld(client: ClientState, now: number): void {
    for (let first = client.spent[0]; first && first[0] <= now - this.windowMs; first = client.spent[0]) client.spent.shift();
  }

  /** Keeps nothing about a client longer than its limits need. */
  private sweep(): void {
    const now = this.now();
    for (const [key, client] of this.clients) {
      this.forgetOld(client, now);
      if (client.running === 0 && client.waiting === 0 && client.spent.length === 0) this.clients.delete(key);
    }
  }
}
