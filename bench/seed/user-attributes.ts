import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../../src/core/schema/schema-urns.js';
import { pad, type UserKind } from './seed-plan.js';

const GIVEN = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Radia', 'Linus'];
const FAMILY = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson'];
const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'Support', 'Marketing', 'Operations'];

/** The login name of user `index` of `kind`; unique, lower-case. */
export function userName(kind: UserKind, index: number): string {
  return `${kind}${pad(index)}@example.com`;
}

export function externalId(kind: UserKind, index: number): string {
  return `${kind}-ext-${pad(index)}`;
}

export function workEmail(kind: UserKind, index: number): string {
  return `${kind}${pad(index)}@work.example.com`;
}

/**
 * A realistic user as an identity provider sends it: userName, externalId, displayName, name, a work
 * (primary) and a home email, active, and the enterprise extension Entra and Okta fill in.
 */
export function userBody(kind: UserKind, index: number, userNameOverride?: string): Record<string, unknown> {
  const given = GIVEN[index % GIVEN.length] ?? 'Ada';
  const family = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length] ?? 'Lovelace';
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    userName: userNameOverride ?? userName(kind, index),
    externalId: externalId(kind, index),
    displayName: `${given} ${family} ${index}`,
    name: { givenName: given, familyName: family, formatted: `${given} ${family}` },
    emails: [
      { value: workEmail(kind, index), type: 'work', primary: true },
      { value: `${kind}${pad(index)}@home.example.net`, type: 'home' },
    ],
    title: 'Engineer',
    userType: 'Employee',
    preferredLanguage: 'en-US',
    active: true,
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: `${kind[0]}${pad(index)}`,
      department: DEPARTMENTS[index % DEPARTMENTS.length] ?? 'Engineering',
    },
  };
}

export function groupBody(displayName: string): Record<string, unknown> {
  return { schemas: [GROUP_SCHEMA], displayName };
}
