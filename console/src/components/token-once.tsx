import { useId, useState } from 'react';
import { CopyField } from './copy-button.js';

/**
 * 000's part 3 and 004's confirmation: the URL and the token, shown once, with copy buttons, and an
 * explicit "I have copied it" before the admin may go on (the token cannot be shown again).
 */
export function TokenOnce({
  url,
  token,
  onDone,
  doneLabel = 'Next',
}: {
  url?: string | undefined;
  token: string;
  onDone: () => void;
  doneLabel?: string;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="fields">
      {url ? <CopyField id={`${id}-url`} label="Integration URL" value={url} /> : null}
      <CopyField id={`${id}-token`} label="Token" value={token} />
      <p className="warning">
        Copy the token now. Roster keeps only its hash, so it is never shown again; if it is lost, generate a
        new one (the old one then stops working).
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={copied} onChange={(e) => setCopied(e.target.checked)} />I have copied
        the token
      </label>
      <div className="buttons">
        <button type="button" className="primary" disabled={!copied} onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </div>
  );
}
