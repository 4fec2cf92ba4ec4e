import { fleetPortVariable, FLEET_SERVICES, type FleetOptions, type FleetService } from './fleet-runner.ts';

export class FleetPortSettingError extends Error {}

function readPort(variable: string, environment: NodeJS.ProcessEnv): number | undefined {
  const raw = environment[variable];
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new FleetPortSettingError(`${variable}=${raw} is not a port (1–65535)`);
  return port;
}

/**
 * The ports `pnpm start` takes from the environment: `<SERVICE>_GRPC_PORT` and
 * `<SERVICE>_METRICS_PORT` for each service, GATEWAY_PORT for the gateway. A service's own
 * GRPC_PORT and METRICS_PORT (what the README lists for running one service) count when the
 * fleet runs exactly that one service; with several they cannot say whose port they are.
 */
export function portsFromEnvironment(
  services: readonly FleetService[] = FLEET_SERVICES,
  environment: NodeJS.ProcessEnv = process.env,
): NonNullable<FleetOptions['ports']> {
  const single = services.length === 1 ? services[0] : undefined;
  const perService = { GRPC_PORT: 'grpc', METRICS_PORT: 'ops' } as const;
  for (const [variable, listener] of Object.entries(perService)) {
    if (single || !environment[variable]) continue;
    const instead = services
      .filter((service) => listener === 'ops' || service !== 'gateway')
      .map((service) => fleetPortVariable(service, listener));
    throw new FleetPortSettingError(
      `${variable} is one service's port, but this fleet starts ${services.join(', ')}: ` +
        `set ${instead.join(', ')} instead, or start one service with --only`,
    );
  }
  const ports: NonNullable<FleetOptions['ports']> = {};
  for (const service of FLEET_SERVICES) {
    const main = service === 'gateway' ? 'http' : 'grpc';
    const own = single === service;
    const mainPort =
      readPort(fleetPortVariable(service, main), environment) ??
      (own && main === 'grpc' ? readPort('GRPC_PORT', environment) : undefined);
    const opsPort =
      readPort(fleetPortVariable(service, 'ops'), environment) ??
      (own ? readPort('METRICS_PORT', environment) : undefined);
    const entry = { ...(mainPort && { [main]: mainPort }), ...(opsPort && { ops: opsPort }) };
    if (Object.keys(entry).length > 0) Object.assign(ports, { [service]: entry });
  }
  return ports;
}
