import { renderSimpleEmail } from '../mail/templates';
import { LocaleValue } from '../graphql/context';

const STRINGS = {
  EN: {
    subject: 'Your sign-in link for the ECAVA working groups',
    greeting: (name: string) => `Hello ${name},`,
    body: 'You asked to sign in to the ECAVA Working-Group Platform. The sign-in link in this email works once and expires in 15 minutes.',
    action: 'Sign in',
    prompt: 'To sign in, open this link:',
    footer: 'If you did not ask for this link, you can ignore this email: nobody can sign in without it.',
  },
  DE: {
    subject: 'Ihr Anmeldelink für die ECAVA-Arbeitsgruppen',
    greeting: (name: string) => `Guten Tag ${name},`,
    body: 'Sie möchten sich bei der ECAVA-Arbeitsgruppenplattform anmelden. Der Anmeldelink in dieser E-Mail ist einmal gültig und läuft nach 15 Minuten ab.',
    action: 'Anmelden',
    prompt: 'Zum Anmelden öffnen Sie diesen Link:',
    footer: 'Falls Sie diesen Link nicht angefordert haben, können Sie diese E-Mail ignorieren: Ohne ihn kann sich niemand anmelden.',
  },
} as const;

/** FR (and any locale without a translation) falls back to EN. */
export function renderSignInEmail(locale: LocaleValue, name: string, url: string) {
  const lang = locale === 'DE' ? 'DE' : 'EN';
  const s = STRINGS[lang];
  return renderSimpleEmail({
    lang: lang.toLowerCase(),
    subject: s.subject,
    paragraphs: [s.greeting(name), s.body],
    action: { label: s.action, prompt: s.prompt, url },
    footer: s.footer,
  });
}
