import { useQuery } from '@tanstack/react-query';

export function App() {
  const ready = useQuery({
    queryKey: ['readyz'],
    queryFn: async () => ((await fetch('/readyz')).ok ? 'ready' : 'unavailable'),
  });
  return (
    <main className="page">
      <h1>Roster console</h1>
      <p role="status">
        {ready.isPending ? 'Checking the server…' : `Server: ${ready.data ?? 'unreachable'}`}
      </p>
    </main>
  );
}
