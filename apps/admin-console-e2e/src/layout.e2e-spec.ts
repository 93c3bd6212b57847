import type { Page } from 'playwright-core';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import { apiCreateReadyPractice, apiLogin } from './support/practices';

/** How much wider than the window the document is (0 when nothing sticks out). */
async function overflow(page: Page): Promise<{ doc: number; view: number; widest: string }> {
  return page.evaluate(() => {
    const view = window.innerWidth;
    const doc = document.documentElement.scrollWidth;
    // Name the element that sticks out furthest, so a failure says where to look.
    let widest = '';
    let right = view;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 0.5) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} → ${Math.round(r.right)} px`;
      }
    }
    return { doc, view, widest };
  });
}

describe('layout on a phone (390 px)', () => {
  const session = useBrowser();

  it('no main page is wider than the window; Sign out stays on screen and tables scroll inside their frame', async () => {
    const token = await apiLogin(users.staff);
    const practice = await apiCreateReadyPractice(token, `Narrow Street Therapy ${runId}`);
    const page = session.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, users.staff);

    const pages: [string, string][] = [
      ['/practices', 'Practices'],
      [`/practices/${practice.id}`, `Narrow Street Therapy ${runId}`],
      [`/practices/${practice.id}/settings/practice-details`, 'Practice settings'],
      [`/practices/${practice.id}/settings/team-members`, 'Practice settings'],
      [`/practices/${practice.id}/clients`, 'Clients'],
      [`/practices/${practice.id}/clients/new`, 'Add client'],
      [`/practices/${practice.id}/appointments`, 'Appointments'],
      [`/practices/${practice.id}/enrollments`, 'Enrollments'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const o = await overflow(page);
      expect({ path, ...o, fits: o.doc <= o.view }).toEqual({ path, ...o, fits: true });
      const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
      expect(signOut && signOut.x >= 0 && signOut.x + signOut.width <= o.view).toBe(true);
    }
    await page.goto('/practices');
    await page.getByRole('heading', { level: 1, name: 'Practices' }).waitFor();
    await screenshot(page, '37-practices-390');
  });

  it('the State picker names the states, and shows the chosen code', async () => {
    const page = session.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, users.staff);
    await page.goto('/practices/new');
    await page.getByRole('heading', { level: 1, name: 'New practice' }).waitFor();
    const state = page.getByRole('combobox', { name: /^State( |$)/ });
    await state.click();
    await page.getByRole('option', { name: 'MA · Massachusetts' }).click();
    await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
    expect((await state.textContent())?.trim()).toBe('MA');
    const box = await state.boundingBox();
    expect(box && box.width >= 80).toBe(true);
  });

  it('practice rows are compact at 1440 px: one line each, readiness included', async () => {
    const token = await apiLogin(users.staff);
    await apiCreateReadyPractice(token, `Dense Row Counseling ${runId}`);
    const page = session.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, users.staff);
    await page.goto('/practices');
    const row = page.getByRole('row').filter({ hasText: `Dense Row Counseling ${runId}` });
    await row.getByTestId('row-readiness').waitFor();
    const box = await row.boundingBox();
    expect(box && box.height <= 56).toBe(true);
  });
});
