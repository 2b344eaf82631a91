// The rule catalogue: every BG rule, in id order (ids are fixed; see docs/rules.md).
import { BG0001 } from './BG0001';
import { BG0002 } from './BG0002';
import { BG0003 } from './BG0003';
import { BG0004 } from './BG0004';
import { BG0005 } from './BG0005';
import { BG0006 } from './BG0006';
import { BG0007 } from './BG0007';
import { BG0008 } from './BG0008';
import { BG0009 } from './BG0009';
import { BG0010 } from './BG0010';
import { BG0011 } from './BG0011';
import { BG0012 } from './BG0012';
import { BG0013 } from './BG0013';
import { BG0014 } from './BG0014';
import { BG0015 } from './BG0015';
import { BG0016 } from './BG0016';
import { BG0017 } from './BG0017';
import { BG0018 } from './BG0018';
import type { Rule, RuleMeta } from './types';

export const allRules: Rule[] = [BG0001, BG0002, BG0003, BG0004, BG0005, BG0006, BG0007, BG0008, BG0009, BG0010, BG0011, BG0012, BG0013, BG0014, BG0015, BG0016, BG0017, BG0018];

export const ruleMetas: Map<string, RuleMeta> = new Map(allRules.map((r) => [r.meta.id, r.meta]));
