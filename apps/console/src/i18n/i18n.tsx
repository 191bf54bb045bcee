import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { ko } from './ko';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const dictionaries: Record<Language, Messages> = { ko, en };
const STORAGE_KEY = 'console.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'ko' ? stored : 'ko';
}

interface I18n {
  lang: Language;
  t: Messages;
  setLang: (lang: Language) => void;
  toggle: () => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
    // The tab title too: it is what an operator sees with the console in a background tab.
    document.title = dictionaries[lang].app.title;
    localStorage.setItem(STORAGE_KEY, lang);
  }, [lang]);
  const toggle = useCallback(() => setLang((l) => (l === 'ko' ? 'en' : 'ko')), []);
  const value = useMemo<I18n>(() => ({ lang, t: dictionaries[lang], setLang, toggle }), [lang, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
