import { createServer, connect, type Server, type Socket } from "node:net";

// A TCP link between the server and Azurite that a test can cut and restore: cutting resets every
// open connection and closes the port (what a server sees when storage goes away); restoring
// listens on the same port again.

export interface StorageLink {
  port: number;
  cut(): Promise<void>;
  /** Keeps accepting connections but forwards nothing: storage that hangs rather than refuses. */
  stall(): void;
  restore(): Promise<void>;
}

export async function storageLink(targetPort: number): Promise<StorageLink> {
  let port = 0;
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let stalled = false;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      stalled = false;
      const s = createServer((client) => {
        sockets.add(client);
        client.on("close", () => sockets.delete(client));
        client.on("error", () => client.destroy());
        if (stalled) return;
        const upstream = connect(targetPort, "127.0.0.1");
        for (const sock of [upstream]) {
          sockets.add(sock);
          sock.on("close", () => sockets.delete(sock));
          sock.on("error", () => sock.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as { port: number }).port;
        resolve();
      });
      server = s;
    });
  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      const s = server;
      server = undefined;
      for (const sock of sockets) sock.resetAndDestroy();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    stall() {
      stalled = true;
      for (const sock of sockets) sock.resetAndDestroy();
    },
    async restore() {
      if (server) {
        stalled = false;
        return;
      }
      await listen();
    },
  };
}
