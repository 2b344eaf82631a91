// Test support for the platform layer: the dotnet declarations the fixtures use (aliases as Microsoft's apps
// declare them), and runners over the interpreter's test harness.
import { Database } from '../../../src/runtime/store';
import { EngineImpl } from '../../../src/runtime/interpreter/engine';
import { TestServices, detached, drive, messagesOf } from '../interpreter/support';

export const DOTNET_AL = `
dotnet
{
    assembly("netstandard")
    {
        type("System.Uri"; "Uri") { }
        type("System.UriBuilder"; "UriBuilder") { }
        type("System.UriKind"; "UriKind") { }
        type("System.Text.StringBuilder"; "StringBuilder") { }
        type("System.String"; "String") { }
        type("System.Convert"; "Convert") { }
        type("System.Math"; "Math") { }
        type("System.Array"; "Array") { }
        type("System.TimeSpan"; "TimeSpan") { }
        type("System.Text.Encoding"; "Encoding") { }
        type("System.Text.RegularExpressions.Regex"; "Regex") { }
        type("System.Text.RegularExpressions.RegexOptions"; "RegexOptions") { }
        type("System.Text.RegularExpressions.Match"; "Match") { }
        type("System.Text.RegularExpressions.MatchCollection"; "MatchCollection") { }
        type("System.Text.RegularExpressions.Group"; "Group") { }
        type("System.Text.RegularExpressions.GroupCollection"; "GroupCollection") { }
    }
    assembly("System.Drawing")
    {
        type("System.Drawing.Bitmap"; "Bitmap") { }
    }
}
`;

export function dotnetMessages(vars: string, body: string, extra = ''): string[] {
  return messagesOf(vars, body, DOTNET_AL + extra);
}

/** Runs an OnRun body and returns the AL error it fails with; load findings (unsupported members) are allowed. */
export function dotnetError(vars: string, body: string, extra = ''): string {
  const engine = new EngineImpl();
  engine.load([
    { path: 'test.al', text: `codeunit 50000 Test\n{\ntrigger OnRun()\n${vars ? `var\n${vars}\n` : ''}begin\n${body}\nend;\n}\n` },
    { path: 'dotnet.al', text: DOTNET_AL + extra },
  ]);
  const db = new Database(engine.tables());
  const services = new TestServices(db.begin(1));
  const r = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
  if (r.state !== 'failed') throw new Error(`expected an AL error, got ${JSON.stringify(r)}`);
  return r.error.text;
}
