import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roster } from './support/spawn-roster.js';

describe('roster console-account', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'roster-console-cli-'));
    env = { ROSTER_DATABASE_URL: `sqlite:${join(directory, 'roster.db')}`, ROSTER_LOG_LEVEL: 'warn' };
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('invites (printing the one-time link), lists, disables, enables, resets and deletes', async () => {
    const invited = await roster(['console-account', 'invite', '--email', 'ops@example.com', '--json'], env);
    const { account, invitation } = JSON.parse(invited.stdout) as {
      account: { id: string; email: string; organizationId: string | null; hasPassword: boolean };
      invitation: { url: string };
    };
    expect(account).toMatchObject({ email: 'ops@example.com', organizationId: null, hasPassword: false });
    expect(invitation.url).toMatch(/\/console\/welcome#roster_link_[A-Za-z0-9_-]{43}$/);

    const scoped = await roster(
      ['console-account', 'invite', '--email', 'it@default.example', '--org', 'default'],
      env,
    );
    expect(scoped.stdout).toContain('organization "default"');

    const listed = await roster(['console-account', 'list'], env);
    expect(listed.stdout).toMatch(/ops@example\.com\s+installation\s+invited/);
    expect(listed.stdout).toMatch(/it@default\.example\s+org default\s+invited/);

    expect((await roster(['console-account', 'disable', account.id], env)).stdout).toContain(
      'Disabled ops@example.com',
    );
    expect((await roster(['console-account', 'list'], env)).stdout).toMatch(
      /ops@example\.com\s+installation\s+disabled/,
    );
    expect((await roster(['console-account', 'enable', account.id], env)).stdout).toContain('Enabled');
    expect((await roster(['console-account', 'reset', account.id], env)).stdout).toMatch(
      /welcome#roster_link_/,
    );
    const taken = await roster(['console-account', 'invite', '--email', 'OPS@example.com'], env).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining('exists') });
    expect((await roster(['console-account', 'delete', account.id], env)).stdout).toContain('Deleted');
    expect((await roster(['console-account', 'list', '--json'], env)).stdout).not.toContain(
      'ops@example.com',
    );
  });
});
