import Handlebars from 'handlebars';

/**
 * A minimal, well-escaped HTML layout for transactional emails. Handlebars escapes every `{{value}}`,
 * so user-provided text (names, titles) cannot inject markup.
 */
const layout = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Helvetica, Arial, sans-serif; color: #1d2733; max-width: 560px; margin: 0 auto; padding: 24px">
<p style="font-size: 13px; color: #5b6b7c">ECAVA — European Connected and Autonomous Vehicle Alliance</p>
{{#each paragraphs}}<p>{{this}}</p>{{/each}}
{{#if action}}<p><a href="{{action.url}}" style="display: inline-block; padding: 10px 18px; background: #0b4f8a; color: #fff; text-decoration: none; border-radius: 4px">{{action.label}}</a></p>
<p style="font-size: 13px; color: #5b6b7c">{{action.url}}</p>{{/if}}
{{#if footer}}<p style="font-size: 12px; color: #5b6b7c">{{footer}}</p>{{/if}}
</body></html>`);

export interface SimpleEmail {
  lang: string;
  subject: string;
  /** Shown in both parts: they must read without the button (no "use the button below"). */
  paragraphs: string[];
  /**
   * The one thing to do: a button labelled `label` in HTML; in the plain-text part, which must read on
   * its own, `prompt` spells the action out ("To sign in, open this link:") with the URL itself.
   */
  action?: { label: string; prompt: string; url: string };
  footer?: string;
}

/** Subject, HTML and plain text of a transactional email (the text part is complete without the HTML). */
export function renderSimpleEmail(email: SimpleEmail): { subject: string; html: string; text: string } {
  const text = [
    ...email.paragraphs,
    ...(email.action ? [`${email.action.prompt}\n${email.action.url}`] : []),
    ...(email.footer ? ['--', email.footer] : []),
  ].join('\n\n');
  return { subject: email.subject, html: layout(email), text: `${text}\n` };
}
