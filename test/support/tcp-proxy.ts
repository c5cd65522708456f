import { connect, createServer, Server, Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Refuses new connections and cuts the open ones, as a lost server would (nothing to do while stopped). */
  stop(): Promise<void>;
  /** Accepts connections again, on the same port (nothing to do while it does). */
  start(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 in front of `target`, to take a server away and bring it back. */
export async function tcpProxy(target: {
  host: string;
  port: number;
}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  // The listening server; undefined while stopped.
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const next = createServer((client) => {
        const upstream = connect(target);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        server = next;
        port = (next.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const stopping = server;
        server = undefined;
        for (const socket of sockets) socket.destroy();
        if (stopping) stopping.close(() => resolve());
        else resolve();
      }),
    start: listen,
  };
}
