import { authenticated, entryReason, useProvisioningLog } from '../api/log.js';
import { formatDate } from '../lib/format.js';
import { ErrorMessage } from './status.js';

/**
 * The live "waiting for your IdP" check, on the provisioning log: it turns green at the integration's
 * first authenticated SCIM request, and until then shows the first refused ones with their reasons
 * (a wrong token, a missing header).
 */
export function WaitingPanel({
  organizationId,
  integrationId,
}: {
  organizationId: string;
  integrationId: string;
}) {
  const log = useProvisioningLog(organizationId, { integrationId, limit: 20 }, 2000);
  const entries = log.data?.data ?? [];
  const connected = entries.find(authenticated);
  const refused = entries.filter((e) => !authenticated(e)).slice(0, 3);
  return (
    <section
      className={`waiting ${connected ? 'connected' : ''}`}
      aria-labelledby="waiting-title"
      aria-live="polite"
    >
      <h2 id="waiting-title">{connected ? 'Your IdP is connected' : 'Waiting for your IdP…'}</h2>
      {connected ? (
        <p>
          Roster received an authenticated request from your identity provider ({connected.method}{' '}
          {connected.path}, {formatDate(connected.occurredAt)}).
        </p>
      ) : (
        <p>
          This turns green as soon as your identity provider sends its first request with the token. In most
          IdPs, use “Test connection”, or assign a person to the app and start provisioning.
        </p>
      )}
      {!connected && refused.length > 0 ? (
        <div className="error" role="alert">
          <strong>Requests arrived but were refused:</strong>
          <ul>
            {refused.map((entry) => (
              <li key={entry.id}>
                {formatDate(entry.occurredAt)} {entry.method} {entry.path}: {entryReason(entry)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorMessage error={log.error} title="Could not check" />
    </section>
  );
}
