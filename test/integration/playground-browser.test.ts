import { parse, type OperationDefinitionNode } from 'graphql';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphql/playground.js';
import { isLoopback, openBrowser, type Browser } from '../support/browser.js';
import { startApi, type Api } from './api-harness.js';

// The GraphQL playground (GraphiQL at /graphql) in a real headless Chromium, as a person uses it
// on a machine without internet: it loads from the server alone, opens one tab per example,
// runs the first one and shows its answer, and builds a query by clicking (query builder).
// Screenshots go to test-artifacts/playground/ (git-ignored) for a person to look at.

let api: Api;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  api = await startApi();
  browser = await openBrowser({ artifacts: 'playground' });
  page = browser.page;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const examples = loadExamples();
const operationName = (query: string): string => {
  const operation = parse(query).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  if (!operation?.name) throw new Error('every example is a named operation');
  return operation.name.value;
};

/** The text the response pane shows (Monaco draws spaces as no-break spaces). */
const responseText = (): Promise<string> =>
  page.evaluate(() =>
    (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\u00a0/g, ' '),
  );

const waitForResponseText = (text: string) =>
  page.waitForFunction(
    (expected) =>
      (document.querySelector('.graphiql-response')?.textContent ?? '')
        .replace(/\u00a0/g, ' ')
        .includes(expected),
    text,
    // The first run of a query after the server starts may wait for Neo4j to plan it.
    { timeout: 30_000 },
  );

/** The answer of the next query the page posts, as the browser received it. */
const nextAnswer = (operation: string) =>
  page
    .waitForResponse(
      (response) =>
        response.url() === `${api.base}/graphql` &&
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes(operation),
      { timeout: 30_000 },
    )
    .then((response) => response.json() as Promise<{ data: unknown; errors?: unknown }>);

describe('the GraphQL playground', () => {
  it('opens with one tab per example operation, in order', async () => {
    expect(examples).toHaveLength(6);
    await page.goto(`${api.base}/graphql`);
    await expect(page.title()).resolves.toBe('Diplomacy knowledge graph');
    const tabs = page.getByRole('tab');
    await tabs.first().waitFor();
    const titles = await tabs.evaluateAll((items) =>
      items.map((item) => item.querySelector('button')?.getAttribute('title')),
    );
    expect(titles).toEqual(examples.map((e) => operationName(e.query)));
    await expect(tabs.first().getAttribute('aria-selected')).resolves.toBe('true');
  });

  it("runs the first example and shows the seeded graph's answer", async () => {
    const first = examples[0]!;
    const answer = nextAnswer(operationName(first.query));
    await page.getByRole('button', { name: /^Execute query/ }).click();
    const received = await answer;
    // What the page received is what the API answers for the example.
    const direct = await api.query(first.query);
    expect(received.errors).toBeUndefined();
    expect(received.data).toEqual(direct.data);
    // And the response pane shows it: 11 meetings, undated ones first.
    await waitForResponseText('"totalCount": 11');
    const shown = await responseText();
    expect(shown).toContain('"meetings": {');
    expect(shown).toContain('"id": "asean-senior-officials-meeting"');
    await browser.shot('01-first-example-answer');
  });

  it('builds a query by clicking in the query builder and runs it', async () => {
    await page.getByRole('button', { name: 'New tab' }).click();
    await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
    const builder = page.locator('.graphiql-explorer-root');
    await builder.waitFor();
    // The builder lists the schema's root fields, with their descriptions.
    await builder.locator('[data-field-name="meetings"]').waitFor();
    await builder.locator('[data-field-name="version"]').click();
    const answer = nextAnswer('version');
    await page.getByRole('button', { name: /^Execute query/ }).click();
    const received = (await answer) as { data: { version: string } };
    expect(received.data.version).toEqual(expect.any(String));
    await waitForResponseText(`"version": "${received.data.version}"`);
    await browser.shot('02-query-builder');
  });

  it('loaded everything from the server itself and logged no errors', () => {
    // Its script, stylesheet and editor workers came from this server (not from a CDN) ...
    for (const file of ['graphiql.js', 'graphiql.css', 'editor.worker.js', 'graphql.worker.js'])
      expect(browser.requests).toContain(`${api.base}/graphiql/${file}`);
    // ... and no request of any kind left the machine.
    expect(browser.requests.filter((url) => !isLoopback(url))).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
