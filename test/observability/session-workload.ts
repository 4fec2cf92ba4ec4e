import { readServiceCredentials } from '../../packages/config/src/index.ts';
import { SessionClient, Transport } from '../../packages/grpc/src/index.ts';
import type { SessionV1 } from '../../packages/protos/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';

/**
 * The conversation part of the observability workload, straight to the session service with the
 * fleet's service token (as the gateway calls it): one session, `turns` turns (enough for the
 * service to fold the oldest messages into a summary, given a low summary trigger), and a resume
 * of the first turn after its first event. Throws when a turn does not end with done or the
 * resume does not replay the rest of the turn, so a missing series is never a quiet workload.
 */
export interface SessionWorkload {
  sessionId: string;
  turnEvents: number[];
  replayed: number;
}

const QUESTIONS = [
  'What does a circuit breaker do?',
  'And after the pause, what happens?',
  'How is that different from the embedding cache?',
  'Which of the two saves a model call?',
];

async function collect(
  events: AsyncGenerator<SessionV1.TurnEvent__Output>,
): Promise<SessionV1.TurnEvent__Output[]> {
  const seen: SessionV1.TurnEvent__Output[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

const shapes = (events: SessionV1.TurnEvent__Output[]) =>
  events.map((event) => `${event.seq}:${event.event}`).join(' ');

export async function runSessionWorkload(options: {
  address: string;
  serviceAuthEnv: Record<string, string>;
  turns: number;
}): Promise<SessionWorkload> {
  const { keys } = readServiceCredentials('observability-test', options.serviceAuthEnv);
  const client = new SessionClient(options.address, {
    transport: Transport.create({ service: 'observability-test', keys }),
  });
  const asCaller = <T>(work: () => Promise<T>): Promise<T> =>
    runWithRequestContext({ requestId: `observability-${Date.now()}`, tenant: 'obs', user: 'carol' }, work);
  try {
    const created = await asCaller(() => client.createSession({ title: 'observability' }));
    const sessionId = created.session?.id;
    if (!sessionId) throw new Error('CreateSession answered without a session');
    const turns: SessionV1.TurnEvent__Output[][] = [];
    for (let index = 0; index < options.turns; index++) {
      const message = QUESTIONS[index % QUESTIONS.length] as string;
      const events = await asCaller(() => collect(client.turn({ sessionId, message })));
      if (events.at(-1)?.event !== 'done') throw new Error(`turn ${index + 1} ended: ${shapes(events)}`);
      turns.push(events);
    }
    const first = turns[0] ?? [];
    const turnId = first[0]?.started?.turnId ?? '';
    const replayed = await asCaller(() => collect(client.resumeTurn({ sessionId, turnId, afterSeq: 1 })));
    if (shapes(replayed) !== shapes(first.slice(1)))
      throw new Error(`resuming after seq 1 gave ${shapes(replayed)}, not ${shapes(first.slice(1))}`);
    return { sessionId, turnEvents: turns.map((events) => events.length), replayed: replayed.length };
  } finally {
    client.close();
  }
}
