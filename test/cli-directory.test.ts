import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  roster,
  rosterInBackground,
  startServer,
  type ServerProcess,
} from './support/spawn-roster.js';

/**
 * The operator's command line against a real server process and a real SQLite file: users arrive over
 * SCIM, then every admin command runs as its own process, the way scripts run it.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'roster-cli-directory-'));
const env: Record<string, string> = {
  ROSTER_DATABASE_URL: `sqlite:${join(dataDir, 'roster.db')}`,
  ROSTER_LOG_LEVEL: 'warn',
  // The server's own remap worker stays idle, so these tests decide when jobs run (`roster remap run`).
  ROSTER_JOB_POLL_MS: '600000',
};
let server: ServerProcess;
let integrationId: string;
const userIds = new Map<string, string>();
// Ids later tests reuse: each command is a Node process start, so none is looked up twice.
let adaId = '';
let roleId = '';
let jobId = '';

const run = async (...args: string[]) => (await roster(args, env)).stdout;
const json = async <T>(...args: string[]): Promise<T> => JSON.parse(await run(...args, '--json')) as T;

/** Runs a command that must fail; resolves to its exit code and error output. */
async function fails(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await roster(args, env);
  } catch (error) {
    return error as { code: number; stderr: string };
  }
  throw new Error(`roster ${args.join(' ')} succeeded`);
}

interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  changed: number;
}
interface Identity {
  id: string;
  name: string;
  status: string;
  attributes: string[];
}

beforeAll(async () => {
  env.ROSTER_PORT = String(await freePort());
  server = await startServer(env);
  const created = await json<{ id: string; token: string; integrationUrl: string }>(
    'integration',
    'create',
    '--name',
    'okta',
    '--idp',
    'okta',
  );
  integrationId = created.id;
  const headers = { authorization: `Bearer ${created.token}`, 'content-type': 'application/scim+json' };
  const people = [
    ['ada', 'Ada Lovelace'],
    ['grace', 'Grace Hopper'],
    ['alan', 'Alan Turing'],
  ];
  for (const [user, displayName] of people) {
    const response = await fetch(`${created.integrationUrl}/Users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        userName: `${user}@example.com`,
        displayName,
        emails: [{ value: `${user}@corp.example`, primary: true }],
        roles: [{ value: 'staff' }],
      }),
    });
    expect(response.status).toBe(201);
    userIds.set(user ?? '', ((await response.json()) as { id: string }).id);
  }
  const group = await fetch(`${created.integrationUrl}/Groups`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ displayName: 'Engineering', members: [{ value: userIds.get('ada') }] }),
  });
  expect(group.status).toBe(201);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('roster integration settings and set', () => {
  it('shows every setting with its default, previews a change without writing, then saves it and queues a remap', async () => {
    const [shown, asJson] = await Promise.all([
      run('integration', 'settings', integrationId),
      json<{ settings: unknown; defaults: unknown }>('integration', 'settings', integrationId),
    ]);
    expect(shown).toMatch(/identity-name\s+userName\s+userName/);
    expect(shown).toMatch(/attributes-from\s+groups,roles,entitlements\s+groups,roles,entitlements/);
    expect(shown).toMatch(/on-delete\s+deactivate\s+deactivate/);
    expect(asJson.settings).toEqual(asJson.defaults);

    const change = ['--identity-name', 'displayName', '--external-id', 'primaryEmail'];
    const [preview, badPath, badPolicy] = await Promise.all([
      run('integration', 'set', integrationId, ...change, '--preview'),
      fails('integration', 'set', integrationId, '--external-id', 'name..givenName', '--preview'),
      fails('integration', 'set', integrationId, '--auth-policy', 'no-such-policy'),
    ]);
    expect(preview).toContain('Dry run, nothing written: 3 of 3 identities would change.');
    expect(preview).toContain('By field: name 3, signInExternalId 3');
    expect(preview).toContain('name: "ada@example.com" → "Ada Lovelace"');
    expect(preview).toContain('sign-in external ID: none → "ada@corp.example"');
    expect(badPath).toMatchObject({ code: 1, stderr: expect.stringContaining('is not an attribute path') });
    expect(badPolicy.stderr).toContain(
      'No auth policy with id or name "no-such-policy" in this organization.',
    );
    expect(await json<Job[]>('remap', 'list', integrationId)).toEqual([]);

    const saved = await run('integration', 'set', integrationId, ...change, '--group-names', 'first-seen');
    jobId = /Queued remap job (\S+) for the 3 identities already synced/.exec(saved)?.[1] ?? '';
    expect(saved).toContain(`Watch it with: roster remap watch ${jobId}`);
    const [after, pending] = await Promise.all([
      json<{ settings: Record<string, unknown> }>('integration', 'settings', integrationId),
      run('remap', 'status', jobId),
    ]);
    expect(after.settings).toMatchObject({
      identityName: 'displayName',
      signInExternalId: { kind: 'primaryEmail' },
      groupNameAttributes: 'firstSeen',
    });
    expect(pending).toContain('pending: 0/3 processed, 0 changed, 0 collisions');

    expect(await run('remap', 'run')).toContain('1 remap job(s) finished');
    const [done, { identities }] = await Promise.all([
      json<Job>('remap', 'status', jobId),
      json<{ identities: Identity[] }>('identity', 'list'),
    ]);
    expect(done).toMatchObject({ status: 'done', total: 3, processed: 3, changed: 3 });
    expect(identities.map((i) => i.name).sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    adaId = identities.find((i) => i.name === 'Ada Lovelace')?.id ?? '';
  });
});

describe('roster role, group and group-mapping', () => {
  it('creates a role, grants it through a directory group, maps IdP groups, and lists all of it', async () => {
    // The SCIM group "Engineering" became a directory group of the same name (unmapped groups: create).
    const [role, groups] = await Promise.all([
      json<{ id: string; permissions: string[] }>(
        'role',
        'create',
        '--name',
        'billing-admin',
        '--permissions',
        'billing:read,billing:write',
      ),
      json<{ id: string; name: string }[]>('group', 'list'),
    ]);
    expect(role.permissions).toEqual(['billing:read', 'billing:write']);
    roleId = role.id;
    const engineering = groups.find((g) => g.name === 'Engineering');
    expect(engineering).toBeDefined();

    const [duplicate, granted, added] = await Promise.all([
      fails('role', 'create', '--name', 'billing-admin', '--permissions', 'x'),
      run('group', 'roles', engineering?.id ?? '', '--set', 'billing-admin'),
      run('group-mapping', 'add', integrationId, '--idp-group-name', 'Sales', '--group', 'Sales Team'),
    ]);
    expect(duplicate.stderr).toContain('A role named "billing-admin" already exists.');
    expect(granted).toContain('Directory group "Engineering" now carries "billing-admin".');
    expect(added).toContain('Created directory group "Sales Team"');
    expect(added).toContain('Mapped IdP group named "Sales" to directory group "Sales Team"');

    const [twice, groupList, listed, mappings] = await Promise.all([
      fails('group-mapping', 'add', integrationId, '--idp-group-name', 'SALES', '--group', 'Other'),
      run('group', 'list'),
      run('group-mapping', 'list', integrationId),
      json<{ id: string; matchBy: string; directoryGroupName: string; automatic: boolean }[]>(
        'group-mapping',
        'list',
        integrationId,
      ),
    ]);
    expect(twice.stderr).toContain('is already mapped');
    expect(groupList).toMatch(/Engineering\s+billing-admin/);
    expect(groupList).toMatch(/Sales Team\s+-/);
    expect(listed).toMatch(/SCIM id\s+\S+ \(Engineering\)\s+Engineering \(\S+\)\s+automatic/);
    expect(listed).toMatch(/name\s+sales\s+Sales Team \(\S+\)\s+explicit/);
    expect(mappings.map((m) => [m.matchBy, m.directoryGroupName, m.automatic])).toEqual([
      ['id', 'Engineering', true],
      ['displayName', 'Sales Team', false],
    ]);

    const sales = mappings.find((m) => m.directoryGroupName === 'Sales Team');
    const [removed, ops, shown] = await Promise.all([
      run('group-mapping', 'remove', integrationId, sales?.id ?? ''),
      json<{ id: string }>('group', 'create', 'Ops'),
      run('identity', 'show', adaId),
    ]);
    expect(removed).toContain(`Removed group mapping ${sales?.id}.`);
    expect(await run('group', 'rename', 'OPS', 'Operations')).toContain(
      `Renamed directory group "Ops" to "Operations" (${ops.id}).`,
    );
    expect(await run('group', 'delete', ops.id)).toContain('Deleted directory group "Operations"');
    expect(shown).toContain('Identity "Ada Lovelace"');
    expect(shown).toContain(
      `source:              integration "okta" (${integrationId}), SCIM user ${userIds.get('ada')}`,
    );
    expect(shown).toContain('sign-in external ID: ada@corp.example');
    expect(shown).toMatch(/groups:\s+Engineering \(/);
    expect(shown).toMatch(/billing-admin \(\S+\): billing:read, billing:write/);
    expect(shown).toContain('permissions:         billing:read, billing:write');
    expect(shown).toContain('email: ada@corp.example');
  });
});

describe('roster auth-policy and jwt-signer', () => {
  it('refuses to delete the Default policy and checks every signer field', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicKeyFile = join(dataDir, 'public.pem');
    const garbageFile = join(dataDir, 'garbage.pem');
    writeFileSync(publicKeyFile, keys.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(garbageFile, '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n');
    const signer = [
      'jwt-signer',
      'create',
      '--name',
      'web',
      '--issuer',
      'https://auth.example',
      '--audience',
      'app',
    ];
    const [[defaultPolicy], ...failures] = await Promise.all([
      json<{ id: string; name: string; isDefault: boolean }[]>('auth-policy', 'list'),
      fails(
        'jwt-signer',
        'create',
        '--name',
        ' ',
        '--issuer',
        '',
        '--audience',
        ' ',
        '--jwks-url',
        'https://a/j',
      ),
      fails(...signer, '--jwks-url', 'https://auth.example/jwks', '--public-key-file', publicKeyFile),
      fails(...signer, '--jwks-url', 'http://auth.example/jwks'),
      fails(...signer, '--public-key-file', garbageFile),
    ]);
    expect(failures.map((f) => f.stderr.trim())).toEqual([
      'Error: A JWT signer needs a non-empty name; the issuer (the JWT "iss" claim) must not be empty; the audience (the JWT "aud" claim) must not be empty.',
      'Error: Give exactly one of a JWKS URL and a PEM public key.',
      'Error: The JWKS URL must use https (http is allowed only for localhost).',
      'Error: The public key is not a PEM public key ("-----BEGIN PUBLIC KEY-----" …) that can be read.',
    ]);
    expect(defaultPolicy).toMatchObject({ name: 'Default', isDefault: true });

    const [refused, created, local] = await Promise.all([
      fails('auth-policy', 'delete', defaultPolicy?.id ?? ''),
      run(...signer, '--public-key-file', publicKeyFile),
      json<{ id: string; enabled: boolean; externalIdClaim: string }>(
        'jwt-signer',
        'create',
        '--name',
        'dev',
        '--issuer',
        'http://localhost:9000',
        '--audience',
        'app',
        '--jwks-url',
        'http://localhost:9000/jwks',
        '--claim',
        'email',
        '--disabled',
      ),
    ]);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toContain('The Default auth policy cannot be deleted');
    expect(created).toContain('Created JWT signer "web"');
    expect(created).toContain('claim:    sub');
    expect(local).toMatchObject({ enabled: false, externalIdClaim: 'email' });

    const [signers, policy] = await Promise.all([
      run('jwt-signer', 'list'),
      run('auth-policy', 'create', '--name', 'staff-only', '--signers', 'web,dev'),
    ]);
    expect(signers).toMatch(
      /dev\s+http:\/\/localhost:9000\s+app\s+http:\/\/localhost:9000\/jwks\s+email\s+disabled/,
    );
    expect(signers).toMatch(/web\s+https:\/\/auth\.example\s+app\s+PEM public key\s+sub\s+enabled/);
    expect(policy).toMatch(/Created auth policy "staff-only" \(\S+\); signers: web, dev\./);
    const policyId = /\((\S+)\)/.exec(policy)?.[1] ?? '';
    expect(await run('jwt-signer', 'delete', local.id)).toContain('Removed it from auth policy "staff-only"');
    expect(await run('auth-policy', 'delete', policyId)).toContain('Deleted auth policy "staff-only"');
  });
});

describe('roster remap', () => {
  it('previews, starts, watches while another process runs the job, and lists jobs', async () => {
    const [preview, job] = await Promise.all([
      run('remap', 'preview', integrationId),
      json<Job>('remap', 'start', integrationId),
    ]);
    expect(preview).toContain('Dry run, nothing written:');
    expect(job).toMatchObject({ status: 'pending', total: 3 });

    const watching = rosterInBackground(['remap', 'watch', job.id, '--timeout', '20'], env);
    // The watcher has read the job (still pending) before another process runs it.
    await watching.waitFor('Waiting for a worker');
    await run('remap', 'run');
    const watched = await watching.finished;
    expect(watched.code).toBe(0);
    expect(watched.stdout).toContain('done: 3/3 processed');

    const [listed, unknown] = await Promise.all([
      run('remap', 'list', integrationId),
      fails('remap', 'watch', '01a20703-0000-7000-8000-000000000000'),
    ]);
    expect(listed).toMatch(new RegExp(`${job.id}\\s+done\\s+3/3`));
    expect(listed).toMatch(new RegExp(`${jobId}\\s+done\\s+3/3`));
    expect(unknown.stderr).toContain('No remap job with id');
  });
});

describe('roster identity', () => {
  it('pages through identities with --after and filters them', async () => {
    const first = await run('identity', 'list', '--limit', '2');
    const after = /Next page: --after (\S+)/.exec(first)?.[1] ?? '';
    expect(first).toMatch(/ID\s+NAME\s+STATUS\s+INTEGRATION\s+ATTRIBUTES/);
    expect(first).toMatch(/okta/);
    const [second, engineers, disabled, staff, badLimit] = await Promise.all([
      run('identity', 'list', '--limit', '2', '--after', after),
      json<{ identities: Identity[]; next: string | null }>('identity', 'list', '--attribute', 'Engineering'),
      run('identity', 'list', '--status', 'disabled'),
      json<{ identities: Identity[] }>(
        'identity',
        'list',
        '--integration',
        integrationId,
        '--attribute',
        'staff',
      ),
      fails('identity', 'list', '--limit', '0'),
    ]);
    expect(second).toContain('(last page)');
    expect(second.split('\n').filter((line) => /^\S{36}\s/.test(line))).toHaveLength(1);
    expect(engineers).toEqual({
      identities: [expect.objectContaining({ name: 'Ada Lovelace' })],
      next: null,
    });
    expect(disabled.trim()).toBe('No identities.');
    expect(staff.identities).toHaveLength(3);
    expect(badLimit.stderr).toContain('Limit must be a whole number from 1 to 1000.');
  });
});

describe('--org', () => {
  it("treats another organization's ids as not found", async () => {
    expect(await run('org', 'create', 'acme')).toMatch(
      /^Created organization "acme" \(\S+\); use it with --org "acme"\./,
    );

    const [missing, roles, settings, deleteRole, identity, status, identities] = await Promise.all([
      fails('role', 'list', '--org', 'nope'),
      run('role', 'list', '--org', 'acme'),
      fails('integration', 'settings', integrationId, '--org', 'acme'),
      fails('role', 'delete', roleId, '--org', 'acme'),
      fails('identity', 'show', adaId, '--org', 'acme'),
      fails('remap', 'status', jobId, '--org', 'acme'),
      run('identity', 'list', '--org', 'acme'),
    ]);
    expect(missing.stderr).toContain('No organization named "nope".');
    expect(roles.trim()).toBe('No roles.');
    expect(settings.stderr).toContain(
      `No integration with id or name "${integrationId}" in this organization.`,
    );
    expect(deleteRole.stderr).toContain(`No role with id or name "${roleId}" in this organization.`);
    expect(identity.stderr).toContain(`No identity with id "${adaId}".`);
    expect(status.stderr).toContain(`No remap job with id "${jobId}".`);
    expect(identities.trim()).toBe('No identities.');
    expect(await json<{ id: string }[]>('role', 'list')).toEqual([expect.objectContaining({ id: roleId })]);
  });
});

describe('roster org', () => {
  it('lists and shows organizations, never deletes "default", and deletes one with integrations only when forced', async () => {
    const [listed, organizations, shown] = await Promise.all([
      run('org', 'list'),
      json<{ id: string; name: string }[]>('org', 'list'),
      run('org', 'show', 'default'),
    ]);
    expect(listed).toMatch(/^NAME\s+ID\s+CREATED\n/);
    expect(organizations.map((o) => o.name)).toEqual(['acme', 'default']);
    expect(shown).toContain('integrations: okta');
    expect(shown).toContain('identities:   3');

    const [duplicate, blank, keepDefault] = await Promise.all([
      fails('org', 'create', 'acme'),
      fails('org', 'create', ' '),
      fails('org', 'delete', 'default', '--force'),
    ]);
    expect(duplicate.stderr.trim()).toBe('Error: An organization named "acme" already exists.');
    expect(blank.stderr.trim()).toBe('Error: An organization needs a non-empty name.');
    expect(keepDefault.stderr.trim()).toBe(
      'Error: The "default" organization cannot be deleted: commands without --org use it.',
    );

    const acme = organizations.find((o) => o.name === 'acme');
    const idp = await json<{ token: string; integrationUrl: string }>(
      'integration',
      'create',
      '--name',
      'acme-okta',
      '--org',
      acme?.id ?? '',
    );
    const created = await fetch(`${idp.integrationUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idp.token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ userName: 'wile@acme.example' }),
    });
    expect(created.status).toBe(201);
    const refused = await fails('org', 'delete', 'acme');
    expect(refused.stderr.trim()).toBe(
      'Error: Organization "acme" still has 1 integration(s) ("acme-okta"); delete them first, or force it, ' +
        "which also deletes their SCIM data and the organization's 1 identities.",
    );
    expect(await run('org', 'delete', 'acme', '--force')).toMatch(
      /^Deleted organization "acme" \(\S+\) with 1 integration\(s\), 1 identities and 0 admin key\(s\)\./,
    );
    // Its token went with it.
    const after = await fetch(`${idp.integrationUrl}/Users`, {
      headers: { authorization: `Bearer ${idp.token}` },
    });
    expect(after.status).toBe(401);
    expect((await json<{ name: string }[]>('org', 'list')).map((o) => o.name)).toEqual(['default']);
    expect((await fails('org', 'show', 'acme')).stderr.trim()).toBe('Error: No organization named "acme".');
  });
});

describe('names instead of ids', () => {
  it('takes the name, in any case, wherever a command takes an integration, group, role, policy or signer', async () => {
    const [settings, jobs, mappings, engineers] = await Promise.all([
      json<{ integrationId: string }>('integration', 'settings', 'OKTA'),
      json<unknown[]>('remap', 'list', 'Okta'),
      json<unknown[]>('group-mapping', 'list', 'okta'),
      json<{ identities: Identity[] }>('identity', 'list', '--integration', 'okta', '--group', 'engineering'),
    ]);
    expect(settings.integrationId).toBe(integrationId);
    expect(jobs.length).toBeGreaterThan(0);
    expect(mappings.length).toBeGreaterThan(0);
    expect(engineers.identities.map((i) => i.name)).toEqual(['Ada Lovelace']);

    await run('role', 'create', '--name', 'Auditor', '--permissions', 'audit:read');
    expect(await run('group', 'roles', 'ENGINEERING', '--set', 'auditor,Billing-Admin')).toContain(
      'Directory group "Engineering" now carries "Auditor", "billing-admin".',
    );
    expect(await run('role', 'update', 'AUDITOR', '--permissions', 'audit:read,audit:export')).toContain(
      'Updated role "Auditor"',
    );
    await run('auth-policy', 'create', '--name', 'Contractors');
    expect(await run('integration', 'set', 'okta', '--auth-policy', 'contractors', '--preview')).toContain(
      'Dry run, nothing written',
    );
    expect(await run('auth-policy', 'delete', 'CONTRACTORS')).toContain('Deleted auth policy "Contractors"');
    expect(await run('role', 'delete', 'auditor')).toContain('Deleted role "Auditor"');
    expect(await run('jwt-signer', 'update', 'WEB', '--claim', 'email')).toContain(
      'Updated JWT signer "web"',
    );
    const missing = await fails('group', 'delete', 'no such group');
    expect(missing.stderr.trim()).toBe(
      'Error: No directory group with id or name "no such group" in this organization.',
    );
  });

  it('keeps integration names unique in any case', async () => {
    const clash = await fails('integration', 'create', '--name', 'OKTA');
    expect(clash.stderr.trim()).toBe(
      'Error: An integration named "okta" already exists; names are compared in any case.',
    );
  });
});

describe('roster group-mapping add and remove', () => {
  it('previews the change, then queues the remap that moves the identities already synced', async () => {
    const preview = await run(
      'group-mapping',
      'add',
      'okta',
      '--idp-group-name',
      'engineering',
      '--group',
      'Platform',
      '--preview',
    );
    expect(preview).toContain('Would map IdP group named "engineering" to a new directory group "Platform".');
    expect(preview).toMatch(/Would replace the automatic mapping \S+\./);
    expect(preview).toContain('Dry run, nothing written: 1 of 3 identities would change.');
    expect(preview).toContain('By field: groups 1');
    // Nothing was written: no group "Platform", the automatic mapping still there, Ada still in Engineering.
    const [groups, shownBefore] = await Promise.all([
      json<{ name: string }[]>('group', 'list'),
      run('identity', 'show', adaId),
    ]);
    expect(groups.map((g) => g.name)).not.toContain('Platform');
    expect(shownBefore).toMatch(/groups:\s+Engineering \(/);

    const added = await run(
      'group-mapping',
      'add',
      'okta',
      '--idp-group-name',
      'engineering',
      '--group',
      'Platform',
    );
    expect(added).toContain('Created directory group "Platform"');
    const queued = /Queued remap job (\S+) for the 3 identities already synced/.exec(added)?.[1] ?? '';
    expect(queued).not.toBe('');
    expect(await run('remap', 'run')).toContain('1 remap job(s) finished');
    expect(await json<Job>('remap', 'status', queued)).toMatchObject({ status: 'done', changed: 1 });
    expect(await run('identity', 'show', adaId)).toMatch(/groups:\s+Platform \(/);

    const mapping = (
      await json<{ id: string; directoryGroupName: string }[]>('group-mapping', 'list', 'okta')
    ).find((m) => m.directoryGroupName === 'Platform');
    const removal = await run('group-mapping', 'remove', 'okta', mapping?.id ?? '', '--preview');
    expect(removal).toContain(`Would remove group mapping ${mapping?.id}.`);
    expect(removal).toContain('1 of 3 identities would change');
    const removed = await run('group-mapping', 'remove', 'okta', mapping?.id ?? '');
    expect(removed).toMatch(/Queued remap job \S+ for the 3 identities already synced/);
    await run('remap', 'run');
    // Unmapped again, the IdP group gets its automatic mapping back: Ada returns to "Engineering".
    expect(await run('identity', 'show', adaId)).toMatch(/groups:\s+Engineering \(/);
  });
});

describe('roster schema-extension', () => {
  it('defines, lists, accepts, versions and protects a custom extension from the command line', async () => {
    const urn = 'urn:ietf:params:scim:schemas:extension:cli:2.0:User';
    const file = join(dataDir, 'extension.json');
    const definition = { urn, name: 'CliUser', attributes: [{ name: 'costCenter', type: 'string' }] };
    writeFileSync(file, JSON.stringify(definition));
    const defined = await json<{ id: string; version: number }>('schema-extension', 'define', '--file', file);
    expect(defined.version).toBe(1);
    writeFileSync(file, JSON.stringify({ ...definition, attributes: [{ name: '1bad', type: 'binary' }] }));
    const refused = await fails('schema-extension', 'define', '--file', file);
    expect(refused.stderr).toMatch(/RFC 7643 §2.1/);
    expect(await run('schema-extension', 'list')).toMatch(new RegExp(`${urn}\\s+User\\s+1\\s+costCenter`));

    const accepted = await run(
      'integration',
      'set',
      integrationId,
      '--schema-extensions',
      urn,
      '--attribute-mappings',
      `${urn}:costCenter=cc-{value}`,
      '--profile-mappings',
      `department=${urn}:costCenter`,
    );
    expect(accepted).toMatch(/Queued remap job/);
    const shown = await run('integration', 'settings', integrationId);
    expect(shown).toMatch(new RegExp(`attribute-mappings\\s+${urn}:costCenter=cc-\\{value\\}`));
    expect(shown).toMatch(new RegExp(`profile-mappings\\s+department=${urn}:costCenter`));
    const badField = await fails(
      'integration',
      'set',
      integrationId,
      '--profile-mappings',
      'shoeSize=userName',
    );
    expect(badField.stderr).toMatch(/profileMappings\.shoeSize: a profile field/i);

    writeFileSync(
      file,
      JSON.stringify({
        ...definition,
        attributes: [...definition.attributes, { name: 'region', type: 'string' }],
      }),
    );
    expect(await run('schema-extension', 'replace', urn, '--file', file)).toContain('version 2');
    const inUse = await fails('schema-extension', 'delete', defined.id);
    expect(inUse.stderr).toMatch(/still accept/);
    expect(inUse.stderr).toContain(integrationId);
  });
});
