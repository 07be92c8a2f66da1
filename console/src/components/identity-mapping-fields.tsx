import { useId } from 'react';
import { externalIdPathProblem } from '../lib/external-id-path.js';

export type IdentityName = 'userName' | 'displayName' | 'name.formatted' | 'nickName';
export type ExternalIdChoice = 'none' | 'userName' | 'primaryEmail' | 'custom';

export interface IdentityMapping {
  identityName: IdentityName;
  authPolicyId: string | null;
  externalId: ExternalIdChoice;
  customPath: string;
}

export const defaultMapping: IdentityMapping = {
  identityName: 'userName',
  authPolicyId: null,
  externalId: 'none',
  customPath: '',
};

export const identityNameLabels: Record<IdentityName, string> = {
  userName: 'Username',
  displayName: 'Display Name',
  'name.formatted': 'Formatted Name',
  nickName: 'Nickname',
};

const externalIdLabels: Record<ExternalIdChoice, string> = {
  none: 'None',
  userName: 'User Name',
  primaryEmail: 'Primary Email',
  custom: 'Custom Mapping',
};

/** The settings value the admin API takes for the sign-in external ID. */
export function signInExternalIdValue(mapping: IdentityMapping): string {
  return mapping.externalId === 'custom' ? mapping.customPath.trim() : mapping.externalId;
}

export function mappingProblem(mapping: IdentityMapping): string | undefined {
  return mapping.externalId === 'custom' ? externalIdPathProblem(mapping.customPath) : undefined;
}

/**
 * 000's part 2: identity name, auth policy, external ID (with a custom path checked as you type by the
 * same parser the server uses).
 */
export function IdentityMappingFields({
  value,
  onChange,
  policies,
}: {
  value: IdentityMapping;
  onChange: (next: IdentityMapping) => void;
  policies: readonly { id: string; name: string; isDefault: boolean }[];
}) {
  const id = useId();
  const problem = mappingProblem(value);
  return (
    <div className="fields">
      <label htmlFor={`${id}-name`}>Identity name</label>
      <select
        id={`${id}-name`}
        value={value.identityName}
        aria-describedby={`${id}-name-hint`}
        onChange={(e) => onChange({ ...value, identityName: e.target.value as IdentityName })}
      >
        {Object.entries(identityNameLabels).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-name-hint`}>
        The IdP field that becomes the identity’s name in Roster.
      </p>

      <label htmlFor={`${id}-policy`}>Auth policy</label>
      <select
        id={`${id}-policy`}
        value={value.authPolicyId ?? ''}
        aria-describedby={`${id}-policy-hint`}
        onChange={(e) => onChange({ ...value, authPolicyId: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">Default</option>
        {policies
          .filter((p) => !p.isDefault)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </select>
      <p className="hint" id={`${id}-policy-hint`}>
        Most people choose Default: it tries every JWT signer of the organization.
      </p>

      <fieldset>
        <legend>External ID (matched against a JWT claim at sign-in)</legend>
        {(Object.keys(externalIdLabels) as ExternalIdChoice[]).map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name={`${id}-external`}
              value={choice}
              checked={value.externalId === choice}
              onChange={() => onChange({ ...value, externalId: choice })}
            />
            {externalIdLabels[choice]}
          </label>
        ))}
        {value.externalId === 'custom' ? (
          <div className="fields wide">
            <label htmlFor={`${id}-path`}>Custom path</label>
            <input
              id={`${id}-path`}
              className="mono"
              value={value.customPath}
              placeholder="urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"
              aria-invalid={problem !== undefined}
              aria-describedby={`${id}-path-hint`}
              onChange={(e) => onChange({ ...value, customPath: e.target.value })}
            />
            <p id={`${id}-path-hint`} className={problem ? 'field-error' : 'hint ok'} aria-live="polite">
              {problem ?? 'A valid attribute path of the User resource.'}
            </p>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
