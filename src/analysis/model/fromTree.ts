// Builds the analysis model of one file from the parser's tree (placeholder until the parser lands).
import type { AlFileModel } from './ir';

export function buildFileModel(path: string, text: string): AlFileModel {
  return { path, text, objects: [], pragmas: [], syntaxErrors: 0 };
}
