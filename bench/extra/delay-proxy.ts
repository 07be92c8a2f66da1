/**
 * A TCP proxy on 127.0.0.1 that holds every chunk for a while in each direction, to stand for the
 * network between Roster and a PostgreSQL on another machine (commit-bench.ts starts it as its own
 * process, so its work does not share the measured process's event loop). Order is kept per direction.
 * `node dist/bench/extra/delay-proxy.js LISTEN_PORT TARGET_PORT ONE_WAY_MS`; prints its port when ready.
 */
import net from 'node:net';

const [listenPort, targetPort, oneWayMs] = process.argv.slice(2).map(Number);
if (!Number.isInteger(listenPort) || !Number.isInteger(targetPort) || !((oneWayMs ?? -1) >= 0)) {
  console.error('usage: delay-proxy LISTEN_PORT TARGET_PORT ONE_WAY_MS');
  process.exit(2);
}
const delay = oneWayMs ?? 0;

function forward(from: net.Socket, to: net.Socket): void {
  const queue: { chunk: Buffer; at: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && (queue[0]?.at ?? 0) <= now) to.write(queue.shift()?.chunk ?? Buffer.alloc(0));
    if (queue.length > 0) timer = setTimeout(pump, Math.max(0, (queue[0]?.at ?? now) - now));
  };
  from.on('data', (chunk: Buffer) => {
    queue.push({ chunk, at: performance.now() + delay });
    timer ??= setTimeout(pump, delay);
  });
  from.on('close', () => to.destroy());
  from.on('error', () => to.destroy());
}

const server = net.createServer((client) => {
  const upstream = net.connect(targetPort ?? 0, '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  forward(client, upstream);
  forward(upstream, client);
});
server.listen(listenPort, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : listenPort);
});
