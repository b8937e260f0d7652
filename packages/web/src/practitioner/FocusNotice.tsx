import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A message that takes focus when it appears or changes (`version` counts the changes): after an
 * action removes the form that was being used, focus lands here instead of being lost, and a
 * screen reader reads what happened.
 */
export function FocusNotice({ version, tone = 'success', children }: { version: number; tone?: 'success' | 'warning'; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (version > 0) box.current?.focus();
  }, [version]);
  if (version === 0) return null;
  return (
    <div ref={box} tabIndex={-1} className={tone === 'success' ? 'notice notice-success focus-notice' : 'notice notice-warning focus-notice'}>
      {children}
    </div>
  );
}
