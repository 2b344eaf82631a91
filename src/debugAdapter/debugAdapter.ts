// The AL Session Lab debug adapter process: DAP over stdin/stdout, translated to the runtime control protocol.
import { DebugSession } from '@vscode/debugadapter';
import { AlSessionLabDebugSession } from './session';

DebugSession.run(AlSessionLabDebugSession);
