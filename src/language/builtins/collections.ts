// List and Dictionary: the generic collections (methods as in BC's List and Dictionary references).
import type { ReceiverSpec } from './types';

export const collectionReceivers: ReceiverSpec[] = [
  {
    receiver: 'List',
    entries: [
      'Add(Value: T)',
      'AddRange(Value: T; [Values: T])',
      'AddRange(Collection: List of [T])',
      'Contains(Value: T): Boolean',
      'Count(): Integer',
      'Get(Index: Integer): T',
      'Get(Index: Integer; var Value: T): Boolean',
      'GetRange(Index: Integer; Count: Integer): List of [T]',
      'GetRange(Index: Integer; Count: Integer; var Result: List of [T]): Boolean',
      'IndexOf(Value: T): Integer',
      'Insert(Index: Integer; Value: T)',
      'LastIndexOf(Value: T): Integer',
      'Remove(Value: T): Boolean',
      'RemoveAt(Index: Integer): Boolean',
      'RemoveRange(Index: Integer; Count: Integer): Boolean',
      'Reverse()',
      'Set(Index: Integer; Value: T)',
      'Set(Index: Integer; Value: T; var OldValue: T): Boolean',
    ],
  },
  {
    receiver: 'Dictionary',
    entries: [
      'Add(Key: TKey; Value: TValue): Boolean',
      'ContainsKey(Key: TKey): Boolean',
      'Count(): Integer',
      'Get(Key: TKey): TValue',
      'Get(Key: TKey; var Value: TValue): Boolean',
      'Keys(): List of [TKey]',
      'Remove(Key: TKey): Boolean',
      'Set(Key: TKey; Value: TValue)',
      'Set(Key: TKey; Value: TValue; var OldValue: TValue): Boolean',
      'Values(): List of [TValue]',
    ],
  },
];
