// UI steps for debugging: a breakpoint in codeunit 50100 (the page background task), F5 on the workspace's
// "attach to next page background task" configuration, the stop with its variables, continue.
import { openFile, quick } from './ui.mjs';

export const setBreakpoint = {
  name: 'a breakpoint is set in codeunit 50100',
  run: async ({ page }) => {
    await openFile(page, 'PBTWaitCodeunit.Codeunit.al', 'Sleep(WaitTime)');
    await page.click('.editor-instance .view-lines');
    await quick(page, 'Control+G', '14');
    await page.waitForSelector('.editor-instance .view-lines .view-line:has-text("Sleep(WaitTime)")');
    await page.keyboard.press('F9');
    await page.waitForSelector('.editor-instance .codicon-debug-breakpoint, .editor-instance .codicon-debug-breakpoint-unverified');
  },
};

export const attachWithF5 = {
  name: 'F5 attaches to the hosted runtime',
  run: async ({ page, screenshot }) => {
    await page.keyboard.press('F5');
    await page.waitForSelector('.debug-toolbar', { timeout: 60000 });
    await page.waitForSelector('.statusbar-item:has-text("AL runtime:")');
    await screenshot('07-attached');
  },
};

export const stoppedAtBreakpoint = {
  name: 'the debugger stops at the breakpoint in codeunit 50100 with its variables',
  run: async ({ page, screenshot }) => {
    await page.waitForSelector('text=/Paused on breakpoint/i', { timeout: 60000 });
    await page.waitForSelector('.debug-top-stack-frame-line');
    await page.waitForSelector('.debug-view-content .monaco-list-row:has-text("Page background task")');
    const locals = page.locator('.debug-variables .monaco-list-row:has-text("Locals")').first();
    await locals.waitFor();
    if (await locals.getAttribute('aria-expanded') === 'false') await locals.click();
    await page.waitForSelector('.debug-variables .monaco-list-row:has-text("WaitTime")');
    const wait = await page.locator('.debug-variables .monaco-list-row:has-text("WaitTime")').first().textContent();
    if (!/1,?000/.test(wait ?? '')) throw new Error(`WaitTime shows "${wait}"`);
    await screenshot('08-stopped-at-breakpoint');
  },
};

export const continueRun = {
  name: 'continue lets the task finish',
  run: async ({ page }) => {
    await page.keyboard.press('F5');
    // Running again: the debug toolbar offers Pause instead of Continue.
    await page.waitForSelector('.debug-toolbar .codicon-debug-pause', { timeout: 30000 });
  },
};

export const detach = {
  name: 'the debugger detaches',
  run: async ({ page }) => {
    await page.keyboard.press('Shift+F5');
    await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 30000 });
  },
};

export { quick };
