import { useEffect } from 'react';
import { useLatest } from './use-latest';

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/** Normalised key names: "alt+1", "escape", "j", "?". */
export function keyName(event: KeyboardEvent): string {
  // With Alt held, macOS turns letters into symbols: fall back to the physical key.
  const base =
    event.altKey && /^(Key|Digit)/.test(event.code)
      ? event.code.replace(/^(Key|Digit)/, '').toLowerCase()
      : event.key.toLowerCase();
  return `${event.altKey ? 'alt+' : ''}${event.ctrlKey || event.metaKey ? 'ctrl+' : ''}${base}`;
}

/**
 * Page-level keyboard shortcuts. Plain keys are ignored while the user types in a field; Alt combinations and
 * Escape always work.
 */
export function useShortcuts(map: ShortcutMap): void {
  const ref = useLatest(map);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const name = keyName(event);
      const handler = ref.current[name];
      if (!handler) return;
      if (!event.altKey && name !== 'escape' && isTyping(event.target)) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ref]);
}
