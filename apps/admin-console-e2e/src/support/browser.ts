import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The stack under test (started by `npm test`), with the console served by the gateway. */
export const BASE_URL = process.env['API_URL'] ?? 'http://127.0.0.1:3000';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm test\``);
  return value;
}

export const users = {
  admin: { email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') },
  staff: { email: required('E2E_STAFF_EMAIL'), password: required('E2E_STAFF_PASSWORD') },
  owner: { email: required('E2E_OWNER_EMAIL'), password: required('E2E_OWNER_PASSWORD') },
};

/** Screenshots of every run land here (git-ignored); a few are copied to docs/screenshots. */
export const SCREENSHOT_DIR =
  process.env['SCREENSHOT_DIR'] ?? join(__dirname, '../../../../dist/screenshots');

/**
 * Debian's Chromium, never a downloaded browser. The flags keep it off the network (this machine
 * has none) and let it run as root in a container.
 */
async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function newContext(
  browser: Browser,
  viewport = { width: 1280, height: 860 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport,
    locale: 'en-US',
    timezoneId: 'America/New_York',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The sign-out button shows at every width (the e-mail line hides below 900 px).
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Waits for finite animations (a dialog or snack bar coming in) to end; endless ones are ignored. */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await animationsSettled(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** A short unique suffix so a run's records never collide with an earlier run's. */
export const runId = Date.now().toString(36).slice(-5);

export interface BrowserSession {
  readonly browser: Browser;
  /** The test's context (or the file's, with `page: 'per-file'`). */
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * A page in a context of its own (another user signed in beside the test's, another window
   * size), closed with the test's context: specs never open or close contexts themselves.
   */
  newPage(): Promise<Page>;
}

/**
 * The browser lifecycle every spec file uses: one Chromium per file, a fresh context and page per
 * test (`page: 'per-file'`: one for the whole file), closed after it, with any `newPage()`. Call it first in a
 * `describe`; its hooks then run before the file's own, which read `session.page`.
 */
export function useBrowser(options: { page?: 'per-test' | 'per-file' } = {}): BrowserSession {
  const perFile = options.page === 'per-file';
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const extra: BrowserContext[] = [];
  const get = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useBrowser: no ${what} outside a test or its hooks`);
    return value;
  };
  const open = async () => {
    context = await newContext(get(browser, 'browser'));
    page = await context.newPage();
  };
  const close = async () => {
    for (const c of extra.splice(0)) await c.close();
    await context?.close();
    context = page = undefined;
  };
  beforeAll(async () => {
    browser = await launch();
    if (perFile) await open();
  });
  afterAll(async () => {
    await close();
    await browser?.close();
  });
  if (!perFile) {
    beforeEach(open);
    afterEach(close);
  }
  return {
    get browser() {
      return get(browser, 'browser');
    },
    get context() {
      return get(context, 'context');
    },
    get page() {
      return get(page, 'page');
    },
    async newPage() {
      const other = await newContext(get(browser, 'browser'));
      extra.push(other);
      return other.newPage();
    },
  };
}
