/** What the turn engine reports as it works; the service wires it to Prometheus. */
export type TurnOutcome = 'done' | 'failed' | 'conflict' | 'cancelled';

export interface TurnObserver {
  turnEnded(outcome: TurnOutcome, seconds: number): void;
  contextSent(tokens: number): void;
  messageAppended(role: 'user' | 'assistant'): void;
  summarized(
    mode: 'model' | 'extractive',
    outcome: 'ok' | 'failed',
    seconds: number,
    tokens: { input: number; output: number },
  ): void;
  resumed(outcome: 'ok' | 'failed', replayedEvents: number): void;
}

export const quietObserver: TurnObserver = {
  turnEnded: () => {},
  contextSent: () => {},
  messageAppended: () => {},
  summarized: () => {},
  resumed: () => {},
};
