import { keyName } from './use-shortcuts';

const key = (k: string, code: string, mods: { alt?: boolean; ctrl?: boolean; meta?: boolean } = {}) =>
  keyName({ key: k, code, altKey: mods.alt ?? false, ctrlKey: mods.ctrl ?? false, metaKey: mods.meta ?? false });

describe('keyName', () => {
  it('names plain keys by what they type', () => {
    expect(key('j', 'KeyJ')).toBe('j');
    expect(key('K', 'KeyK')).toBe('k');
    expect(key('?', 'Slash')).toBe('?');
    expect(key('Escape', 'Escape')).toBe('escape');
  });

  it('names a letter by its key when the keyboard is in Korean (Hangul) mode or an input method is composing', () => {
    expect(key('ㅓ', 'KeyJ')).toBe('j');
    expect(key('ㅏ', 'KeyK')).toBe('k');
    expect(key('ㅁ', 'KeyA')).toBe('a');
    expect(key('Process', 'KeyC')).toBe('c');
  });

  it('names Alt combinations by the key, whatever the layout makes of them', () => {
    expect(key('¬', 'KeyL', { alt: true })).toBe('alt+l');
    expect(key('ㅣ', 'KeyL', { alt: true })).toBe('alt+l');
    expect(key('ㅜ', 'KeyN', { alt: true })).toBe('alt+n');
    expect(key('¡', 'Digit1', { alt: true })).toBe('alt+1');
  });

  it('keeps shifted symbols as typed and names Ctrl or Cmd', () => {
    expect(key('!', 'Digit1')).toBe('!');
    expect(key('s', 'KeyS', { ctrl: true })).toBe('ctrl+s');
    expect(key('s', 'KeyS', { meta: true })).toBe('ctrl+s');
  });
});
