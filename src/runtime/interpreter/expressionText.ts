// An AL expression given as text (typed in the debugger, a breakpoint condition, a page control's Visible or
// Editable property) parsed by the real parser and lowered to the interpreter's expression tree.
import { parseFile } from '../../syntax';
import { Lowerer } from './lower';
import type { Expr } from './ast';
import { AlError } from './errors';

/** Parses an expression typed in the debugger (or a breakpoint condition) through the real parser. */
export function parseExpressionText(text: string): Expr {
  const src = `codeunit 1 __Eval\n{\n    trigger OnRun()\n    begin\n        __EvalResult(${text});\n    end;\n}\n`;
  const parsed = parseFile(src);
  if (parsed.errors.length) throw new AlError(`The expression is not valid AL: ${parsed.errors[0].message}`);
  const lw = new Lowerer(src, '<evaluate>', parsed.lineMap);
  const [o] = lw.objects(parsed.root);
  const st = o?.procedures[0]?.body[0];
  if (!st || st.k !== 'expr' || st.e.k !== 'call' || st.e.args.length !== 1) throw new AlError('The expression is not valid AL.');
  return st.e.args[0];
}
