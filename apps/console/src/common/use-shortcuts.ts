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
export function keyName(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>): string {
  const physical = /^(Key|Digit)/.test(event.code) ? event.code.replace(/^(Key|Digit)/, '').toLowerCase() : null;
  const typed = event.key.toLowerCase();
  // The physical key when the typed one would not name the shortcut: with Alt held macOS turns letters into symbols,
  // and a keyboard in Korean (Hangul) mode types 'ㅓ' for J and 'ㅏ' for K, or an input method reports 'Process'.
  // Staff switch between Korean and English all day; a shortcut must not depend on which mode the keyboard is in.
  const notLatin = (typed.length === 1 && typed.charCodeAt(0) > 127) || typed === 'process';
  const base = physical && (event.altKey || notLatin) ? physical : typed;
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
