import { PATCH_OP_SCHEMA } from '../schema/schema-urns.js';
import {
  babs,
  babsEnterprise,
  babsWith,
  E,
  guides,
  homeEmail,
  patchBody,
  workEmail,
  type PatchCase,
} from './patch.fixtures.js';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

/**
 * Requests as identity providers send them (docs/idp-behaviour.md): Entra ID capitalises `op`, sends
 * booleans as "True"/"False", path-less values with dotted and URN-qualified keys, filtered writes to
 * values that do not exist yet, manager as a bare id, and members removed by a value list; Okta
 * deactivates with a path-less replace and renames groups with `id` in the value.
 */
export const idpPatchCases: readonly PatchCase[] = [
  {
    name: 'Entra ID: Replace active with the string "False"',
    type: 'User',
    before: babs,
    operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    after: babsWith({ active: false }),
  },
  {
    name: 'Entra ID: path-less Replace of active "True"',
    type: 'User',
    before: babsWith({ active: false }),
    operations: [{ op: 'Replace', value: { active: 'True' } }],
    after: babs,
  },
  {
    name: 'Entra ID: path-less Add with dotted and URN-qualified keys',
    type: 'User',
    before: babs,
    operations: [
      {
        op: 'Add',
        value: { 'name.givenName': 'Babs', [`${E}:employeeNumber`]: '701985', [`${CORE}:nickName`]: 'B' },
      },
    ],
    after: {
      ...babsEnterprise({ employeeNumber: '701985' }),
      name: { givenName: 'Babs', familyName: 'Jensen' },
      nickName: 'B',
    },
  },
  {
    name: 'Entra ID: path-less Replace with a URN-qualified extension key',
    type: 'User',
    before: babs,
    operations: [{ op: 'Replace', value: { [`${E}:department`]: 'Finance', displayName: 'Barbara J' } }],
    after: { ...babsEnterprise({ department: 'Finance' }), displayName: 'Barbara J' },
  },
  {
    name: 'Entra ID: path-less Replace with a value-filter key',
    type: 'User',
    before: babs,
    operations: [
      {
        op: 'Replace',
        value: { 'emails[type eq "work"].value': 'barbara@example.com', 'name.familyName': 'Jensen-Smith' },
      },
    ],
    after: babsWith({
      emails: [{ ...workEmail, value: 'barbara@example.com' }, homeEmail],
      name: { givenName: 'Barbara', familyName: 'Jensen-Smith' },
    }),
  },
  {
    name: 'path-less value-filter keys that do not resolve are ignored like unknown keys',
    type: 'User',
    before: babs,
    operations: [
      { op: 'replace', value: { 'emails[nope eq "x"].value': 'x', 'shoes[size eq 4]': 1, title: 'T' } },
    ],
    after: babsWith({ title: 'T' }),
  },
  {
    name: 'Entra ID: Add phoneNumbers[type eq "mobile"].value creates the mobile number',
    type: 'User',
    before: babs,
    operations: [{ op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '555-0177' }],
    after: babsWith({
      phoneNumbers: [
        { value: '555-0100', type: 'work' },
        { type: 'mobile', value: '555-0177' },
      ],
    }),
  },
  {
    name: 'Entra ID: Replace emails[type eq "work"].value',
    type: 'User',
    before: babs,
    operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'barbara@example.com' }],
    after: babsWith({ emails: [{ ...workEmail, value: 'barbara@example.com' }, homeEmail] }),
  },
  {
    name: 'Entra ID: Add addresses[type eq "work"] sub-attributes, one operation each',
    type: 'User',
    before: babs,
    operations: [
      { op: 'Add', path: 'addresses[type eq "work"].streetAddress', value: '1 Main St' },
      { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Oslo' },
      { op: 'Add', path: 'addresses[type eq "work"].country', value: 'NO' },
    ],
    after: babsWith({
      addresses: [{ type: 'work', streetAddress: '1 Main St', locality: 'Oslo', country: 'NO' }],
    }),
  },
  {
    name: 'Entra ID: Replace emails[type eq "work"].primary with "True"',
    type: 'User',
    before: babsWith({
      emails: [
        { value: 'bjensen@example.com', type: 'work' },
        { ...homeEmail, primary: true },
      ],
    }),
    operations: [{ op: 'Replace', path: 'emails[type eq "work"].primary', value: 'True' }],
    after: babsWith({
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { ...homeEmail, primary: false },
      ],
    }),
  },
  {
    name: 'Entra ID: manager set by a bare id',
    type: 'User',
    before: babs,
    operations: [{ op: 'Replace', path: `${E}:manager`, value: 'mgr-7' }],
    after: babsEnterprise({ manager: { value: 'mgr-7' } }),
  },
  {
    name: 'Entra ID: manager removed by path',
    type: 'User',
    before: babs,
    operations: [{ op: 'Remove', path: `${E}:manager` }],
    after: babsEnterprise({ manager: undefined }),
  },
  {
    name: 'Entra ID: Add externalId and Replace userName in one request',
    type: 'User',
    before: babsWith({ externalId: undefined }),
    operations: [
      { op: 'Add', path: 'externalId', value: 'e-9' },
      { op: 'Replace', path: 'userName', value: 'barbara@example.com' },
    ],
    after: babsWith({ externalId: 'e-9', userName: 'barbara@example.com' }),
  },
  {
    name: 'Entra ID: legacy member removal removes only the listed ids',
    type: 'Group',
    before: guides,
    operations: [{ op: 'Remove', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] }],
    after: guides,
    memberChanges: { remove: ['u1', 'u2'] },
  },
  {
    name: 'Entra ID (aadOptscim062020): Remove members[value eq "<id>"]',
    type: 'Group',
    before: guides,
    operations: [{ op: 'Remove', path: 'members[value eq "u1"]' }],
    after: guides,
    memberChanges: { remove: ['u1'] },
  },
  {
    name: 'Entra ID: Add members',
    type: 'Group',
    before: guides,
    operations: [{ op: 'Add', path: 'members', value: [{ value: 'u1' }] }],
    after: guides,
    memberChanges: { add: ['u1'] },
  },
  {
    name: 'Entra ID: group rename with Replace displayName',
    type: 'Group',
    before: guides,
    operations: [{ op: 'Replace', path: 'displayName', value: 'Guides EU' }],
    after: { displayName: 'Guides EU' },
  },
  {
    name: 'Okta: deactivation is a path-less replace of active',
    type: 'User',
    before: babs,
    operations: [{ op: 'replace', value: { active: false } }],
    after: babsWith({ active: false }),
  },
  {
    name: 'Okta: group rename sends the read-only id in the value, which is ignored',
    type: 'Group',
    before: guides,
    operations: [
      { op: 'replace', value: { id: 'abf4dd94-a4c0-4f67-89c9-76b03340cb9b', displayName: 'Guides' } },
    ],
    after: { displayName: 'Guides' },
  },
  {
    name: 'Okta: membership push as remove by filter plus add',
    type: 'Group',
    before: guides,
    operations: [
      { op: 'remove', path: 'members[value eq "u1"]' },
      { op: 'add', path: 'members', value: [{ value: 'u2', display: 'Ada' }] },
    ],
    after: guides,
    memberChanges: { remove: ['u1'], add: ['u2'] },
  },
  {
    name: 'Okta: full replace of members',
    type: 'Group',
    before: guides,
    operations: [
      {
        op: 'replace',
        path: 'members',
        value: [
          { value: 'u1', display: 'Babs' },
          { value: 'u2', display: 'Ada' },
        ],
      },
    ],
    after: guides,
    memberChanges: { replaceAll: ['u1', 'u2'] },
  },
  {
    name: 'JumpCloud: member removal in the value-list form',
    type: 'Group',
    before: guides,
    operations: [{ op: 'remove', path: 'members', value: [{ value: 'u3' }] }],
    after: guides,
    memberChanges: { remove: ['u3'] },
  },
  {
    name: 'accepts extra schema URIs next to PatchOp and lower-case member names',
    type: 'User',
    before: babs,
    operations: [],
    body: {
      schemas: [PATCH_OP_SCHEMA, 'urn:example:legacy'],
      operations: [{ OP: 'replace', PATH: 'title', VALUE: 'Guide' }],
    },
    after: babsWith({ title: 'Guide' }),
  },
  {
    name: 'accepts the PatchOp URI in any case',
    type: 'User',
    before: babs,
    operations: [],
    body: {
      schemas: [PATCH_OP_SCHEMA.toUpperCase()],
      Operations: [{ op: 'replace', path: 'title', value: 'Guide' }],
    },
    after: babsWith({ title: 'Guide' }),
  },
  {
    name: 'builds the same result as the helper body',
    type: 'User',
    before: babs,
    operations: [],
    body: patchBody([{ op: 'add', path: 'nickName', value: 'B' }]),
    after: babsWith({ nickName: 'B' }),
  },
];
