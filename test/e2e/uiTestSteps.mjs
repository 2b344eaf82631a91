// UI steps for the Test Explorer: the example's tests in the Testing view, Run All (all pass), a test broken on
// purpose showing its message at the failing line, Debug of the multi-session test stopping in the background
// session, and coverage shown. Each step asserts what is on screen and saves a screenshot (checked by the last step).
import fs from 'node:fs';
import path from 'node:path';
import { command, openFile, quick, clearNotifications } from './ui.mjs';

const SHOTS = ['20-tests-discovered', '21-tests-all-passed', '22-test-failure-at-line', '23-debug-test-background-session', '24-test-coverage'];

/** The Testing view's tree rows. */
const testRow = (text) => `.pane-body .test-explorer .monaco-list-row:has-text("${text}")`;

async function expandAll(page) {
  // Rows are collapsed by default: expand every collapsed row in the Testing view's tree.
  for (let i = 0; i < 5; i++) {
    const collapsed = page.locator('.pane-body .test-explorer .monaco-list-row[aria-expanded="false"]');
    const n = await collapsed.count();
    if (n === 0) return;
    await collapsed.first().click();
    await page.waitForTimeout(200);
  }
}

/** Puts the cursor on a line of the active editor (1-based) and at its end. */
async function gotoLine(page, line) {
  await page.click('.editor-instance .view-lines');
  await quick(page, 'Control+G', String(line));
  await page.keyboard.press('End');
}

function lineOf(ws, rel, text) {
  const lines = fs.readFileSync(path.join(ws, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${rel}: no line with ${text}`);
  return i + 1;
}

export const testsDiscovered = {
  name: 'the Testing view shows the example tests: app, codeunits and [Test] procedures',
  run: async ({ page, screenshot }) => {
    await clearNotifications(page);
    // The Testing view container appears once a test controller exists.
    const testing = page.locator('.activitybar .action-item a[aria-label^="Testing"], .activitybar .action-item[aria-label^="Testing"]').first();
    await testing.waitFor({ timeout: 60000 });
    await testing.click();
    await page.waitForSelector(testRow('Customer Card Background Tasks'), { timeout: 60000 });
    await expandAll(page);
    await page.waitForSelector(testRow('Customer Card Task Tests'));
    await page.waitForSelector(testRow('Block Customers Session Tests'));
    await page.waitForSelector(testRow('BackgroundSessionBlocksEveryCustomer'));
    await page.waitForSelector(testRow('ReadOnlyChildRefusesAWrite'));
    await screenshot(SHOTS[0]);
  },
};

export const runAllPass = {
  name: 'Run All Tests: every example test passes',
  run: async ({ page, screenshot }) => {
    await command(page, 'Test: Run All Tests');
    // Five tests, each with the passed icon; none failed.
    await page.waitForFunction(() => document.querySelectorAll('.pane-body .test-explorer .monaco-list-row .codicon-testing-passed-icon').length >= 5 + 3, undefined, { timeout: 90000 });
    if (await page.locator('.pane-body .test-explorer .codicon-testing-failed-icon, .pane-body .test-explorer .codicon-testing-error-icon').count()) throw new Error('a test failed');
    await screenshot(SHOTS[1]);
  },
};

export const brokenTestAtLine = {
  name: 'a test broken on purpose shows its message at the failing line',
  run: async ({ page, ws, screenshot }) => {
    const rel = path.join('test', 'CustomerCardTaskTests.Codeunit.al');
    const line = lineOf(ws, rel, "if Results.Get('waited') <> '50' then");
    // Earlier steps leave editors open in two groups; the keys below must reach the test file, so start from one
    // group holding only it (in a split, the focus could stay on the other group's editor).
    await command(page, 'View: Close All Editor Groups');
    await openFile(page, 'CustomerCardTaskTests.Codeunit.al', 'TaskReportsWhatItWaited');
    await gotoLine(page, line);
    // `<> '50' then` -> `<> '51' then`: the test now fails on the Error line below.
    for (let i = 0; i < "' then".length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');
    await page.keyboard.press('Control+S');
    await page.waitForSelector('.tab.active:not(.dirty)');
    await command(page, 'Test: Run Test at Cursor');
    // The failure is shown in the editor at the failing line (inline message or the peek view).
    await page.waitForSelector('.editor-instance :text("The task should report waited = 50, got 50.")', { timeout: 60000 });
    await screenshot(SHOTS[2]);
    // Put the test back as it was.
    await page.keyboard.press('Escape');
    await gotoLine(page, line);
    for (let i = 0; i < "' then".length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('0');
    await page.keyboard.press('Control+S');
    await page.waitForSelector('.tab.active:not(.dirty)');
  },
};

export const debugBackgroundSession = {
  name: 'Debug Test on the multi-session test stops at a breakpoint inside the background session',
  run: async ({ page, ws, screenshot }) => {
    const block = lineOf(ws, path.join('src', 'BlockAllCustomers.Codeunit.al'), 'Customer.Modify()');
    await openFile(page, 'BlockAllCustomers.Codeunit.al', 'Customer.Modify()');
    await gotoLine(page, block);
    await page.keyboard.press('F9');
    await page.waitForSelector('.editor-instance .codicon-debug-breakpoint, .editor-instance .codicon-debug-breakpoint-unverified');
    const testLine = lineOf(ws, path.join('test', 'BlockCustomersSessionTests.Codeunit.al'), 'procedure BackgroundSessionBlocksEveryCustomer');
    await openFile(page, 'BlockCustomersSessionTests.Codeunit.al', 'BackgroundSessionBlocksEveryCustomer');
    await gotoLine(page, testLine + 5);
    await command(page, 'Test: Debug Test at Cursor');
    await page.waitForSelector('text=/Paused on breakpoint/i', { timeout: 90000 });
    // The stopped thread is the background session the test started; the test's own session is a thread too.
    await page.waitForSelector('.debug-view-content .monaco-list-row:has-text("Background")');
    await page.waitForSelector('.debug-top-stack-frame-line');
    await screenshot(SHOTS[3]);
    // Take the breakpoint away (the editor shows the stopped line) and continue: the other customers run through.
    await gotoLine(page, block);
    await page.keyboard.press('F9');
    await page.waitForSelector('.editor-instance .codicon-debug-breakpoint', { state: 'detached', timeout: 10000 }).catch(() => {});
    await page.keyboard.press('F5');
    // The run ends, the test passes and the debug session ends with it.
    await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 60000 });
  },
};

export const coverageShown = {
  name: 'Run All Tests with Coverage shows statement coverage',
  run: async ({ page, screenshot }) => {
    await command(page, 'Test: Run All Tests with Coverage');
    // The run ends with its coverage attached: the results offer to close it, the Testing view lists the files.
    await page.waitForSelector('.monaco-list-row:has-text("Close Test Coverage")', { timeout: 90000 });
    await page.locator('.activitybar .action-item a[aria-label^="Testing"], .activitybar .action-item[aria-label^="Testing"]').first().click();
    await page.waitForSelector('.pane-header:has-text("Test Coverage")', { timeout: 30000 });
    await page.waitForSelector('.pane-body .monaco-list-row:has-text("BlockAllCustomers.Codeunit.al")', { timeout: 30000 });
    await openFile(page, 'BlockAllCustomers.Codeunit.al', 'Customer.Modify()');
    await screenshot(SHOTS[4]);
  },
};

export const screenshotsChecked = {
  name: 'the Test Explorer screenshots are saved',
  run: async ({ shots }) => {
    for (const s of SHOTS) {
      const f = path.join(shots, `${s}.png`);
      const st = fs.statSync(f, { throwIfNoEntry: false });
      if (!st || st.size < 10_000) throw new Error(`${f} is missing or empty`);
    }
  },
};

export const testExplorerSteps = [testsDiscovered, runAllPass, brokenTestAtLine, debugBackgroundSession, coverageShown, screenshotsChecked];
