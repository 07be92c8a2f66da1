// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenOnce } from './token-once.js';

afterEach(cleanup);

describe('the token shown once', () => {
  it('shows the URL and the token, and lets the admin on only after “I have copied the token”', async () => {
    const done = vi.fn();
    render(<TokenOnce url="https://roster.example/scim/v2/abc" token="roster_scim_secret" onDone={done} />);
    expect((screen.getByRole('textbox', { name: 'Integration URL' }) as HTMLInputElement).value).toBe(
      'https://roster.example/scim/v2/abc',
    );
    expect((screen.getByRole('textbox', { name: 'Token' }) as HTMLInputElement).value).toBe(
      'roster_scim_secret',
    );
    expect(screen.getByText(/never shown again/)).toBeTruthy();
    const next = screen.getByRole('button', { name: 'Next' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(next);
    expect(done).not.toHaveBeenCalled();
    await userEvent.click(screen.getByLabelText('I have copied the token'));
    expect((next as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(next);
    expect(done).toHaveBeenCalledOnce();
  });

  it('copies with the button and says so', async () => {
    const user = userEvent.setup();
    render(<TokenOnce token="roster_scim_secret" onDone={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Copy Token' }));
    expect(await navigator.clipboard.readText()).toBe('roster_scim_secret');
    expect(screen.getByRole('button', { name: 'Copy Token' }).textContent).toContain('Copied');
  });
});
