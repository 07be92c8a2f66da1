import { useState } from 'react';

/**
 * A one-time link carries its token after `#`: browsers never send the fragment to a server or in a
 * Referer. It is read once and removed from the address bar, so it does not linger in history.
 */
export function useHashToken(): string {
  const [token] = useState(() => {
    const value = decodeURIComponent(window.location.hash.slice(1));
    if (value) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return value;
  });
  return token;
}
