import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// One file per area and language (en/common.json, de/proposals.json…), each a namespace-free slice of
// keys under the area's own top-level key; merged here. Missing German keys fall back to English, and
// test/browser/i18n checks that both languages have the same keys.
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });
const bundle = (language: string) =>
  Object.assign({}, ...Object.entries(files).filter(([path]) => path.startsWith(`./${language}/`)).map(([, keys]) => keys)) as Record<string, unknown>;

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Before sign-in the browser's language decides; after it, the person's `locale` (see useApplyLocale). */
function initialLanguage(): Language {
  const stored = localStorage.getItem('ecava.lang');
  if (stored === 'en' || stored === 'de') return stored;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: bundle('en') }, de: { translation: bundle('de') } },
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
