import type { Command } from 'commander';
import { integrationOAuth, setIntegrationOAuth } from '../directory/integrations/set-integration-oauth.js';
import { InvalidDirectoryInput } from '../directory/directory-error.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { IntegrationOAuth } from '../directory/model/integration.js';
import type { Config } from './config.js';
import { printJson, withOrganization } from './with-organization.js';

interface OAuthOptions {
  issuer?: string;
  audience?: string;
  jwksUrl?: string;
  off?: boolean;
  org: string;
  json?: boolean;
}

function describe(id: string, oauth: IntegrationOAuth | null): string {
  if (!oauth) return `Integration ${id} accepts its static bearer token only.`;
  return [
    `Integration ${id} also accepts OAuth 2.0 JWT access tokens (RFC 9068):`,
    `  issuer:   ${oauth.issuer}`,
    `  audience: ${oauth.audience}`,
    `  JWKS:     ${oauth.jwksUrl}`,
    'Its static bearer token keeps working.',
  ].join('\n');
}

/** `roster integration oauth <id>`: OAuth access tokens for the SCIM endpoint, besides the static token. */
export function addOAuthCommand(integration: Command, config: () => Config): void {
  integration
    .command('oauth <id>')
    .description('Show or set the OAuth 2.0 JWT access tokens the SCIM endpoint also accepts')
    .option('--issuer <iss>', 'the access tokens’ "iss"')
    .option('--audience <aud>', 'the "aud" they must carry')
    .option('--jwks-url <url>', 'where the issuer publishes its keys (https; http only for localhost)')
    .option('--off', 'accept the static bearer token only')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: OAuthOptions) => {
      const fields = [options.issuer, options.audience, options.jwksUrl];
      if (options.off && fields.some((f) => f !== undefined)) {
        throw new InvalidDirectoryInput('invalid_oauth', [
          'Give either --off or --issuer, --audience and --jwks-url.',
        ]);
      }
      if (fields.some((f) => f !== undefined) && fields.some((f) => f === undefined)) {
        throw new InvalidDirectoryInput('invalid_oauth', [
          'Give all three of --issuer, --audience and --jwks-url.',
        ]);
      }
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const oauth = options.off
          ? await setIntegrationOAuth(deps, organization.id, id, null)
          : options.issuer !== undefined
            ? await setIntegrationOAuth(deps, organization.id, id, {
                issuer: options.issuer,
                audience: options.audience ?? '',
                jwksUrl: options.jwksUrl ?? '',
              })
            : await integrationOAuth(deps, organization.id, id);
        if (options.json) printJson({ integrationId: id, oauth });
        else console.log(describe(id, oauth));
      });
    });
}
