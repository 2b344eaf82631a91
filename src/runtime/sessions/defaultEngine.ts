// The engine the CLI and the server host: the AL interpreter (src/runtime/interpreter).
import type { Engine } from '../contracts';
import { EngineImpl } from '../interpreter/engine';

export function createEngine(): Engine {
  return new EngineImpl();
}
