// System.Text.RegularExpressions through DotNet: instance and static forms, options, .NET group numbering,
// named groups, replacement patterns, Split with captures, foreach over matches and groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dotnetError, dotnetMessages } from './support';

test('Regex: IsMatch, Match with groups (unnamed numbered before named), Matches with foreach', () => {
  assert.deepEqual(dotnetMessages('R: DotNet Regex; M: DotNet Match; Ms: DotNet MatchCollection; G: DotNet Group; Gs: DotNet GroupCollection;', `
    R := R.Regex('(?<year>\\d{4})-(\\d{2})');
    Message('%1 %2', R.IsMatch('on 2024-05'), R.IsMatch('none'));
    M := R.Match('on 2024-05 and 2025-12');
    Gs := M.Groups;
    Message('%1|%2|%3|%4|%5', M.Value, M.Index, Gs.Count, Gs.Item(1).Value, Gs.Item('year').Value);
    foreach G in Gs do Message('%1=%2', G.Name, G.Value);
    Ms := R.Matches('2024-05 2025-12');
    foreach M in Ms do Message(M.Value);
    Message('%1 %2', Ms.Count, M.NextMatch().Success);`),
  ['Yes No', '2024-05|3|3|05|2024', '0=2024-05', '1=05', 'year=2024', '2024-05', '2025-12', '2 No']);
});

test('Regex: static forms with RegexOptions, Replace with .NET replacement patterns, Split, Escape', () => {
  assert.deepEqual(dotnetMessages('R: DotNet Regex; O: DotNet RegexOptions; A: DotNet Array; s: Text;', `
    Message('%1', R.IsMatch('ABC', '^abc$', O.IgnoreCase));
    Message(R.Replace('John Smith', '(?<first>\\w+) (?<last>\\w+)', '\${last}, \${first} $$'));
    R := R.Regex('(\\d)');
    Message(R.Replace('a1b2c3', '<$1>', 2));
    A := R.Split('a1b2c');
    foreach s in A do Message(s);
    Message(R.Escape('a.b*c (d)'));`),
  ['Yes', 'Smith, John $', 'a<1>b<2>c3', 'a', '1', 'b', '2', 'c', 'a\\.b\\*c\\ \\(d\\)']);
});

test('Regex: an invalid pattern fails with the .NET message', () => {
  assert.match(dotnetError('R: DotNet Regex;', `R := R.Regex('(unclosed');`), /^A call to System\.Text\.RegularExpressions\.Regex failed with this message: Invalid pattern '\(unclosed'/);
});
