// The UI suite's steps, in order; each asserts what a person would see. Later steps build on earlier ones.
import { command, openFile, quick } from './ui.mjs';
import { highlighted, snippet, diagnosticsAndQuickFix } from './uiEditorSteps.mjs';
import { setBreakpoint, attachWithF5, stoppedAtBreakpoint, continueRun, detach } from './uiDebugSteps.mjs';
import { openCustomerCard, taskFillsFields, nextRecord, sessionsView, timeline } from './uiRuntimeSteps.mjs';
import { testExplorerSteps } from './uiTestSteps.mjs';

export const steps = [
  {
    name: 'the extension activates and logs its activation time',
    run: async ({ page }) => {
      await command(page, 'AL Session Lab: Show Runtime Log');
      await page.waitForSelector('.part.panel .monaco-editor .view-lines:has-text("activated in")');
    },
  },
  {
    name: 'an .al file opens in the AL language',
    run: async ({ page, screenshot }) => {
      await openFile(page, 'PBTWaitCodeunit.Codeunit.al', 'PBTWaitCodeunit');
      await page.waitForSelector('.statusbar-item[id$="status.editor.mode"]:has-text("AL")');
      await screenshot('01-al-file-open');
    },
  },
  highlighted,
  snippet,
  diagnosticsAndQuickFix,
  {
    name: 'the status bar shows the session runtime',
    run: async ({ page }) => {
      await page.waitForSelector('.statusbar-item:has-text("AL runtime:")');
    },
  },
  {
    name: 'the Sessions view opens from the status bar item',
    run: async ({ page, screenshot }) => {
      await page.click('.statusbar-item:has-text("AL runtime:")');
      await page.waitForSelector('.part.sidebar .composite.title:has-text("Sessions")');
      await page.waitForSelector('.part.sidebar .welcome-view-content:has-text("No sessions yet")');
      await screenshot('02-sessions-view');
    },
  },
  setBreakpoint,
  attachWithF5,
  openCustomerCard,
  stoppedAtBreakpoint,
  // The example's task has a 10 s timeout, which runs on while the debugger holds the session: continue at once.
  continueRun,
  taskFillsFields,
  sessionsView,
  detach,
  nextRecord,
  timeline,
  // The Test Explorer (uiTestSteps.mjs): discover, run all, a failure at its line, debug into a background session, coverage.
  ...testExplorerSteps,
];

export { quick };
