import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import {
  PROMETHEUS_DIR,
  alertRules,
  promtool,
  ruleFiles,
  ruleTestFiles,
  testedFiringAlerts,
} from './artefacts.ts';

/** The alert rules pass promtool's checks and their unit tests, and each one is tested firing. */
describe('Prometheus alert rules', () => {
  it('pass promtool check rules', () => {
    const { status, output } = promtool(['check', 'rules', ...ruleFiles()]);
    expect({ status, output }).toMatchObject({ status: 0 });
  });

  it('pass their promtool unit tests', () => {
    const { status, output } = promtool(['test', 'rules', ...ruleTestFiles()]);
    if (status !== 0) throw new Error(`promtool test rules failed:\n${output}`);
  });

  it('load in the example Prometheus configuration', () => {
    const { status, output } = promtool(['check', 'config', join(PROMETHEUS_DIR, 'prometheus.yml')]);
    if (status !== 0) throw new Error(`promtool check config failed:\n${output}`);
  });

  it('each carry a severity, a summary and a runbook, and each has a unit test where it fires', () => {
    const rules = alertRules();
    expect(rules.length).toBeGreaterThanOrEqual(6);
    const fired = testedFiringAlerts();
    for (const rule of rules) {
      expect({ alert: rule.alert, severity: rule.labels?.severity }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(critical|warning|info)$/),
      });
      expect({ alert: rule.alert, runbook: (rule.annotations?.runbook ?? '').length > 20 }).toEqual({
        alert: rule.alert,
        runbook: true,
      });
      expect({ alert: rule.alert, summary: Boolean(rule.annotations?.summary) }).toEqual({
        alert: rule.alert,
        summary: true,
      });
      expect({ alert: rule.alert, testedFiring: fired.has(rule.alert) }).toEqual({
        alert: rule.alert,
        testedFiring: true,
      });
    }
  });

  it('cover the seeds of the issues: latency, errors, breaker, cache, ingest backlog, a service down, failing turns, recommendations', () => {
    const names = alertRules().map((rule) => rule.alert);
    for (const seed of [
      'RagfleetLatencyP95High',
      'RagfleetGatewayErrorRateHigh',
      'RagfleetCircuitBreakerOpen',
      'RagfleetEmbeddingCacheHitRatioLow',
      'RagfleetIngestBacklogGrowing',
      'RagfleetServiceDown',
      'RagfleetSessionTurnFailureRateHigh',
      'RagfleetRecommendModelOutputDropped',
      'RagfleetRecommendWeightsRefused',
      'RagfleetRolloutRolledBack',
    ])
      expect(names).toContain(seed);
  });
});
