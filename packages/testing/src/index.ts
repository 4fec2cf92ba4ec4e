export { freePort, uniqueSuffix, waitFor } from './ports.ts';
export { startFakeOllama, type FakeOllama, type FakeChatBehavior } from './fake-ollama.ts';
export { startFakeAnthropic, type FakeAnthropic, type FakeAnthropicBehavior } from './fake-anthropic.ts';
export { startNatsServer, type NatsServer, type NatsServerOptions } from './nats-server.ts';
export { stopProcess } from './processes.ts';
