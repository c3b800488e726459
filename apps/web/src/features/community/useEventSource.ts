import { useEffect, useRef, useState } from 'react';

export type StreamState = 'connecting' | 'open' | 'closed';

/**
 * Server-sent events (EventSource, same origin, with the session cookie). The browser reconnects
 * by itself after a network drop; the server sends the current state on every (re)connection, so
 * nothing is lost. `handlers` maps event names to callbacks receiving the parsed JSON data.
 */
export function useEventSource(url: string | null, handlers: Record<string, (data: unknown) => void>): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const [attempt, setAttempt] = useState(0);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const names = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    setState('connecting');
    source.onopen = () => setState('open');
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return setState('connecting');
      // The server refused or ended the stream for good: try again a little later.
      setState('closed');
      retry = setTimeout(() => setAttempt((a) => a + 1), 5000);
    };
    const listeners = names.split(',').filter(Boolean).map((name) => {
      const listener = (event: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        handlersRef.current[name]?.(data);
      };
      source.addEventListener(name, listener);
      return [name, listener] as const;
    });
    return () => {
      listeners.forEach(([name, listener]) => source.removeEventListener(name, listener));
      clearTimeout(retry);
      source.close();
    };
  }, [url, names, attempt]);
  return state;
}
