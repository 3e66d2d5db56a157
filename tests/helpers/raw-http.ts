import net from "node:net";

/**
 * Writes `parts` (requests, whole or in pieces) to one new connection to `address` (http://host:port)
 * and resolves with the statuses of the answers that came on it before it closed, or `timeoutMs` passed.
 */
export function statusesOnOneConnection(address: string, parts: (string | Buffer)[], timeoutMs = 15_000): Promise<string[]> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve) => {
    let received = "";
    const socket = net.connect(Number(port), hostname);
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve([...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => match[1]!));
    });
    for (const part of parts) socket.write(part);
  });
}
