import { err, ok, type Result } from '../../core/result.js';
import type { Problem } from '../directory-error.js';
import { checkName } from '../names/check-name.js';

export interface RoleFields {
  readonly name: string;
  readonly permissions: readonly string[];
}

const MAX_PERMISSION_LENGTH = 200;

/**
 * A role's name and permissions, checked together (every problem at once). Permissions are opaque
 * words to Roster (`billing:read`, `admin`): non-empty, no spaces, kept in order without duplicates.
 */
export function checkRole(fields: RoleFields): Result<RoleFields, Problem[]> {
  const problems: Problem[] = [];
  const name = checkName('A role', fields.name);
  if (!name.ok) problems.push({ field: 'name', message: name.error });
  const permissions: string[] = [];
  for (const raw of fields.permissions) {
    const permission = raw.trim();
    if (permission === '') problems.push({ field: 'permissions', message: 'a permission must not be empty' });
    else if (/\s/.test(permission))
      problems.push({ field: 'permissions', message: `permission "${permission}" must not contain spaces` });
    else if (permission.length > MAX_PERMISSION_LENGTH)
      problems.push({
        field: 'permissions',
        message: `permission "${permission.slice(0, 20)}…" is longer than ${MAX_PERMISSION_LENGTH} characters`,
      });
    else if (!permissions.includes(permission)) permissions.push(permission);
  }
  if (!name.ok || problems.length > 0) return err(problems);
  return ok({ name: name.value, permissions });
}
