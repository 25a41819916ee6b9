// The ledger server as a child process on a file database, for the crash test: start (waits for its `listening`
// line), SIGKILL at any moment, SIGTERM at the end. Every child is tracked so a failing test leaves none behind.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entryFile = fileURLToPath(new URL('./crash-server-entry.ts', import.meta.url));
const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const outputCharsMax = 20_000;
const running = new Set<ChildProcess>();

export type ServerProcess = {
  url: string;
  pid: number;
  /** What the process printed (stdout and stderr, the last `outputCharsMax` characters). */
  output(): string;
  /** SIGKILL: no shutdown code runs; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the server closes its database; resolves with the exit code. */
  stop(): Promise<number | null>;
};

export type ExitedProcess = { code: number | null; output: string };

/** Starts `crash-server-entry.ts` with `env` (plus PATH and HOME only) and waits until it listens or exits. */
export async function startServerProcess(env: Record<string, string>, startTimeoutMs: number): Promise<ServerProcess> {
  const outcome = await launch(env, startTimeoutMs);
  if (outcome.kind === 'exited') throw new Error(`server exited (code ${outcome.exited.code}) before listening:\n${outcome.exited.output}`);
  return outcome.server;
}

/**
 * Starts the server expecting it to refuse: resolves with its exit code and output (throws if it listens). With
 * `readOnlyDir`, the server runs in its own user and mount namespaces (unshare) where that folder is bind-mounted
 * read-only: a real read-only file system, nothing mocked, and nothing outside the child changes.
 */
export async function startServerExpectingRefusal(env: Record<string, string>, startTimeoutMs: number, readOnlyDir?: string): Promise<ExitedProcess> {
  const outcome = await launch(env, startTimeoutMs, readOnlyDir);
  if (outcome.kind === 'listening') {
    await outcome.server.kill();
    throw new Error(`server started at ${outcome.server.url} but was expected to refuse:\n${outcome.server.output()}`);
  }
  return outcome.exited;
}

/** Starts the server and SIGKILLs it `killAfterMs` later, wherever its start-up is; says whether it had listened. */
export async function killDuringStart(env: Record<string, string>, killAfterMs: number, startTimeoutMs: number): Promise<'before_listening' | 'after_listening'> {
  const timer = setTimeout(() => void killAllServerProcesses(), killAfterMs);
  const outcome = await launch(env, startTimeoutMs);
  clearTimeout(timer);
  if (outcome.kind === 'exited') return 'before_listening';
  await outcome.server.kill();
  return 'after_listening';
}

/** SIGKILLs every child this module started that is still running (for afterAll and failures). */
export async function killAllServerProcesses(): Promise<void> {
  await Promise.all([...running].map((child) => killChild(child)));
}

type Launched = { kind: 'listening'; server: ServerProcess } | { kind: 'exited'; exited: ExitedProcess };

async function launch(env: Record<string, string>, startTimeoutMs: number, readOnlyDir?: string): Promise<Launched> {
  const node = [process.execPath, '--import', 'tsx', entryFile];
  const mountReadOnly = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"';
  const [command, ...args] = readOnlyDir === undefined ? node : ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', mountReadOnly, 'sh', readOnlyDir, ...node];
  const child = spawn(command!, args, {
    cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...fakedClockEnv(), ...env },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const append = (chunk: Buffer) => { output = (output + chunk.toString('utf8')).slice(-outputCharsMax); };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise<Launched>((resolve, reject) => {
    const timer = setTimeout(() => {
      void killChild(child).then(() => reject(new Error(`server did not listen within ${startTimeoutMs} ms:\n${output}`)));
    }, startTimeoutMs);
    child.stdout!.on('data', () => {
      const url = /^listening (http:\/\/\S+)$/m.exec(output)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({ kind: 'listening', server: {
        url, pid: child.pid!, output: () => output, kill: () => killChild(child),
        stop: async () => { child.kill('SIGTERM'); return exited; },
      } });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      resolve({ kind: 'exited', exited: { code, output } });
    });
  });
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** libfaketime's variables (docs/testing.md), passed on so a suite run at a faked time fakes the server's clock too. */
function fakedClockEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] =>
    entry[1] !== undefined && (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME'))));
}
