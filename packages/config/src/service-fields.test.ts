import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PORTS } from './service-fields.ts';

describe('DEFAULT_PORTS', () => {
  const ports = Object.values(DEFAULT_PORTS).flatMap((service) => Object.values(service) as number[]);

  it('sit below every ephemeral range, where outgoing connections never take them', () => {
    // Linux: net.ipv4.ip_local_port_range defaults to 32768–60999; IANA and Windows: 49152–65535.
    for (const port of ports) expect(port).toBeLessThan(32768);
  });

  it('are all different and need no privileges', () => {
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port).toBeGreaterThan(1023);
  });
});
