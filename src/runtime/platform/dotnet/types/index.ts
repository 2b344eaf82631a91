// Every emulated .NET type, for the registry (registry.ts). Add a type: write its file here and list it below.
import type { DotNetType } from '../dotnetType';
import { ArrayType } from './array';
import { ConvertType } from './convert';
import { EncodingType, UTF8EncodingType, UnicodeEncodingType } from './encoding';
import { MathType } from './math';
import { RegexOptionsType, RegexType } from './regex';
import { CaptureCollectionType, CaptureType, GroupCollectionType, GroupType, MatchCollectionType, MatchType } from './regexMatch';
import { StringType } from './string';
import { StringBuilderType } from './stringBuilder';
import { TimeSpanType } from './timeSpan';
import { TypeType } from './type';
import { UriKindType, UriPartialType, UriType } from './uri';
import { UriBuilderType } from './uriBuilder';

export const allDotNetTypes: DotNetType[] = [
  ArrayType, ConvertType, EncodingType, UTF8EncodingType, UnicodeEncodingType, MathType,
  RegexType, RegexOptionsType, MatchType, MatchCollectionType, GroupType, GroupCollectionType, CaptureType, CaptureCollectionType,
  StringType, StringBuilderType, TimeSpanType, TypeType, UriType, UriKindType, UriPartialType, UriBuilderType,
];
