import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { signIn, useBrowser, users } from './support/browser';

/**
 * The budget `admin-console:bundle-budget` holds the build to, read from its command so the build
 * check and this one cannot drift apart.
 */
function budgetBytes(): number {
  const project = readFileSync(join(__dirname, '../../admin-console/project.json'), 'utf8');
  const kb = /bundle-budget\.mjs \S+ (\d+)/.exec(project)?.[1];
  if (!kb) throw new Error('no budget found in the bundle-budget target of admin-console/project.json');
  return Number(kb) * 1024;
}

interface Transferred {
  /** Everything the page fetched over the network so far: the document, scripts, styles, API calls. */
  total: number;
  /** The scripts' bodies as they came (compressed) and as they run (decoded). */
  scripts: { encoded: number; decoded: number; count: number };
}

/** What the browser says it transferred (Resource Timing), with a fresh cache: nothing came from it. */
async function transferred(page: Page): Promise<Transferred> {
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
      const t = e as PerformanceResourceTiming;
      return {
        url: t.name,
        transfer: t.transferSize,
        encoded: t.encodedBodySize,
        decoded: t.decodedBodySize,
      };
    }),
  );
  const scripts = entries.filter((e) => new URL(e.url).pathname.endsWith('.js'));
  return {
    total: entries.reduce((n, e) => n + e.transfer, 0),
    scripts: {
      encoded: scripts.reduce((n, e) => n + e.encoded, 0),
      decoded: scripts.reduce((n, e) => n + e.decoded, 0),
      count: scripts.length,
    },
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

describe('first page: what the browser really transfers', () => {
  const session = useBrowser();

  it('keeps the sign-in page and the practice list under the budget, every script brotli-compressed', async () => {
    const page = session.page;
    const budget = budgetBytes();
    const scriptResponses: Response[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.js')) scriptResponses.push(r);
    });

    await page.goto('/login');
    await page.getByLabel('E-mail').waitFor();
    await page.waitForLoadState('networkidle');
    const signInPage = await transferred(page);

    await signIn(page, users.staff);
    await page.waitForURL(/\/practices$/);
    await page.getByRole('heading', { level: 1, name: 'Practices' }).waitFor();
    await page.locator('[aria-busy="false"]').waitFor();
    await page.waitForLoadState('networkidle');
    const practiceList = await transferred(page);

    // Shown in the run's output: the figures the budget is about.
    console.info(
      [
        `sign-in page: ${kb(signInPage.total)} transferred, scripts ${kb(signInPage.scripts.encoded)} of ${kb(signInPage.scripts.decoded)} (${signInPage.scripts.count})`,
        `with the practice list: ${kb(practiceList.total)} transferred, scripts ${kb(practiceList.scripts.encoded)} of ${kb(practiceList.scripts.decoded)} (${practiceList.scripts.count})`,
      ].join('\n'),
    );

    expect(signInPage.scripts.count).toBeGreaterThan(0);
    expect(practiceList.scripts.count).toBeGreaterThan(signInPage.scripts.count);
    expect(signInPage.total).toBeLessThanOrEqual(budget);
    expect(practiceList.total).toBeLessThanOrEqual(budget);
    // Compressed on the wire: brotli takes the console's scripts to under a third of their size.
    expect(practiceList.scripts.encoded).toBeLessThan(practiceList.scripts.decoded / 3);

    expect(scriptResponses.length).toBeGreaterThanOrEqual(practiceList.scripts.count);
    for (const response of scriptResponses) {
      const headers = await response.allHeaders();
      expect([response.url(), response.status(), headers['content-encoding'], headers['vary']]).toEqual([
        response.url(),
        200,
        'br',
        expect.stringMatching(/accept-encoding/i),
      ]);
    }
  });
});
