import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A message for screen readers, read out by a polite live region. Saying the same words twice reads
 * them twice: the region is emptied first. `delay` lets fast key repeats settle into one message.
 */
export function useAnnouncer(): [string, (message: string, delay?: number) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const announce = useCallback((next: string, delay = 0) => {
    window.clearTimeout(timer.current);
    setMessage('');
    timer.current = window.setTimeout(() => setMessage(next), Math.max(delay, 30));
  }, []);
  return [message, announce];
}
