/**
 * A property of nested groups (issue 19 part 2): after any sequence of group member adds, removes,
 * whole-set replaces and group deletes, cycles included, the closure the server maintains equals the
 * reachability computed naively from the membership the test modelled, and every user's group-name
 * attributes are its group and everything above it. Each sequence runs against a real server.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUPS = 5;

type Op =
  | { kind: 'add'; parent: number; child: number }
  | { kind: 'remove'; parent: number; child: number }
  | { kind: 'replace'; parent: number; children: number[] }
  | { kind: 'delete'; group: number };

const index = fc.integer({ min: 0, max: GROUPS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), parent: index, child: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), parent: index, child: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      parent: index,
      children: fc.uniqueArray(index, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), group: index }) },
);

/** Naive reachability: a search from each group over the modelled edges (a visited set ends cycles). */
function naiveClosure(edges: ReadonlyMap<number, ReadonlySet<number>>, live: ReadonlySet<number>): string[] {
  const pairs: string[] = [];
  for (const start of live) {
    const seen = new Set<number>();
    const queue = [...(edges.get(start) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as number;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(edges.get(next) ?? []));
    }
    for (const d of seen) if (d !== start) pairs.push(`${start}>${d}`);
  }
  return pairs.sort();
}

describe.each(testEngines)('the maintained group closure on $name', (engine) => {
  let roster: RosterHarness;
  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
  });
  afterAll(() => roster.close());

  it('always equals a naive recomputation, whatever the sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const idp: IntegrationHandle = await roster.createIntegration();
        const groupIds: (string | undefined)[] = [];
        const userIds: string[] = [];
        const edges = new Map<number, Set<number>>();
        const live = new Set<number>();
        for (let g = 0; g < GROUPS; g++) {
          const u = await roster.request(idp, 'POST', '/Users', { userName: `u${g}-${idp.id}` });
          userIds.push(u.body.id as string);
          const created = await roster.request(idp, 'POST', '/Groups', {
            displayName: `G${g}`,
            members: [{ value: u.body.id }],
          });
          groupIds.push(created.body.id as string);
          edges.set(g, new Set());
          live.add(g);
        }
        for (const step of ops) {
          if (step.kind === 'delete') {
            if (!live.has(step.group)) continue;
            const answer = await roster.request(idp, 'DELETE', `/Groups/${groupIds[step.group]}`);
            expect(answer.status).toBe(204);
            live.delete(step.group);
            edges.delete(step.group);
            for (const children of edges.values()) children.delete(step.group);
            continue;
          }
          if (!live.has(step.parent)) continue;
          const children =
            step.kind === 'replace'
              ? step.children.filter((c) => c !== step.parent && live.has(c))
              : [step.child];
          if (step.kind !== 'replace' && (step.child === step.parent || !live.has(step.child))) continue;
          const value = children.map((c) => ({ value: groupIds[c] }));
          const operation =
            step.kind === 'replace'
              ? // The user member stays: replace lists it again.
                { op: 'replace', path: 'members', value: [...value, { value: userIds[step.parent] }] }
              : { op: step.kind, path: 'members', value };
          const answer = await roster.request(idp, 'PATCH', `/Groups/${groupIds[step.parent]}`, {
            schemas: [PATCH_OP],
            Operations: [operation],
          });
          expect(answer.status, answer.text).toBeLessThan(300);
          const set = edges.get(step.parent) as Set<number>;
          if (step.kind === 'add') set.add(step.child);
          else if (step.kind === 'remove') set.delete(step.child);
          else edges.set(step.parent, new Set(children));
        }
        const { rows } = await sql<{ ancestor_id: string; descendant_id: string }>`
          select ancestor_id, descendant_id from scim_group_closure
          where integration_id = ${idp.id}`.execute(roster.database.db);
        const number = (id: string) => groupIds.indexOf(id);
        const stored = rows.map((r) => `${number(r.ancestor_id)}>${number(r.descendant_id)}`).sort();
        const expected = naiveClosure(edges, live);
        expect(stored).toEqual(expected);
        // Each user (one per group) has its group's name and every name above it (when its group lives).
        for (const g of live) {
          const identity = await roster.store.identities.findBySource(idp.scope, userIds[g] as string);
          const above = expected.filter((p) => p.endsWith(`>${g}`)).map((p) => `G${p.split('>')[0]}`);
          expect(identity?.attributes).toEqual([`G${g}`, ...above].sort());
        }
      }),
      { numRuns: engine.name === 'sqlite' ? 25 : 12 },
    );
  });
});
