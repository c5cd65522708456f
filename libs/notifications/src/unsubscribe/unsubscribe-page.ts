import Handlebars from 'handlebars';
import { translate } from '../i18n/translate';
import { NotificationCategory } from '../notification.enums';

/** The pages behind the unsubscribe link. Handlebars escapes every value. */
const page = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}}</title></head>
<body style="font-family: Helvetica, Arial, sans-serif; color: #1d2733; max-width: 600px; margin: 0 auto; padding: 24px">
<p style="font-size: 13px; color: #5b6b7c">ECAVA — European Connected and Autonomous Vehicle Alliance</p>
<h1 style="font-size: 20px">{{title}}</h1>
<p>{{message}}</p>
{{#if button}}
<form method="post">
  <input type="hidden" name="List-Unsubscribe" value="One-Click">
  <button type="submit" style="padding: 8px 16px">{{button}}</button>
</form>
{{/if}}
</body></html>`);

function lang(locale: string): string {
  return locale.toUpperCase() === 'DE' ? 'de' : 'en';
}

function categoryName(locale: string, category: NotificationCategory): string {
  return translate(locale, `category.${category}`);
}

/** GET: asks before changing anything (link scanners and previews only GET). The form posts to the same URL. */
export function confirmationPage(locale: string, category: NotificationCategory): string {
  const values = { category: categoryName(locale, category) };
  return page({
    lang: lang(locale),
    title: translate(locale, 'common.unsubscribe', values),
    message: translate(locale, 'unsubscribe.confirm', values),
    button: translate(locale, 'unsubscribe.button'),
  });
}

export function donePage(locale: string, category: NotificationCategory): string {
  const values = { category: categoryName(locale, category) };
  return page({ lang: lang(locale), title: translate(locale, 'common.unsubscribe', values), message: translate(locale, 'unsubscribe.done', values) });
}

export function invalidPage(locale: string): string {
  return page({ lang: lang(locale), title: translate(locale, 'unsubscribe.invalidTitle'), message: translate(locale, 'unsubscribe.invalid') });
}
