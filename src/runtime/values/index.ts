// The value libraries' public API (see README.md in this folder).
export * from './decimal';
export * from './integer';
export * from './datetime';
export * from './dateFormula';
export * from './text';
export * from './guid';
export * from './compare';
export * from './defaults';
export * from './format';
export * from './evaluate';
