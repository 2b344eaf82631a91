// Small Playwright helpers for the VS Code workbench: command palette and quick open with retries, editor
// access, panels. Selectors are the workbench's own classes (stable across VS Code 1.9x releases).

/** Opens a quick input (F1 / Control+P / Control+G), types, waits for the row, accepts it. Retries while the
 * workbench is still registering extension commands ("No matching commands"). */
export async function quick(page, key, text, row, { tries = 15 } = {}) {
  for (let i = 1; ; i++) {
    await page.keyboard.press(key);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(text);
    if (!row) break;
    try {
      // Wait for the *focused* row to match: Enter accepts the focused row, and right after typing the list can
      // still show the previous (unfiltered) order with another row focused.
      await page.waitForSelector(`.quick-input-list .monaco-list-row.focused:has-text("${row}")`, { timeout: 3000 });
      break;
    } catch (e) {
      if (i >= tries) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
  await page.keyboard.press('Enter');
}

export const command = (page, title) => quick(page, 'F1', title, title);

export async function openFile(page, name, expectText) {
  // Quick open can still lose the race against a busy workbench (the editor stays on the previous file):
  // check the active editor's tab and retry rather than fail the whole run.
  for (let i = 1; ; i++) {
    await quick(page, 'Control+P', name, name);
    try {
      await page.waitForSelector(`.tab.active:has-text("${name}")`, { timeout: 10000 });
      await page.waitForSelector(`.editor-instance .view-lines:has-text("${expectText}")`, { timeout: 20000 });
      return;
    } catch (e) {
      if (i >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Dismisses every notification toast so it cannot cover what a step looks at next. */
export async function clearNotifications(page) {
  await quick(page, 'F1', 'Notifications: Clear All Notifications', 'Clear All Notifications').catch(() => {});
}
