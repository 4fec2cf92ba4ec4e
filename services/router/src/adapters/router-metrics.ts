import { counter, histogram, type Registry } from '@ragfleet/telemetry';
import type { RouteDecision } from '../domain/route-policy.ts';

// A decision takes tens of microseconds: buckets from 10 µs to 10 ms (the goal is < 1 ms at p99).
const DECISION_BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01];

/** The router's own metrics: what it decided, what it skipped and why, how fast, catalog reloads. */
export function routerMetrics(registry: Registry) {
  const decisions = counter(
    registry,
    'ragfleet_router_decisions_total',
    'Routing decisions, by complexity class, tier and the chain head provider.',
    ['class', 'tier', 'provider'],
  );
  const skipped = counter(
    registry,
    'ragfleet_router_skipped_total',
    'Models left out of a chain, by reason (tier, context_window, breaker_open, budget).',
    ['reason'],
  );
  const seconds = histogram(
    registry,
    'ragfleet_router_decision_seconds',
    'Time to analyse a question and choose its chain.',
    [],
    DECISION_BUCKETS,
  );
  const reloads = counter(
    registry,
    'ragfleet_router_catalog_reloads_total',
    'Catalog file changes seen, by outcome (loaded, rejected: the last good catalog stays).',
    ['outcome'],
  );
  // Kept because the dashboards read it (overview, business); the decisions counter supersedes it.
  const routes = counter(
    registry,
    'ragfleet_router_routes_total',
    'Routing decisions, by tier and first provider.',
    ['tier', 'first_provider'],
  );
  return {
    decided(decision: RouteDecision, elapsed: number): void {
      routes.inc({ tier: decision.tier, first_provider: decision.chain[0]?.provider ?? 'none' });
      decisions.inc({
        class: decision.complexity.complexityClass,
        tier: decision.tier,
        provider: decision.chain[0]?.provider ?? 'none',
      });
      for (const skip of decision.skipped) skipped.inc({ reason: skip.reason });
      seconds.observe(elapsed);
    },
    reloaded(outcome: 'loaded' | 'rejected'): void {
      reloads.inc({ outcome });
    },
  };
}
