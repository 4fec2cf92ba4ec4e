import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

describe('logging to stdout', () => {
  it('does not keep a process from exiting once the reader of its stdout has gone', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'fixtures/log-after-reader-left.ts')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout.destroy(); // the launcher died: nobody reads stdout any more
    child.stdin.end(); // and the fixture may log now
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(-1);
      }, 10_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(stderr).toContain('logged after the reader left');
    expect(code).toBe(0);
  });
});
