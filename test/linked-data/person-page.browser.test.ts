import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHeadlessChromium, type HeadlessChromium } from '../helpers/headless-chromium.js';
import { projectRoot } from '../../src/config/load-config.js';
import { realApp, type LinkedDataApp } from '../helpers/linked-data-app.js';

const screenshots = path.join(projectRoot, 'test-output');
const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let s: LinkedDataApp;
let origin: string;
let context: BrowserContext | undefined;
let browser: HeadlessChromium | undefined;
beforeAll(async () => {
  s = await realApp();
  origin = await s.app.listen({ host: '127.0.0.1', port: 0 });
  mkdirSync(screenshots, { recursive: true });
  browser = await launchHeadlessChromium();
  context = browser.context;
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the person page in a real browser', () => {
  for (const viewport of viewports) {
    it(`shows the timeline and the numbered sources at ${viewport.name} width, loading nothing from elsewhere`, async () => {
      const page = await context!.newPage();
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });

      const response = await page.goto(`${origin}/id/person/gulmire-imin`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toContain('text/html');
      await page.screenshot({ path: path.join(screenshots, `person-page-${viewport.name}.png`), fullPage: true });

      const timeline = page.locator('#timeline ol.timeline > li');
      const events = await timeline.count();
      expect(events).toBeGreaterThanOrEqual(9);
      await expect(timeline.first().isVisible()).resolves.toBe(true);
      const timelineText = (await page.locator('#timeline').innerText()).replace(/\s+/g, ' ');
      const order = ['14 July 2009', '1 April 2010', 'March 2012', 'December 2012'].map((d) => timelineText.indexOf(d));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      const sources = page.locator('#sources > li');
      expect(await sources.count()).toBeGreaterThanOrEqual(1);
      expect((await sources.first().innerText()).trim().length).toBeGreaterThan(10);
      // Each footnote number on the page leads to an entry of the list.
      const cites = await page.locator('sup.cite a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(cites.length).toBeGreaterThan(10);
      for (const href of new Set(cites)) expect(await page.locator(href as string).count(), href as string).toBe(1);

      // Nothing overflows the phone's width.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(1);
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
      await page.close();
    });
  }
});
