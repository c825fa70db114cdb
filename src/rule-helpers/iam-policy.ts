// Where the IAM policy documents of a resource are, and how their statements are read: inline policies of roles,
// users and groups, AWS::IAM::Policy and ManagedPolicy documents, SAM function Policies, and documents written as
// JSON text or as Fn::Sub JSON. Rules decide what a statement means; this file only finds the statements.
import type { RuleContext } from '../engine/rule.ts';
import { intrinsicOf, isPlainObject, parseSubString, valueAt } from '../template/intrinsics.ts';
import type { Resource } from '../template/model.ts';
import { asString } from '../values/coerce.ts';
import { clip } from '../values/quote.ts';
import { variantWith, type Variant } from '../values/variant.ts';

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

export interface PolicyVisitor {
  /** A policy document (an object, JSON text, or an unknown value) and where it is, in words. */
  document(doc: Variant, where: string): void;
  /** A managed policy named by ARN (or, in SAM, by name); `kind` is the holder's word, capitalised. */
  managedArn?(arn: Variant, kind: string): void;
}

/** Visits every permissions policy of `resource` (trust policies are not permissions and are left out). */
export function visitPolicies(ctx: Ctx, resource: Resource, visitor: PolicyVisitor): void {
  const word = POLICY_HOLDERS[resource.type];
  if (!word) return;
  const kind = word.charAt(0).toUpperCase() + word.slice(1);
  switch (resource.type) {
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
      for (const doc of ctx.value(resource, ['Properties', 'PolicyDocument'])) visitor.document(doc, `${word} ${resource.logicalId}`);
      return;
    case 'AWS::Serverless::Function':
      visitSamPolicies(ctx, resource, kind, visitor);
      return;
    default:
      // Role, User, Group: inline policies and attached managed policies. AssumeRolePolicyDocument is a trust policy: not here.
      for (const policy of ctx.items(resource, ['Properties', 'Policies'])) {
        if (!ctx.known(policy, 'an inline policy') || policy.kind !== 'literal') continue;
        for (const [name, doc] of ctx.each(ctx.value(policy, ['PolicyName']), ctx.value(policy, ['PolicyDocument']))) {
          const label = asString(name);
          visitor.document(doc, `inline policy ${label !== undefined ? JSON.stringify(clip(label)) : '(unnamed)'} of ${word} ${resource.logicalId}`);
        }
      }
      if (visitor.managedArn) for (const arn of ctx.items(resource, ['Properties', 'ManagedPolicyArns'])) visitor.managedArn(arn, kind);
  }
}

/** SAM Policies: a managed policy name or ARN, a policy document, a policy template, or a list of those. */
function visitSamPolicies(ctx: Ctx, fn: Resource, kind: string, visitor: PolicyVisitor): void {
  const where = (i?: number) => `${i === undefined ? 'the policy' : `policy ${i + 1}`} of function ${fn.logicalId}`;
  for (const policies of ctx.value(fn, ['Properties', 'Policies'])) {
    if (!ctx.known(policies, 'Policies') || policies.kind !== 'literal') continue;
    if (!Array.isArray(policies.value)) {
      visitSamEntry(policies, kind, where(), visitor);
      continue;
    }
    policies.value.forEach((_, i) => {
      for (const entry of ctx.value(policies, [i])) visitSamEntry(entry, kind, where(i), visitor);
    });
  }
}

function visitSamEntry(entry: Variant, kind: string, where: string, visitor: PolicyVisitor): void {
  if (entry.kind === 'unknown' || (entry.kind === 'literal' && typeof entry.value === 'string')) {
    visitor.managedArn?.(entry, kind);
    return;
  }
  // Objects without Statement are SAM policy templates (S3ReadPolicy, ...), which are scoped by design.
  if (entry.kind === 'literal' && isPlainObject(entry.value) && 'Statement' in entry.value) visitor.document(entry, where);
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
 * Visits every statement of a policy document (an object, or, as CloudFormation also accepts, its JSON text), with its
 * 1-based position. A document or statement list only known at deploy time is listed under --report-unknown.
 */
export function visitStatements(ctx: Ctx, resource: Resource, doc: Variant, visit: (statement: Variant, index: number) => void): void {
  let text: string | undefined;
  if (doc.kind === 'unknown') {
    text = subTemplate(resource, doc);
    if (text === undefined) {
      ctx.unknown(doc, 'the policy document');
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
      if (doc.kind === 'unknown') ctx.unknown(doc, 'the policy document');
      return;
    }
  }
  for (const statements of ctx.value(document, ['Statement'])) {
    if (!ctx.known(statements, 'the policy statements') || statements.kind !== 'literal') continue;
    if (Array.isArray(statements.value)) {
      statements.value.forEach((_, i) => {
        for (const statement of ctx.value(statements, [i])) visit(statement, i + 1);
      });
    } else {
      visit(statements, 1);
    }
  }
}

/** A policy string that is one ${...} of Fn::Sub JSON text, as the unknown value it stands for. */
export function markerUnknown(element: Variant, text: string): Variant | undefined {
  if (!hasMarker(text) || text.replace(MARKERS, '').trim() !== '') return undefined;
  return variantWith(element, { kind: 'unknown', value: undefined, reason: `Fn::Sub over ${text.replace(MARKERS, '$${$1}').trim()}` });
}
