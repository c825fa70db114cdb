// Where the IAM policy documents of a resource are, and how their statements are read: inline policies of roles,
// users and groups, AWS::IAM::Policy and ManagedPolicy documents, SAM function Policies, and documents written as
// JSON text or as Fn::Sub JSON. Rules decide what a statement means; this file only finds the statements, once per run
// for all the IAM rules.
import type { RuleContext } from '../engine/rule.ts';
import { intrinsicOf, isPlainObject, parseSubString, valueAt } from '../template/intrinsics.ts';
import type { Resource } from '../template/model.ts';
import { asString } from '../values/coerce.ts';
import { clip } from '../values/quote.ts';
import { variantWith, type Variant } from '../values/variant.ts';
import { perRun } from './per-run.ts';

type Ctx = RuleContext<any, any>;

/** The resource types holding policy documents, with the word a message uses for each. */
export const POLICY_HOLDERS: Record<string, string> = {
  'AWS::IAM::Role': 'role',
  'AWS::IAM::User': 'user',
  'AWS::IAM::Group': 'group',
  'AWS::IAM::Policy': 'policy',
  'AWS::IAM::ManagedPolicy': 'managed policy',
  'AWS::Serverless::Function': 'function',
};

/** The fields of a statement the IAM rules read, each as the variants it can take. */
export type StatementField = 'Sid' | 'Effect' | 'Action' | 'NotAction' | 'Resource' | 'Condition';
const STATEMENT_FIELDS: readonly StatementField[] = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'Condition'];

/** One statement of a permissions policy, read once per run for every IAM rule. */
export interface PolicyStatement {
  statement: Variant;
  fields: Readonly<Record<StatementField, Variant[]>>;
  /** Where the statement's document is, in words ("inline policy \"deploy\" of role Deploy"). */
  where: string;
  /** 1-based position in its document. */
  index: number;
}

export interface PolicyVisitor {
  statement(statement: PolicyStatement): void;
  /** A managed policy named by ARN (or, in SAM, by name); `kind` is the holder's word, capitalised. */
  managedArn?(arn: Variant, kind: string): void;
}

/** What reading a resource's policies met, in order: replayed for each rule, so that each lists its own unknowns. */
type PolicyItem =
  | { kind: 'statement'; statement: PolicyStatement }
  | { kind: 'managed'; arn: Variant; holder: string }
  | { kind: 'unknown'; variant: Variant; what: string };

const itemsOf = perRun<Resource, PolicyItem[]>();

/** Visits every permissions policy statement of `resource` (trust policies are not permissions and are left out). */
export function visitPolicies(ctx: Ctx, resource: Resource, visitor: PolicyVisitor): void {
  for (const item of itemsOf(ctx, resource, () => readPolicies(ctx, resource))) {
    if (item.kind === 'statement') visitor.statement(item.statement);
    else if (item.kind === 'managed') visitor.managedArn?.(item.arn, item.holder);
    else ctx.unknown(item.variant, item.what);
  }
}

/** The statements, managed policies and unknown values of a resource's permissions policies. */
function readPolicies(ctx: Ctx, resource: Resource): PolicyItem[] {
  const items: PolicyItem[] = [];
  const word = POLICY_HOLDERS[resource.type];
  if (!word) return items;
  const kind = word.charAt(0).toUpperCase() + word.slice(1);
  const reader: Reader = {
    items,
    document: (doc, where) => readStatements(ctx, resource, doc, where, items),
    managedArn: (arn) => items.push({ kind: 'managed', arn, holder: kind }),
    known: (v, what) => {
      if (v.kind !== 'unknown') return true;
      items.push({ kind: 'unknown', variant: v, what });
      return false;
    },
  };
  switch (resource.type) {
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
      for (const doc of ctx.value(resource, ['Properties', 'PolicyDocument'])) reader.document(doc, `${word} ${resource.logicalId}`);
      break;
    case 'AWS::Serverless::Function':
      readSamPolicies(ctx, resource, reader);
      break;
    default:
      // Role, User, Group: inline policies and attached managed policies. AssumeRolePolicyDocument is a trust policy: not here.
      for (const policy of ctx.items(resource, ['Properties', 'Policies'])) {
        if (!reader.known(policy, 'an inline policy') || policy.kind !== 'literal') continue;
        for (const [name, doc] of ctx.each(ctx.value(policy, ['PolicyName']), ctx.value(policy, ['PolicyDocument']))) {
          const label = asString(name);
          reader.document(doc, `inline policy ${label !== undefined ? JSON.stringify(clip(label)) : '(unnamed)'} of ${word} ${resource.logicalId}`);
        }
      }
      for (const arn of ctx.items(resource, ['Properties', 'ManagedPolicyArns'])) reader.managedArn(arn);
  }
  return items;
}

interface Reader {
  items: PolicyItem[];
  document(doc: Variant, where: string): void;
  managedArn(arn: Variant): void;
  /** ctx.known, recorded rather than reported. */
  known(v: Variant, what: string): boolean;
}

/** SAM Policies: a managed policy name or ARN, a policy document, a policy template, or a list of those. */
function readSamPolicies(ctx: Ctx, fn: Resource, reader: Reader): void {
  const where = (i?: number) => `${i === undefined ? 'the policy' : `policy ${i + 1}`} of function ${fn.logicalId}`;
  for (const policies of ctx.value(fn, ['Properties', 'Policies'])) {
    if (!reader.known(policies, 'Policies') || policies.kind !== 'literal') continue;
    if (!Array.isArray(policies.value)) {
      readSamEntry(policies, where(), reader);
      continue;
    }
    policies.value.forEach((_, i) => {
      for (const entry of ctx.value(policies, [i])) readSamEntry(entry, where(i), reader);
    });
  }
}

function readSamEntry(entry: Variant, where: string, reader: Reader): void {
  if (entry.kind === 'unknown' || (entry.kind === 'literal' && typeof entry.value === 'string')) {
    reader.managedArn(entry);
    return;
  }
  // Objects without Statement are SAM policy templates (S3ReadPolicy, ...), which are scoped by design.
  if (entry.kind === 'literal' && isPlainObject(entry.value) && 'Statement' in entry.value) reader.document(entry, where);
}

/** Stands for one ${...} of an Fn::Sub text (private-use characters, valid inside JSON strings). */
const MARKER = (name: string) => `\uE000${name}\uE001`;
// A name holds neither marker, so a scan stops at the next \uE000 (a text of them all would rescan to the end).
export const MARKERS = /\uE000([^\uE000\uE001]*)\uE001/g;

/** True when a string of a policy written as Fn::Sub JSON text holds a ${...} reference. */
export const hasMarker = (text: string | undefined): boolean => text?.includes('\uE000') ?? false;

/**
 * The text of a policy document written as Fn::Sub JSON, with every ${...} replaced by a marker. The engine leaves the
 * whole document unknown as soon as one reference (often AWS::Region) is, but the statements around it are literal.
 */
function subTemplate(resource: Resource, doc: Variant): string | undefined {
  if (doc.external) return undefined;
  const intrinsic = intrinsicOf(valueAt(resource.node, doc.path));
  if (intrinsic?.name !== 'Fn::Sub') return undefined;
  const args = intrinsic.args;
  const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
  if (text === undefined) return undefined;
  return parseSubString(text)
    .map((p) => (typeof p === 'string' ? p : MARKER(p.attribute ? `${p.name}.${p.attribute}` : p.name)))
    .join('');
}

/**
 * The statements of a policy document (an object, or, as CloudFormation also accepts, its JSON text), with their
 * 1-based positions. A document, statement list or statement only known at deploy time is recorded as unknown.
 */
function readStatements(ctx: Ctx, resource: Resource, doc: Variant, where: string, items: PolicyItem[]): void {
  const unknown = (variant: Variant, what: string) => items.push({ kind: 'unknown', variant, what });
  let text: string | undefined;
  if (doc.kind === 'unknown') {
    text = subTemplate(resource, doc);
    if (text === undefined) {
      unknown(doc, 'the policy document');
      return;
    }
  } else if (doc.kind === 'literal' && typeof doc.value === 'string') {
    text = doc.value;
  } else if (doc.kind !== 'literal') {
    return;
  }
  let document = doc;
  if (text !== undefined) {
    try {
      document = variantWith(doc, { kind: 'literal', value: JSON.parse(text), external: true });
    } catch {
      if (doc.kind === 'unknown') unknown(doc, 'the policy document');
      return;
    }
  }
  const add = (statement: Variant, index: number) => {
    if (statement.kind === 'unknown') unknown(statement, 'a policy statement');
    if (statement.kind !== 'literal' || !isPlainObject(statement.value)) return;
    const fields = {} as Record<StatementField, Variant[]>;
    for (const name of STATEMENT_FIELDS) fields[name] = ctx.value(statement, [name]);
    items.push({ kind: 'statement', statement: { statement, fields, where, index } });
  };
  for (const statements of ctx.value(document, ['Statement'])) {
    if (statements.kind === 'unknown') unknown(statements, 'the policy statements');
    if (statements.kind !== 'literal') continue;
    if (Array.isArray(statements.value)) {
      statements.value.forEach((_, i) => {
        for (const statement of ctx.value(statements, [i])) add(statement, i + 1);
      });
    } else {
      add(statements, 1);
    }
  }
}

/** A policy string that is one ${...} of Fn::Sub JSON text, as the unknown value it stands for. */
export function markerUnknown(element: Variant, text: string): Variant | undefined {
  if (!hasMarker(text) || text.replace(MARKERS, '').trim() !== '') return undefined;
  return variantWith(element, { kind: 'unknown', value: undefined, reason: `Fn::Sub over ${text.replace(MARKERS, '$${$1}').trim()}` });
}
