import { parseArgs } from 'node:util';
import { FleetPortSettingError, portsFromEnvironment } from './fleet-env-ports.ts';
import { formatLogLine, serviceColor } from './fleet-log.ts';
import { FLEET_SERVICES, startFleet, type FleetService } from './fleet-runner.ts';

/* `pnpm start`: the whole fleet on one machine, on embedded defaults unless REDIS_URL, NATS_URL,
   MONGODB_URI, OLLAMA_HOST or ANTHROPIC_API_KEY point at the real thing. Ports come from
   DEFAULT_PORTS unless <SERVICE>_GRPC_PORT, <SERVICE>_METRICS_PORT or GATEWAY_PORT move them
   (fleet-env-ports.ts); a port already taken stops the start with one line. The services listen on
   loopback and authenticate each other with a key made for the run (docs/security.md), unless
   SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY names one. */

function parseOnly(value: string | undefined): FleetService[] | undefined {
  if (!value) return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(FLEET_SERVICES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(
      `fleet: unknown service(s) ${unknown.join(', ')}; choose from ${FLEET_SERVICES.join(', ')}`,
    );
    process.exit(2);
  }
  return names as FleetService[];
}

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const services = parseOnly(values.only);
let ports: ReturnType<typeof portsFromEnvironment>;
try {
  ports = portsFromEnvironment(services);
} catch (error) {
  if (!(error instanceof FleetPortSettingError)) throw error;
  console.error(`fleet: ${error.message}`);
  process.exit(2);
}
const format = { json: process.env.LOG_FORMAT === 'json', color: process.stdout.isTTY === true };

let fleet: Awaited<ReturnType<typeof startFleet>> | undefined;
let signalled = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (signalled) process.exit(1); // a second Ctrl-C: do not wait any longer
  signalled = true;
  console.log(`\nfleet: ${signal}, stopping the services…`);
  void (fleet?.stop() ?? Promise.resolve()).then(() => process.exit(0));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  fleet = await startFleet({
    services,
    ports,
    dataDir: process.env.DATA_DIR || undefined,
    logSink: (service, line) =>
      console.log(formatLogLine(service, line, format, serviceColor(FLEET_SERVICES.indexOf(service)))),
  });
} catch (error) {
  if (!signalled) {
    console.error(`fleet: could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (fleet && !signalled) {
  const keyFile = fleet.serviceAuthEnv.SERVICE_AUTH_KEY_FILE;
  if (keyFile) console.log(`\nfleet: services authenticate each other with the key in ${keyFile}`);
  if (fleet.services.includes('gateway')) {
    console.log(`\nragfleet gateway listening on ${fleet.gatewayUrl}`);
    console.log(
      '  try: npx ragfleet ingest docs/ README.md && npx ragfleet ask "How does ragfleet avoid duplicate chunks when a job is retried?"\n',
    );
  } else {
    console.log(`\nfleet: ${fleet.services.join(', ')} ready\n`);
  }
  const crash = await fleet.crashed;
  if (!signalled) {
    console.error(
      `fleet: ${crash.service} exited unexpectedly (code ${crash.code ?? crash.signal}); stopped the others`,
    );
    process.exit(1);
  }
}
