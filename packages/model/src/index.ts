export * from './clean.ts';
export * from './diagnostic.ts';
export * from './diff.ts';
export * from './errors.ts';
export * from './json-schemas.ts';
export * from './lineage.ts';
export * from './plan.ts';
