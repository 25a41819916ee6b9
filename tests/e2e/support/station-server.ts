// Starts the real station service as `npm start` in a child process, on a temp database and a free port, with the
// demo seeds and a known admin password (it builds dist/ when stale). Returns its URL and a close function that
// stops the process group and removes the database folder.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootDir } from '../../../ledger/src/server.ts';

export type StationServer = { url: string; adminPassword: string; close(): Promise<void> };

export const adminPassword = 'e2e-admin-password-1';
const secret = 'e2e-linli-secret-0123456789abcdef-0123456789';
/** Covers a cold start that rebuilds the web apps on this 2-core machine. */
const startTimeoutMs = 180_000;
const stopTimeoutMs = 10_000;

export async function startStation(): Promise<StationServer> {
  const folder = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const env = { ...process.env, DATABASE_URL: `file:${join(folder, 'linli.db')}`, BOOTSTRAP_ADMIN_PASSWORD: adminPassword, LINLI_SECRET: secret, PORT: '0', HOST: '127.0.0.1', SEED: 'demo' };
  // Its own process group, so stopping it stops npm and the node process npm started.
  const child = spawn('npm', ['start', '--silent'], { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stopOnExit = () => stopGroup(child, 'SIGKILL');
  process.once('exit', stopOnExit);
  try {
    const url = await listeningUrl(child);
    return {
      url,
      adminPassword,
      close: async () => {
        process.removeListener('exit', stopOnExit);
        await stopProcess(child);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    await stopProcess(child);
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Resolves with the URL from `npm start`'s "listening on …" line; rejects with its output when it exits or is too slow. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not listen within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
    let isListening = false;
    const read = (chunk: Buffer) => {
      // Read on after start-up too (so the pipe never fills), keeping only what start-up printed.
      if (isListening) return;
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      isListening = true;
      clearTimeout(timer);
      resolve(match[1]!);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stopGroup(child, 'SIGTERM');
  const timer = setTimeout(() => stopGroup(child, 'SIGKILL'), stopTimeoutMs);
  await exited;
  clearTimeout(timer);
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group has already gone; anything else is a real failure to stop it.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
