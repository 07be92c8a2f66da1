import { createServer } from 'node:net';

/** The environment Roster runs with in the benchmark: this machine only, quiet logs. */
export function rosterEnvironment(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('ROSTER_')),
  );
  return {
    ...inherited,
    ROSTER_DATABASE_URL: databaseUrl,
    ROSTER_HOST: '127.0.0.1',
    ROSTER_PORT: String(port),
    ROSTER_PUBLIC_URL: `http://127.0.0.1:${port}`,
    ROSTER_LOG_LEVEL: 'warn',
    // The limiter runs on every request but never refuses one: the benchmark measures its cost, not the limit.
    ROSTER_RATE_LIMIT_SCIM_PER_SECOND: '10000000',
    ROSTER_RATE_LIMIT_ADMIN_PER_SECOND: '10000000',
  };
}

/** A port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
