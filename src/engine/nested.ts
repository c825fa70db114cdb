// Nested stacks: finding the templates a parent deploys (local TemplateURLs, SAM Application Locations, CDK
// assets) and the parameters it passes them. lint() follows them; this module only reads templates.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CdkTemplate } from '../discover/cdk.ts';
import { hasScheme, isUri } from '../discover/paths.ts';
import { findingRegion } from '../parse/locate.ts';
import type { Region } from '../parse/types.ts';
import { isPlainObject } from '../template/intrinsics.ts';
import type { Template } from '../template/model.ts';
import { ValueResolver } from '../values/resolver.ts';

/** A nested stack a template deploys: where its template is, and what the parent passes it. */
export interface NestedRef {
  logicalId: string;
  templateUrl?: string;
  /** The local template (absolute), when the reference leads to one. */
  file?: string;
  /** Why it is not followed, when it is not. */
  reason?: string;
  /** Where the TemplateURL (or Location) is written. */
  region: Region;
  parameters: Record<string, string>;
  unknownParameters: string[];
}

const NESTED_TYPES = ['AWS::CloudFormation::Stack', 'AWS::Serverless::Application'];
const NESTED_MARKERS = NESTED_TYPES.map((t) => Buffer.from(t));

/** Whether a file may hold a nested stack, from its bytes alone (cheap enough to run on every file). */
export function mentionsNestedStack(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return NESTED_MARKERS.some((marker) => buffer.includes(marker));
}

/**
 * Local templates a parent names literally (TemplateURL: ./network.yaml), read from the text alone: only used to
 * lint parents before the templates they nest. Following itself evaluates the property.
 */
export function literalLocalTemplates(file: string, bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/"?(?:TemplateURL|Location)"?\s*:\s*["']?([^"'\s,}]+)/g)) {
    const url = localPath(match[1]!, file);
    if (url) out.push(url);
  }
  return out;
}

/** A TemplateURL that names a local file, resolved against the folder of the template that contains it. */
function localPath(url: string, parent: string): string | undefined {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined;
    }
  }
  if (hasScheme(url)) return undefined; // remote
  return path.resolve(path.dirname(parent), url);
}
/**
 * The nested stacks a template deploys: the local template each leads to (a relative TemplateURL, a CDK asset),
 * or why it is not followed, and the parameters the parent passes where they are literal.
 */
export function nestedRefs(template: Template, given: ReadonlyMap<string, string>, cdk: CdkTemplate | undefined): NestedRef[] {
  const stacks = NESTED_TYPES.flatMap((type) => template.byType.get(type) ?? []);
  if (stacks.length === 0) return [];
  const resolver = new ValueResolver(template, given);
  const uri = isUri(template.file);
  const out: NestedRef[] = [];
  for (const resource of stacks) {
    const roots = resolver.roots(resource);
    if (roots.length === 0) continue; // its Condition is false: never deployed
    const property = resource.type === 'AWS::Serverless::Application' ? 'Location' : 'TemplateURL';
    // SAR applications ({ApplicationId, SemanticVersion}) are not templates of this repository.
    if (property === 'Location' && isPlainObject(resource.properties?.Location) && 'ApplicationId' in resource.properties.Location) continue;
    const region = findingRegion(template.doc, [...resource.path, 'Properties', property]);
    const { parameters, unknownParameters } = passedParameters(resolver, roots);
    const base = { logicalId: resource.logicalId, region, parameters, unknownParameters };
    const raw = resource.properties?.[property];

    // CDK: the assembly knows the nested template (by construct path, asset metadata or the asset hash in the URL).
    const assetPath = resource.metadata?.['aws:asset:path'];
    const fromCdk =
      cdk?.nestedStacks.get(resource.logicalId) ??
      (cdk && typeof assetPath === 'string' ? path.resolve(cdk.assembly, assetPath) : undefined) ??
      (cdk ? assetInUrl(raw, cdk.assets) : undefined);
    if (fromCdk) {
      out.push({ ...base, file: fromCdk });
      continue;
    }
    const urls = new Set<string>();
    let unknown: string | undefined;
    for (const v of resolver.navigate(roots, ['Properties', property])) {
      if (v.kind === 'literal' && typeof v.value === 'string') urls.add(v.value);
      else if (v.kind === 'absent') unknown ??= `it has no ${property}`;
      else
        unknown ??= v.kind === 'literal' ? `its ${property} is not a string` : `its ${property} is only known at deploy time (${v.reason ?? 'not a literal'})`;
    }
    if (urls.size === 0) {
      out.push({ ...base, reason: `not followed: ${unknown ?? `its ${property} is not known`}` });
      continue;
    }
    for (const url of urls) {
      const local = uri ? undefined : localPath(url, template.file);
      if (local) out.push({ ...base, templateUrl: url, file: local });
      else if (uri && !hasScheme(url)) out.push({ ...base, templateUrl: url, reason: 'not followed: a relative path in a deployed template' });
      else out.push({ ...base, templateUrl: url, reason: 'not followed: a remote template' });
    }
  }
  return out;
}

/** An asset file whose hash (or S3 object key) ends one of the strings of a TemplateURL, as CDK writes them. */
function assetInUrl(node: unknown, assets: ReadonlyMap<string, string>): string | undefined {
  if (assets.size === 0) return undefined;
  const stack: unknown[] = [node];
  let budget = 1000;
  while (stack.length && budget-- > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      const key = value.slice(value.lastIndexOf('/') + 1);
      const found = assets.get(key) ?? assets.get(key.replace(/\.json$/, ''));
      if (found) return found;
    } else if (Array.isArray(value)) stack.push(...value);
    else if (isPlainObject(value)) stack.push(...Object.values(value));
  }
  return undefined;
}

/** The parent's Parameters property: literal values pass as CloudFormation strings, anything else is unknown in the child. */
function passedParameters(
  resolver: ValueResolver,
  roots: ReturnType<ValueResolver['roots']>,
): { parameters: Record<string, string>; unknownParameters: string[] } {
  const parameters: Record<string, string> = {};
  const unknownParameters: string[] = [];
  for (const map of resolver.navigate(roots, ['Properties', 'Parameters'])) {
    if (map.kind !== 'literal' || !isPlainObject(map.value)) continue;
    for (const name of Object.keys(map.value)) {
      const values = new Set<string>();
      let known = true;
      for (const v of resolver.navigate([map], [name])) {
        const text = v.kind === 'literal' ? parameterText(v.value) : undefined;
        if (text === undefined) known = false;
        else values.add(text);
      }
      if (known && values.size === 1) parameters[name] = [...values][0]!;
      else if (!unknownParameters.includes(name)) unknownParameters.push(name);
    }
  }
  return { parameters, unknownParameters };
}

function parameterText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(',');
  return undefined;
}
