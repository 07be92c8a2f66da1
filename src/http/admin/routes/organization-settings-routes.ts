import { showOrganizationSettings } from '../../../directory/organizations/show-organization-settings.js';
import { updateOrganizationSettings } from '../../../directory/organizations/update-organization-settings.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  OrganizationSettings,
  OrganizationSettingsChange,
} from '../schemas/organization-settings-schemas.js';

const tags = ['Organizations'];

export function registerOrganizationSettingsRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/settings',
    {
      schema: {
        tags,
        summary: 'Get organization settings',
        params: OrganizationParams({}),
        response: responses({ 200: OrganizationSettings }, [404]),
      },
    },
    async (request) => ({
      ...(await showOrganizationSettings(deps, { organizationId: organizationOf(request).id })),
    }),
  );

  app.patch(
    '/settings',
    {
      schema: {
        tags,
        summary: 'Change organization settings',
        description: 'Only the fields given change. A new collision policy applies to the next collision.',
        params: OrganizationParams({}),
        body: OrganizationSettingsChange,
        response: responses({ 200: OrganizationSettings }, [400, 404]),
      },
    },
    async (request) => ({
      ...(await updateOrganizationSettings(
        deps,
        { organizationId: organizationOf(request).id },
        request.body,
      )),
    }),
  );
}
