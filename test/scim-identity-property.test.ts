/**
 * A property of the whole server (issue 11): no sequence of SCIM creates, deactivations, renames,
 * deletes and re-creates ever gives two people one SCIM id, brings a deleted id back, or writes one
 * user's attributes over another's. fast-check generates the sequences; each runs against a real server.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

interface Model {
  /** Every id a create answered with, and the displayName it must show (undefined once deleted). */
  readonly users: Map<string, { marker: string | undefined }>;
  /** The live user holding each userName. */
  readonly live: Map<string, string>;
  markers: number;
}

interface Real {
  readonly roster: RosterHarness;
  readonly idp: IntegrationHandle;
}

type Step = fc.AsyncCommand<Model, Real>;

async function checkEveryUser(model: Model, real: Real): Promise<void> {
  for (const [id, { marker }] of model.users) {
    const read = await real.roster.request(real.idp, 'GET', `/Users/${id}`);
    if (marker === undefined) expect(read.status, `deleted ${id} stays gone`).toBe(404);
    else expect(read.body.displayName, `user ${id} is still itself`).toBe(marker);
  }
}

class Create implements Step {
  readonly user: number;
  readonly external: number;
  constructor(user: number, external: number) {
    this.user = user;
    this.external = external;
  }
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const userName = `person-${this.user}`;
    const marker = `marker-${model.markers++}`;
    const response = await real.roster.request(real.idp, 'POST', '/Users', {
      userName: this.user % 2 === 0 ? userName : userName.toUpperCase(),
      externalId: `ext-${this.external}`,
      displayName: marker,
    });
    if (model.live.has(userName)) {
      expect(response.status).toBe(409);
    } else {
      expect(response.status).toBe(201);
      const id = response.body.id as string;
      expect(model.users.has(id), 'a new user never gets an id already given').toBe(false);
      model.users.set(id, { marker });
      model.live.set(userName, id);
    }
    await checkEveryUser(model, real);
  }
  toString = () => `create(person-${this.user}, ext-${this.external})`;
}

class Change implements Step {
  readonly user: number;
  readonly what: 'deactivate' | 'rename' | 'delete';
  constructor(user: number, what: 'deactivate' | 'rename' | 'delete') {
    this.user = user;
    this.what = what;
  }
  check = (model: Readonly<Model>) => model.live.has(`person-${this.user}`);
  async run(model: Model, real: Real): Promise<void> {
    const userName = `person-${this.user}`;
    const id = model.live.get(userName) as string;
    if (this.what === 'delete') {
      expect((await real.roster.request(real.idp, 'DELETE', `/Users/${id}`)).status).toBe(204);
      model.users.set(id, { marker: undefined });
      model.live.delete(userName);
    } else {
      const marker = `marker-${model.markers++}`;
      const value = this.what === 'deactivate' ? { active: false } : { displayName: marker };
      const response = await real.roster.request(real.idp, 'PATCH', `/Users/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value }],
      });
      expect(response.status).toBe(200);
      if (this.what === 'rename') model.users.set(id, { marker });
    }
    await checkEveryUser(model, real);
  }
  toString = () => `${this.what}(person-${this.user})`;
}

const people = fc.integer({ min: 0, max: 3 });
const steps = fc.commands(
  [
    fc.tuple(people, people).map(([user, external]) => new Create(user, external)),
    fc
      .tuple(people, fc.constantFrom('deactivate' as const, 'rename' as const, 'delete' as const))
      .map(([user, what]) => new Change(user, what)),
  ],
  { maxCommands: 25 },
);

describe.each(testEngines)('SCIM ids and people on $name', (engine) => {
  let roster: RosterHarness;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
  });
  afterAll(() => roster.close());

  it('never share an id, revive a deleted one, or overwrite one user with another, whatever the sequence', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        // A fresh integration per sequence, in its own organization, so identity names never meet.
        const organization = `property-${Math.random().toString(36).slice(2)}`;
        await roster.createOrganization(organization);
        const idp = await roster.createIntegration('property', organization);
        await fc.asyncModelRun(
          () => ({ model: { users: new Map(), live: new Map(), markers: 0 }, real: { roster, idp } }),
          sequence,
        );
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});
