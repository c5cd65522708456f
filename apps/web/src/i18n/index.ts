import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// One file per area and language (en/common.json, de/proposals.json…), each a namespace-free slice of
// keys under the area's own top-level key; merged here. Only the language in use is fetched (each file
// its own chunk, loaded together), so the first load carries one language, not both;
// test/web-i18n.e2e-spec.ts checks that both languages have the same keys.
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { import: 'default' });

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

const loaded = new Set<Language>();

/** Fetches every area's file of the language once and adds them as its resources. */
async function load(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`./${language}/`))
      .map(([, importFile]) => importFile()),
  );
  i18n.addResourceBundle(language, 'translation', Object.assign({}, ...parts), true, true);
  loaded.add(language);
}

/** Before sign-in the browser's language decides; after it, the person's `locale` (the layout applies it). */
function initialLanguage(): Language {
  const stored = localStorage.getItem('ecava.lang');
  if (stored === 'en' || stored === 'de') return stored;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Resolves once the first language is in: main.tsx renders after it, so no screen shows raw keys. */
export async function startI18n(): Promise<void> {
  const language = initialLanguage();
  await i18n.use(initReactI18next).init({ lng: language, fallbackLng: false, resources: {}, interpolation: { escapeValue: false } });
  await load(language);
  document.documentElement.lang = language;
}

export function setLanguage(language: Language): void {
  localStorage.setItem('ecava.lang', language);
  document.documentElement.lang = language;
  if (i18n.language === language && loaded.has(language)) return;
  void load(language).then(() => i18n.changeLanguage(language));
}

/** The API's Locale (EN, DE, FR) as a UI language; French falls back to English until it is translated. */
export function languageOf(locale: string | null | undefined): Language {
  return locale === 'DE' ? 'de' : 'en';
}

export default i18n;
