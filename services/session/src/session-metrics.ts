import { counter, histogram, observedGauge, type Registry } from '@ragfleet/telemetry';
import type { SessionStore } from './domain/session-store.ts';
import type { TurnObserver } from './domain/turns/turn-observer.ts';

const TOKEN_BUCKETS = [50, 100, 250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000];

/**
 * The session service's metrics: turns and their outcomes, the context each question carries,
 * summaries with their own cost, resumes, and the active sessions read from the store at scrape.
 */
export function sessionMetrics(registry: Registry, store: SessionStore): TurnObserver {
  observedGauge(
    registry,
    'ragfleet_session_active_sessions',
    'Sessions with activity within the inactivity TTL (every tenant).',
    async () => (await store.stats()).activeSessions,
  );
  const turns = counter(registry, 'ragfleet_session_turns_total', 'Turns, by outcome.', ['outcome']);
  const turnSeconds = histogram(
    registry,
    'ragfleet_session_turn_duration_seconds',
    'From a turn beginning to its last event, by outcome.',
    ['outcome'],
  );
  const contextTokens = histogram(
    registry,
    'ragfleet_session_context_tokens',
    'Tokens of the summary and history sent to generate with one question.',
    [],
    TOKEN_BUCKETS,
  );
  const messages = counter(registry, 'ragfleet_session_messages_total', 'Messages appended, by role.', [
    'role',
  ]);
  const summaries = counter(
    registry,
    'ragfleet_session_summaries_total',
    'Rolling summaries, by mode and outcome.',
    ['mode', 'outcome'],
  );
  const summarySeconds = histogram(
    registry,
    'ragfleet_session_summary_duration_seconds',
    'Time to write one rolling summary, by mode.',
    ['mode'],
  );
  const summaryTokens = counter(
    registry,
    'ragfleet_session_summary_tokens_total',
    'Model tokens spent on rolling summaries, by direction.',
    ['direction'],
  );
  const resumes = counter(registry, 'ragfleet_session_resumes_total', 'ResumeTurn calls, by outcome.', [
    'outcome',
  ]);
  const replayed = counter(
    registry,
    'ragfleet_session_resume_replayed_events_total',
    'Events a resume replayed from the buffer (those produced before it began).',
  );
  // Every label value appears from the start, so rates and ratios exist before the first failure.
  for (const outcome of ['done', 'failed', 'conflict', 'cancelled']) turns.inc({ outcome }, 0);
  for (const outcome of ['ok', 'failed']) resumes.inc({ outcome }, 0);
  return {
    turnEnded: (outcome, seconds) => {
      turns.inc({ outcome });
      if (outcome !== 'conflict') turnSeconds.observe({ outcome }, seconds);
    },
    contextSent: (tokens) => contextTokens.observe(tokens),
    messageAppended: (role) => messages.inc({ role }),
    summarized: (mode, outcome, seconds, tokens) => {
      summaries.inc({ mode, outcome });
      summarySeconds.observe({ mode }, seconds);
      if (tokens.input) summaryTokens.inc({ direction: 'input' }, tokens.input);
      if (tokens.output) summaryTokens.inc({ direction: 'output' }, tokens.output);
    },
    resumed: (outcome, events) => {
      resumes.inc({ outcome });
      if (events) replayed.inc(events);
    },
  };
}
