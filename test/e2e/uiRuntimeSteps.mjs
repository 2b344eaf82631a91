// UI steps that use the hosted session runtime: the page preview of the Customer Card, its page background
// task filling fields, next record, the Sessions view and the timeline.
import { command, quick } from './ui.mjs';

/** A webview's inner document, found by its <title> (the outer iframes carry no title of their own). */
export async function webviewFrame(page, title, timeoutMs = 60000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const f of page.frames()) {
      if (f.parentFrame() && f.parentFrame() !== page.mainFrame() && await f.title().catch(() => '') === title) return f;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview titled "${title}" appeared`);
}

const previewFrame = (page) => webviewFrame(page, 'Customer Card');

export const openCustomerCard = {
  name: 'Open Page shows the Customer Card of customer 10000 in the page preview',
  run: async ({ page, screenshot }) => {
    await command(page, 'AL Session Lab: Open Page');
    await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Customer Card")');
    await page.keyboard.type('Customer Card');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget:has-text("Which record?")');
    await page.keyboard.type('No.=10000');
    await page.keyboard.press('Enter');
    const f = await previewFrame(page);
    await f.locator('#caption:has-text("Customer Card")').waitFor({ timeout: 60000 });
    await f.locator('#record-id:has-text("10000")').waitFor();
    const name = await f.locator('[data-field="Name"]').inputValue();
    if (name !== 'Adatum Corporation') throw new Error(`Name shows "${name}"`);
    await screenshot('10-page-preview-opened');
  },
};

export const taskFillsFields = {
  name: 'the page background task fills Before 1 / Duration 1 / After 1 in the preview',
  run: async ({ page, screenshot }) => {
    const f = await previewFrame(page);
    await f.locator('[data-field="After1"]:not(:empty)').waitFor({ timeout: 60000 });
    const duration = await f.locator('[data-field="Duration1"]').textContent();
    if (!/^1,?000$/.test(duration ?? '')) throw new Error(`Duration 1 shows "${duration}"`);
    await screenshot('11-page-preview-task-done');
  },
};

export const nextRecord = {
  name: 'Next record moves on and cancels the running task',
  run: async ({ page, screenshot }) => {
    const f = await previewFrame(page);
    // The first Next enqueues a task for customer 20000 (it runs 1 s); the second Next, at once, cancels it.
    await f.locator('#next').click();
    await f.locator('#record-id:has-text("20000")').waitFor();
    await f.locator('#next').click();
    await f.locator('#record-id:has-text("30000")').waitFor();
    const name = await f.locator('[data-field="Name"]').inputValue();
    if (name !== 'School of Fine Art') throw new Error(`Name shows "${name}"`);
    await f.locator('[data-field="After1"]:not(:empty)').waitFor({ timeout: 30000 });
    await screenshot('14-next-record');
  },
};

export const sessionsView = {
  name: 'the Sessions view lists the live sessions',
  run: async ({ page, screenshot }) => {
    await command(page, 'AL Session Lab: Focus on Sessions View');
    await page.waitForSelector('.part.sidebar .monaco-list-row:has-text("Foreground")');
    await screenshot('12-sessions-view');
  },
};

export const timeline = {
  name: 'Show Timeline charts the sessions, with the cancelled task',
  run: async ({ page, screenshot }) => {
    await command(page, 'AL Session Lab: Show Timeline');
    const f = await webviewFrame(page, 'Session Timeline');
    await f.locator('svg.tl rect.kind-PageBackgroundTask.outcome-cancelled').first().waitFor({ timeout: 30000 });
    await f.locator('svg.tl rect.kind-Foreground').first().waitFor();
    await screenshot('13-timeline');
  },
};

export { quick };
