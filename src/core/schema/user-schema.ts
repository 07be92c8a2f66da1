import { attribute, complex, multiValuedComplex, type SchemaDefinition } from './attribute-definition.js';
import { USER_SCHEMA } from './schema-urns.js';

/** RFC 7643 §4.1 and §8.7.1. */
export const userSchema: SchemaDefinition = Object.freeze({
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: Object.freeze([
    attribute('userName', 'string', {
      description: 'Unique identifier for the User, used by the user to authenticate.',
      required: true,
      uniqueness: 'server',
    }),
    complex(
      'name',
      [
        attribute('formatted', 'string', { description: 'The full name, formatted for display.' }),
        attribute('familyName', 'string', { description: 'The family name of the User.' }),
        attribute('givenName', 'string', { description: 'The given name of the User.' }),
        attribute('middleName', 'string', { description: 'The middle name(s) of the User.' }),
        attribute('honorificPrefix', 'string', { description: 'The honorific prefix(es), e.g. "Ms.".' }),
        attribute('honorificSuffix', 'string', { description: 'The honorific suffix(es), e.g. "III".' }),
      ],
      { description: "The components of the user's real name." },
    ),
    attribute('displayName', 'string', { description: 'The name of the User, suitable for display.' }),
    attribute('nickName', 'string', { description: 'The casual way to address the user.' }),
    attribute('profileUrl', 'reference', {
      description: "A fully qualified URL to the User's online profile.",
      referenceTypes: ['external'],
    }),
    attribute('title', 'string', { description: "The user's title, such as Vice President." }),
    attribute('userType', 'string', { description: 'The relationship between organization and user.' }),
    attribute('preferredLanguage', 'string', {
      description: "The User's preferred written or spoken language.",
    }),
    attribute('locale', 'string', { description: "The User's default location for localisation." }),
    attribute('timezone', 'string', { description: "The User's time zone in IANA format." }),
    attribute('active', 'boolean', { description: "The User's administrative status." }),
    attribute('password', 'string', {
      description: "The User's cleartext password. Accepted for compatibility; never stored or returned.",
      mutability: 'writeOnly',
      returned: 'never',
    }),
    multiValuedComplex('emails', 'Email addresses for the user.', {
      canonicalTypes: ['work', 'home', 'other'],
    }),
    multiValuedComplex('phoneNumbers', 'Phone numbers for the User.', {
      canonicalTypes: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    multiValuedComplex('ims', 'Instant messaging addresses for the User.', {
      canonicalTypes: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
    }),
    multiValuedComplex('photos', 'URLs of photos of the User.', {
      canonicalTypes: ['photo', 'thumbnail'],
      valueType: 'reference',
      referenceTypes: ['external'],
    }),
    complex(
      'addresses',
      [
        attribute('formatted', 'string', { description: 'The full mailing address, formatted for display.' }),
        attribute('streetAddress', 'string', { description: 'The full street address component.' }),
        attribute('locality', 'string', { description: 'The city or locality component.' }),
        attribute('region', 'string', { description: 'The state or region component.' }),
        attribute('postalCode', 'string', { description: 'The zip code or postal code component.' }),
        attribute('country', 'string', { description: 'The country name component (ISO 3166-1 alpha-2).' }),
        attribute('type', 'string', { canonicalValues: ['work', 'home', 'other'] }),
        attribute('primary', 'boolean'),
      ],
      { multiValued: true, description: 'Physical mailing addresses for this User.' },
    ),
    complex(
      'groups',
      [
        attribute('value', 'string', { mutability: 'readOnly', description: 'The id of the Group.' }),
        attribute('$ref', 'reference', { mutability: 'readOnly', referenceTypes: ['User', 'Group'] }),
        attribute('display', 'string', { mutability: 'readOnly' }),
        attribute('type', 'string', { mutability: 'readOnly', canonicalValues: ['direct', 'indirect'] }),
      ],
      {
        multiValued: true,
        mutability: 'readOnly',
        description: 'The Groups the user belongs to, derived from Group membership. Read-only.',
      },
    ),
    multiValuedComplex('entitlements', 'A list of entitlements for the User.'),
    multiValuedComplex('roles', 'A list of roles for the User.'),
    multiValuedComplex('x509Certificates', 'A list of certificates issued to the User.', {
      valueType: 'binary',
    }),
  ]),
});
