import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { unlockAudio } from './realtime/attention';
import './app/styles.css';

// Korean glyphs on any machine: the variable Noto Sans KR, split by unicode-range so a browser fetches only the
// slices of the characters on screen (woff2 only; one file set for every weight). Its @font-face list is ~88 KB of
// CSS, so it loads after the first paint instead of blocking it; font-display: swap shows the text meanwhile.
void import('@fontsource-variable/noto-sans-kr');

// Audio may only start after a user gesture; the first click or key press unlocks it for the session.
for (const type of ['pointerdown', 'keydown'] as const)
  window.addEventListener(type, unlockAudio, { once: true, capture: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
