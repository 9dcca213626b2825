import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { CODE_MESSAGES_ZH } from './error-codes';
import { zh, type MessageKey } from './zh';

export type Language = 'zh' | 'en';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'console.language';

export interface I18n {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  /** The text for a key, with {name} placeholders filled in. */
  readonly t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
  /** An api error code in the current language, or the api's own (English) message when it has no translation. */
  readonly errorText: (code: string, apiMessage: string) => string;
  /** The word for a value the api sends (a status, a role, a gate): `label('status', 'APPROVED')`; the value itself when unknown. */
  readonly label: (prefix: string, value: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function fill(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Chinese by default; the choice is kept in this browser and set on <html lang> for screen readers. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = DICTIONARIES[language]['app.title'];
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[language];
    return {
      language,
      setLanguage,
      t: (key, values) => fill(dictionary[key], values),
      errorText: (code, apiMessage) => (language === 'zh' ? (CODE_MESSAGES_ZH[code] ?? (code.endsWith('.NOT_FOUND') ? CODE_MESSAGES_ZH['HTTP.NOT_FOUND'] : undefined) ?? apiMessage) : apiMessage),
      label: (prefix, value) => (dictionary as Record<string, string>)[`${prefix}.${value}`] ?? value,
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
