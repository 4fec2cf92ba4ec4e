import { describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { bindNaming, PortInUseError } from './port-in-use.ts';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

describe('bindNaming', () => {
  it('turns a taken port into one line naming the port and the variable that moves it', async () => {
    const holder = createServer();
    const port = await listen(holder, 0);
    try {
      const error = await bindNaming(
        { service: 'router', host: '127.0.0.1', port, variable: 'GRPC_PORT' },
        () => listen(createServer(), port),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(
        `router: port ${port} is already in use (127.0.0.1:${port}); stop what holds it or set GRPC_PORT to another port`,
      );
      expect((error as Error).message).not.toContain('\n');
    } finally {
      holder.close();
    }
  });

  it("recognises grpc-js's wording, which has no error code", async () => {
    const grpcError = new Error(
      'No address added out of total 1 resolved errors: [listen EADDRINUSE: address already in use 127.0.0.1:7053]',
    );
    await expect(
      bindNaming({ service: 'router', host: '127.0.0.1', port: 7053, variable: 'GRPC_PORT' }, () =>
        Promise.reject(grpcError),
      ),
    ).rejects.toThrow(PortInUseError);
  });

  it('passes other failures through unchanged', async () => {
    const other = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    await expect(
      bindNaming({ service: 'gateway', host: '127.0.0.1', port: 80, variable: 'GATEWAY_PORT' }, () =>
        Promise.reject(other),
      ),
    ).rejects.toBe(other);
  });
});
