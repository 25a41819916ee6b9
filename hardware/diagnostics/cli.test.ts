// Proves `npm run devices -- read-card <pty>` end to end on real byte streams: the reader emulator runs on
// one end of a socat pseudo-terminal pair, the diagnostics CLI reads the other and prints only masked data.

import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startPtyPair, type PtyPair } from '../../tests/support/pty-pair.ts';

const started: ChildProcess[] = [];
let pair: PtyPair | undefined;

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  await pair?.stop();
  pair = undefined;
});

function run(command: string, args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return { child, output: () => output, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function startEmulator(devicePath: string, card: string): Promise<void> {
  const emulator = run('node', ['--import', 'tsx', 'tests/support/pty-reader-emulator.ts', devicePath, card]);
  const deadline = Date.now() + 20_000;
  while (!emulator.output().includes('ready')) {
    if (Date.now() > deadline || emulator.child.exitCode !== null) throw new Error(`emulator did not start: ${emulator.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run devices -- read-card', () => {
  it('reads the emulated resident card over a pseudo-terminal and prints it masked', async () => {
    pair = await startPtyPair();
    await startEmulator(pair.devicePath, 'resident');
    const cli = run('npm', ['run', '--silent', 'devices', '--', 'read-card', pair.hostPath, '--timeout-ms', '15000']);
    expect(await cli.exit).toBe(0);
    const output = cli.output();
    expect(output).toContain('证件类型 居民身份证 (resident)');
    expect(output).toContain('姓名 张*试');
    expect(output).toContain('证件号码 110***********1233');
    expect(output).toContain('民族 汉');
    expect(output).not.toContain('110101199003071233');
    expect(output).not.toContain('张测试');
    expect(output).not.toContain('北京市东城区');
  });

  it('probes the same pty as a card reader', async () => {
    pair = await startPtyPair();
    await startEmulator(pair.devicePath, 'foreign2023');
    const cli = run('npm', ['run', '--silent', 'devices', '--', 'probe', pair.hostPath]);
    expect(await cli.exit).toBe(0);
    expect(cli.output()).toContain('card_reader');
    expect(cli.output()).toContain('"ok":true');
  });
});
