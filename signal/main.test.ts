import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TestClient, waitFor } from './testing.ts';

// The CLI as `npm run signal` runs it (tsx), on a free port; one process, stopped by SIGTERM.
describe('npm run signal', () => {
  it('prints where it listens, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'signal/main.ts', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FELLOWS_SIGNAL_HOST: '127.0.0.1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        () => out.includes('\n') || child.exitCode !== null,
        'the listening line',
        20_000,
      );
      const match = /^Fellows signaling server listening on (ws:\/\/127\.0\.0\.1:\d+)\n$/.exec(out);
      expect(match, `stdout: ${out} stderr: ${err}`).not.toBeNull();

      const client = await TestClient.open(match![1]!);
      client.send({ type: 'subscribe', topics: ['room'] });
      await client.roundTrip();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect((await client.waitClosed()).code).toBe(1001);
      expect(err).toBe('');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
