import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { protos, type SessionV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { GrpcServer, SessionClient, type CallContext } from '../src/index.ts';

/** A message's fields as proto-loader describes them (a DescriptorProto). */
interface FieldDescriptor {
  name: string;
  typeName: string;
}
function fieldsOf(message: unknown): FieldDescriptor[] {
  return (message as { type: { field: FieldDescriptor[] } }).type.field;
}

describe('ragfleet.session.v1 contract', () => {
  it('defines the seven RPCs, Turn and ResumeTurn as server streams', () => {
    const service = protos.session().SessionService.service;
    const shape = Object.fromEntries(
      Object.values(service).map((method) => [
        method.path,
        { requestStream: method.requestStream, responseStream: method.responseStream },
      ]),
    );
    const unary = { requestStream: false, responseStream: false };
    const serverStream = { requestStream: false, responseStream: true };
    expect(shape).toEqual({
      '/ragfleet.session.v1.SessionService/CreateSession': unary,
      '/ragfleet.session.v1.SessionService/GetSession': unary,
      '/ragfleet.session.v1.SessionService/ListSessions': unary,
      '/ragfleet.session.v1.SessionService/DeleteSession': unary,
      '/ragfleet.session.v1.SessionService/Turn': serverStream,
      '/ragfleet.session.v1.SessionService/ResumeTurn': serverStream,
      '/ragfleet.session.v1.SessionService/GetStats': unary,
    });
  });

  it('keeps the owner out of every request: identity travels in metadata only', () => {
    const v1 = protos.session();
    for (const name of [
      'CreateSessionRequest',
      'GetSessionRequest',
      'ListSessionsRequest',
      'DeleteSessionRequest',
      'TurnRequest',
      'ResumeTurnRequest',
    ] as const) {
      const names = fieldsOf(v1[name]).map((field) => field.name);
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((field) => /tenant|user|owner/.test(field))).toEqual([]);
    }
  });

  it("wraps generate's Answer events in one numbered TurnEvent oneof", () => {
    const fields = fieldsOf(protos.session().TurnEvent);
    const types = Object.fromEntries(fields.map((field) => [field.name, field.typeName || 'scalar']));
    expect(types).toEqual({
      seq: 'scalar',
      started: 'TurnStarted',
      status: 'generate.v1.Status',
      citations: 'generate.v1.Citations',
      token: 'generate.v1.Token',
      usage: 'generate.v1.Usage',
      done: 'generate.v1.Done',
      error: 'TurnError',
    });
    // proto-loader's descriptor does not tell oneof members apart; the stream test below reads
    // the discriminator `event` that the oneof produces.
    const oneofs = (protos.session().TurnEvent as { type: { oneofDecl: Array<{ name: string }> } }).type
      .oneofDecl;
    expect(oneofs.map((oneof) => oneof.name)).toEqual(['event']);
  });
});

describe('SessionClient against a SessionService', () => {
  const owners: Array<{ rpc: string; tenant: string; user?: string }> = [];
  let server: GrpcServer;
  let client: SessionClient;

  const session = (id: string): SessionV1.Session => ({
    id,
    title: `title ${id}`,
    labels: ['a'],
    messageCount: 2,
  });
  const note = (rpc: string, context: CallContext) =>
    owners.push({ rpc, tenant: context.tenant, user: context.user });
  const events: SessionV1.TurnEvent[] = [
    { seq: 1, started: { sessionId: 's1', turnId: 't1', messageId: 'm1' } },
    { seq: 2, token: { text: 'Hello' } },
    { seq: 3, token: { text: ' there' } },
    { seq: 4, done: { model: 'extractive', promptVersion: 'v3' } },
  ];

  beforeAll(async () => {
    server = new GrpcServer({
      service: 'test',
      logger: createLogger('test', 'silent'),
      registry: createMetricsRegistry('test'),
    });
    server.addService('ragfleet.session.v1.SessionService', protos.session().SessionService.service, {
      CreateSession: async (request: SessionV1.CreateSessionRequest__Output, context) => {
        note('CreateSession', context);
        return { session: { ...session('s1'), title: request.title, labels: request.labels } };
      },
      GetSession: async (request: SessionV1.GetSessionRequest__Output, context) => {
        note('GetSession', context);
        if (request.id !== 's1') throw new RagfleetError('NOT_FOUND', 'no such session');
        return {
          session: session('s1'),
          messages: [{ id: 'm1', role: 'ROLE_USER', text: 'hi', turnId: 't1', status: 'TURN_STATUS_DONE' }],
        };
      },
      ListSessions: async (request: SessionV1.ListSessionsRequest__Output, context) => {
        note('ListSessions', context);
        return request.cursor
          ? { sessions: [session('s1')] }
          : { sessions: [session('s2')], nextCursor: 'after-s2' };
      },
      DeleteSession: async (request: SessionV1.DeleteSessionRequest__Output, context) => {
        note('DeleteSession', context);
        return { deleted: request.id === 's1' };
      },
      Turn: async function* (request: SessionV1.TurnRequest__Output, context: CallContext) {
        note('Turn', context);
        if (request.message === 'bare') yield {};
        for (const event of events) yield { event };
      },
      ResumeTurn: async function* (request: SessionV1.ResumeTurnRequest__Output, context: CallContext) {
        note('ResumeTurn', context);
        for (const event of events.filter((e) => (e.seq ?? 0) > request.afterSeq)) yield { event };
      },
      GetStats: async (_request: SessionV1.GetStatsRequest__Output, context) => {
        note('GetStats', context);
        return { activeSessions: 3, messagesLastHour: 40, turnsPerMinute: 0.5, summariesLastHour: 1 };
      },
    });
    const port = await server.listen(0, '127.0.0.1');
    server.setServing(true);
    client = new SessionClient(`127.0.0.1:${port}`);
  });

  afterAll(async () => {
    client.close();
    await server.close();
  });

  const asAda = <T>(fn: () => Promise<T>) =>
    runWithRequestContext({ requestId: 'req-s', tenant: 'acme', user: 'ada' }, fn);
  const collect = async (stream: AsyncGenerator<SessionV1.TurnEvent__Output>) => {
    const seen: SessionV1.TurnEvent__Output[] = [];
    for await (const event of stream) seen.push(event);
    return seen;
  };

  it('runs the unary RPCs with the caller from the request context', async () => {
    owners.length = 0;
    const created = await asAda(() => client.createSession({ title: 'Pricing', labels: ['q3'] }));
    expect(created.session).toMatchObject({ id: 's1', title: 'Pricing', labels: ['q3'], messageCount: 2 });
    const got = await asAda(() => client.getSession({ id: 's1' }));
    expect(got.messages[0]).toMatchObject({ role: 'ROLE_USER', status: 'TURN_STATUS_DONE', turnId: 't1' });
    const first = await asAda(() => client.listSessions());
    const second = await asAda(() => client.listSessions({ cursor: first.nextCursor }));
    expect([...first.sessions, ...second.sessions].map((s) => s.id)).toEqual(['s2', 's1']);
    expect(second.nextCursor).toBe('');
    expect((await asAda(() => client.deleteSession('s1'))).deleted).toBe(true);
    expect(await asAda(() => client.getStats())).toEqual({
      activeSessions: '3',
      messagesLastHour: '40',
      turnsPerMinute: 0.5,
      summariesLastHour: '1',
    });
    expect(new Set(owners.map((o) => `${o.tenant}/${o.user}`))).toEqual(new Set(['acme/ada']));
    expect(owners).toHaveLength(6);
  });

  it('maps a service error to a RagfleetError with its code', async () => {
    await expect(asAda(() => client.getSession({ id: 'other' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('streams a turn as unwrapped, numbered events, started first', async () => {
    const seen = await asAda(() => collect(client.turn({ sessionId: 's1', message: 'hello?' })));
    expect(seen.map((e) => [e.seq, e.event])).toEqual([
      [1, 'started'],
      [2, 'token'],
      [3, 'token'],
      [4, 'done'],
    ]);
    expect(seen[0]?.started).toMatchObject({ sessionId: 's1', turnId: 't1' });
    expect(owners.at(-1)).toEqual({ rpc: 'Turn', tenant: 'acme', user: 'ada' });
  });

  it('resumes after a sequence number with exactly the missed events', async () => {
    const seen = await asAda(() =>
      collect(client.resumeTurn({ sessionId: 's1', turnId: 't1', afterSeq: 2 })),
    );
    expect(seen.map((e) => e.seq)).toEqual([3, 4]);
    expect(seen.map((e) => e.token?.text ?? e.event)).toEqual([' there', 'done']);
  });

  it('rejects a turn response that carries no event', async () => {
    await expect(
      asAda(() => collect(client.turn({ sessionId: 's1', message: 'bare' }))),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });
});
