import i18next, { i18n } from 'i18next';
import { de } from './de';
import { en } from './en';

export type EmailLocale = 'EN' | 'DE' | 'FR';

let instance: i18n | undefined;

/** One i18next instance for emails: EN and DE complete; FR (and anything else) falls back to EN. */
function translator(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      initImmediate: false,
      resources: { en: { translation: en }, de: { translation: de } },
      lng: 'en',
      fallbackLng: 'en',
      // Plain text here; HTML escaping happens once, in the Handlebars templates.
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return instance;
}

export function translate(locale: EmailLocale | string, key: string, values: Record<string, unknown> = {}): string {
  return translator().t(key, { ...values, lng: locale.toLowerCase() });
}
