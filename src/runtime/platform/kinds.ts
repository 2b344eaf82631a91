// The platform's receiver kinds for the interpreter's registries (HttpClient and companions, the Xml types) and
// the default value of a variable of each: kept apart from index.ts so registries.ts imports no more than this.
import type { Registry } from '../interpreter/methodTypes';
import { httpDefaults, httpKinds } from './http';

export const platformKinds: [string, Registry][] = [...httpKinds];

export const platformDefaults: Record<string, () => unknown> = { ...httpDefaults };
