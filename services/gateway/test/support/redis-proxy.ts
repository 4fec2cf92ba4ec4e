import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of the real Redis that can be switched on and off. */
export function redisProxy(
  redisUrl: string,
  port: number,
): { start(): Promise<void>; stop(): Promise<void> } {
  const target = new URL(redisUrl);
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    start: () =>
      new Promise((resolve) => {
        server = createServer((socket) => {
          const upstream = connect(Number(target.port || 6379), target.hostname);
          sockets.add(socket).add(upstream);
          socket.pipe(upstream).pipe(socket);
          socket.on('error', () => upstream.destroy());
          upstream.on('error', () => socket.destroy());
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (!server) return resolve();
        server.close(() => resolve());
      }),
  };
}
