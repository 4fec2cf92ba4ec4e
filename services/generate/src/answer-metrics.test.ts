import { describe, expect, it } from '@jest/globals';
import { createMetricsRegistry, metricValue } from '@ragfleet/telemetry';
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
            cached: false,
            costUsd: 0,
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

describe('AnswerMetrics tokens per second', () => {
  it('divides output tokens by the time from the first token to the usage report', async () => {
    const registry = createMetricsRegistry('generate');
    const times = [0, 500, 2_500];
    const metrics = new AnswerMetrics(registry, () => times.shift() ?? 2_500);
    await drain(
      metrics.observe(
        events(
          { type: 'token', text: 'Hello' },
          { type: 'usage', inputTokens: 10, outputTokens: 40, provider: 'p', model: 'm' },
        ),
      ),
    );
    // 40 tokens in 2 s between the first token (500 ms) and usage (2,500 ms): 20 tokens/s.
    expect(await metricValue(registry, 'ragfleet_generate_output_tokens_per_second_sum')).toBe(20);
    expect(await metricValue(registry, 'ragfleet_generate_output_tokens_per_second_count')).toBe(1);
    expect(await metricValue(registry, 'ragfleet_generate_output_tokens_per_second_bucket', { le: 10 })).toBe(
      0,
    );
    expect(await metricValue(registry, 'ragfleet_generate_output_tokens_per_second_bucket', { le: 20 })).toBe(
      1,
    );
  });
});
