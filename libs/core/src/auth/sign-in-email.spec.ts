import { renderSignInEmail } from './sign-in-email';

/** Words that point at the HTML part: a plain-text reader has no button to use. */
const POINTS_AT_HTML = /button|below|click|Schaltfläche|unten|klicken/i;

describe(renderSignInEmail.name, () => {
  const url = 'https://wg.ecava.test/sign-in?token=abc123';

  it.each([
    ['EN', 'Hello Ada Admin,', 'To sign in, open this link:'],
    ['DE', 'Guten Tag Ada Admin,', 'Zum Anmelden öffnen Sie diesen Link:'],
  ] as const)(
    'writes a %s plain-text part that reads on its own: the action spelled out, the link itself',
    (locale, greeting, prompt) => {
      const { text, html } = renderSignInEmail(locale, 'Ada Admin', url);
      expect(text.startsWith(`${greeting}\n\n`)).toBe(true);
      expect(text).toContain(`${prompt}\n${url}\n`);
      expect(text).not.toMatch(POINTS_AT_HTML);
      // The HTML part keeps its button (Handlebars writes "=" as &#x3D; inside the attribute).
      expect(html).toContain('<a href="https://wg.ecava.test/sign-in?token&#x3D;abc123"');
    },
  );
});
