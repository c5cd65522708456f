import Markdown, { type MarkdownToJSX } from 'markdown-to-jsx/react';
import type { ComponentPropsWithoutRef } from 'react';

/**
 * The one place the client renders Markdown (proposal bodies and comments, priority and meeting descriptions,
 * agenda items, minutes, a group's mission). Only lazy screens import it, so markdown-to-jsx stays out of
 * the entry chunk.
 *
 * Safe for text anyone with a seat may write:
 * - raw HTML is not parsed (`<script>`, `<img onerror>` stay visible text);
 * - a link is a link only for http(s) and mailto addresses; anything else (javascript:, data:, relative
 *   paths) is shown as its text; http(s) links open with rel="noopener noreferrer";
 * - images are not loaded: they show as a link to the image with its alt text;
 * - Markdown headings become bold paragraphs, so a `# Title` in a body cannot break the page's heading
 *   order (axe's heading-order rule) or compete with the screen's own headings.
 */
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export function safeUrl(value: string | undefined | null): string | null {
  const url = (value ?? '').trim();
  return SAFE_URL.test(url) ? url : null;
}

function Link({ href, children, title }: ComponentPropsWithoutRef<'a'>) {
  const url = safeUrl(href);
  if (!url) return <span>{children}</span>;
  return url.toLowerCase().startsWith('mailto:') ? (
    <a href={url} title={title}>
      {children}
    </a>
  ) : (
    <a href={url} title={title} rel="noopener noreferrer" target="_blank">
      {children}
    </a>
  );
}

function Image({ src, alt }: ComponentPropsWithoutRef<'img'>) {
  const url = safeUrl(src);
  const text = alt || src || '';
  return url ? (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}

function Heading({ children }: { children?: React.ReactNode }) {
  return (
    <p className="md-heading">
      <strong>{children}</strong>
    </p>
  );
}

const OPTIONS: MarkdownToJSX.Options = {
  disableParsingRawHTML: true,
  forceBlock: true,
  forceWrapper: true,
  sanitizer: (value) => safeUrl(value),
  overrides: {
    a: Link,
    img: Image,
    h1: Heading,
    h2: Heading,
    h3: Heading,
    h4: Heading,
    h5: Heading,
    h6: Heading,
  },
};

export function MarkdownText({ text, className }: { text: string; className?: string }) {
  return (
    <Markdown className={className ? `markdown ${className}` : 'markdown'} options={OPTIONS}>
      {text}
    </Markdown>
  );
}
