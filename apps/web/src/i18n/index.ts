import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Before sign-in the browser's language decides; after it, the person's `locale` (see useApplyLocale). */
function initialLanguage(): Language {
  const stored = localStorage.getItem('ecava.lang');
  if (stored === 'en' || stored === 'de') return stored;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem('ecava.lang', language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** The API's Locale (EN, DE, FR) as a UI language; French falls back to English until it is translated. */
export function languageOf(locale: string | null | undefined): Language {
  return locale === 'DE' ? 'de' : 'en';
}

document.documentElement.lang = i18n.language;
export default i18n;
