import { describe, expect, it } from '@jest/globals';
import { checkDevelopmentHost, formatHostPort, isLoopbackHost } from './listen-host.ts';
import { ConfigError } from './load-config.ts';

describe('listen hosts', () => {
  it('knows the loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.7', 'retrieve', '192.168.1.2'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a reachable address in development mode, naming the variables', () => {
    expect(() => checkDevelopmentHost('router', 'GRPC_HOST', '127.0.0.1')).not.toThrow();
    let error: unknown;
    try {
      checkDevelopmentHost('router', 'GRPC_HOST', '0.0.0.0');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /GRPC_HOST: 0\.0\.0\.0 .*SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY/,
    );
  });

  it('formats host:port with IPv6 in brackets', () => {
    expect(formatHostPort('127.0.0.1', 50051)).toBe('127.0.0.1:50051');
    expect(formatHostPort('::1', 9101)).toBe('[::1]:9101');
  });
});
