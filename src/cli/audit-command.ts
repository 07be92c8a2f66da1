import { userInfo } from 'node:os';
import { Command } from 'commander';
import { listAuditLog } from '../directory/audit/list-audit-log.js';
import { recordAdminAction } from '../directory/audit/record-admin-action.js';
import { organizationNamed } from '../directory/organizations/organization-named.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { printJson, withDirectory } from './with-organization.js';

/** `roster audit list`: the audit log, newest first, filtered like the admin API's. */
export function auditCommand(config: () => Config): Command {
  const command = new Command('audit').description('The audit log of admin actions (admin API and CLI)');
  command
    .command('list')
    .description('List admin actions, newest first')
    .option('--org <organization>', 'only actions in this organization (name or id)')
    .option('--actor <key id>', 'only actions of this admin key')
    .option('--action <action>', 'only this action, e.g. "roster integration pause"')
    .option('--since <time>', 'ISO-8601; from this time on')
    .option('--until <time>', 'ISO-8601; up to this time')
    .option('--limit <n>', 'at most this many (1 to 1000)', (v) => Number.parseInt(v, 10), 100)
    .option('--cursor <cursor>', 'continue where a previous page ended')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        org?: string;
        actor?: string;
        action?: string;
        since?: string;
        until?: string;
        limit: number;
        cursor?: string;
        json?: boolean;
      }) => {
        await withDirectory(config(), async (deps) => {
          const organization =
            options.org === undefined ? undefined : await organizationNamed(deps.store, options.org);
          const page = await listAuditLog(deps, {
            ...(organization ? { organizationId: organization.id } : {}),
            ...(options.actor !== undefined ? { actorId: options.actor } : {}),
            ...(options.action !== undefined ? { action: options.action } : {}),
            ...(options.since !== undefined ? { since: options.since } : {}),
            ...(options.until !== undefined ? { until: options.until } : {}),
            ...(options.cursor !== undefined ? { cursor: options.cursor } : {}),
            limit: options.limit,
          });
          if (options.json) return printJson(page);
          if (page.entries.length === 0) return console.log('No admin actions recorded.');
          console.log(
            formatTable(
              ['TIME', 'ACTOR', 'ACTION', 'TARGET', 'OUTCOME', 'ADDRESS', 'REQUEST ID'],
              page.entries.map((e) => [
                e.occurredAt,
                e.actor.kind === 'cli' ? `cli:${e.actor.name}` : `${e.actor.name} (${e.actor.id})`,
                e.action,
                e.target === null
                  ? '-'
                  : Array.isArray(e.target)
                    ? e.target.join(' ')
                    : JSON.stringify(e.target),
                String(e.outcome),
                e.address ?? '-',
                e.requestId ?? '-',
              ]),
            ),
          );
          if (page.nextCursor) console.log(`More: --cursor ${page.nextCursor}`);
        });
      },
    );
  return command;
}

// Commands that only read (or only run the server): not admin actions.
const READ_COMMANDS = new Set(['list', 'show', 'settings', 'status', 'watch', 'preview', 'test', 'serve']);

/**
 * Records each CLI command that changes something, after it succeeded: the account that ran it, the
 * command, its positional arguments (never options, which may carry a token). A failure to record is
 * reported on stderr and does not undo the command.
 */
export function auditCliActions(program: Command, config: () => Config): void {
  program.hook('postAction', async (_program, action) => {
    if (READ_COMMANDS.has(action.name()) || action.name() === 'migrate') return;
    const path: string[] = [];
    for (let c: Command | null = action; c && c !== program; c = c.parent) path.unshift(c.name());
    const args = action.args.filter((a) => typeof a === 'string');
    try {
      await withDirectory(config(), (deps) =>
        recordAdminAction(deps, {
          organizationId: null,
          actor: { kind: 'cli', id: null, name: userInfo().username },
          action: `roster ${path.join(' ')}`,
          target: args.length > 0 ? args : null,
          outcome: 0,
          address: null,
          requestId: null,
        }),
      );
    } catch (error) {
      console.error(`Warning: could not record this command in the audit log: ${(error as Error).message}`);
    }
  });
}
