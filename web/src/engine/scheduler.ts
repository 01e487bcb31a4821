/**
 * The query coordinator's scheduler (model: mosaic's QueryManager). One instance per engine.
 *
 * - Priority queue: high > normal > low, FIFO within a priority.
 * - Bounded concurrency: one task per DuckDB connection.
 * - Exclusive tasks (catalog changes) are barriers in submission order: they start when everything
 *   submitted before them has finished, and nothing submitted after them starts before they end.
 * - Merge: a read with the same merge key as a queued/running one joins it (one execution).
 * - Stale-drop: a new task with `key` K drops older subscribers with key K; a task left with no
 *   subscriber is removed from the queue, or cancelled on its connection when running.
 * - Cancel: an aborted signal rejects its subscriber at once with QueryCancelledError.
 * - Pipelined reads (one worker round trip each, e.g. a click's queries over cross-filter cubes)
 *   share one connection: they are all posted to the DuckDB worker at once, which runs them one
 *   after the other without waiting for the main thread between them.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { QueryCancelledError, type QueryPriority } from './types';

const RANK: Record<QueryPriority, number> = { high: 0, normal: 1, low: 2 };

export interface SubmitOptions<T> {
  kind: 'read' | 'exclusive';
  priority?: QueryPriority;
  key?: string;
  signal?: AbortSignal;
  /** reads only: identical merge keys share one execution */
  mergeKey?: string;
  /**
   * reads only: `run` makes ONE request to the worker, so several such tasks may be in flight on the
   * same connection (the worker answers them in order). They cannot be interrupted once started.
   */
  pipelined?: boolean;
  run: (conn: AsyncDuckDBConnection, task: TaskHandle) => Promise<T>;
}

/** What a running task can see of itself. */
export interface TaskHandle {
  readonly cancelled: boolean;
}

interface Subscriber<T> {
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
  key?: string;
  rank: number;
  cleanup: () => void;
}

interface Task<T> extends TaskHandle {
  seq: number;
  kind: 'read' | 'exclusive';
  rank: number;
  mergeKey?: string;
  pipelined: boolean;
  run: SubmitOptions<T>['run'];
  subscribers: Set<Subscriber<T>>;
  state: 'queued' | 'running' | 'done';
  conn?: AsyncDuckDBConnection;
  cancelled: boolean;
}

export class Scheduler {
  private seq = 0;
  /** queued tasks in submission order */
  private queue: Task<unknown>[] = [];
  private readonly running = new Set<Task<unknown>>();
  private readonly inflight = new Map<string, Task<unknown>>();
  private free: AsyncDuckDBConnection[] = [];
  /** the connection carrying pipelined tasks now, and how many are in flight on it */
  private lane?: { conn: AsyncDuckDBConnection; tasks: number };
  private failure: unknown;

  constructor(private readonly onChange: (running: number, queued: number) => void) {}

  /** Connections become available: the queue starts moving. */
  start(connections: AsyncDuckDBConnection[]): void {
    this.free = [...connections];
    this.pump();
  }

  /** The engine could not start or was closed: every queued, running and future task rejects with `error`. */
  fail(error: unknown): void {
    this.failure = error;
    for (const task of [...this.queue, ...this.running]) {
      for (const s of task.subscribers) this.settle(s, () => s.reject(error));
      task.subscribers.clear();
      task.cancelled = true;
    }
    this.queue = [];
    this.inflight.clear();
    this.notify();
  }

  get counts(): { running: number; queued: number } {
    return { running: this.running.size, queued: this.queue.length };
  }

  submit<T>(options: SubmitOptions<T>): Promise<T> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (options.signal?.aborted) return Promise.reject(new QueryCancelledError());
    return new Promise<T>((resolve, reject) => {
      const rank = RANK[options.priority ?? 'normal'];
      const subscriber: Subscriber<T> = { resolve, reject, key: options.key, rank, cleanup: () => {} };
      let task = options.kind === 'read' && options.mergeKey ? (this.inflight.get(options.mergeKey) as Task<T> | undefined) : undefined;
      if (task && !task.cancelled) {
        task.rank = Math.min(task.rank, rank);
      } else {
        task = {
          seq: this.seq++,
          kind: options.kind,
          rank,
          mergeKey: options.kind === 'read' ? options.mergeKey : undefined,
          pipelined: options.kind === 'read' && options.pipelined === true,
          run: options.run,
          subscribers: new Set(),
          state: 'queued',
          cancelled: false,
        };
        this.queue.push(task as Task<unknown>);
        if (task.mergeKey) this.inflight.set(task.mergeKey, task as Task<unknown>);
      }
      task.subscribers.add(subscriber);
      const owner = task;
      if (options.signal) {
        const signal = options.signal;
        const onAbort = () => this.drop(owner as Task<unknown>, subscriber as Subscriber<unknown>, new QueryCancelledError());
        signal.addEventListener('abort', onAbort, { once: true });
        subscriber.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      if (options.key !== undefined) this.dropStale(options.key, subscriber as Subscriber<unknown>);
      this.pump();
    });
  }

  private dropStale(key: string, keep: Subscriber<unknown>): void {
    for (const task of [...this.queue, ...this.running]) {
      for (const s of [...task.subscribers]) {
        if (s !== keep && s.key === key) this.drop(task, s, new QueryCancelledError('Query superseded by a newer one'));
      }
    }
  }

  /** Remove one subscriber (rejecting it); cancel the task when nobody waits for it any more. */
  private drop(task: Task<unknown>, subscriber: Subscriber<unknown>, reason: Error): void {
    if (!task.subscribers.delete(subscriber)) return;
    this.settle(subscriber, () => subscriber.reject(reason));
    if (task.subscribers.size > 0) return;
    task.cancelled = true;
    if (task.mergeKey && this.inflight.get(task.mergeKey) === task) this.inflight.delete(task.mergeKey);
    if (task.state === 'queued') {
      this.queue = this.queue.filter((t) => t !== task);
      this.notify();
      this.pump();
    } else if (task.state === 'running' && task.conn && !task.pipelined) {
      // Interrupts a query started with conn.send(); DuckDB checks between pipeline tasks. If the
      // query cannot be interrupted it runs to its end and its result is dropped.
      task.conn.cancelSent().catch(() => undefined);
    }
  }

  private settle(subscriber: Subscriber<unknown>, action: () => void): void {
    subscriber.cleanup();
    action();
  }

  private pump(): void {
    if (this.failure !== undefined) return;
    for (;;) {
      if ([...this.running].some((t) => t.kind === 'exclusive')) break;
      const barrier = this.queue.find((t) => t.kind === 'exclusive');
      let best: Task<unknown> | undefined;
      for (const t of this.queue) {
        if (barrier && t.seq >= barrier.seq) break;
        if (t.kind === 'read' && (!best || t.rank < best.rank)) best = t;
      }
      if (best?.pipelined && this.lane) this.startTask(best, this.lane.conn);
      else if (this.free.length === 0) break;
      else if (best) this.startTask(best, this.free.pop() as AsyncDuckDBConnection);
      else if (barrier && this.running.size === 0) this.startTask(barrier, this.free.pop() as AsyncDuckDBConnection);
      else break;
    }
    this.notify();
  }

  private startTask(task: Task<unknown>, conn: AsyncDuckDBConnection): void {
    this.queue = this.queue.filter((t) => t !== task);
    task.state = 'running';
    task.conn = conn;
    this.running.add(task);
    if (task.pipelined) {
      this.lane ??= { conn, tasks: 0 };
      this.lane.tasks++;
    }
    const finish = () => {
      task.state = 'done';
      this.running.delete(task);
      if (!task.pipelined) this.free.push(conn);
      else if (this.lane && --this.lane.tasks === 0) {
        this.lane = undefined;
        this.free.push(conn);
      }
      if (task.mergeKey && this.inflight.get(task.mergeKey) === task) this.inflight.delete(task.mergeKey);
      const subscribers = [...task.subscribers];
      task.subscribers.clear();
      return subscribers;
    };
    task.run(conn, task).then(
      (value) => {
        const subscribers = finish();
        if (!task.cancelled) for (const s of subscribers) this.settle(s, () => s.resolve(value));
        this.pump();
      },
      (error: unknown) => {
        const subscribers = finish();
        const reason = task.cancelled ? new QueryCancelledError() : error;
        for (const s of subscribers) this.settle(s, () => s.reject(reason));
        this.pump();
      },
    );
  }

  private lastRunning = -1;
  private lastQueued = -1;

  private notify(): void {
    const running = this.running.size;
    const queued = this.queue.length;
    if (running === this.lastRunning && queued === this.lastQueued) return;
    this.lastRunning = running;
    this.lastQueued = queued;
    this.onChange(running, queued);
  }
}
