// Following a share in the page, in a real browser: the chain shown is made of real links of the
// world (checked against the world rebuilt here from the same scenario and seed), the map dims
// around it, the village draws the cascade as a tree; and the classroom basics — Play pressed
// while loading, the slow speed, no national figures for a village; type readable on a phone and a
// projector, the projector's high-contrast palette, and no label drawn across the curves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, serveSimulator, waitForDay, type Served } from '../support/browser.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { createParts, dayParameters, type WorldParts } from '../../src/engine/index.ts';
import { HIGH_CONTRAST_PALETTE, STANDARD_PALETTE } from '../../src/view/shared/palette.ts';

/** A #rrggbb colour as getComputedStyle writes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

const village = loadScenarioFile('scenarios/teaching-village.json').scenario;
const parts = createParts(village, village.seed, dayParameters(village));

let browser: Browser;
let server: Served;
let simulator: Awaited<ReturnType<typeof serveSimulator>> | undefined;

beforeAll(async () => {
  simulator = await serveSimulator();
  ({ server, browser } = simulator);
});

afterAll(async () => {
  await simulator?.close();
});

async function openPage(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}${query}`);
  return { page, problems };
}

const day = async (page: Page) => Number(await page.locator('[data-testid=day]').textContent());

/** Pixels of the map lit well above its night background (agents, ties, labels, pulses). */
const litPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=map]')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let lit = 0;
    for (let i = 0; i < pixels.length; i += 4) if (Math.max(pixels[i], pixels[i + 1], pixels[i + 2]) > 70) lit++;
    return lit;
  });

const nextFrames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

function isTie(world: WorldParts, a: number, b: number): boolean {
  for (let e = world.ties.offsets[a]; e < world.ties.offsets[a + 1]; e++) if (world.ties.neighbors[e] === b) return true;
  return false;
}

function shareGroup(world: WorldParts, a: number, b: number): boolean {
  const { groupOffsets, groupsOf, memberOffsets, members } = world.groups;
  for (let g = groupOffsets[a]; g < groupOffsets[a + 1]; g++) {
    for (let m = memberOffsets[groupsOf[g]]; m < memberOffsets[groupsOf[g] + 1]; m++) if (members[m] === b) return true;
  }
  return false;
}

/** A link as the world has it: a tie, or for a group post, members of one group. */
const realLink = (channel: string, source: number, agent: number) => (channel === 'group' ? shareGroup(parts, source, agent) : isTie(parts, source, agent));

describe('following a share in the village', () => {
  it('highlights a chain back to the first customer whose every link is a link of the world, days increasing, and dims the rest', async () => {
    const { page, problems } = await openPage('?scenario=teaching-village&day=80');
    await waitForDay(page, 'day === 80');
    await page.waitForFunction(() => !/building|replaying|starting/.test(document.querySelector('[data-testid=status]')!.textContent!));
    await nextFrames(page);
    const before = await litPixels(page);
    let chain: Array<Record<string, string>> = [];
    // The button picks customers told by a friend; try a few until a chain of two links or more.
    for (let attempt = 0; attempt < 12 && chain.length < 3; attempt++) {
      await page.click('[data-testid=follow-random]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=follow-chain] li').length > 0);
      chain = await page.locator('[data-testid=follow-chain] li').evaluateAll((items) => items.map((li) => ({ ...(li as HTMLElement).dataset }) as Record<string, string>));
    }
    expect(chain.length, 'a chain with at least two links').toBeGreaterThanOrEqual(3);
    for (let k = 1; k < chain.length; k++) {
      const [source, agent] = [Number(chain[k - 1].agent), Number(chain[k].agent)];
      expect(Number(chain[k].source)).toBe(source);
      expect(['direct', 'group', 'feed']).toContain(chain[k].channel);
      expect(realLink(chain[k].channel, source, agent), `${source} → ${agent} by ${chain[k].channel}`).toBe(true);
      expect(Number(chain[k].day)).toBeGreaterThan(Number(chain[k - 1].day));
      expect(chain[k].cross === 'true').toBe(parts.population.tier[source] !== parts.population.tier[agent]);
    }
    for (const link of chain) expect(Number(link.tier)).toBe(parts.population.tier[Number(link.agent)] + 1);
    expect(Number(chain.at(-1)!.day)).toBeLessThanOrEqual(80);

    // The whole cascade as a tree: every link in it is a link of the world, the chain drawn thick.
    const tree = page.locator('[data-testid=cascade-tree]');
    await tree.waitFor();
    const links = await tree.locator('path.tree-link').evaluateAll((paths) => paths.map((p) => ({ source: Number(p.getAttribute('data-source')), agent: Number(p.getAttribute('data-agent')), chain: p.classList.contains('chain') })));
    expect(links.filter((l) => l.chain)).toHaveLength(chain.length - 1);
    for (const link of links) expect(isTie(parts, link.source, link.agent) || shareGroup(parts, link.source, link.agent), `${link.source} → ${link.agent}`).toBe(true);

    await nextFrames(page);
    await page.screenshot({ path: await artifactPath('view-follow-share.png'), fullPage: true });
    const following = await litPixels(page);
    expect(following).toBeLessThan(0.6 * before);
    await page.keyboard.press('Escape');
    await nextFrames(page);
    expect(await page.locator('[data-testid=follow-chain] li').count()).toBe(0);
    expect(await litPixels(page)).toBeGreaterThan(0.9 * before);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('follows the agent under a click on the map', async () => {
    const { page, problems } = await openPage('?scenario=teaching-village&day=40');
    await waitForDay(page, 'day === 40');
    const box = (await page.locator('[data-testid=map]').boundingBox())!;
    // Points across the map's middle row until one lands on an agent.
    for (let k = 1; k < 40 && (await page.locator('[data-testid=follow-summary]').textContent()) === ''; k++) {
      await page.mouse.click(box.x + (box.width * k) / 40, box.y + box.height * 0.6);
      await page.waitForTimeout(50);
    }
    expect(await page.locator('[data-testid=follow-summary]').textContent()).toMatch(/^Agent \d+/);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows no national figures for the village (one agent is one person), but does for the default world', async () => {
    const { page, problems } = await openPage('?scenario=teaching-village');
    await waitForDay(page, 'day === 0');
    await nextFrames(page);
    expect(await page.locator('[data-figure=interactions_national]').isHidden()).toBe(true);
    expect(await page.locator('[data-figure=peak_day_data_events_national]').isHidden()).toBe(true);
    expect(await page.locator('[data-figure=customer_share_tiers_3_4]').isVisible()).toBe(true);
    await page.goto(`${server.url}?set=population.agents=5000`);
    await waitForDay(page, 'day === 0');
    await nextFrames(page);
    expect(await page.locator('[data-figure=interactions_national]').isVisible()).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('plays slowly: about one day per 2.5 s', async () => {
    const { page, problems } = await openPage('?scenario=teaching-village');
    await waitForDay(page, 'day === 0');
    await page.selectOption('[data-testid=speed]', '0.4');
    await page.click('[data-testid=play]');
    await page.waitForTimeout(6000);
    await page.click('[data-testid=play]');
    // 6 s at 0.4 days/s is 2.4 days: two days, give or take the start.
    expect(await day(page)).toBeGreaterThanOrEqual(1);
    expect(await day(page)).toBeLessThanOrEqual(3);
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('Play pressed while the world loads', () => {
  it('says it will play, and starts playback once the world is ready', async () => {
    const { page, problems } = await openPage('?set=population.agents=400000');
    await page.waitForFunction(() => /building/.test(document.querySelector('[data-testid=status]')!.textContent!));
    await page.click('[data-testid=play]');
    expect(await page.locator('[data-testid=play]').textContent()).toBe('Plays when ready…');
    expect(await page.locator('[data-testid=day]').textContent()).toBe('–');
    await waitForDay(page, 'day >= 3', 120_000);
    expect(await page.locator('[data-testid=play]').textContent()).toBe('Pause');
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('on a phone (390 × 844)', () => {
  it('scrolls only down, never sideways, with a share followed and its tree drawn', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}?scenario=teaching-village&day=80`);
    await waitForDay(page, 'day === 80');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    // The charts are laid out at the phone's width, so their text is as large as on a laptop.
    await nextFrames(page);
    expect(Math.min(...((await page.evaluate(MEASURE_CHART_TEXT)) as number[]))).toBeGreaterThanOrEqual(11.5);
    await page.tap('[data-testid=follow-random]');
    await page.locator('[data-testid=cascade-tree]').waitFor();
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: await artifactPath('view-phone-follow.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });
});

/**
 * Measured in the page, by WCAG 2's formula: every visible text against the first opaque background
 * behind it (4.5:1), and the charts' and the tree's marks against their white ground (3:1). Written
 * as text so the page runs it as it is (no helper of the TypeScript runner in it).
 */
const MEASURE_CONTRAST = `(() => {
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const ground = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.closest('[hidden]') && getComputedStyle(el).visibility !== 'hidden'; };
  const low = [];
  let texts = 0, marks = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.textContent.trim() || !shown(el) || el.closest('option, title')) continue;
    const inSvg = el.closest('svg');
    const colour = parse(inSvg ? getComputedStyle(el).fill : getComputedStyle(el).color);
    if (!colour) continue;
    texts++;
    const k = ratio(colour, ground(inSvg ?? el));
    if (k < 4.5) low.push('text "' + n.textContent.trim().slice(0, 30) + '" ' + k.toFixed(2));
  }
  const markers = '.chart path.tier, .chart path.channel, .chart .legend rect, .cascade-tree path.tree-link, .cascade-tree circle';
  for (const el of document.querySelectorAll(markers)) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    const colour = parse(el.tagName === 'path' && style.fill === 'none' ? style.stroke : style.fill);
    if (!colour) continue;
    marks++;
    const k = ratio(colour, ground(el.closest('svg')));
    if (k < 3) low.push('mark ' + el.tagName + '.' + el.getAttribute('class') + ' ' + k.toFixed(2));
  }
  return { texts, marks, low };
})()`;

/**
 * Chart text drawn inside a plot area, where the curves are: the plot is the rectangle the axes'
 * domain lines span. Every label (axis, markers, line names, legend) must lie outside it.
 */
const TEXT_ON_CURVES = `(() => Array.from(document.querySelectorAll('.chart svg')).flatMap((svg) => {
  const x = svg.querySelector('.axis.x .domain').getBoundingClientRect();
  const y = svg.querySelector('.axis.y .domain').getBoundingClientRect();
  const plot = { left: x.left + 1, right: x.right - 1, top: y.top + 1, bottom: y.bottom - 1 };
  return Array.from(svg.querySelectorAll('text')).filter((t) => !t.closest('.axis')).map((t) => ({ t, r: t.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && r.left < plot.right && r.right > plot.left && r.top < plot.bottom && r.bottom > plot.top)
    .map(({ t }) => t.textContent);
}))()`;

/** Chart text as drawn on screen: its font size times the chart's scale (rotated labels too). */
const MEASURE_CHART_TEXT = `(() => Array.from(document.querySelectorAll('.chart svg text'))
  .filter((t) => t.getBoundingClientRect().width > 0)
  .map((t) => { const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); }))()`;

describe('contrast and presenter mode', () => {
  it('keeps text at 4.5:1 and chart marks at 3:1, with a share followed, on the default world and the village', async () => {
    for (const query of ['?set=population.agents=5000&day=200', '?scenario=teaching-village&day=80']) {
      const { page, problems } = await openPage(query);
      await waitForDay(page, 'day > 0');
      await page.waitForFunction(() => !/building|replaying|starting/.test(document.querySelector('[data-testid=status]')!.textContent!));
      await page.click('[data-testid=follow-random]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=follow-chain] li').length > 0);
      await nextFrames(page);
      const measured = (await page.evaluate(MEASURE_CONTRAST)) as { texts: number; marks: number; low: string[] };
      expect(measured.texts).toBeGreaterThan(50);
      expect(measured.marks).toBeGreaterThan(10);
      expect(measured.low, query).toEqual([]);
      // Interventions are numbered above the plot and named in a key under the chart, never across the curves.
      expect(await page.evaluate(TEXT_ON_CURVES), query).toEqual([]);
      await page.close();
      expect(problems).toEqual([]);
    }
  });

  it('draws chart text at 18 px or more in presenter mode at 1920 × 1080, without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}?set=population.agents=5000&day=300`);
    await waitForDay(page, 'day === 300');
    await nextFrames(page);
    const before = (await page.evaluate(MEASURE_CHART_TEXT)) as number[];
    expect(Math.min(...before)).toBeLessThan(18);
    await page.click('[data-testid=presenter]');
    await nextFrames(page);
    const sizes = (await page.evaluate(MEASURE_CHART_TEXT)) as number[];
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    // The high-contrast palette is in force: tier 2's line is drawn in its colour, thicker.
    const tierLine = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelectorAll('.chart path.tier')[1]);
      return { stroke: style.stroke, width: parseFloat(style.strokeWidth) };
    });
    expect(tierLine.stroke).toBe(rgb(HIGH_CONTRAST_PALETTE.tiers[1]));
    expect(tierLine.width).toBeCloseTo(HIGH_CONTRAST_PALETTE.lineWidth, 5);
    expect(await page.evaluate(TEXT_ON_CURVES)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const measured = (await page.evaluate(MEASURE_CONTRAST)) as { low: string[] };
    expect(measured.low).toEqual([]);
    await page.screenshot({ path: await artifactPath('view-presenter-1920.png') });
    await page.keyboard.press('p');
    await nextFrames(page);
    expect(await page.locator('[data-testid=presenter]').getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => getComputedStyle(document.querySelectorAll('.chart path.tier')[1]).stroke)).toBe(rgb(STANDARD_PALETTE.tiers[1]));
    await page.close();
    expect(problems).toEqual([]);
  });
});
