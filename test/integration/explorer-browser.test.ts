import fs from 'node:fs';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { RELATIONSHIP_TYPES } from '../../src/model/graph-model.js';
import { openBrowser, type Browser } from '../support/browser.js';
import { startApi, type Api } from './api-harness.js';

// The explorer page (/explore) end to end in a real headless Chromium, as a person uses it:
// search, see the node, expand, read a fact's quote in the panel, filter, download GraphML.
// Screenshots go to test-artifacts/explorer/ (git-ignored) for a person to look at.

const ARTIFACTS = path.join(projectRoot, 'test-artifacts', 'explorer');
const GUTERRES = 'antonio-guterres';
const DEBATE = 'unsc-debate-2021-04-regional-organizations';
const QUOTE =
  'le débat de haut niveau verra la participation du Secrétaire général des Nations Unies, António Guterres';
const TITLE =
  'Renforcer la coopération, la confiance et le dialogue pour la paix et la sécurité internationales';

/** What the page exposes for tests and the console (src/explorer/public/explorer.js). */
interface CyElement {
  id(): string;
  data(key: string): unknown;
  empty(): boolean;
  nonempty(): boolean;
  renderedPosition(): { x: number; y: number };
}
interface ExplorerWindow {
  explorer: {
    view: {
      cy: {
        nodes(): CyElement[];
        edges(): CyElement[];
        getElementById(id: string): CyElement;
        container(): HTMLElement;
      };
    };
  };
}

let api: Api;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  api = await startApi();
  browser = await openBrowser({ artifacts: 'explorer', acceptDownloads: true });
  page = browser.page;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const shot = (name: string) => browser.shot(name);

/** The ids of the nodes (or edges) the Cytoscape view shows. */
const shown = (what: 'nodes' | 'edges'): Promise<string[]> =>
  page.evaluate(
    (kind) =>
      (window as unknown as ExplorerWindow).explorer.view.cy[kind]()
        .map((element) => element.id())
        .sort(),
    what,
  );

async function waitForNode(id: string) {
  await page.waitForFunction(
    (nodeId) =>
      // Partial: explorer.js sets `explorer` only after it has fetched /explore/model.json, and
      // the page's load event does not wait for that.
      (window as unknown as Partial<ExplorerWindow>).explorer?.view.cy
        .getElementById(nodeId)
        .nonempty() ?? false,
    id,
  );
}

/** Clicks a node where it is drawn on the canvas, as a person would. */
async function clickNode(id: string) {
  const at = await page.evaluate((nodeId) => {
    const cy = (window as unknown as ExplorerWindow).explorer.view.cy;
    const position = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + position.x, y: box.top + position.y, box };
  }, id);
  // Drawn inside the visible canvas, not off-screen.
  expect(at.x).toBeGreaterThan(at.box.left);
  expect(at.x).toBeLessThan(at.box.right);
  expect(at.y).toBeGreaterThan(at.box.top);
  expect(at.y).toBeLessThan(at.box.bottom);
  await page.mouse.click(at.x, at.y);
}

const panel = () => page.locator('#panel');

describe('the explorer page', () => {
  it('opens on a laptop screen with its search box, filters and download buttons', async () => {
    await page.goto(`${api.base}/explore`);
    await expect(page.title()).resolves.toBe('Explorer · Diplomacy knowledge graph');
    await page.getByRole('searchbox', { name: 'Search entities' }).waitFor();
    for (const format of ['GraphML', 'GEXF', 'JSON', 'Cytoscape']) {
      await page.getByRole('button', { name: format, exact: true }).waitFor();
    }
    // One filter per relationship type of the SDL, read from /explore/model.json, not a copy.
    const filters = await page
      .locator('#type-filters input[type=checkbox]')
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(filters).toEqual([...RELATIONSHIP_TYPES]);
    // Nothing spills sideways at 1366 px.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1366);
  });

  it('finds Guterres without his accent and shows his node', async () => {
    await page.getByRole('searchbox', { name: 'Search entities' }).fill('Guterres');
    const hit = page.getByRole('option', { name: /António Guterres/ });
    await hit.waitFor();
    await shot('01-search');
    await hit.click();
    await waitForNode(GUTERRES);
    await shot('02-guterres');
    expect(await shown('nodes')).toContain(GUTERRES);
  });

  it('expands his node and shows the April 2021 debate; expanding the UN brings in more', async () => {
    await clickNode(GUTERRES);
    await panel().getByRole('heading', { name: 'António Guterres' }).waitFor();
    await waitForNode(DEBATE);
    expect(await shown('nodes')).toEqual([GUTERRES, 'united-nations', DEBATE].sort());
    // The UN's other facts join the view when its node is expanded.
    await clickNode('united-nations');
    await waitForNode('khaled-khiari');
    expect(await shown('nodes')).toEqual(
      expect.arrayContaining(['un-security-council', 'asean-un-regional-dialogue-2019-12']),
    );
    await shot('03-expanded');
  });

  it("opens the debate's panel with the quote that states Guterres's participation", async () => {
    await clickNode(DEBATE);
    await panel()
      .getByRole('heading', { name: /UN Security Council high-level debate/ })
      .waitFor();
    const fact = panel().locator(`li[data-fact-id="${GUTERRES}--participated-in--${DEBATE}"]`);
    await fact.waitFor();
    await expect(fact.locator('.fact-line').textContent()).resolves.toContain('António Guterres');
    await expect(fact.locator('.qualifiers').textContent()).resolves.toContain(
      'capacity: Secretary-General of the United Nations',
    );
    const quote = fact.locator('blockquote', { hasText: QUOTE });
    await quote.waitFor();
    // The quote's article, by title, and its date at the precision the source gives.
    await expect(quote.locator('footer').textContent()).resolves.toBe(`— ${TITLE}, 2021-04`);
    await expect(quote.getAttribute('lang')).resolves.toBe('fr');
    // Clicking the debate also expanded it: the themes it covered join the view (the panel may
    // be drawn before the graph is).
    await waitForNode('un-charter');
    // In sight for the person looking at the screenshot.
    await fact.scrollIntoViewIfNeeded();
    await shot('04-debate-panel');
  });

  it('filters by relationship type and by date range', async () => {
    const edgeTypes = () =>
      page.evaluate(() =>
        (window as unknown as ExplorerWindow).explorer.view.cy.edges().map((e) => e.data('type')),
      );
    expect(await edgeTypes()).toContain('COVERED');
    const covered = page.getByRole('checkbox', { name: 'covered' });
    await covered.uncheck();
    await page.waitForFunction(() =>
      (window as unknown as ExplorerWindow).explorer.view.cy
        .edges()
        .every((e) => e.data('type') !== 'COVERED'),
    );
    await covered.check();
    await page.waitForFunction(() =>
      (window as unknown as ExplorerWindow).explorer.view.cy
        .edges()
        .some((e) => e.data('type') === 'COVERED'),
    );
    // Up to 2020: the April 2021 debate leaves the view; the undated and 2019 ones stay.
    await page.getByLabel('To', { exact: true }).fill('2020');
    await page.getByLabel('To', { exact: true }).press('Enter');
    await page.getByLabel('To', { exact: true }).blur();
    await page.waitForFunction(
      (id) => (window as unknown as ExplorerWindow).explorer.view.cy.getElementById(id).empty(),
      DEBATE,
    );
    expect(await shown('nodes')).toContain('asean-un-regional-dialogue-2019-12');
    await shot('05-filtered-to-2020');
    await page.getByLabel('To', { exact: true }).fill('');
    await page.getByLabel('To', { exact: true }).blur();
    await waitForNode(DEBATE);
  });

  it('downloads the current view as GraphML that parses to the same nodes and edges', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'GraphML', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('explorer-view.graphml');
    const file = path.join(ARTIFACTS, 'explorer-view.graphml');
    await download.saveAs(file);
    const graph = parseGraphml(MultiDirectedGraph, fs.readFileSync(file, 'utf8'));
    expect(graph.nodes().sort()).toEqual(await shown('nodes'));
    expect(graph.edges().sort()).toEqual(await shown('edges'));
    expect(graph.getNodeAttributes(DEBATE)).toMatchObject({
      type: 'MEETING',
      start: '2021-04',
      startPrecision: 'MONTH',
    });
    expect(graph.getEdgeAttributes(`${GUTERRES}--participated-in--${DEBATE}`)).toMatchObject({
      type: 'PARTICIPATED_IN',
      evidenceCount: 1,
    });
    await page.getByText('Downloaded explorer-view.graphml.').waitFor();
    await shot('06-downloaded');
  });

  it('is driven from the keyboard alone: Enter, arrows and Escape in the suggestions', async () => {
    await page.goto(`${api.base}/explore`);
    const box = page.getByRole('searchbox', { name: 'Search entities' });
    await box.waitFor();
    // Tab reaches the search box first.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-text');
    // Enter at once, before the suggestions are even there, picks the first one.
    await page.keyboard.type('Guterres');
    await page.keyboard.press('Enter');
    await waitForNode(GUTERRES);
    await panel().getByRole('heading', { name: 'António Guterres' }).waitFor();
    expect(new URL(page.url()).searchParams.get('focus')).toBe(GUTERRES);

    // The arrow keys move the highlight; Enter picks the highlighted one.
    await box.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('nations unies');
    await page.waitForFunction(
      () =>
        (window as unknown as { explorer: { suggestions: { text: string } } }).explorer.suggestions
          .text === 'nations unies',
    );
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await options.nth(1).waitFor();
    const names = await options.evaluateAll((buttons) =>
      buttons.map((b) => b.firstChild?.textContent ?? ''),
    );
    const selected = () => page.locator('#search-results [aria-selected="true"]').textContent();
    await expect(selected()).resolves.toContain(names[0]);
    await page.keyboard.press('ArrowDown');
    await expect(selected()).resolves.toContain(names[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // wraps round to the last
    await expect(selected()).resolves.toContain(names.at(-1));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await shot('07-keyboard-suggestions');
    await page.keyboard.press('Enter');
    await panel().getByRole('heading', { name: names[1] }).waitFor();
    await expect(box.inputValue()).resolves.toBe(names[1]);

    // Escape closes the suggestions and leaves the view as it is.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('asean');
    const list = page.getByRole('listbox', { name: 'Search results' });
    await list.waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    await panel().getByRole('heading', { name: names[1] }).waitFor();
  });

  it('keeps the view in the URL, and a link reopens it', async () => {
    const link = '/explore?focus=vietnam&depth=2&types=CHAIRED,PARTICIPATED_IN&from=2019';
    await page.goto(`${api.base}${link}`);
    await waitForNode('vietnam');
    await panel().getByRole('heading', { name: 'Viet Nam' }).waitFor();
    // The controls show the view's settings, and the graph follows them.
    await expect(page.locator('#depth').inputValue()).resolves.toBe('2');
    await expect(page.getByLabel('From').inputValue()).resolves.toBe('2019');
    await expect(page.getByRole('checkbox', { name: 'chaired' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'covered' }).isChecked()).resolves.toBe(false);
    await page.waitForFunction(
      () =>
        ((window as unknown as Partial<ExplorerWindow>).explorer?.view.cy.edges().length ?? 0) > 0,
    );
    const types = await page.evaluate(() =>
      (window as unknown as ExplorerWindow).explorer.view.cy.edges().map((e) => e.data('type')),
    );
    expect(new Set(types)).toEqual(new Set(['CHAIRED', 'PARTICIPATED_IN']));
    // Two levels: Viet Nam chaired the debate, in which António Guterres took part.
    await waitForNode(DEBATE);
    await waitForNode(GUTERRES);
    expect(page.url()).toBe(`${api.base}${link}`);
    await shot('08-reopened-from-url');

    // Changing a setting changes the link.
    await page.locator('#depth').selectOption('1');
    expect(new URL(page.url()).searchParams.get('depth')).toBeNull();
    await page.getByRole('checkbox', { name: 'covered' }).check();
    expect(new URL(page.url()).searchParams.get('types')).toBe('CHAIRED,PARTICIPATED_IN,COVERED');
  });

  it('loaded nothing from outside the server and logged no errors', () => {
    // Everything the page loads must come from the server itself: no CDN, no internet.
    expect(browser.requests).toContain(`${api.base}/explore/vendor/cytoscape.min.js`);
    expect(browser.requests.filter((url) => !url.startsWith(api.base))).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
