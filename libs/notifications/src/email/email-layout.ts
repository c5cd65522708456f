import Handlebars from 'handlebars';

/**
 * The notification email, HTML and plain text. Handlebars escapes every `{{value}}`: titles, names and
 * comments from users can never inject markup.
 */
const html = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Helvetica, Arial, sans-serif; color: #1d2733; max-width: 600px; margin: 0 auto; padding: 24px">
<p style="font-size: 13px; color: #5b6b7c">ECAVA — European Connected and Autonomous Vehicle Alliance</p>
<p>{{greeting}}</p>
{{#each items}}
<div style="margin: 16px 0; padding: 12px 16px; border-left: 3px solid #0b4f8a; background: #f4f7fa">
  {{#if group}}<div style="font-size: 12px; color: #5b6b7c">{{group}}</div>{{/if}}
  <div style="font-weight: bold">{{title}}</div>
  <div>{{body}}</div>
  {{#if url}}<div style="margin-top: 8px"><a href="{{url}}">{{../openLabel}}</a></div>{{/if}}
</div>
{{/each}}
<hr style="border: none; border-top: 1px solid #d5dde5">
<p style="font-size: 12px; color: #5b6b7c">{{footer}}<br><a href="{{unsubscribeUrl}}">{{unsubscribeLabel}}</a></p>
</body></html>`);

export interface EmailItem {
  group?: string;
  title: string;
  body: string;
  url?: string | null;
}

export interface EmailContent {
  lang: string;
  subject: string;
  greeting: string;
  items: EmailItem[];
  openLabel: string;
  footer: string;
  unsubscribeUrl: string;
  unsubscribeLabel: string;
}

export function renderEmail(content: EmailContent): { html: string; text: string } {
  const text = [
    content.greeting,
    '',
    ...content.items.flatMap((item) => [
      ...(item.group ? [`[${item.group}]`] : []),
      item.title,
      item.body,
      ...(item.url ? [`${content.openLabel}: ${item.url}`] : []),
      '',
    ]),
    '--',
    content.footer,
    `${content.unsubscribeLabel}: ${content.unsubscribeUrl}`,
  ].join('\n');
  return { html: html(content), text: `${text}\n` };
}
