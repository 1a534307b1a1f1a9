import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en.ts';
import { fr } from './fr.ts';

export const languages = { en, fr } as const;
export type Language = keyof typeof languages;

const storageKey = 'crg.dashboard.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The label for `key`, with `{name}` placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A number written the language's way. */
  number(value: number): string;
  /** A YYYY-MM-DD or ISO date-time written as a date in the language. */
  date(value: string): string;
}

export function translate(messages: Messages, key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    // Screen readers pick their voice from the page's language.
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
    const numbers = new Intl.NumberFormat(locale);
    // Dates in the graph are calendar days: format them in UTC so no time zone shifts the day.
    const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return {
      language,
      setLanguage,
      t: (key, values) => translate(languages[language], key, values),
      number: (n) => numbers.format(n),
      date: (d) => dates.format(new Date(d.length === 10 ? `${d}T00:00:00Z` : d)),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
