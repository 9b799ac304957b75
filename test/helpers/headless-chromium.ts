// Debian's Chromium, headless, in a throwaway profile, for the browser tests: missing is a failure, never a skip.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** .ci/run installs the Debian package; Playwright never downloads a browser here. */
export const chromiumPath = '/usr/bin/chromium';

export interface HeadlessChromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

export async function launchHeadlessChromium(): Promise<HeadlessChromium> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: install the Debian chromium package`);
  const profile = mkdtempSync(path.join(tmpdir(), 'casegraph-chromium-'));
  try {
    // Without the background-networking flags Chromium keeps calling out, and this machine's closed network refuses it.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
