// `npx tsx scripts/editor-screenshot.ts`: builds the editor, opens no-rural-promoters with an edit
// that breaks a rule (so the command line's message shows), and saves the first screen at
// 1440 × 900 as docs/editor.png for the README.
import { join } from 'node:path';
import { launchChromium, PROJECT, servePages } from '../tests/support/browser.ts';

const server = await servePages(['editor.html']);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await page.goto(`${server.url}editor.html?scenario=no-rural-promoters&lang=en`);
  await page.getByTestId('verdict').filter({ hasText: 'Valid' }).waitFor();
  for (const group of ['$general', 'tiers', 'tiers[3]']) await page.locator(`details[data-path="${group}"] > summary`).click();
  const field = page.locator('[data-testid="field:tiers[3].offlinePerDay"]');
  await field.fill('1.2');
  await field.press('Tab');
  await page.getByTestId('verdict').filter({ hasText: 'problem' }).waitFor();
  // The verdict, the command line's lines, the calendar and the tier being edited, from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(PROJECT, 'docs/editor.png') });
  console.log('docs/editor.png written');
} finally {
  await browser.close();
  await server.close();
}
