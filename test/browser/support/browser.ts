import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { SmtpSink, startSmtpSink } from '../../support/smtp-sink';
import { startTestApp, TestApp } from '../../support/test-app';

/** Debian's chromium (installed by .ci/run); Playwright's own browser download cannot work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);
const WEB_INDEX = 'dist/web/index.html';
export const hasClient = existsSync(WEB_INDEX);

/** `describe` when a browser and the built client are here, otherwise a skipped block with a visible note. */
export const describeInBrowser: jest.Describe = ((name: string, fn: () => void) => {
  if (hasBrowser && hasClient) return describe(name, fn);
  const missing = [!hasBrowser && `no browser at ${CHROMIUM}`, !hasClient && `no built client at ${WEB_INDEX} (npm run build:web)`].filter(Boolean).join(', ');
  console.warn(`Browser tests "${name}" skipped: ${missing}.`);
  return describe.skip(name, fn);
}) as jest.Describe;

export interface BrowserHarness {
  t: TestApp;
  smtp: SmtpSink;
  browser: Browser;
  /** Uncaught errors in any page (CSP violations surface as console errors, collected in `consoleErrors`). */
  pageErrors: string[];
  consoleErrors: string[];
  /** A new browser context (a separate person: own storage, own session), at the size given. */
  context(options?: { width?: number; height?: number; locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The real API (worker on, so emails and notifications flow) on a real PostgreSQL, a real SMTP server on
 * loopback, the built client served by the API with its production CSP (the sandbox is off), and chromium.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const smtp = await startSmtpSink();
  const port = await freePort();
  const t = await startTestApp({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: smtp.url,
    RUN_WORKER: 'true',
    GRAPHQL_PLAYGROUND: 'false',
    // People sign in through the emailed link in every test; the per-address limit has its own tests.
    SIGN_IN_LIMIT_PER_EMAIL: '1000',
    SIGN_IN_LIMIT_PER_IP: '100000',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  return {
    t,
    smtp,
    browser,
    pageErrors,
    consoleErrors,
    async context(options = {}) {
      const context = await browser.newContext({
        baseURL: t.url,
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        locale: options.locale ?? 'en-GB',
      });
      context.on('weberror', (error) => pageErrors.push(error.error().message));
      context.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
      await smtp.close();
    },
  };
}

/** The link in the newest email to this address whose text matches, as the person would click it. */
export async function linkFromEmail(smtp: SmtpSink, to: string, pattern: RegExp, after = 0): Promise<string> {
  const messages = await smtp.waitFor((all) => all.slice(after).some((m) => recipient(m) === to && pattern.test(m.text ?? '')), 20_000);
  const mail = messages
    .slice(after)
    .filter((m) => recipient(m) === to && pattern.test(m.text ?? ''))
    .at(-1)!;
  const url = (mail.text ?? '').match(pattern)?.[0];
  if (!url) throw new Error(`no link matching ${pattern} in the email to ${to}`);
  return url;
}

function recipient(mail: { to?: unknown }): string {
  const to = mail.to as { text?: string } | undefined;
  return to?.text ?? '';
}

/** Signs a person in the way they would: request a link, open it from the email. Returns the page on Home. */
export async function signInByEmail(h: BrowserHarness, context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel(/email|E-Mail/i).fill(email);
  const before = h.smtp.messages.length;
  await page.getByRole('button', { name: /sign-in link|Anmeldelink/i }).click();
  await page.getByRole('status').waitFor();
  const link = await linkFromEmail(h.smtp, email, /https?:\/\/\S+\/sign-in\?token=[^\s>]+/, before);
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** axe-core on the page as it is: the serious and critical violations, by rule and target. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
