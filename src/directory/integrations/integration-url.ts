/** The SCIM base URL an identity provider is configured with. */
export function integrationUrl(publicBaseUrl: string, integrationId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/scim/v2/${integrationId}`;
}
