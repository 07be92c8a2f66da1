import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import { Empty, ErrorMessage, Loading } from '../components/status.js';

/**
 * "Attributes and where they come from" and "Effective groups (chain)" on the identity page (issues 18
 * and 19): the admin API's explanation, which re-derives them with the sync's own derivation.
 */
export function IdentityExplanationSection({
  organizationId,
  identityId,
}: {
  organizationId: string;
  identityId: string;
}) {
  const explanation = useQuery({
    queryKey: ['identity-explanation', identityId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/identities/{identityId}/explanation', {
          params: { path: { organizationId, identityId } },
        }),
      ),
  });
  const groupName = new Map(
    (explanation.data?.effectiveGroups ?? []).map((g) => [g.scimGroupId, g.displayName]),
  );
  return (
    <>
      <section className="card" aria-labelledby="identity-origins">
        <h2 id="identity-origins">Attributes and where they come from</h2>
        {explanation.isPending ? <Loading what="where the attributes come from" /> : null}
        <ErrorMessage error={explanation.error} title="Could not explain the attributes" />
        {explanation.data?.attributes.length === 0 ? <Empty>No attributes.</Empty> : null}
        {explanation.data && explanation.data.attributes.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col">Comes from</th>
              </tr>
            </thead>
            <tbody>
              {explanation.data.attributes.map((a) => (
                <tr key={a.attribute}>
                  <td className="mono">{a.attribute}</td>
                  <td>
                    {a.origins.length === 0
                      ? 'another source (kept from an earlier sync)'
                      : a.origins
                          .map((o) =>
                            o.from === 'group'
                              ? `group “${groupName.get(o.scimGroupId ?? '') ?? o.scimGroupId}”${o.inherited ? ' (inherited)' : ''}`
                              : o.from === 'role'
                                ? 'SCIM role'
                                : o.from === 'mapping'
                                  ? `attribute mapping of ${o.path ?? 'a user attribute'}`
                                  : 'SCIM entitlement',
                          )
                          .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="card" aria-labelledby="identity-chains">
        <h2 id="identity-chains">Effective groups (chain)</h2>
        <p className="hint">
          Each IdP group the user is in, and the chain of groups that puts it there (a group listing a group
          listing the user). Under the integration’s “direct” nesting an inherited group grants nothing.
        </p>
        {explanation.data?.effectiveGroups.length === 0 ? <Empty>In no IdP group.</Empty> : null}
        {explanation.data && explanation.data.effectiveGroups.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">IdP group</th>
                <th scope="col">Chain</th>
                <th scope="col">Counts</th>
              </tr>
            </thead>
            <tbody>
              {explanation.data.effectiveGroups.map((g) => (
                <tr key={`${g.integrationId}/${g.scimGroupId}`}>
                  <td>{g.displayName}</td>
                  <td>
                    {g.chain.length === 1 ? 'lists the user' : g.chain.map((l) => l.displayName).join(' → ')}
                  </td>
                  <td>{g.counts ? 'yes' : 'no (direct nesting)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
