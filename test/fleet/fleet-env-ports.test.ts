import { describe, expect, it } from '@jest/globals';
import { FleetPortSettingError, portsFromEnvironment } from '../../scripts/fleet-env-ports.ts';

describe('portsFromEnvironment', () => {
  it('takes one variable per service and listener', () => {
    expect(
      portsFromEnvironment(undefined, {
        GATEWAY_PORT: '18080',
        GATEWAY_METRICS_PORT: '19100',
        ROUTER_GRPC_PORT: '17053',
        EMBED_METRICS_PORT: '19101',
      }),
    ).toEqual({ gateway: { http: 18080, ops: 19100 }, router: { grpc: 17053 }, embed: { ops: 19101 } });
  });

  it("honours a service's own GRPC_PORT and METRICS_PORT when the fleet runs only that service", () => {
    expect(portsFromEnvironment(['router'], { GRPC_PORT: '17053', METRICS_PORT: '19103' })).toEqual({
      router: { grpc: 17053, ops: 19103 },
    });
    expect(portsFromEnvironment(['gateway'], { GATEWAY_PORT: '18080', METRICS_PORT: '19100' })).toEqual({
      gateway: { http: 18080, ops: 19100 },
    });
  });

  it('refuses GRPC_PORT for several services, naming the variables that work', () => {
    expect(() => portsFromEnvironment(['embed', 'router'], { GRPC_PORT: '17000' })).toThrow(
      new FleetPortSettingError(
        "GRPC_PORT is one service's port, but this fleet starts embed, router: set EMBED_GRPC_PORT, ROUTER_GRPC_PORT instead, or start one service with --only",
      ),
    );
  });

  it('refuses a value that is not a port', () => {
    expect(() => portsFromEnvironment(undefined, { RETRIEVE_GRPC_PORT: 'seven' })).toThrow(
      'RETRIEVE_GRPC_PORT=seven is not a port (1–65535)',
    );
    expect(() => portsFromEnvironment(undefined, { GATEWAY_PORT: '70000' })).toThrow(FleetPortSettingError);
  });
});
