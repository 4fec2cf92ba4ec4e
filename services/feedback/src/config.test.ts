import { describe, expect, it } from '@jest/globals';
import { loadFeedbackConfig } from './config.ts';

describe('loadFeedbackConfig', () => {
  it('defaults to the documented ports, the pack wait and the learning bounds', () => {
    const config = loadFeedbackConfig({});
    expect(config).toMatchObject({
      GRPC_PORT: 7057,
      METRICS_PORT: 9107,
      DATA_DIR: '.data',
      FEEDBACK_LEARNING_MIN_OUTCOMES: 20,
      FEEDBACK_LEARNING_MAX_STEP: 0.05,
    });
    expect(config.FEEDBACK_MEASURE_AFTER_MS).toBeUndefined();
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it('reads the measurement wait, treating an empty value as unset', () => {
    expect(loadFeedbackConfig({ FEEDBACK_MEASURE_AFTER_MS: '60000' }).FEEDBACK_MEASURE_AFTER_MS).toBe(60_000);
    expect(loadFeedbackConfig({ FEEDBACK_MEASURE_AFTER_MS: '' }).FEEDBACK_MEASURE_AFTER_MS).toBeUndefined();
  });

  it('refuses a step outside (0, 1] and a zero wait, naming the variable', () => {
    expect(() => loadFeedbackConfig({ FEEDBACK_LEARNING_MAX_STEP: '1.5' })).toThrow(
      /FEEDBACK_LEARNING_MAX_STEP/,
    );
    expect(() => loadFeedbackConfig({ FEEDBACK_MEASURE_AFTER_MS: '0' })).toThrow(/FEEDBACK_MEASURE_AFTER_MS/);
  });
});
