// Run-time objects for AL values that are not plain JS values: object instances (the `self` of compiled
// code), Codeunit variables, Variant, ErrorInfo and TextBuilder.
import type { TypeRef } from './ast';
import type { ObjectModel } from './model';
import type { AlRecord } from './record';

/**
 * An instance of an AL object: its global variables and, for tables and pages, its current record.
 * Table code runs with an Instance whose `rec` is the record variable the procedure was called on; page
 * extension code runs with its own globals and `base` pointing at the page's instance.
 */
export class Instance {
  rec?: AlRecord;
  /** The page runtime (CurrPage) for page and page extension instances. */
  page?: unknown;
  base?: Instance;
  private xrecValue?: AlRecord;
  constructor(readonly obj: ObjectModel, readonly g: Record<string, unknown>) {}

  /** xRec: for tables the record's previous version (set by Modify/Rename/Validate), for pages the page's. */
  xrec(): AlRecord {
    if (this.base) return this.base.xrec();
    if (this.rec && !this.page) return this.rec.xrecOf();
    if (!this.xrecValue) {
      if (!this.rec) throw new Error('xRec is not available here');
      this.xrecValue = this.rec.copy();
    }
    return this.xrecValue;
  }

  setXrec(r: AlRecord): void {
    this.xrecValue = r;
  }
}

/** A `Codeunit X` variable: its instance is created on first use (single-instance codeunits: one per session). */
export class CodeunitVar {
  inst?: Instance;
  constructor(readonly obj: ObjectModel) {}
}

/** A Variant: a value together with the static type it was assigned from. */
export class Variant {
  constructor(
    public value: unknown,
    public type: TypeRef | undefined,
  ) {}
}

export class ErrorInfoValue {
  message = '';
  title = '';
  detailedMessage = '';
  errorType = 0;
  verbosity = 1;
  dataClassification = 0;
  collectible = false;
  fieldNo = 0;
  tableId = 0;
  callstack = '';
  customDimensions = new Map<string, string>();
  actions: { caption: string; codeunitId: number; method: string; description: string }[] = [];
  copy(): ErrorInfoValue {
    const e = new ErrorInfoValue();
    Object.assign(e, this);
    e.customDimensions = new Map(this.customDimensions);
    e.actions = this.actions.slice();
    return e;
  }
}

export class TextBuilderValue {
  parts: string[] = [];
  toText(): string {
    const s = this.parts.join('');
    this.parts = [s];
    return s;
  }
}

/** ModuleInfo: the workspace app (from app.json) as NavApp.GetCurrentModuleInfo returns it. */
export class ModuleInfoValue {
  constructor(
    public id = '{00000000-0000-0000-0000-000000000000}',
    public name = '',
    public publisher = '',
    public version = '0.0.0.0',
  ) {}
}
