import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/a11y';
import { BASE_URL, screenshot, signIn, useBrowser, users } from './support/browser';

describe('console shell: sign-in, session, role-aware navigation', () => {
  const session = useBrowser();
  let page: Page;

  beforeEach(async () => {
    page = session.page;
  });

  it('sends a visitor to sign-in, refuses a wrong password in words, and signs in', async () => {
    await page.goto('/practices');
    await page.waitForURL(/\/login\?returnUrl=%2Fpractices/);
    await screenshot(page, '01-sign-in');
    await page.getByLabel('E-mail').fill(users.staff.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The e-mail or password is not right.' }).waitFor();
    await page.getByLabel('Password').fill(users.staff.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/practices$/);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Billing team');
  });

  it('keeps the session over a reload (refresh token) and ends it on sign-out', async () => {
    await signIn(page, users.staff);
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto('/practices');
    await page.waitForURL(/\/login/);
  });

  it('shows the admin area only to administrators', async () => {
    await signIn(page, users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).waitFor();
    await session.context.clearCookies();
    const staffPage = await session.newPage();
    await signIn(staffPage, users.staff);
    expect(
      await staffPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count(),
    ).toBe(0);
    await staffPage.goto('/admin/users');
    await staffPage.waitForURL((url) => !url.pathname.startsWith('/admin'));
  });

  it('has no serious accessibility violations on the sign-in page and the practice list', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await signIn(page, users.staff);
    await page.waitForURL(/\/practices$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('serves deep links with index.html (never cached) and the hashed scripts, lazy chunks too, cached for good', async () => {
    const html = await fetch(`${BASE_URL}/practices/some/deep/link`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    expect(await html.text()).toContain('<cl-root>');
    // Signed in, the practice list has loaded its feature's lazy chunks beside the initial scripts.
    await signIn(page, users.staff);
    await page.waitForURL(/\/practices$/);
    await page.getByRole('heading', { level: 1, name: 'Practices' }).waitFor();
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.endsWith('.js')),
    );
    expect(scripts.some((s) => /\/chunk-/.test(s))).toBe(true);
    for (const url of scripts) {
      expect([url, (await fetch(url)).headers.get('cache-control')]).toEqual([
        url,
        'public, max-age=31536000, immutable',
      ]);
    }
  });
});
