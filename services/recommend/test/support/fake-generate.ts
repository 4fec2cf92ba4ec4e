import { RagfleetError } from '@ragfleet/errors';
import { GrpcServer } from '@ragfleet/grpc';
import { protos, type GenerateV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';

export type SuggestReply = { text: string; documentIds?: string[] } | { error: string };

export interface FakeGenerate {
  address: string;
  readonly requests: GenerateV1.SuggestRequest__Output[];
  /** What the next Suggest answers (the test sets it before each call). */
  reply: SuggestReply;
  close(): Promise<void>;
}

const unimplemented = async () => {
  throw new RagfleetError('ROUTE_NOT_FOUND', 'not in the fake generate');
};

/** A generate service whose Suggest returns canned text (or fails as a model chain does). */
export async function startFakeGenerate(): Promise<FakeGenerate> {
  const server = new GrpcServer({
    service: 'generate',
    logger: createLogger('fake-generate', 'silent'),
    registry: createMetricsRegistry('fake_generate'),
  });
  const fake = { requests: [] as GenerateV1.SuggestRequest__Output[], reply: { text: '[]' } as SuggestReply };
  server.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
    Suggest: async (request: GenerateV1.SuggestRequest__Output): Promise<GenerateV1.SuggestResponse> => {
      fake.requests.push(request);
      const reply = fake.reply;
      if ('error' in reply)
        throw new RagfleetError(reply.error as 'PROVIDER_UNAVAILABLE', 'no model provider could answer');
      return {
        text: reply.text,
        citations: (reply.documentIds ?? []).map((documentId, i) => ({
          index: i + 1,
          documentId,
          chunkId: `c${i}`,
        })),
        provider: 'fake',
        model: 'fake-1',
      };
    },
    Answer: async function* () {
      yield* [];
      throw new RagfleetError('ROUTE_NOT_FOUND', 'not in the fake generate');
    },
    Summarize: unimplemented,
  });
  const port = await server.listen(0);
  server.setServing(true);
  return Object.assign(fake, { address: `127.0.0.1:${port}`, close: () => server.close(100) });
}
