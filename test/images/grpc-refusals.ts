import { randomBytes } from 'node:crypto';
import { isRagfleetError } from '../../packages/errors/src/index.ts';
import {
  EmbedClient,
  FeedbackClient,
  GenerateClient,
  IndexVersionClient,
  RecommendClient,
  RetrieveClient,
  RouterClient,
  SessionClient,
  SubjectClient,
  Transport,
  WeightsClient,
  type ClientSettings,
} from '../../packages/grpc/src/index.ts';
import type { FleetAddresses } from './fleet-addresses.ts';

/** One cheap call per gRPC service of the fleet, made with the client every caller uses. */
type Probe = {
  name: string;
  call: (settings: ClientSettings) => { run: Promise<unknown>; close: () => void };
};

const PROBES = (addresses: FleetAddresses): Probe[] => [
  {
    name: `embed ${addresses.embed} EmbedService/ListModels`,
    call: (settings) => {
      const client = new EmbedClient(addresses.embed, settings);
      return { run: client.listModels(), close: () => client.close() };
    },
  },
  {
    name: `retrieve ${addresses.retrieve} RetrieveService/Search`,
    call: (settings) => {
      const client = new RetrieveClient(addresses.retrieve, settings);
      return { run: client.search({ query: 'JetStream work queue', k: 3 }), close: () => client.close() };
    },
  },
  {
    // The admin service beside it on the same port: it must not be the open door.
    name: `retrieve ${addresses.retrieve} IndexVersionService/ListIndexVersions`,
    call: (settings) => {
      const client = new IndexVersionClient(addresses.retrieve, settings);
      return { run: client.list(), close: () => client.close() };
    },
  },
  {
    name: `router ${addresses.router} RouterService/ListModels`,
    call: (settings) => {
      const client = new RouterClient(addresses.router, settings);
      return { run: client.listModels(), close: () => client.close() };
    },
  },
  {
    name: `generate ${addresses.generate} GenerateService/Answer`,
    call: (settings) => {
      const client = new GenerateClient(addresses.generate, settings);
      return { run: client.answer({ query: 'What is ragfleet?' }).next(), close: () => client.close() };
    },
  },
  {
    name: `session ${addresses.session} SessionService/ListSessions`,
    call: (settings) => {
      const client = new SessionClient(addresses.session, settings);
      return { run: client.listSessions(), close: () => client.close() };
    },
  },
  {
    name: `recommend ${addresses.recommend} RecommendService/GetScorerState`,
    call: (settings) => {
      const client = new RecommendClient(addresses.recommend, settings);
      return { run: client.getScorerState(), close: () => client.close() };
    },
  },
  // feedback serves three services on one port: each is called, so none is the open door.
  {
    name: `feedback ${addresses.feedback} SubjectService/ListSubjects`,
    call: (settings) => {
      const client = new SubjectClient(addresses.feedback, settings);
      return { run: client.listSubjects(), close: () => client.close() };
    },
  },
  {
    name: `feedback ${addresses.feedback} FeedbackService/GetStats`,
    call: (settings) => {
      const client = new FeedbackClient(addresses.feedback, settings);
      return { run: client.getStats(), close: () => client.close() };
    },
  },
  {
    name: `feedback ${addresses.feedback} WeightsService/ListWeights`,
    call: (settings) => {
      const client = new WeightsClient(addresses.feedback, settings);
      return { run: client.listWeights(), close: () => client.close() };
    },
  },
];

/** The gRPC code a call ended with: OK when it was served. */
async function outcome(probe: Probe, settings: ClientSettings): Promise<string> {
  const { run, close } = probe.call(settings);
  try {
    await run;
    return 'OK';
  } catch (error) {
    return isRagfleetError(error) ? error.code : `${(error as Error).name}: ${(error as Error).message}`;
  } finally {
    close();
  }
}

/**
 * Every gRPC port of the running fleet, called the way a stranger on the network would: with no
 * token at all (the development transport), and with a well-formed token signed by a key that is
 * not the fleet's. Each call must end UNAUTHENTICATED. Returns one line per refused call, or the
 * calls that were not refused.
 */
export async function checkGrpcRefusals(
  addresses: FleetAddresses,
): Promise<{ refused: string[]; served: string[] }> {
  const callers: Array<{ as: string; settings: ClientSettings }> = [
    { as: 'no token', settings: {} },
    {
      as: 'a token signed with another key',
      settings: { transport: Transport.create({ service: 'images-check', keys: [randomBytes(48)] }) },
    },
  ];
  const refused: string[] = [];
  const served: string[] = [];
  for (const probe of PROBES(addresses)) {
    for (const caller of callers) {
      const code = await outcome(probe, caller.settings);
      (code === 'UNAUTHENTICATED' ? refused : served).push(`${probe.name} with ${caller.as}: ${code}`);
    }
  }
  return { refused, served };
}
