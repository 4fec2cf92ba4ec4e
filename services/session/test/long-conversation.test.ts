import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GenerateClient } from '@ragfleet/grpc';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix } from '@ragfleet/testing';
import { startFleet, type Fleet } from '../../../scripts/fleet-runner.ts';
import { startFakeGenerate, type FakeGenerate } from './support/fake-generate.ts';
import { startRunningSession, type RunningSession } from './support/running-session.ts';

const alice = { tenant: 'acme', user: 'alice' };
const as = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, ...alice }, fn);

/**
 * A long conversation with the default window (summary at 45 messages, 15 folded each time) and
 * the real generate's offline summary: the facts of message 1 must still reach generate after 60
 * messages, when message 1 has long left the window. Answers come from a recording generate
 * whose Summarize is the real generate's (router and generate run as processes).
 */
describe('a long conversation keeps its first facts through the rolling summary', () => {
  let fleet: Fleet;
  let generate: FakeGenerate;
  let service: RunningSession;
  let real: GenerateClient;

  beforeAll(async () => {
    fleet = await startFleet({
      services: ['router', 'generate'],
      freePorts: true,
      developmentMode: true,
      env: { NATS_NAMESPACE: `long${uniqueSuffix().replace(/\W/g, '')}`, LOG_LEVEL: 'warn' },
    });
    real = new GenerateClient(`127.0.0.1:${fleet.ports.generate.grpc}`);
    generate = await startFakeGenerate();
    generate.replies = [{ kind: 'answer', text: 'Noted, go on.' }];
    generate.summarizeWith = (request) => real.summarize(request);
    service = await startRunningSession({ GENERATE_ADDR: generate.address });
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await generate?.close();
    real?.close();
    await fleet?.stop();
  }, 60_000);

  it('asks about message 1 after 60 messages and sends generate a context that holds it', async () => {
    const { session } = await as(() => service.client.createSession({ title: 'Flight planning' }));
    const sessionId = session?.id ?? '';
    const turn = (message: string) =>
      as(async () => {
        for await (const event of service.client.turn({ sessionId, message })) void event;
      });
    await turn('My aircraft is registered N4471Q and cruises at 480 knots.');
    const topics = ['fuel burn', 'runway length', 'crosswind limits', 'icing', 'alternate airports'];
    for (let n = 2; n <= 30; n++)
      await turn(`Question ${n} is about ${topics[n % topics.length]} on leg ${n}.`);
    await waitFor(async () => {
      const read = await as(() => service.client.getSession({ id: sessionId }));
      return (read.session?.summarizedMessageCount ?? 0) >= 30;
    });
    const read = await as(() => service.client.getSession({ id: sessionId }));
    expect(read.session?.messageCount).toBe(60);
    // Folded at 45 (15), and again at 45 (15 more): message 1 is long out of the window.
    expect(read.session?.summarizedMessageCount).toBe(30);
    expect(read.session?.summary).toMatch(/^Extractive summary/);

    await turn('What is my aircraft registration?');
    const asked = generate.answers.at(-1);
    expect(asked?.history.some((m) => m.content.includes('N4471Q'))).toBe(false);
    expect(asked?.summary).toContain('N4471Q');
    expect(asked?.summary).toContain('480 knots');
  }, 120_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
