// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Idp } from '../lib/idp-setup.js';
import { NameAndIdpPart } from './integration-wizard-page.js';
import { IdpSetupSteps } from '../components/idp-setup-steps.js';

afterEach(cleanup);

function Harness({ onNext }: { onNext: (name: string, idp: Idp) => void }) {
  const [name, setName] = useState('');
  const [idp, setIdp] = useState<Idp>('okta');
  return (
    <NameAndIdpPart
      name={name}
      idp={idp}
      onChange={(n, i) => {
        setName(n);
        setIdp(i);
      }}
      onNext={() => onNext(name, idp)}
    />
  );
}

describe('the first part of the wizard', () => {
  it('needs a name, offers the six identity providers, and goes on with both', async () => {
    const next = vi.fn();
    render(<Harness onNext={next} />);
    const button = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText('Integration name'), '   ');
    expect(button.disabled).toBe(true);
    await userEvent.clear(screen.getByLabelText('Integration name'));
    await userEvent.type(screen.getByLabelText('Integration name'), 'Entra production');
    const idp = screen.getByLabelText('Identity provider') as HTMLSelectElement;
    expect([...idp.options].map((o) => o.value)).toEqual([
      'okta',
      'entra',
      'google',
      'jumpcloud',
      'onelogin',
      'generic',
    ]);
    await userEvent.selectOptions(idp, 'entra');
    await userEvent.click(button);
    expect(next).toHaveBeenCalledWith('Entra production', 'entra');
  });
});

describe('the setup steps of the last part', () => {
  it.each([
    ['okta', 'SCIM connector base URL', 'Authorization (Bearer)'],
    ['entra', 'Tenant URL', 'Secret Token'],
    ['google', 'Endpoint URL', 'Access token'],
    ['jumpcloud', 'Base URL', 'Token Key'],
    ['onelogin', 'SCIM Base URL', 'SCIM Bearer Token'],
  ] as const)(
    'for %s name the IdP’s own fields and show the attribute table',
    (idp, urlField, tokenField) => {
      render(<IdpSetupSteps idp={idp} />);
      const intro = document.getElementById('setup-fields')!;
      expect(intro.textContent).toContain(urlField);
      expect(intro.textContent).toContain(tokenField);
      expect(screen.getByRole('columnheader', { name: 'Microsoft Entra ID' })).toBeTruthy();
      expect(screen.getByRole('cell', { name: 'userPrincipalName' })).toBeTruthy();
    },
  );
});
