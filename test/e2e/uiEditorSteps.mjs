// UI steps for the editor features: TextMate highlighting, a snippet, BG diagnostics in the Problems panel and a
// quick fix from the language server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { command, openFile, quick } from './ui.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The first snippet of the shipped snippets file, and the text its body starts with (placeholders filled). */
export function firstSnippet() {
  const text = fs.readFileSync(path.join(root, 'snippets', 'al-session-lab.code-snippets'), 'utf8');
  const json = JSON.parse(text.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n'));
  const [name, s] = Object.entries(json).find(([, v]) => v && v.prefix);
  const prefix = Array.isArray(s.prefix) ? s.prefix[0] : s.prefix;
  const body = Array.isArray(s.body) ? s.body : [s.body];
  const firstLine = body.map((l) => l.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '').trim()).find((l) => l.length >= 6);
  return { name, prefix, expect: firstLine.slice(0, 24) };
}

export const highlighted = {
  name: 'AL is highlighted by the grammar',
  run: async ({ page, screenshot }) => {
    await openFile(page, 'PBTWaitCodeunit.Codeunit.al', 'PBTWaitCodeunit');
    // Monaco renders tokens as spans with mtkN colour classes; mtk1 is the default foreground.
    const classes = await page.evaluate(() => {
      const out = {};
      for (const s of document.querySelectorAll('.editor-instance .view-lines span span')) {
        const t = s.textContent.trim();
        if (t && !(t in out)) out[t] = s.className;
      }
      return out;
    });
    const kw = classes['codeunit'] ?? classes['begin'], str = Object.entries(classes).find(([t]) => t.startsWith("'"))?.[1];
    if (!kw || /\bmtk1\b/.test(kw)) throw new Error(`keyword not coloured: ${JSON.stringify(classes).slice(0, 300)}`);
    if (!str || str === kw) throw new Error(`string literal not coloured apart from keywords: ${str}`);
    await screenshot('03-al-highlighted');
  },
};

export const snippet = {
  name: 'a snippet is inserted from completion',
  run: async ({ page, screenshot }) => {
    const s = firstSnippet();
    await openFile(page, 'PBTWaitCodeunit.Codeunit.al', 'PBTWaitCodeunit');
    await page.click('.editor-instance .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(s.prefix);
    await page.keyboard.press('Control+Space');
    await page.waitForSelector(`.suggest-widget .monaco-list-row:has-text("${s.prefix}") .codicon-symbol-snippet`);
    await page.click(`.suggest-widget .monaco-list-row:has-text("${s.prefix}")`);
    await page.waitForSelector(`.editor-instance .view-lines:has-text("${s.expect.replace(/"/g, '\\"')}")`);
    await screenshot('04-snippet-inserted');
    await page.keyboard.press('Escape');
    await command(page, 'File: Revert File');
  },
};

export const diagnosticsAndQuickFix = {
  name: 'a BG diagnostic shows in the Problems panel and its quick fix applies',
  run: async ({ page, screenshot }) => {
    await openFile(page, 'CustomerCardExt.PageExt.al', 'EnqueueBackgroundTask');
    // A timeout above PageBackgroundTaskMaxTimeout: rule BG0004, quick fix "use 600000".
    await page.keyboard.press('Control+H');
    await page.waitForSelector('.find-widget.visible');
    await page.keyboard.type('TaskParameters, 10000,');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('TaskParameters, 900000,');
    await page.keyboard.press('Control+Alt+Enter');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.editor-instance .view-lines:has-text("900000")');
    await command(page, 'View: Focus Problems');
    const row = page.locator('.markers-panel .monaco-list-row:has-text("BG0004")').first();
    await row.waitFor({ timeout: 60000 });
    await screenshot('05-problems-panel');
    await row.click();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row:has-text("600000")').first();
    await fix.waitFor();
    await fix.click();
    await page.waitForSelector('.editor-instance .view-lines:has-text("TaskParameters, 600000,")');
    await page.waitForSelector('.markers-panel .monaco-list-row:has-text("BG0004")', { state: 'detached', timeout: 30000 });
    await screenshot('06-quick-fix-applied');
    await command(page, 'File: Revert File');
  },
};

export { quick };
