import { useState } from 'react';

export interface SignerValues {
  readonly name: string;
  readonly issuer: string;
  readonly audience: string;
  readonly keySource: 'jwks' | 'pem';
  readonly jwksUrl: string;
  readonly publicKeyPem: string;
  readonly externalIdClaim: string;
  readonly enabled: boolean;
}

export const emptySigner: SignerValues = {
  name: '',
  issuer: '',
  audience: '',
  keySource: 'jwks',
  jwksUrl: '',
  publicKeyPem: '',
  externalIdClaim: 'sub',
  enabled: true,
};

type TextKey = 'name' | 'issuer' | 'audience' | 'jwksUrl' | 'publicKeyPem' | 'externalIdClaim';

/**
 * A JWT signer's fields, for a new signer and for an edit (one form, so both check the same things in
 * the browser; the server checks them again as a whole, and its refusal is shown in words).
 */
export function SignerForm({
  idPrefix,
  title,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  readonly idPrefix: string;
  readonly title: string;
  readonly initial: SignerValues;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly onSubmit: (values: SignerValues) => void;
  readonly onCancel?: () => void;
}) {
  const [form, setForm] = useState(initial);
  const id = (key: string) => `${idPrefix}-${key}`;
  const field = (key: TextKey, label: string, hint?: string) => (
    <>
      <label htmlFor={id(key)}>{label}</label>
      {key === 'publicKeyPem' ? (
        <textarea
          id={id(key)}
          required
          rows={5}
          className="mono"
          value={form[key]}
          aria-describedby={hint ? id(`${key}-hint`) : undefined}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      ) : (
        <input
          id={id(key)}
          required
          type={key === 'jwksUrl' ? 'url' : 'text'}
          value={form[key]}
          aria-describedby={hint ? id(`${key}-hint`) : undefined}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
      {hint ? (
        <p className="hint" id={id(`${key}-hint`)}>
          {hint}
        </p>
      ) : null}
    </>
  );
  return (
    <form
      className="card fields"
      aria-labelledby={id('title')}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(form);
      }}
    >
      <h2 id={id('title')}>{title}</h2>
      {field('name', 'Name')}
      {field('issuer', 'Issuer', 'The tokens’ iss claim, e.g. https://login.example.com')}
      {field('audience', 'Audience', 'The tokens’ aud claim: your app’s client id')}
      <fieldset>
        <legend>Keys</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={id('key-source')}
            checked={form.keySource === 'jwks'}
            onChange={() => setForm({ ...form, keySource: 'jwks' })}
          />
          From a JWKS URL
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={id('key-source')}
            checked={form.keySource === 'pem'}
            onChange={() => setForm({ ...form, keySource: 'pem' })}
          />
          One PEM public key
        </label>
      </fieldset>
      {form.keySource === 'jwks'
        ? field('jwksUrl', 'JWKS URL', 'https; Roster fetches and caches the keys')
        : field('publicKeyPem', 'Public key (PEM)', 'Starts with -----BEGIN PUBLIC KEY-----')}
      {field(
        'externalIdClaim',
        'External ID claim',
        'The claim matched against an identity’s sign-in external ID',
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
        />
        Enabled (sign-in accepts its tokens)
      </label>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Only what changed, as PATCH takes it (a new key source replaces the other). */
export function signerChange(before: SignerValues, after: SignerValues) {
  const trimmed = (key: TextKey) => after[key].trim();
  const change: {
    name?: string;
    issuer?: string;
    audience?: string;
    jwksUrl?: string;
    publicKeyPem?: string;
    externalIdClaim?: string;
    enabled?: boolean;
  } = {};
  for (const key of ['name', 'issuer', 'audience', 'externalIdClaim'] as const)
    if (trimmed(key) !== before[key]) change[key] = trimmed(key);
  if (after.keySource === 'jwks' && (before.keySource !== 'jwks' || trimmed('jwksUrl') !== before.jwksUrl))
    change.jwksUrl = trimmed('jwksUrl');
  if (
    after.keySource === 'pem' &&
    (before.keySource !== 'pem' || trimmed('publicKeyPem') !== before.publicKeyPem)
  )
    change.publicKeyPem = trimmed('publicKeyPem');
  if (after.enabled !== before.enabled) change.enabled = after.enabled;
  return change;
}
