import { describe, expect, it } from '@jest/globals';
import { createMetricsRegistry } from '@ragfleet/telemetry';
import { AnswerMetrics } from './answer-metrics.ts';
import type { AnswerEvent } from './domain/answer-events.ts';

async function* events(...all: AnswerEvent[]): AsyncGenerator<AnswerEvent> {
  yield* all;
}

async function drain(stream: AsyncIterable<AnswerEvent>): Promise<void> {
  for await (const _event of stream);
}

describe('AnswerMetrics', () => {
  it('counts flagged passages per heuristic from the guard status event', async () => {
    const registry = createMetricsRegistry('generate');
    const metrics = new AnswerMetrics(registry, () => 0);
    await drain(
      metrics.observe(
        events(
          {
            type: 'status',
            stage: 'guard',
            message: 'passages [1], [2] ...',
            flagged: [
              {
                index: 1,
                documentId: 'a',
                chunkId: 'a#0',
                reasons: ['instruction_override', 'prompt_markup'],
              },
              { index: 2, documentId: 'b', chunkId: 'b#0', reasons: ['instruction_override'] },
            ],
          },
          {
            type: 'done',
            provider: 'extractive',
            model: 'extractive-v1',
            finishReason: 'stop',
            promptVersion: 'v3',
            timeToFirstTokenMs: 0,
          },
        ),
      ),
    );
    const text = await registry.metrics();
    expect(text).toContain(
      'ragfleet_generate_passage_guard_flags_total{reason="instruction_override",service="generate"} 2',
    );
    expect(text).toContain(
      'ragfleet_generate_passage_guard_flags_total{reason="prompt_markup",service="generate"} 1',
    );
  });
});
