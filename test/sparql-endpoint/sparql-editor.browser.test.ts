import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHeadlessChromium, type HeadlessChromium } from '../helpers/headless-chromium.js';
import { projectRoot } from '../../src/config/load-config.js';
import { syntheticApp, vocab, type SyntheticApp } from '../helpers/synthetic-app.js';

/** What the editor page exposes on window for tests: the YASGUI instance. */
interface EditorWindow {
  casegraphEditor: { getTab(): { getQuery(): string } };
}
const examples = {
  'queries/places.rq': `#+ summary: Places and their labels\nSELECT ?place ?label WHERE { ?place <${vocab}label> ?label } ORDER BY ?label\n`,
  // Parameterised as sources/by-person is: unbound, the BIND is dropped and the UNION's first branch matches everyone.
  'queries/neighbours.rq': `#+ summary: A person and their neighbours
#+ defaults:
#+   - person: id/person/p1
SELECT ?neighbour ?name WHERE {
  { BIND(?_person_iri AS ?neighbour) } UNION { ?_person_iri <${vocab}livesIn> ?place . ?neighbour <${vocab}livesIn> ?place . FILTER(?neighbour != ?_person_iri) }
  ?neighbour <${vocab}name> ?name .
} ORDER BY ?name
`,
};

let s: SyntheticApp;
let base: string;
let context: BrowserContext | undefined;
let browser: HeadlessChromium | undefined;
beforeAll(async () => {
  s = await syntheticApp({}, examples);
  base = await s.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchHeadlessChromium();
  context = browser.context;
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the SPARQL editor in a real browser', () => {
  it('runs a typed query and shows the result table, loading nothing from elsewhere', async () => {
    const page = await context!.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    await page.goto(`${base}/sparql`);
    await page.waitForSelector('.yasqe .CodeMirror');

    // The examples menu puts the example's text into the editor.
    await expect.poll(() => page.locator('#examples option').count()).toBeGreaterThan(1);
    await page.selectOption('#examples', { label: 'Places and their labels' });
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as EditorWindow).casegraphEditor.getTab().getQuery()))
      .toContain('Places and their labels');

    // Type our own query over it, then run it with the editor's button.
    await page.click('.yasqe .CodeMirror');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(`SELECT ?person ?name WHERE { ?person <${vocab}name> ?name } ORDER BY ?name LIMIT 5`);
    await page.click('.yasqe_queryButton');

    const rows = page.locator('.yasr table tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(5);
    await expect.poll(() => page.locator('.yasr table tbody').innerText()).toContain('Person 1');

    mkdirSync(path.join(projectRoot, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(projectRoot, 'test-output', 'sparql-editor.png'), fullPage: true });

    expect(problems).toEqual([]);
    const elsewhere = requests.filter((url) => !url.startsWith(`${base}/`));
    expect(elsewhere).toEqual([]);
  });

  it("runs a parameterised example with its default bound and shows the API's answer", async () => {
    const api = await s.app.inject({ method: 'GET', url: '/api/queries/neighbours', headers: { accept: 'application/sparql-results+json' } });
    expect(api.statusCode, api.body).toBe(200);
    const apiNames = (JSON.parse(api.body) as { results: { bindings: Array<{ name: { value: string } }> } }).results.bindings.map((b) => b.name.value);
    // p1 lives in place 2 with p11 and p21.
    expect(apiNames).toEqual(['Person 1', 'Person 11', 'Person 21']);

    const page = await context!.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${base}/sparql`);
    await page.waitForSelector('.yasqe .CodeMirror');
    await expect.poll(() => page.locator('#examples option').count()).toBeGreaterThan(2);
    await page.selectOption('#examples', { label: 'A person and their neighbours' });
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as EditorWindow).casegraphEditor.getTab().getQuery()))
      .toContain('BIND(<http://example.test/id/person/p1> AS ?neighbour)');
    await page.click('.yasqe_queryButton');

    const cells = page.locator('.yasr table tbody tr td:nth-child(3)');
    await cells.first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.yasr table tbody tr').count()).toBe(apiNames.length);
    expect((await cells.allInnerTexts()).map((text) => text.trim())).toEqual(apiNames);
    expect(problems).toEqual([]);
  });

  it('opens a shared link with its query in the editor (the query travels in the fragment)', async () => {
    const page = await context!.newPage();
    const query = `SELECT ?place WHERE { ?place a <${vocab}Place> }`;
    await page.goto(`${base}/sparql#query=${encodeURIComponent(query)}&endpoint=${encodeURIComponent(`${base}/sparql`)}`);
    await page.waitForSelector('.yasqe .CodeMirror');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as EditorWindow).casegraphEditor.getTab().getQuery())).toBe(query);
  });
});
