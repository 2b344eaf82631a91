// Text and the simple value types: Text's global string methods (StrSubstNo, CopyStr...) and instance methods
// (Contains, Split...), TextBuilder, BigText, and the methods of Enum, Guid, Date/Time and numeric values.
import type { ReceiverSpec } from './types';

export const textReceivers: ReceiverSpec[] = [
  {
    receiver: 'Text',
    entries: [
      ['ConvertStr(String: Text; FromCharacters: Text; ToCharacters: Text): Text', [], { static: true, global: true }],
      ['CopyStr(String: Text; Position: Integer; [Length: Integer]): Text', [], { static: true, global: true }],
      ['DelChr(String: Text; [Where: Text]; [Which: Text]): Text', [], { static: true, global: true }],
      ['DelStr(String: Text; Position: Integer; [Length: Integer]): Text', [], { static: true, global: true }],
      ['IncStr(String: Text; [Increment: BigInteger]): Text', [], { static: true, global: true }],
      ['InsStr(String: Text; SubString: Text; Position: Integer): Text', [], { static: true, global: true }],
      ['LowerCase(String: Text): Text', [], { static: true, global: true }],
      ['MaxStrLen(String: Text): Integer', [], { static: true, global: true }],
      ['PadStr(String: Text; Length: Integer; [FillCharacter: Text]): Text', [], { static: true, global: true }],
      ['SelectStr(Number: Integer; CommaString: Text): Text', [], { static: true, global: true }],
      ['StrCheckSum(String: Text; [WeightString: Text]; [Modulus: Integer]): Integer', [], { static: true, global: true }],
      ['StrLen(String: Text): Integer', [], { static: true, global: true }],
      ['StrPos(String: Text; SubString: Text): Integer', [], { static: true, global: true }],
      ['StrSubstNo(String: Text; [Value: Any]): Text', [], { static: true, global: true }],
      ['UpperCase(String: Text): Text', [], { static: true, global: true }],
      'Contains(Value: Text): Boolean',
      'EndsWith(Value: Text): Boolean',
      'IndexOf(Value: Text; [StartIndex: Integer]): Integer',
      'IndexOfAny(Values: Text; [StartIndex: Integer]): Integer',
      'IndexOfAny(Values: List of [Char]; [StartIndex: Integer]): Integer',
      'LastIndexOf(Value: Text; [StartIndex: Integer]): Integer',
      'PadLeft(Count: Integer; [Char: Char]): Text',
      'PadRight(Count: Integer; [Char: Char]): Text',
      'Remove(StartIndex: Integer; [Count: Integer]): Text',
      'Replace(OldValue: Text; NewValue: Text): Text',
      'Split([Separators: Text]): List of [Text]',
      'Split(Separators: List of [Text]): List of [Text]',
      'StartsWith(Value: Text): Boolean',
      'Substring(StartIndex: Integer; [Count: Integer]): Text',
      'ToLower(): Text',
      'ToUpper(): Text',
      'Trim(): Text',
      'TrimEnd([TrimChars: Text]): Text',
      'TrimStart([TrimChars: Text]): Text',
      // Not in BC's Text reference; the runtime accepts them on Text values (TextBuilder has both).
      'Insert(StartIndex: Integer; Value: Text): Text',
      'Length(): Integer',
    ],
  },
  {
    receiver: 'TextBuilder',
    entries: [
      'Append(Text: Text): Boolean',
      'AppendLine([Text: Text]): Boolean',
      'Capacity([NewCapacity: Integer]): Integer',
      'Clear()',
      'EnsureCapacity(NewCapacity: Integer): Integer',
      'Insert(Position: Integer; Text: Text): Boolean',
      'Length([NewLength: Integer]): Integer',
      'MaxCapacity(): Integer',
      'Remove(StartIndex: Integer; Count: Integer): Boolean',
      'Replace(OldText: Text; NewText: Text; [StartIndex: Integer]; [Count: Integer]): Boolean',
      'ToText([StartIndex: Integer]; [Count: Integer]): Text',
    ],
  },
  {
    receiver: 'BigText',
    entries: [
      'AddText(BigText: BigText; [Position: Integer])',
      'GetSubText(var Variable: Text; Position: Integer; [Length: Integer]): Integer',
      'Length(): Integer',
      'Read(InStream: InStream): Boolean',
      'TextPos(String: Text): Integer',
      'Write(OutStream: OutStream): Boolean',
    ],
  },
  {
    receiver: 'Enum',
    entries: [
      'AsInteger(): Integer',
      ['FromInteger(Value: Integer): Enum', [], { static: true }],
      ['Names(): List of [Text]', [], { static: true }],
      ['Ordinals(): List of [Integer]', [], { static: true }],
    ],
  },
  {
    receiver: 'Guid',
    entries: ['CreateGuid(): Guid', 'CreateSequentialGuid(): Guid', 'IsNullGuid(): Boolean', 'ToText([Delimiters: Boolean]): Text'],
  },
  {
    receiver: 'Date',
    entries: ['Day(): Integer', 'DayOfWeek(): Integer', 'Month(): Integer', 'ToText(): Text', 'WeekNo(): Integer', 'Year(): Integer'],
  },
  {
    receiver: 'Time',
    entries: ['Hour(): Integer', 'Millisecond(): Integer', 'Minute(): Integer', 'Second(): Integer', 'ToText(): Text'],
  },
  {
    receiver: 'DateTime',
    entries: ['Date(): Date', 'Time(): Time', 'ToText(): Text'],
  },
  {
    receiver: 'Any',
    entries: [
      // Every value: `X.ToText()`.
      'ToText(): Text',
    ],
  },
  {
    receiver: 'Version',
    entries: [
      ['Create(Major: Integer; Minor: Integer; [Build: Integer]; [Revision: Integer]): Version', [], { static: true }],
      ['Create(Version: Text): Version', [], { static: true }],
      'Build(): Integer',
      'Major(): Integer',
      'Minor(): Integer',
      'Revision(): Integer',
    ],
  },
  {
    receiver: 'ModuleInfo',
    entries: ['AppVersion(): Version', 'DataVersion(): Version', 'Dependencies(): List of [ModuleDependencyInfo]', 'Id(): Guid', 'Name(): Text', 'PackageId(): Guid', 'Publisher(): Text'],
  },
  {
    receiver: 'ModuleDependencyInfo',
    entries: ['Id(): Guid', 'Name(): Text', 'Publisher(): Text'],
  },
  {
    receiver: 'SecretText',
    entries: [
      'IsEmpty(): Boolean',
      ['SecretStrSubstNo(String: Text; [Value: SecretText]): SecretText', [], { static: true, global: true }],
      'Unwrap(): Text',
    ],
  },
];
