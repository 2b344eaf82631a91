// Scenario files (docs/cli.md): `data` to seed tables and `steps` a client performs (open a page, move, act,
// run a codeunit, wait, move time). Parsed and checked up front so a malformed file fails with file and line.
import { JsonSyntaxError, parseJsonWithLines, type JsonDocument } from './jsonWithLines';

/** Who opens a page: the web client (default) or a web-service client (no UI; page background tasks run synchronously). */
export type PageClient = 'Web' | 'WebService' | 'ODataV4' | 'SOAP' | 'Api';
export const PAGE_CLIENTS: readonly PageClient[] = ['Web', 'WebService', 'ODataV4', 'SOAP', 'Api'];

export type ScenarioStep =
  | { kind: 'openPage'; page: string | number; record?: Record<string, unknown>; client?: PageClient; company?: string }
  | { kind: 'nextRecord' }
  | { kind: 'previousRecord' }
  | { kind: 'closePage' }
  | { kind: 'invokeAction'; action: string }
  | { kind: 'setField'; field: string; value: string }
  | { kind: 'runCodeunit'; codeunit: string | number; company?: string }
  | { kind: 'waitIdle' }
  | { kind: 'advanceMs'; ms: number }
  | { kind: 'answerConfirm'; answer: boolean }
  | { kind: 'answerStrMenu'; answer: number }
  | { kind: 'stopSession'; session: number; comment?: string }
  | { kind: 'restartServer' };

export interface LocatedStep {
  step: ScenarioStep;
  /** 1-based line of the step in the file. */
  line: number;
  index: number;
}

export interface Scenario {
  file: string;
  description?: string;
  data: Record<string, Record<string, unknown>[]>;
  /** The scenario's `maxCallTime` (given in seconds), in ms: overrides the setting while it plays. */
  maxCallTime?: number;
  /** 1-based line of each table's rows in `data` (for seed errors). */
  dataLines: Record<string, number>;
  /** Companies the database has besides the runtime's own (`companies`, and every company of `companyData`). */
  companies: string[];
  /** Seed data of other companies: company -> table -> rows, with the line of each table's rows. */
  companyData: { company: string; data: Record<string, Record<string, unknown>[]>; lines: Record<string, number> }[];
  steps: LocatedStep[];
}

/** A malformed scenario: the message starts with `file:line:`. */
export class ScenarioError extends Error {}

const stepKeys = ['openPage', 'nextRecord', 'previousRecord', 'closePage', 'invokeAction', 'setField', 'runCodeunit', 'waitIdle', 'advanceMs', 'answerConfirm', 'answerStrMenu', 'stopSession', 'restartServer'];
const extraKeys: Record<string, string[]> = { openPage: ['record', 'client', 'company'], setField: ['value'], stopSession: ['comment'], runCodeunit: ['company'] };

export function parseScenario(text: string, file: string): Scenario {
  let doc: JsonDocument;
  try {
    doc = parseJsonWithLines(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new ScenarioError(`${file}:${err.line}: ${err.message}`);
    throw err;
  }
  return scenarioFromJson(doc.value, file, (node) => doc.lineOf(node) ?? 1);
}

/** Validates a scenario already parsed (e.g. sent over the control protocol). */
export function scenarioFromJson(value: unknown, file: string, lineOf: (node: object) => number = () => 1): Scenario {
  const fail = (line: number, message: string): never => {
    throw new ScenarioError(`${file}:${line}: ${message}`);
  };
  if (!isObject(value)) return fail(1, 'a scenario is a JSON object with "steps" (and optionally "data")');
  for (const key of Object.keys(value)) {
    if (!['data', 'steps', 'description', '$schema', 'companies', 'companyData', 'maxCallTime'].includes(key)) fail(lineOf(value), `unknown scenario property "${key}" (expected data, steps, description, companies, companyData, maxCallTime)`);
  }
  const tables = (d: unknown, where: string, at: object): { data: Scenario['data']; lines: Record<string, number> } => {
    const data: Scenario['data'] = {};
    const lines: Record<string, number> = {};
    if (!isObject(d)) return fail(lineOf(at), `${where} must be an object of table name -> array of rows`);
    for (const [table, rows] of Object.entries(d)) {
      if (!Array.isArray(rows)) fail(lineOf(d), `${where}."${table}" must be an array of rows`);
      const arr = rows as unknown[];
      lines[table] = lineOf(arr);
      arr.forEach((row, i) => {
        if (!isObject(row)) fail(lineOf(arr), `${where}."${table}"[${i}] must be an object of field name -> value`);
      });
      data[table] = arr as Record<string, unknown>[];
    }
    return { data, lines };
  };
  const { data, lines: dataLines } = value.data !== undefined ? tables(value.data, '"data"', value) : { data: {}, lines: {} };
  const companies: string[] = [];
  if (value.companies !== undefined) {
    if (!Array.isArray(value.companies) || value.companies.some((c) => typeof c !== 'string' || c.trim() === '')) fail(lineOf(value), '"companies" must be an array of company names');
    companies.push(...(value.companies as string[]));
  }
  const companyData: Scenario['companyData'] = [];
  if (value.companyData !== undefined) {
    if (!isObject(value.companyData)) fail(lineOf(value), '"companyData" must be an object of company name -> (table name -> array of rows)');
    for (const [company, d] of Object.entries(value.companyData as Record<string, unknown>)) {
      if (company.trim() === '') fail(lineOf(value.companyData as object), '"companyData" needs non-empty company names');
      companyData.push({ company, ...tables(d, `"companyData"."${company}"`, value.companyData as object) });
    }
  }
  if (!Array.isArray(value.steps)) return fail(lineOf(value), 'a scenario needs "steps": an array of steps');
  const steps = (value.steps as unknown[]).map((raw, index): LocatedStep => {
    const line = isObject(raw) || Array.isArray(raw) ? lineOf(raw as object) : lineOf(value.steps as object);
    if (!isObject(raw)) fail(line, `step ${index + 1} must be an object such as { "openPage": "Customer Card" }`);
    const o = raw as Record<string, unknown>;
    const actions = Object.keys(o).filter((k) => stepKeys.includes(k));
    if (actions.length !== 1) {
      fail(line, actions.length === 0 ? `step ${index + 1} has no known action (known: ${stepKeys.join(', ')})` : `step ${index + 1} has more than one action: ${actions.join(', ')}`);
    }
    const kind = actions[0];
    for (const k of Object.keys(o)) {
      if (k !== kind && k !== 'comment' && !(extraKeys[kind] ?? []).includes(k)) fail(line, `step ${index + 1} (${kind}): unknown property "${k}"`);
    }
    const v = o[kind];
    const need = (ok: boolean, what: string) => {
      if (!ok) fail(line, `step ${index + 1}: "${kind}" needs ${what}, got ${JSON.stringify(v)}`);
    };
    let step: ScenarioStep;
    switch (kind) {
      case 'openPage':
        need((typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isInteger(v)), 'a page name or id');
        if (o.record !== undefined && !isObject(o.record)) fail(line, `step ${index + 1}: "record" must be an object of primary key field -> value`);
        if (o.client !== undefined && !PAGE_CLIENTS.includes(o.client as PageClient)) fail(line, `step ${index + 1}: "client" must be one of ${PAGE_CLIENTS.join(', ')}, got ${JSON.stringify(o.client)}`);
        if (o.company !== undefined && (typeof o.company !== 'string' || o.company === '')) fail(line, `step ${index + 1}: "company" must be a company name`);
        step = { kind, page: v as string | number, ...(o.record ? { record: o.record as Record<string, unknown> } : {}), ...(o.client ? { client: o.client as PageClient } : {}), ...(typeof o.company === 'string' ? { company: o.company } : {}) };
        break;
      case 'nextRecord':
      case 'previousRecord':
      case 'closePage':
      case 'waitIdle':
      case 'restartServer':
        need(v === true, 'true');
        step = { kind } as ScenarioStep;
        break;
      case 'invokeAction':
        need(typeof v === 'string' && v !== '', 'an action name');
        step = { kind, action: v as string };
        break;
      case 'setField':
        need(typeof v === 'string' && v !== '', 'a field name');
        if (typeof o.value !== 'string' && typeof o.value !== 'number' && typeof o.value !== 'boolean') fail(line, `step ${index + 1}: "setField" needs "value" (text)`);
        step = { kind, field: v as string, value: String(o.value) };
        break;
      case 'runCodeunit':
        need((typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isInteger(v)), 'a codeunit name or id');
        if (o.company !== undefined && (typeof o.company !== 'string' || o.company === '')) fail(line, `step ${index + 1}: "company" must be a company name`);
        step = { kind, codeunit: v as string | number, ...(typeof o.company === 'string' ? { company: o.company } : {}) };
        break;
      case 'advanceMs':
        need(typeof v === 'number' && Number.isInteger(v) && v >= 0, 'a non-negative whole number of milliseconds');
        step = { kind, ms: v as number };
        break;
      case 'answerConfirm':
        need(typeof v === 'boolean', 'true or false');
        step = { kind, answer: v as boolean };
        break;
      case 'answerStrMenu':
        need(typeof v === 'number' && Number.isInteger(v) && v >= 0, 'an option number');
        step = { kind, answer: v as number };
        break;
      default:
        need(typeof v === 'number' && Number.isInteger(v) && v > 0, 'a session id');
        step = { kind: 'stopSession', session: v as number, ...(typeof o.comment === 'string' ? { comment: o.comment } : {}) };
    }
    return { step, line, index };
  });
  let maxCallTime: number | undefined;
  if (value.maxCallTime !== undefined) {
    if (typeof value.maxCallTime !== 'number' || !Number.isFinite(value.maxCallTime) || value.maxCallTime < 0) fail(lineOf(value), '"maxCallTime" must be a number of seconds (0: no limit)');
    maxCallTime = Math.round((value.maxCallTime as number) * 1000);
  }
  return { file, description: typeof value.description === 'string' ? value.description : undefined, data, dataLines, companies, companyData, steps, ...(maxCallTime !== undefined ? { maxCallTime } : {}) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short human description of a step for the timeline. */
export function describeStep(step: ScenarioStep): string {
  switch (step.kind) {
    case 'openPage':
      return `open page ${JSON.stringify(step.page)}${step.record ? ` on ${JSON.stringify(step.record)}` : ''}${step.client && step.client !== 'Web' ? ` as a ${step.client} client` : ''}${step.company ? ` in company ${JSON.stringify(step.company)}` : ''}`;
    case 'invokeAction':
      return `invoke action ${JSON.stringify(step.action)}`;
    case 'setField':
      return `set field ${JSON.stringify(step.field)} to ${JSON.stringify(step.value)}`;
    case 'runCodeunit':
      return `run codeunit ${JSON.stringify(step.codeunit)}${step.company ? ` in company ${JSON.stringify(step.company)}` : ''}`;
    case 'advanceMs':
      return `advance the clock ${step.ms} ms`;
    case 'answerConfirm':
    case 'answerStrMenu':
      return `answer the next ${step.kind === 'answerConfirm' ? 'Confirm' : 'StrMenu'} with ${step.answer}`;
    case 'stopSession':
      return `stop session ${step.session}`;
    case 'restartServer':
      return 'restart the server instance';
    default:
      return step.kind;
  }
}
