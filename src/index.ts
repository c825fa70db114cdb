// The public API: run pillars-lint from code, and write rules with the same types the built-in ones use.
export { lint, type LintOptions } from './engine/lint.ts';
export { defineRule, type RuleDefinition, type RuleContext, type ReportDescriptor } from './engine/rule.ts';
export type { Finding, FileReport, LintResult, Level, Pillar, RuleMeta } from './engine/types.ts';
export type { Variant, Assumption } from './values/variant.ts';
export { rules } from '../rules/index.ts';
export { parseDocument, decodeSource } from './parse/index.ts';
