import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { find, render, renderError, root, type K8sObject, type ValueSet } from './helm.ts';
import { validateObject } from './kubernetes-schemas.ts';

/**
 * The cache warmer's CronJob: off by default; on, a schema-valid CronJob running the CLI's
 * `warm --once` with the chart's values against the gateway's Service, its key from a Secret.
 */
const ON: ValueSet = { set: { 'warmer.enabled': true, 'warmer.existingSecret': 'warm-key' } };
const CRONJOB = 'rf-ragfleet-warmer';

const cronJobs = (objects: K8sObject[]) => objects.filter((object) => object.kind === 'CronJob');
const containerOf = (cronJob: K8sObject) => cronJob.spec.jobTemplate.spec.template.spec.containers[0];

describe('the warmer CronJob', () => {
  it('is not rendered by default', () => {
    expect(cronJobs(render())).toEqual([]);
  });

  it('runs warm --once against the gateway Service with the key of the Secret, and validates', () => {
    const objects = render(ON);
    const cronJob = find(objects, 'CronJob', CRONJOB);
    validateObject(cronJob);
    expect(cronJob.spec.schedule).toBe('*/30 * * * *');
    expect(cronJob.spec.concurrencyPolicy).toBe('Forbid');
    expect(cronJob.spec.jobTemplate.spec.backoffLimit).toBe(0);
    const container = containerOf(cronJob);
    expect(container.command).toEqual([
      '/usr/local/bin/tini',
      '-s',
      '--',
      'node',
      '/app/packages/cli/src/main.ts',
      'warm',
      '--once',
      '--top',
      '100',
      '--concurrency',
      '4',
    ]);
    const env = Object.fromEntries(
      container.env.map((variable: { name: string; value?: string; valueFrom?: unknown }) => [
        variable.name,
        variable.value ?? variable.valueFrom,
      ]),
    );
    const service = find(objects, 'Service', 'rf-ragfleet-gateway');
    const port = service.spec.ports.find((entry: { name: string }) => entry.name === 'http').port;
    expect(env.RAGFLEET_URL).toBe(`http://rf-ragfleet-gateway:${port}`);
    expect(env.RAGFLEET_API_KEY).toEqual({ secretKeyRef: { name: 'warm-key', key: 'api-key' } });
    // The gateway's image, as the gateway Deployment runs it, under the same pod security.
    const gateway = find(objects, 'Deployment', 'rf-ragfleet-gateway').spec.template.spec;
    expect(container.image).toBe(gateway.containers[0].image);
    expect(container.securityContext).toEqual(gateway.containers[0].securityContext);
    expect(cronJob.spec.jobTemplate.spec.template.spec.securityContext).toEqual(gateway.securityContext);
  });

  it('takes schedule, top, tenant and another image from the values', () => {
    const cronJob = find(
      render({
        set: {
          ...ON.set,
          'warmer.schedule': '0 * * * *',
          'warmer.top': 25,
          'warmer.tenant': 'acme',
          'warmer.image.repository': 'ragfleet-cli',
          'warmer.image.tag': '1.2.3',
        },
      }),
      'CronJob',
      CRONJOB,
    );
    validateObject(cronJob);
    expect(cronJob.spec.schedule).toBe('0 * * * *');
    const container = containerOf(cronJob);
    expect(container.command.slice(5)).toEqual([
      'warm',
      '--once',
      '--top',
      '25',
      '--concurrency',
      '4',
      '--tenant',
      'acme',
    ]);
    expect(container.image).toBe('ragfleet-cli:1.2.3');
  });

  it.each<[string, ValueSet, RegExp]>([
    [
      'without a key Secret',
      { set: { 'warmer.enabled': true } },
      /warmer\.enabled needs warmer\.existingSecret/,
    ],
    [
      'without the gateway',
      { set: { ...ON.set, 'components.gateway.enabled': false } },
      /warmer\.enabled asks its questions through the gateway: components\.gateway must be enabled/,
    ],
    ['with top 0', { set: { ...ON.set, 'warmer.top': 0 } }, /top/],
    ['with top 5000', { set: { ...ON.set, 'warmer.top': 5000 } }, /top/],
    ['with a tenant of another alphabet', { set: { ...ON.set, 'warmer.tenant': 'a.b' } }, /tenant/],
    ['with an unknown key', { set: { ...ON.set, 'warmer.topp': 3 } }, /topp/],
  ])('refuses to render %s', (_case, values, message) => {
    expect(renderError(values)).toMatch(message);
  });

  it('passes the CLI arguments it accepts: the rendered command, run, asks the gateway for its top list', async () => {
    const asked: string[] = [];
    const server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url} ${request.headers.authorization}`);
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ tenant: 'acme', half_life_seconds: 86_400, questions: [] }));
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const command = containerOf(
        find(render({ set: { ...ON.set, 'warmer.top': 7, 'warmer.tenant': 'acme' } }), 'CronJob', CRONJOB),
      ).command as string[];
      const args = command.slice(command.indexOf('node') + 2);
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
        execFile(
          process.execPath,
          [join(root, 'packages/cli/src/main.ts'), ...args],
          {
            env: { PATH: process.env.PATH ?? '', RAGFLEET_URL: url, RAGFLEET_API_KEY: 'rf_key' },
            timeout: 15_000,
          },
          (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
        ),
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(asked).toEqual(['GET /v1/admin/questions/top?limit=7 Bearer rf_key']);
      expect(run.stdout).toContain('nothing to warm');
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it('runs an image that carries the CLI: the gateway image holds packages/cli only when the gateway depends on it', () => {
    // deploy/docker/assemble-app.sh copies the workspace packages the service depends on (pnpm
    // --filter-prod @ragfleet/gateway...), nothing else.
    const gateway = JSON.parse(readFileSync(join(root, 'services/gateway/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(gateway.dependencies?.['@ragfleet/cli']).toBe('workspace:*');
  });
});
