/** Extracts the token from `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme is case-insensitive). */
export function bearerTokenFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}
