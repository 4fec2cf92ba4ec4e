import { RagfleetError } from '@ragfleet/errors';
import { GenerateClient, GrpcServer, RetrieveClient, RouterClient, type CallContext } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1, type RouterV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { startFakeOllama, uniqueSuffix, type FakeOllama } from '@ragfleet/testing';
import { ExtractiveProvider } from '../src/adapters/extractive/extractive-provider.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import type { ConversationLimits } from '../src/domain/conversation-input.ts';
import { RECOMMEND_SUGGEST, SESSION_SUMMARY } from '../src/domain/prompt-template.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { Suggester } from '../src/domain/suggester.ts';
import { Summarizer } from '../src/domain/summarizer.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

/**
 * generate over real gRPC for the conversation and suggestion tests: router and retrieve stand in as a small
 * gRPC server (recording what they are asked), Ollama is the fake HTTP server the real `ollama`
 * client talks to. Tiers choose the chain: free is extractive, standard is Ollama then extractive,
 * local is Ollama alone.
 */
export interface ConversationHarness {
  client: GenerateClient;
  ollama: FakeOllama;
  searches: RetrieveV1.SearchRequest__Output[];
  /** The tenant each search was made for, as retrieve's call context saw it. */
  searchTenants: string[];
  routes: RouterV1.RouteRequest__Output[];
  /** What retrieve answers from now on. */
  setHits(hits: RetrieveV1.SearchHit[]): void;
  close(): Promise<void>;
}

export const OLLAMA_MODEL = 'llama3.2';

const CHAINS: Record<string, RouterV1.ModelChoice[]> = {
  free: [{ provider: 'extractive', model: 'extractive-v1' }],
  standard: [
    { provider: 'ollama', model: OLLAMA_MODEL },
    { provider: 'extractive', model: 'extractive-v1' },
  ],
  local: [{ provider: 'ollama', model: OLLAMA_MODEL }],
};

export async function startConversationHarness(
  options: { conversationLimits?: ConversationLimits; promptVersion?: string } = {},
): Promise<ConversationHarness> {
  const logger = createLogger('generate-conversation-test', 'silent');
  const ollama = await startFakeOllama();
  const searches: RetrieveV1.SearchRequest__Output[] = [];
  const searchTenants: string[] = [];
  const routes: RouterV1.RouteRequest__Output[] = [];
  let hits: RetrieveV1.SearchHit[] = [];

  const upstream = new GrpcServer({
    service: 'upstream',
    logger,
    registry: createMetricsRegistry('upstream'),
  });
  upstream.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      Route: async (request: RouterV1.RouteRequest__Output): Promise<RouterV1.RouteResponse> => {
        routes.push(request);
        const chain = CHAINS[request.tier];
        if (!chain) throw new RagfleetError('INVALID_ARGUMENT', `unknown tier "${request.tier}"`);
        return { chain, reason: `test route for ${request.tier}` };
      },
      ListModels: async () => ({ models: [] }),
      GetUsage: async () => ({}),
    }),
  );
  upstream.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    retrieveHandlers({
      Search: async (
        request: RetrieveV1.SearchRequest__Output,
        context: CallContext,
      ): Promise<RetrieveV1.SearchResponse> => {
        searches.push(request);
        searchTenants.push(context.tenant ?? '');
        return { hits };
      },
    }),
  );
  const upstreamPort = await upstream.listen(0, '127.0.0.1');
  const routerClient = new RouterClient(`127.0.0.1:${upstreamPort}`);
  const retrieveClient = new RetrieveClient(`127.0.0.1:${upstreamPort}`);

  const router = new GrpcModelRouter(routerClient);
  const providers = [new ExtractiveProvider(), new OllamaProvider({ host: ollama.url })];
  // No retries, and a breaker that never opens: each case sees exactly one call per provider.
  const guard = new ProviderGuard({ retries: 0, breakerThreshold: 1_000 });
  const pipeline = new AnswerPipeline({
    router,
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPromptLibrary('rag-answer', options.promptVersion ?? 'v3'),
    providers,
    guard,
    defaultTopK: 3,
    ...(options.conversationLimits ? { conversationLimits: options.conversationLimits } : {}),
  });
  const summarizer = new Summarizer({
    router,
    prompts: loadPromptLibrary(SESSION_SUMMARY, 'v1'),
    providers,
    guard,
    ...(options.conversationLimits ? { conversationLimits: options.conversationLimits } : {}),
  });
  const suggester = new Suggester({
    router,
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPromptLibrary(RECOMMEND_SUGGEST, 'v1'),
    providers,
    guard,
    limits: { defaultTopK: 3 },
  });
  const server = new GrpcServer({ service: 'generate', logger, registry: createMetricsRegistry('generate') });
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      (request, context) => pipeline.answer(request, context.signal),
      (request, context) => summarizer.summarize(request, context.signal),
      (request, context) => suggester.suggest(request, context.signal),
    ),
  );
  const port = await server.listen(0, '127.0.0.1');
  const client = new GenerateClient(`127.0.0.1:${port}`);

  return {
    client,
    ollama,
    searches,
    searchTenants,
    routes,
    setHits: (next) => {
      hits = next;
    },
    close: async () => {
      client.close();
      routerClient.close();
      retrieveClient.close();
      await server.close();
      await upstream.close();
      await ollama.close();
    },
  };
}

/** One Answer call's events, as a tenant's request. */
export async function collectAnswer(
  client: GenerateClient,
  request: GenerateV1.AnswerRequest,
): Promise<GenerateV1.AnswerResponse__Output[]> {
  const events: GenerateV1.AnswerResponse__Output[] = [];
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme' }, async () => {
    for await (const event of client.answer(request)) events.push(event);
  });
  return events;
}

export const answerText = (events: GenerateV1.AnswerResponse__Output[]) =>
  events.map((event) => event.token?.text ?? '').join('');

/** The chat messages the fake Ollama received on its last /api/chat call. */
export function lastChatMessages(ollama: FakeOllama): Array<{ role: string; content: string }> {
  const chat = ollama.requests.filter((request) => request.path === '/api/chat').at(-1);
  return (chat?.body as { messages?: Array<{ role: string; content: string }> } | undefined)?.messages ?? [];
}

/** The fields an INVALID_ARGUMENT names, from its details. */
export function invalidFields(error: unknown): string[] {
  const details = (error as { details?: { fields?: Array<{ field: string }> } }).details;
  return details?.fields?.map((entry) => entry.field) ?? [];
}
