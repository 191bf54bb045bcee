// Getting a tired operator's attention without audio files: a short Web Audio tone and a flashing tab title
// that stops as soon as the window has focus.

let audio: AudioContext | null = null;

/** Browsers only allow audio after a user gesture; call this from one (login, first click). */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null;
  }
}

export function beep(kind: 'offer' | 'alert'): void {
  if (!audio) return;
  const now = audio.currentTime;
  const tones = kind === 'alert' ? [880, 660, 880] : [660, 880];
  tones.forEach((frequency, i) => {
    if (!audio) return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const start = now + i * 0.22;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + 0.21);
  });
}

let flashTimer: ReturnType<typeof setInterval> | undefined;
let baseTitle = '';

export function flashTitle(message: string): void {
  if (document.hasFocus() && document.visibilityState === 'visible') return;
  stopFlash();
  baseTitle = document.title;
  let on = false;
  flashTimer = setInterval(() => {
    on = !on;
    document.title = on ? `● ${message}` : baseTitle;
  }, 800);
  window.addEventListener('focus', stopFlash, { once: true });
}

export function stopFlash(): void {
  if (flashTimer === undefined) return;
  clearInterval(flashTimer);
  flashTimer = undefined;
  document.title = baseTitle;
}
