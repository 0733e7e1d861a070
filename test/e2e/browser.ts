/**
 * Shared by the browser tests: Debian's chromium driven by playwright-core, and a server on a
 * free port over a temporary store filled with the fixture reports.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serverFixture, type Fixture, type ServerFixture } from '../fixtures/server-store.ts';

/** Where screenshots go (gitignored): look at them after a run. */
export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/e2e/', import.meta.url));

/** Laptop and phone widths, for screenshots of each page. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Chromium without a sandbox, GPU or any network of its own (playwright gives it a fresh profile
 * each launch); `$CHROMIUM` names another binary.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
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
}

export interface RunningServer {
  url: string;
  fixture: ServerFixture;
  close(): Promise<void>;
}

/** A server listening on a free local port over the fixture reports and `extra`. */
export async function startServer(extra: Fixture[] = []): Promise<RunningServer> {
  const fixture = await serverFixture(extra);
  await fixture.app.listen({ port: 0, host: '127.0.0.1' });
  const address = fixture.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, fixture, close: () => fixture.close() };
}

/** Collects what a page logs as an error, fails to load, or refuses under the CSP. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // A failed load is told with its address by the response handler.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      problems.push(`console: ${msg.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Saves a full-page screenshot as artifacts/e2e/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
