// The language server's analysis worker: a second copy of the workspace model on its own thread, where the
// whole-workspace rules run, so an expensive pass (an edit in code that background sessions reach re-walks it) never
// blocks the server's answers to edits, hovers and code actions.
import { parentPort, workerData } from 'node:worker_threads';
import type { LintConfig } from '../analysis/config/lintConfig';
import type { AppPackage } from '../language/apps/appPackage';
import { LanguageService } from '../ide/service';
import type { ToWorker, FromWorker } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('analysisWorker.js runs as a worker thread of the language server');

const service = new LanguageService({ maxFileBytes: (workerData as { maxFileBytes: number }).maxFileBytes });

port.on('message', (m: ToWorker) => {
  try {
    switch (m.type) {
      case 'set':
        service.setText(m.path, m.text, m.lazy);
        break;
      case 'remove':
        service.remove(m.path);
        break;
      case 'package':
        service.ws.addPackage(m.pkg as AppPackage);
        break;
      case 'configure':
        service.config = m.config as LintConfig;
        service.preprocessorSymbols = new Set(m.preprocessorSymbols);
        break;
      case 'lint': {
        const result = service.runPass();
        const reply: FromWorker = { type: 'result', id: m.id, findings: result.findings, failures: result.failures, ms: service.lastLintMs };
        port.postMessage(reply);
        break;
      }
    }
  } catch (err) {
    // The engine isolates rules; anything else is reported and the worker stays up for the next message.
    const reply: FromWorker = { type: 'failed', id: m.type === 'lint' ? m.id : -1, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    port.postMessage(reply);
  }
});
