import { RagfleetError } from '@ragfleet/errors';
import { GrpcServer } from '@ragfleet/grpc';
import { protos, type GenerateV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';

export type Reply =
  /** One citation per title; the same title twice is two chunks of one document. */
  | { kind: 'answer'; text: string; titles?: string[]; tokenDelayMs?: number }
  | { kind: 'error'; code: string; afterFallbacks?: number; titles?: string[] };

export interface FakeGenerate {
  address: string;
  /** Every Answer request, in order. */
  readonly answers: GenerateV1.AnswerRequest__Output[];
  readonly summaries: GenerateV1.SummarizeRequest__Output[];
  /** What the next Answer calls reply (the last one repeats). */
  replies: Reply[];
  /** Set: Summarize is answered by it (a real generate, say) instead of the echo. */
  summarizeWith?: (request: GenerateV1.SummarizeRequest__Output) => Promise<GenerateV1.SummarizeResponse>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A generate service on a free loopback port speaking GenerateService: each Answer streams the
 * events the real pipeline would (routing, retrieving, citations, generating, a token per word,
 * usage, done), or fails as told; Summarize folds the messages into "summary(n): first words".
 * The session service reaches it through its real gRPC client.
 */
export async function startFakeGenerate(): Promise<FakeGenerate> {
  const answers: GenerateV1.AnswerRequest__Output[] = [];
  const summaries: GenerateV1.SummarizeRequest__Output[] = [];
  const fake: Pick<FakeGenerate, 'replies' | 'summarizeWith'> = {
    replies: [{ kind: 'answer', text: 'The wing is loaded by lift.' }],
  };
  const server = new GrpcServer({
    service: 'generate',
    logger: createLogger('fake-generate', 'silent'),
    registry: createMetricsRegistry('fake_generate'),
  });
  server.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
    Answer: async function* (request: GenerateV1.AnswerRequest__Output) {
      answers.push(request);
      const reply = (fake.replies[answers.length - 1] ?? fake.replies.at(-1)) as Reply;
      yield { status: { stage: 'routing', message: 'free tier', provider: 'fake', model: 'fake-1' } };
      yield { status: { stage: 'retrieving', message: 'searching' } };
      const titles = reply.titles ?? ['Wing loading'];
      yield {
        citations: {
          citations: titles.map((title, i) => ({
            index: i + 1,
            documentId: title.toLowerCase().replaceAll(' ', '-'),
            chunkId: `c${i}`,
            title,
          })),
        },
      };
      if (reply.kind === 'error') {
        for (let i = 0; i < (reply.afterFallbacks ?? 0); i++) {
          yield { status: { stage: 'fallback', message: 'failed', provider: 'fake', model: `fake-${i}` } };
        }
        yield { error: { code: reply.code, message: 'no model provider could answer', retryable: true } };
        return;
      }
      yield { status: { stage: 'generating', message: 'answering', provider: 'fake', model: 'fake-1' } };
      for (const word of reply.text.split(/(?<= )/)) {
        if (reply.tokenDelayMs) await sleep(reply.tokenDelayMs);
        yield { token: { text: word } };
      }
      yield { usage: { inputTokens: 100, outputTokens: 7, provider: 'fake', model: 'fake-1' } };
      yield {
        done: {
          provider: 'fake',
          model: 'fake-1',
          finishReason: 'stop',
          promptVersion: 'v3',
          timeToFirstTokenMs: 1,
        },
      };
    },
    Summarize: async (
      request: GenerateV1.SummarizeRequest__Output,
    ): Promise<GenerateV1.SummarizeResponse> => {
      summaries.push(request);
      if (fake.summarizeWith) return fake.summarizeWith(request);
      const folded = [request.previousSummary, ...request.messages.map((m) => m.content)].filter(Boolean);
      return {
        summary: `summary(${request.messages.length}): ${folded.join(' / ')}`,
        promptVersion: 'v1',
        provider: 'fake',
        model: 'fake-1',
        inputTokens: 50,
        outputTokens: 10,
        extractive: false,
      };
    },
    // Sessions never ask for suggestions (recommend does); the contract needs a handler.
    Suggest: async () => {
      throw new RagfleetError('FAILED_PRECONDITION', 'The fake generate does not suggest.');
    },
  });
  const port = await server.listen(0, '127.0.0.1');
  server.setServing(true);
  return Object.assign(fake, {
    address: `127.0.0.1:${port}`,
    answers,
    summaries,
    close: () => server.close(),
  });
}
