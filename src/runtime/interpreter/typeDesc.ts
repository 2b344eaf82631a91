// Run-time type descriptors: a declared TypeRef resolved against the workspace once at compile time (the
// table model of a Record, the codeunit of a Codeunit variable, enum members), used for defaults and Format.
import type { TableModel, ObjectModel } from './model';
import type { TypeRef } from './ast';

export interface TypeDesc {
  name: string;
  length?: number;
  dims?: number[];
  elem?: TypeDesc;
  temporary?: boolean;
  table?: TableModel;
  obj?: ObjectModel;
  of?: TypeRef[];
  optionMembers?: string[];
  enumDefault?: number;
  label?: string;
  ref: TypeRef;
  factory?: (rt: unknown) => unknown;
}
