// The public API: run pillars-lint from code, and write rules (and plugins) with the same kit the built-in ones use.

// Running it.
export { lint, type LintOptions } from './engine/lint.ts';
export { findConfigFile, loadConfig, ResolvedConfig } from './config/config.ts';
export { FORMATS, getFormatter, type FormatName, type FormatOptions, type Formatter } from './report/index.ts';
export type { Finding, FileReport, LintResult, Level, Pillar, RuleMeta } from './engine/types.ts';
export { rules } from '../rules/index.ts';

// Writing rules.
export {
  defineRule,
  type RuleDefinition,
  type RuleSpec,
  type RuleContext,
  type ReportDescriptor,
  type RuleDocs,
  type KnownVariant,
  type Messages,
  type Placeholders,
} from './engine/rule.ts';
export { option, type OptionDef, type OptionDefs, type OptionsOf } from './engine/options.ts';
export type { Plugin } from './config/plugins.ts';
export { requireValue, stateText, type Requirement } from './rule-helpers/require.ts';
export { asBoolean, asNumber, asString, isSet } from './values/coerce.ts';
export { valueText, clip } from './values/quote.ts';
export { absentVariant, literalVariant, unknownVariant, variantWith, type Variant, type Assumption, type Origin } from './values/variant.ts';
export type { Resource, Template, Parameter } from './template/model.ts';
export { ResourceGraph, type Edge, type EdgeKind } from './graph/graph.ts';
export type { NodePath, PathSegment, Region } from './parse/types.ts';
export { parseDocument, decodeSource } from './parse/index.ts';
export { listWords, named, plural } from './words.ts';
