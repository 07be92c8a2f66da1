import type { Kysely } from 'kysely';
import type { JwtSigner } from '../directory/model/jwt-signer.js';
import type { JwtSignerRepository } from '../directory/ports/jwt-signer-repository.js';
import type { Database, JwtSignersTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import {
  deleteInOrganization,
  findInOrganization,
  listInOrganization,
  updateReportingNameClash,
} from './organization-scoped-rows.js';

export const DEFAULT_POLICY_NAME = 'Default';

export function jwtSignerRepository(db: Kysely<Database>, dialect: StoreDialect): JwtSignerRepository {
  const toSigner = (row: JwtSignersTable): JwtSigner => ({
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    issuer: row.issuer,
    audience: row.audience,
    jwksUrl: row.jwks_url,
    publicKeyPem: row.public_key_pem,
    externalIdClaim: row.external_id_claim,
    enabled: Number(row.enabled) === 1,
    algorithms: row.algorithms === null ? null : (dialect.parseJson(row.algorithms) as unknown as string[]),
  });
  const columns = (signer: JwtSigner) => ({
    name: signer.name,
    issuer: signer.issuer,
    audience: signer.audience,
    jwks_url: signer.jwksUrl,
    public_key_pem: signer.publicKeyPem,
    external_id_claim: signer.externalIdClaim,
    enabled: signer.enabled ? 1 : 0,
    algorithms: signer.algorithms === null ? null : JSON.stringify(signer.algorithms),
  });
  return {
    async insert(signer, now) {
      const inserted = await db
        .insertInto('jwt_signers')
        .values({
          id: signer.id,
          organization_id: signer.organizationId,
          created_at: now,
          ...columns(signer),
        })
        .onConflict((c) => c.columns(['organization_id', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    update: (signer) =>
      updateReportingNameClash(dialect, () =>
        db
          .updateTable('jwt_signers')
          .set(columns(signer))
          .where('organization_id', '=', signer.organizationId)
          .where('id', '=', signer.id)
          .executeTakeFirstOrThrow(),
      ),
    delete: (scope, id) => deleteInOrganization(db, 'jwt_signers', scope.organizationId, id),
    async list(scope) {
      return (await listInOrganization(db, 'jwt_signers', scope.organizationId)).map(toSigner);
    },
    async findById(scope, id) {
      const row = await findInOrganization(db, 'jwt_signers', scope.organizationId, id);
      return row ? toSigner(row) : undefined;
    },
  };
}
