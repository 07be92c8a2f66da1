/**
 * How many SQL statements each kind of SCIM request runs (issue 13 and 15 ask for these counts before
 * and after each change): an in-process server on a fresh SQLite file whose Kysely counts every
 * statement it executes, one request of each kind at a time. BEGIN and COMMIT are not statements Kysely
 * builds. With `BENCH_ENGINE=postgres` the table also counts round trips: the times the server waits for
 * PostgreSQL, where statements written behind one still unanswered (BEGIN, and the COMMIT with the last
 * write: store/postgres/pipelined-transactions.ts) share its round trip.
 * `npm run bench:statements` (or `BENCH_ENGINE=postgres npm run bench:statements`)
 */
import type { KyselyPlugin } from 'kysely';
import { patchOperation, sampleUser, startInProcessServer } from './in-process-server.js';
import { countPostgresRoundTrips } from './postgres-round-trips.js';

let statements = 0;
const trace = process.env.TRACE_STATEMENTS === '1';
const counting: KyselyPlugin = {
  // transformQuery also sees the subqueries a statement is built from; transformResult runs once per
  // statement executed, which is what a round trip costs.
  transformQuery: (args) => {
    if (trace) {
      const text = JSON.stringify(args.node);
      const tables = [
        ...new Set(
          [
            ...text.matchAll(
              /"table":\{"kind":"SchemableIdentifierNode","identifier":\{"kind":"IdentifierNode","name":"(\w+)"/g,
            ),
          ].map((m) => m[1]),
        ),
      ];
      const raw = args.node.kind === 'RawNode' ? text.slice(30, 110) : '';
      console.log(`  ${args.node.kind.replace('QueryNode', '')} ${tables.join(',')} ${raw}`);
    }
    return args.node;
  },
  transformResult: async (args) => {
    statements++;
    if (trace) console.log('  -- executed');
    return args.result;
  },
};

const roundTrips = countPostgresRoundTrips();
const onPostgres = process.env.BENCH_ENGINE === 'postgres';

const server = await startInProcessServer(counting);
const send = server.send;
try {
  const counted = async (label: string, work: () => Promise<unknown>) => {
    statements = 0;
    roundTrips.reset();
    if (trace) console.log(`== ${label}`);
    await work();
    return onPostgres
      ? {
          request: label,
          statements,
          'round trips': roundTrips.count(),
          'socket writes': roundTrips.writes(),
        }
      : { request: label, statements };
  };
  const user = sampleUser;
  // A group of 50 members, and users to add.
  const members: string[] = [];
  for (let n = 0; n < 60; n++) members.push(String((await send('POST', '/Users', user(n))).id));
  const group = String(
    (
      await send('POST', '/Groups', {
        displayName: 'Big',
        members: members.slice(0, 50).map((value) => ({ value })),
      })
    ).id,
  );
  const patchOp = patchOperation;
  const rows = [
    await counted('GET /Users/{id}', () => send('GET', `/Users/${members[0]}`)),
    await counted('GET /Users?filter=userName eq', () =>
      send('GET', `/Users?filter=${encodeURIComponent('userName eq "user1@example.com"')}`),
    ),
    await counted('GET /Users (page of 60, with total)', () => send('GET', '/Users?count=100')),
    await counted('POST /Users', () => send('POST', '/Users', user(1000))),
    await counted('PATCH /Users/{id} (replace displayName)', () =>
      send(
        'PATCH',
        `/Users/${members[1]}`,
        patchOp({ op: 'replace', path: 'displayName', value: 'Renamed' }),
      ),
    ),
    await counted('PUT /Users/{id}', () => send('PUT', `/Users/${members[2]}`, { ...user(2), title: 'New' })),
    await counted('PATCH /Groups/{id} (add 1 member to 50)', () =>
      send(
        'PATCH',
        `/Groups/${group}`,
        patchOp({ op: 'add', path: 'members', value: [{ value: members[55] }] }),
      ),
    ),
    await counted('PATCH /Groups/{id} (remove 1 member)', () =>
      send(
        'PATCH',
        `/Groups/${group}`,
        patchOp({ op: 'remove', path: `members[value eq "${members[55]}"]` }),
      ),
    ),
  ];
  console.table(rows);
} finally {
  await server.close();
}
