/**
 * How each identity provider's screens name the two things Roster gives: the integration URL and the
 * bearer token (docs/idp-compatibility.md has how each one behaves once connected).
 */
export type Idp = 'okta' | 'entra' | 'google' | 'jumpcloud' | 'onelogin' | 'generic';

export interface IdpSetup {
  readonly name: string;
  /** The label of the IdP's field that takes the integration URL. */
  readonly urlField: string;
  /** The label of the IdP's field that takes the token. */
  readonly tokenField: string;
  readonly steps: readonly string[];
}

export const idpSetup: Record<Idp, IdpSetup> = {
  okta: {
    name: 'Okta',
    urlField: 'SCIM connector base URL',
    tokenField: 'Authorization (Bearer)',
    steps: [
      'In the Okta Admin Console open Applications › Applications and select your app (or Create App Integration).',
      'On the General tab, under App Settings, click Edit, tick “Enable SCIM provisioning” and Save.',
      'On the Provisioning tab › Integration, click Edit.',
      'Paste the integration URL into “SCIM connector base URL”; set “Unique identifier field for users” to userName.',
      'Tick “Push New Users”, “Push Profile Updates” and “Push Groups”.',
      'Set “Authentication Mode” to “HTTP Header” and paste the token into “Authorization” (Bearer).',
      'Click “Test Connector Configuration”, then Save.',
      'Under Provisioning › To App, click Edit and enable “Create Users”, “Update User Attributes” and “Deactivate Users”.',
      'Assign people or groups on the Assignments tab; push groups on the Push Groups tab.',
    ],
  },
  entra: {
    name: 'Microsoft Entra ID',
    urlField: 'Tenant URL',
    tokenField: 'Secret Token',
    steps: [
      'In the Microsoft Entra admin center open Enterprise applications › New application › Create your own application, and choose “Integrate any other application you don’t find in the gallery (Non-gallery)”.',
      'Open the application’s Provisioning page and click Get started (or New configuration).',
      'Set “Provisioning Mode” to Automatic.',
      'Under Admin Credentials paste the integration URL into “Tenant URL” and the token into “Secret Token”.',
      'Click “Test Connection”, then Save.',
      'Under Mappings, review “Provision Microsoft Entra ID Users” and “Provision Microsoft Entra ID Groups” (table below).',
      'Assign users and groups under Users and groups, set “Provisioning Status” to On and Save.',
    ],
  },
  google: {
    name: 'Google Workspace',
    urlField: 'Endpoint URL',
    tokenField: 'Access token',
    steps: [
      'In the Google Admin console open Apps › Web and mobile apps and select the app (Google offers auto-provisioning for apps whose catalogue entry supports it).',
      'Click “Auto-provisioning”, then “Set up auto-provisioning”.',
      'Paste the token into “Access token” and click Continue.',
      'Paste the integration URL into “Endpoint URL” and click Continue.',
      'Review the attribute mapping (table below), choose the provisioning scope (groups), and click Finish.',
      'Turn auto-provisioning ON at the top of the Auto-provisioning card.',
    ],
  },
  jumpcloud: {
    name: 'JumpCloud',
    urlField: 'Base URL',
    tokenField: 'Token Key',
    steps: [
      'In the JumpCloud Admin Portal open SSO Applications › Add New Application › Custom Application.',
      'Tick “Export users to this app (Identity Management)” and finish creating the application.',
      'Open the application’s Identity Management tab; set “SCIM Version” to SCIM 2.0.',
      'Paste the integration URL into “Base URL” and the token into “Token Key”.',
      'Click “Test Connection”; turn on “Group Management” to send groups; click Activate, then Save.',
      'Bind user groups on the User Groups tab.',
    ],
  },
  onelogin: {
    name: 'OneLogin',
    urlField: 'SCIM Base URL',
    tokenField: 'SCIM Bearer Token',
    steps: [
      'In OneLogin Administration open Applications › Add App and pick “SCIM Provisioner with SAML (SCIM v2 Enterprise)”; Save.',
      'On the Configuration tab paste the integration URL into “SCIM Base URL” and the token into “SCIM Bearer Token”.',
      'Under “API Connection” click Enable, then Save.',
      'On the Provisioning tab tick “Enable provisioning” and choose what happens when users are deleted or suspended.',
      'On the Parameters tab add “Groups” to send group memberships; assign users on the Users tab.',
    ],
  },
  generic: {
    name: 'Another SCIM 2.0 client',
    urlField: 'SCIM base URL',
    tokenField: 'Bearer token',
    steps: [
      'Point the client at the integration URL: it serves /Users, /Groups, /Bulk, /ServiceProviderConfig, /Schemas and /ResourceTypes (RFC 7644).',
      'Send the token on every request as the header “Authorization: Bearer <token>”.',
      'Use application/scim+json (or application/json) bodies; userName is required and unique per integration.',
    ],
  },
};

/** 002's attribute table: which IdP field feeds which SCIM attribute, and where Roster shows it. */
export const attributeMappings: readonly (readonly [string, string, string, string, string])[] = [
  ['userName', 'userName', 'username', 'userPrincipalName', 'Username'],
  ['name.givenName', 'firstName', 'firstname', 'givenName', 'First name'],
  ['name.familyName', 'lastName', 'lastname', 'surname', 'Last name'],
  ['emails[type eq "work"].value', 'email', 'email', 'mail', 'Email'],
  ['phoneNumbers[type eq "mobile"].value', 'mobilePhone', 'mobile', 'mobile', 'Mobile number'],
  ['phoneNumbers[type eq "work"].value', '–', 'phone', 'telephoneNumber', 'Work number'],
  ['title', 'title', 'jobTitle', 'jobTitle', 'Position'],
  [
    'addresses[type eq "work"].streetAddress',
    'streetAddress',
    'address.streetAddress',
    'streetAddress',
    'Street address',
  ],
  ['addresses[type eq "work"].locality', 'city', 'address.locality', 'city', 'City'],
  ['addresses[type eq "work"].region', 'state', 'address.region', 'state', 'State'],
  ['addresses[type eq "work"].postalCode', 'zipCode', 'address.postalCode', 'postalCode', 'Postal code'],
  ['addresses[type eq "work"].country', 'countryCode', 'address.country', 'country', 'Country'],
  ['active', 'active', 'activated', 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', 'Status'],
];
