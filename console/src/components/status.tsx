import { describeError } from '../api/client.js';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const { message, requestId } = describeError(error);
  return (
    <div className="error" role="alert">
      <strong>{title}.</strong> {message}
      {requestId ? (
        <span className="request-id">
          {' '}
          Request id: <code>{requestId}</code>
        </span>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
