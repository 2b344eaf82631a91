// The JSON types: JsonObject, JsonArray, JsonToken and JsonValue.
import type { ReceiverSpec } from './types';

/** What every JSON type has. */
const common = [
  'AsToken(): JsonToken',
  'Clone(): JsonToken',
  'Path(): Text',
  'ReadFrom(String: Text): Boolean',
  'ReadFrom(InStream: InStream): Boolean',
  'SelectToken(Path: Text; var Result: JsonToken): Boolean',
  'SelectTokens(Path: Text; var Result: List of [JsonToken]): Boolean',
  'WriteTo(var String: Text): Boolean',
  'WriteTo(OutStream: OutStream): Boolean',
];

/** Typed getters of JsonObject and JsonArray (`GetText(Key)`, `GetInteger(Index)`...). */
function getters(keyParam: string): string[] {
  const types: [string, string][] = [['GetArray', 'JsonArray'], ['GetBigInteger', 'BigInteger'], ['GetBoolean', 'Boolean'], ['GetByte', 'Byte'], ['GetChar', 'Char'], ['GetCode', 'Code'], ['GetDate', 'Date'], ['GetDateTime', 'DateTime'], ['GetDecimal', 'Decimal'], ['GetDuration', 'Duration'], ['GetInteger', 'Integer'], ['GetObject', 'JsonObject'], ['GetOption', 'Integer'], ['GetText', 'Text'], ['GetTime', 'Time']];
  return types.map(([n, t]) => `${n}(${keyParam}; [DefaultIfNotFound: Boolean]): ${t}`);
}

export const jsonReceivers: ReceiverSpec[] = [
  {
    receiver: 'JsonObject',
    entries: [
      ...common,
      'Add(Key: Text; Value: Any): Boolean',
      'Contains(Key: Text): Boolean',
      'Count(): Integer',
      'Get(Key: Text; var Result: JsonToken): Boolean',
      ...getters('Key: Text'),
      'Keys(): List of [Text]',
      'Remove(Key: Text): Boolean',
      'Replace(Key: Text; Value: Any): Boolean',
      'Values(): List of [JsonToken]',
    ],
  },
  {
    receiver: 'JsonArray',
    entries: [
      ...common,
      'Add(Value: Any): Boolean',
      'Count(): Integer',
      'Get(Index: Integer; var Result: JsonToken): Boolean',
      ...getters('Index: Integer'),
      'IndexOf(Value: Any): Integer',
      'Insert(Index: Integer; Value: Any): Boolean',
      'RemoveAt(Index: Integer): Boolean',
      'Set(Index: Integer; Value: Any): Boolean',
    ],
  },
  {
    receiver: 'JsonToken',
    entries: [...common, 'AsArray(): JsonArray', 'AsObject(): JsonObject', 'AsValue(): JsonValue', 'IsArray(): Boolean', 'IsObject(): Boolean', 'IsValue(): Boolean'],
  },
  {
    receiver: 'JsonValue',
    entries: [
      ...common,
      ...['BigInteger', 'Boolean', 'Byte', 'Char', 'Code', 'Date', 'DateTime', 'Decimal', 'Duration', 'Integer', 'Option', 'Text', 'Time'].map((t) => `As${t}(): ${t === 'Option' ? 'Integer' : t}`),
      'IsNull(): Boolean',
      'IsUndefined(): Boolean',
      'SetValue(Value: Any)',
      'SetValueToNull()',
      'SetValueToUndefined()',
    ],
  },
];
