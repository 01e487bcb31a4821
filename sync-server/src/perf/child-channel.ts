/**
 * IPC between `pnpm bench sync` and its child processes (the servers and the client workers):
 * requests go one at a time per child and are answered in order; `{ type: 'error' }` rejects.
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface ChildMessage {
  type: string;
}

export interface ChildChannel<Reply extends ChildMessage> {
  child: ChildProcess;
  /** The next message the child sends. */
  next(): Promise<Reply>;
  /** Sends `message` and resolves with the child's answer. */
  request(message: ChildMessage & Record<string, unknown>): Promise<Reply>;
  /** Asks the child to close and waits for it to exit. */
  close(): Promise<void>;
}

const isMessage = (value: unknown): value is ChildMessage =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Forks `modulePath` (with this process's `--import tsx`) as a child speaking the channel. */
export function forkChild<Reply extends ChildMessage>(modulePath: string, args: string[], what: string): ChildChannel<Reply> {
  const child = fork(modulePath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{ resolve: (reply: Reply) => void; reject: (error: Error) => void }> = [];
  child.on('message', (message: unknown) => {
    if (!isMessage(message)) return;
    const next = waiting.shift();
    if (!next) return;
    if (message.type === 'error') next.reject(new Error(`${what}: ${String((message as { message?: unknown }).message)}`));
    else next.resolve(message as Reply);
  });
  child.on('exit', (code) => {
    for (const entry of waiting.splice(0)) entry.reject(new Error(`${what} exited (code ${String(code)})`));
  });
  const next = () => new Promise<Reply>((resolve, reject) => waiting.push({ resolve, reject }));
  return {
    child,
    next,
    request: (message) => {
      const reply = next();
      child.send(message);
      return reply;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  };
}

/** Child side: answers each parent message with `handle`'s result (or an error message). */
export function serveParent(handle: (message: ChildMessage & Record<string, unknown>) => Promise<ChildMessage | undefined>, shutdown: () => void): void {
  const send = (message: ChildMessage & Record<string, unknown>) => process.send?.(message);
  process.on('message', (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === 'close') {
      shutdown();
      return;
    }
    handle(message as ChildMessage & Record<string, unknown>).then(
      (reply) => {
        if (reply) send(reply as ChildMessage & Record<string, unknown>);
      },
      (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  // If the bench dies, do not linger.
  process.on('disconnect', shutdown);
}

/** One clock for every process: absolute milliseconds (sub-ms resolution). */
export const absoluteNow = (): number => performance.timeOrigin + performance.now();
