export const REDACTED = '[redacted]';

/** Attributes whose values never reach the log (RFC 7643 §4.1.1: password is writeOnly, never returned). */
export const ALWAYS_REDACTED = ['password'] as const;

/**
 * A copy of a SCIM request body with the values of redacted attributes replaced: any member whose name
 * (case-insensitive, after an extension URN prefix) is redacted, and the `value` of a PATCH operation
 * whose `path` ends at one (`password`, `urn:…:User:password`, `emails[type eq "work"].value` when
 * `value` is marked). Bulk bodies are covered by the same walk. Pure; never mutates `body`.
 */
export function redactBody(body: unknown, redacted: ReadonlySet<string>): unknown {
  if (Array.isArray(body)) return body.map((item) => redactBody(item, redacted));
  if (body === null || typeof body !== 'object') return body;
  const record = body as Record<string, unknown>;
  const pathTarget =
    typeof record.path === 'string' && 'op' in record ? lastAttribute(record.path) : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (
      isRedacted(key, redacted) ||
      (key === 'value' && pathTarget !== undefined && redacted.has(pathTarget))
    )
      out[key] = REDACTED;
    else out[key] = redactBody(value, redacted);
  }
  return out;
}

function isRedacted(key: string, redacted: ReadonlySet<string>): boolean {
  const lower = key.toLowerCase();
  if (redacted.has(lower)) return true;
  // `urn:ietf:params:scim:schemas:core:2.0:User:password` names the attribute after the last colon.
  const colon = lower.lastIndexOf(':');
  return colon >= 0 && redacted.has(lower.slice(colon + 1));
}

/** The attribute a PATCH path ends at, lower-cased: `name.givenName` → `givenname`; filters dropped. */
function lastAttribute(path: string): string {
  const withoutFilters = path.replace(/\[[^\]]*\]/g, '');
  const afterUrn = withoutFilters.slice(withoutFilters.lastIndexOf(':') + 1);
  const parts = afterUrn.split('.');
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

/** The attributes to redact: always `password`, plus what the operator marks (any case). */
export function redactedAttributes(extra: readonly string[]): ReadonlySet<string> {
  return new Set([...ALWAYS_REDACTED, ...extra.map((name) => name.trim().toLowerCase()).filter(Boolean)]);
}
