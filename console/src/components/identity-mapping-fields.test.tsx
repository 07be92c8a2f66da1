// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultMapping,
  IdentityMappingFields,
  signInExternalIdValue,
  type IdentityMapping,
} from './identity-mapping-fields.js';

afterEach(cleanup);

let latest: IdentityMapping = defaultMapping;
function Harness() {
  const [value, setValue] = useState<IdentityMapping>(defaultMapping);
  latest = value;
  return (
    <IdentityMappingFields
      value={value}
      onChange={setValue}
      policies={[
        { id: 'p0', name: 'Default', isDefault: true },
        { id: 'p1', name: 'Employees with MFA', isDefault: false },
      ]}
    />
  );
}

describe('the identity mapping part of the wizard', () => {
  it('offers the seeds’ identity-name fields, the policies without a second Default, and the external-ID choices', async () => {
    render(<Harness />);
    const names = screen.getByLabelText('Identity name');
    expect([...(names as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Username',
      'Display Name',
      'Formatted Name',
      'Nickname',
    ]);
    const policy = screen.getByLabelText('Auth policy') as HTMLSelectElement;
    expect([...policy.options].map((o) => o.textContent)).toEqual(['Default', 'Employees with MFA']);
    await userEvent.selectOptions(policy, 'p1');
    await userEvent.selectOptions(names, 'displayName');
    await userEvent.click(screen.getByLabelText('Primary Email'));
    expect(latest).toMatchObject({
      identityName: 'displayName',
      authPolicyId: 'p1',
      externalId: 'primaryEmail',
    });
    expect(signInExternalIdValue(latest)).toBe('primaryEmail');
    expect(screen.queryByLabelText('Custom path')).toBeNull();
  });

  it.each([
    ['name.', /Not an attribute path: .*position 5/],
    ['nosuchattribute', /nosuchattribute/],
    ['name', /complex attribute; name one of its sub-attributes/],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', /A valid attribute path/],
    ['emails.value', /A valid attribute path/],
  ])('checks the custom path %s as it is typed, with the server’s parser', async (path, message) => {
    render(<Harness />);
    await userEvent.click(screen.getByLabelText('Custom Mapping'));
    const input = screen.getByLabelText('Custom path');
    await userEvent.type(input, path);
    const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(message);
    expect(input.getAttribute('aria-invalid')).toBe(
      String(!/valid attribute path/.test(hint?.textContent ?? '')),
    );
    expect(signInExternalIdValue(latest)).toBe(path);
  });
});
