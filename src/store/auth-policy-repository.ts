import type { Kysely } from 'kysely';
import type { AuthPolicy, RequiredClaim } from '../directory/model/auth-policy.js';
import type { AuthPolicyRepository } from '../directory/ports/auth-policy-repository.js';
import type { AuthPoliciesTable, Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { findInOrganization, updateReportingNameClash } from './organization-scoped-rows.js';

export const DEFAULT_POLICY_NAME = 'Default';

export function authPolicyRepository(db: Kysely<Database>, dialect: StoreDialect): AuthPolicyRepository {
  const toPolicy = (row: AuthPoliciesTable): AuthPolicy => ({
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    isDefault: Number(row.is_default) === 1,
    signerIds: dialect.parseJson(row.signer_ids) as unknown as string[],
    requiredClaims:
      row.required_claims === null
        ? []
        : (dialect.parseJson(row.required_claims) as unknown as RequiredClaim[]),
  });
  const insert = async (policy: AuthPolicy, now: string) => {
    const inserted = await db
      .insertInto('auth_policies')
      .values({
        id: policy.id,
        organization_id: policy.organizationId,
        name: policy.name,
        is_default: policy.isDefault ? 1 : 0,
        signer_ids: JSON.stringify(policy.signerIds),
        required_claims: requiredClaimsColumn(policy),
        created_at: now,
      })
      .onConflict((c) => c.columns(['organization_id', 'name']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  };
  return {
    async ensureDefault(scope, newId, now) {
      await insert(
        {
          id: newId,
          organizationId: scope.organizationId,
          name: DEFAULT_POLICY_NAME,
          isDefault: true,
          signerIds: [],
          requiredClaims: [],
        },
        now,
      );
      const row = await db
        .selectFrom('auth_policies')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('is_default', '=', 1)
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      return toPolicy(row);
    },
    insert,
    update: (policy) =>
      updateReportingNameClash(dialect, () =>
        db
          .updateTable('auth_policies')
          .set({
            name: policy.name,
            signer_ids: JSON.stringify(policy.signerIds),
            required_claims: requiredClaimsColumn(policy),
          })
          .where('organization_id', '=', policy.organizationId)
          .where('id', '=', policy.id)
          .executeTakeFirstOrThrow(),
      ),
    async delete(scope, id) {
      // The Default policy cannot be deleted: the condition is in the statement itself.
      const result = await db
        .deleteFrom('auth_policies')
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .where('is_default', '=', 0)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async list(scope) {
      const rows = await db
        .selectFrom('auth_policies')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .orderBy('is_default', 'desc')
        .orderBy('name')
        .execute();
      return rows.map(toPolicy);
    },
    async findById(scope, id) {
      const row = await findInOrganization(db, 'auth_policies', scope.organizationId, id);
      return row ? toPolicy(row) : undefined;
    },
  };
}

function requiredClaimsColumn(policy: AuthPolicy): string | null {
  return policy.requiredClaims.length === 0 ? null : JSON.stringify(policy.requiredClaims);
}
