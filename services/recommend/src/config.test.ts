import { describe, expect, it } from '@jest/globals';
import { loadRecommendConfig } from './config.ts';

describe('recommend config', () => {
  it('defaults to the fleet’s ports and addresses, the Lightning pack and a 30 s weights poll', () => {
    const config = loadRecommendConfig({});
    expect(config).toMatchObject({
      GRPC_PORT: 7056,
      METRICS_PORT: 9106,
      FEEDBACK_ADDR: '127.0.0.1:7057',
      GENERATE_ADDR: '127.0.0.1:7054',
      RECOMMEND_RULE_PACK: 'lightning',
      RECOMMEND_WEIGHTS_POLL_MS: 30_000,
    });
    expect(config.NATS_URL).toBeUndefined();
    expect(config.REPLICA_ID.length).toBeGreaterThan(0);
  });

  it('refuses a bad value with the variable named', () => {
    expect(() => loadRecommendConfig({ RECOMMEND_WEIGHTS_POLL_MS: '0' })).toThrow(
      /RECOMMEND_WEIGHTS_POLL_MS/,
    );
    expect(() => loadRecommendConfig({ FEEDBACK_ADDR: 'nowhere' })).toThrow(/FEEDBACK_ADDR/);
  });
});
