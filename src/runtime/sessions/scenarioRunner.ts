// Plays a scenario's steps against a hosted runtime, as a user at a client would: one client session for the
// pages, a new foreground session per `runCodeunit`. A step that cannot be done stops the scenario (exit 1).
import type { PageState } from './pages';
import { PageOperationError } from './pages';
import { describeStep, ScenarioError, type LocatedStep, type Scenario } from './scenario';
import type { RuntimeHost } from './host';

export interface ScenarioResult {
  ok: boolean;
  /** The step that could not be done, and why. */
  failed?: { step: LocatedStep; message: string };
}

export class ScenarioRunner {
  /** Pages opened by the scenario, most recent last; page steps act on the last open one. */
  private readonly pages: PageState[] = [];

  constructor(private readonly host: RuntimeHost) {}

  async run(scenario: Scenario): Promise<ScenarioResult> {
    const rt = this.host.rt;
    if (scenario.maxCallTime !== undefined) rt.settings.maxCallTime = scenario.maxCallTime;
    for (const c of scenario.companies ?? []) rt.addCompany(c);
    this.host.seedData(scenario.data, scenario.file, scenario.dataLines);
    for (const c of scenario.companyData ?? []) this.host.seedData(c.data, scenario.file, c.lines, c.company);
    for (const located of scenario.steps) {
      rt.timeline.emit('step', { index: located.index + 1, line: located.line, step: located.step.kind, text: describeStep(located.step) });
      try {
        await this.step(located);
      } catch (err) {
        if (err instanceof PageOperationError || err instanceof ScenarioError) {
          const message = `${scenario.file}:${located.line}: step ${located.index + 1} (${located.step.kind}) could not be done: ${err.message}`;
          rt.timeline.emit('stepFailed', { index: located.index + 1, line: located.line, step: located.step.kind, reason: err.message });
          return { ok: false, failed: { step: located, message } };
        }
        throw err;
      }
    }
    return { ok: true };
  }

  private currentPage(): PageState {
    for (let i = this.pages.length - 1; i >= 0; i--) if (this.pages[i].open) return this.pages[i];
    throw new ScenarioError('no page is open (use openPage first)');
  }

  private async step({ step }: LocatedStep): Promise<void> {
    const host = this.host;
    const rt = host.rt;
    switch (step.kind) {
      case 'openPage': {
        const { page } = await rt.pages.open(host.sessionFor(step.client, step.company), step.page, step.record);
        if (page.open) this.pages.push(page);
        return;
      }
      case 'nextRecord':
      case 'previousRecord':
        await rt.pages.navigate(this.currentPage(), step.kind === 'nextRecord' ? 'next' : 'previous');
        return;
      case 'closePage':
        await rt.pages.close(this.currentPage());
        return;
      case 'invokeAction':
        await rt.pages.invokeAction(this.currentPage(), step.action);
        return;
      case 'setField':
        await rt.pages.setField(this.currentPage(), step.field, step.value);
        return;
      case 'runCodeunit':
        await host.runCodeunit(step.codeunit, step.company);
        return;
      case 'waitIdle':
        await rt.waitIdle();
        return;
      case 'advanceMs':
        await rt.advance(step.ms);
        return;
      case 'answerConfirm':
        rt.answerNextDialog('confirm', step.answer);
        return;
      case 'answerStrMenu':
        rt.answerNextDialog('strMenu', step.answer);
        return;
      case 'stopSession':
        if (!rt.sessions.has(step.session)) throw new ScenarioError(`there is no session ${step.session}`);
        rt.stopSession(undefined, step.session, step.comment ?? '');
        return;
      case 'restartServer':
        rt.restartServer();
        return;
    }
  }
}
