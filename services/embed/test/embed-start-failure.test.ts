import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { freePort } from '@ragfleet/testing';

const MAIN = join(import.meta.dirname, 'support', 'failing-model-embed-main.ts');

describe('embed whose local model never loads', () => {
  it('tries a bounded number of times, then exits 1 with one error line and no stack', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        EMBED_WORKERS: '2',
        GRPC_PORT: String(await freePort()),
        METRICS_PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');

    expect(code).toBe(1);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.msg === 'local model failed to load; trying again')).toHaveLength(2);
    const errors = lines.filter((line) => line.level === 'error' || line.level === 'fatal');
    expect(errors).toEqual([
      expect.objectContaining({
        msg: 'local embedding model failed to load; embed is stopping',
        reason: expect.stringMatching(/^model failed to load: .* \(3 of 3 tries failed\)$/),
      }),
    ]);
    expect(JSON.stringify(errors[0])).not.toMatch(/\n|\bat .*\.ts:\d+/);
    expect(lines.some((line) => String(line.msg).includes('embed ready'))).toBe(false);
  }, 30_000);
});
