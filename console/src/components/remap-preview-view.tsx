import type { paths } from '../../../src/client/admin-api-types.js';

type Preview =
  paths['/api/v1/organizations/{organizationId}/integrations/{integrationId}/remap-previews']['post']['responses'][200]['content']['application/json']['preview'];

/** The dry run of a retroactive change: how many identities change, examples, collisions. */
export function RemapPreviewView({ preview }: { preview: Preview }) {
  return (
    <div className="preview" aria-live="polite">
      <p>
        <strong>{preview.changed}</strong> of {preview.total} identities would change.
        {preview.collisions.length > 0
          ? ` ${preview.collisions.length} would keep their current name because the new one is taken.`
          : ''}
      </p>
      {preview.sample.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Examples</caption>
            <thead>
              <tr>
                <th scope="col">Name now</th>
                <th scope="col">Name after</th>
                <th scope="col">Sign-in external ID after</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.identityId}>
                  <td>{row.before.name}</td>
                  <td>{row.after.name}</td>
                  <td className="mono">{row.after.signInExternalId ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.collisions.length > 0 ? (
        <ul aria-label="Collisions">
          {preview.collisions.map((c) => (
            <li key={c.identityId}>“{c.name}” is taken by another identity</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
