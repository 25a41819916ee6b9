// Test helper: a linked pair of pseudo-terminals made by socat, so a device emulator can sit on one end and
// the real Node serial transport on the other. Waits for both links and kills socat on stop().

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PtyPair = { readonly hostPath: string; readonly devicePath: string; stop(): Promise<void> };

export async function startPtyPair(linkWaitMs = 5000): Promise<PtyPair> {
  const directory = mkdtempSync(join(tmpdir(), 'linli-pty-'));
  const hostPath = join(directory, 'host');
  const devicePath = join(directory, 'device');
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  const deadline = Date.now() + linkWaitMs;
  while (!(existsSync(hostPath) && existsSync(devicePath))) {
    if (Date.now() > deadline || socat.exitCode !== null) {
      socat.kill();
      throw new Error(`socat did not create ${hostPath} and ${devicePath}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    hostPath,
    devicePath,
    async stop() {
      if (socat.exitCode === null) socat.kill('SIGTERM');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
