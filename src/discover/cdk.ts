import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectFiles } from './read.ts';

/** A place in the CDK app's own source (a frame of a construct's creation stack). */
export interface SourceFrame {
  file: string;
  line: number;
  column?: number;
}

/** One stack template of a cloud assembly (a top-level stack or a nested stack), with what the assembly says about it. */
export interface CdkTemplate {
  /** Absolute path of the template. */
  file: string;
  /** Directory of the assembly manifest that lists it. */
  assembly: string;
  /** The stack's display name (`Prod/OrdersApi`) or, for a nested stack, its construct path. */
  stack: string;
  /** Logical id → construct path (`ProblemStack/Db/Resource`, no leading slash). */
  constructPaths: Map<string, string>;
  /** Logical id → the first frame of its creation stack in the app's own code, when the app recorded traces. */
  creation: Map<string, SourceFrame>;
  /** Logical ids of CDK's own plumbing, whose findings nobody can act on (see isCdkPlumbingPath). */
  plumbing: Set<string>;
  /** Logical id of an AWS::CloudFormation::Stack resource → the nested template it deploys (absolute). */
  nestedStacks: Map<string, string>;
  /** Asset hash and S3 object key → local file (absolute), to resolve a nested stack's TemplateURL. */
  assets: Map<string, string>;
  /** The template that nests this one. */
  parent?: string;
  /** Keys of the stack's tags (manifest `tags`), which CloudFormation applies to its resources and nested stacks. */
  stackTags: string[];
}

export interface CloudAssembly {
  dir: string;
  /** Every stack template, nested assemblies (Stages) included, in manifest order. */
  templates: CdkTemplate[];
  /** Files a manifest names that were not read (outside the project, too large), by the manifest that names them. */
  refused: Array<{ file: string; reason: string }>;
}

const STACK = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY = 'cdk:cloud-assembly';
const ASSET_MANIFEST = 'cdk:asset-manifest';
/** Stages nest assemblies; real apps go two or three deep. A bound guards against a manifest that loops. */
const MAX_ASSEMBLY_DEPTH = 16;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one assembly through `files`: a path a manifest names is followed only inside the project, and a refused
 * one is recorded against the manifest, to be listed as skipped.
 */
class AssemblyReader {
  readonly refused: CloudAssembly['refused'] = [];
  constructor(readonly files: ProjectFiles) {}

  /** The real path of what `manifest` names as `what`, the path as written when it does not exist, or undefined when refused. */
  resolve(dir: string, name: string, manifest: string, what: string): string | undefined {
    const file = path.resolve(dir, name);
    const { real, refusal } = this.files.locate(file);
    if (refusal) {
      this.refused.push({ file: manifest, reason: `${refusal} (${what})` });
      return undefined;
    }
    return real ?? file;
  }

  /** A JSON file a manifest names (or a manifest itself, when `manifest` is omitted), within the size cap. */
  json(file: string | undefined, manifest?: string, what?: string): unknown {
    if (file === undefined) return undefined;
    const bytes = this.files.read(file);
    if (bytes instanceof Error) {
      if (bytes.message !== 'no such file') this.refused.push({ file: manifest ?? file, reason: `not read: ${bytes.message}${what ? ` (${what})` : ''}` });
      return undefined;
    }
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  /** A cloud assembly manifest, not just any manifest.json (web app manifests, extension manifests). */
  manifest(dir: string): Json | undefined {
    const file = path.join(dir, 'manifest.json');
    // The folder is inside the project; its manifest.json may still be a symlink to elsewhere.
    const { real, refusal } = this.files.locate(file);
    if (refusal) this.refused.push({ file, reason: refusal });
    const manifest = real ? this.json(real) : undefined;
    return isObject(manifest) && typeof manifest.version === 'string' && isObject(manifest.artifacts) ? manifest : undefined;
  }
}

/**
 * Reads a cloud assembly (cdk.out): every stack artifact's template, nested assemblies of Stages, and the nested
 * stack templates each stack records in its metadata. Undefined when `dir` (a real path inside the project) holds
 * no assembly manifest.
 */
export function readCloudAssembly(dir: string, files: ProjectFiles): CloudAssembly | undefined {
  const root = path.resolve(dir);
  const reader = new AssemblyReader(files);
  const manifest = reader.manifest(root);
  if (!manifest) return undefined;
  const templates: CdkTemplate[] = [];
  readInto(root, manifest, templates, reader, new Set(), 0);
  return { dir: root, templates, refused: reader.refused };
}

function readInto(dir: string, manifest: Json, out: CdkTemplate[], reader: AssemblyReader, visited: Set<string>, depth: number): void {
  if (depth > MAX_ASSEMBLY_DEPTH || visited.has(dir)) return;
  visited.add(dir);
  const manifestFile = path.join(dir, 'manifest.json');
  const artifacts = manifest.artifacts as Json;
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isObject(artifact)) continue;
    const properties = isObject(artifact.properties) ? artifact.properties : {};
    if (artifact.type === NESTED_ASSEMBLY && typeof properties.directoryName === 'string') {
      const nested = reader.resolve(dir, properties.directoryName, manifestFile, `the directoryName of ${id}`);
      const nestedManifest = nested && !visited.has(nested) ? reader.manifest(nested) : undefined;
      if (nestedManifest) readInto(nested!, nestedManifest, out, reader, visited, depth + 1);
    } else if (artifact.type === STACK && typeof properties.templateFile === 'string') {
      out.push(...stackTemplates(dir, id, artifact, artifacts, reader));
    }
  }
}

/** The metadata of a stack artifact: inline in the manifest (older CDK) and in its additional metadata file (newer). */
function stackMetadata(dir: string, id: string, artifact: Json, reader: AssemblyReader): Map<string, unknown[]> {
  const byPath = new Map<string, unknown[]>();
  const add = (source: unknown) => {
    if (!isObject(source)) return;
    for (const [p, entries] of Object.entries(source)) {
      if (Array.isArray(entries)) byPath.set(p, [...(byPath.get(p) ?? []), ...entries]);
    }
  };
  add(artifact.metadata);
  if (typeof artifact.additionalMetadataFile === 'string') {
    const manifest = path.join(dir, 'manifest.json');
    const what = `the additionalMetadataFile of ${id}`;
    add(reader.json(reader.resolve(dir, artifact.additionalMetadataFile, manifest, what), manifest, what));
  }
  return byPath;
}

/** Asset hash and object key → local file, from the stack's asset manifests (how a nested stack's TemplateURL is found). */
function stackAssets(dir: string, artifact: Json, artifacts: Json, reader: AssemblyReader): Map<string, string> {
  const assets = new Map<string, string>();
  const dependencies = Array.isArray(artifact.dependencies) ? artifact.dependencies : [];
  for (const dep of dependencies) {
    const entry = typeof dep === 'string' ? artifacts[dep] : undefined;
    if (!isObject(entry) || entry.type !== ASSET_MANIFEST || !isObject(entry.properties) || typeof entry.properties.file !== 'string') continue;
    const what = `the asset manifest ${dep}`;
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = reader.json(reader.resolve(dir, entry.properties.file, manifestFile, what), manifestFile, what);
    const files = isObject(manifest) && isObject(manifest.files) ? manifest.files : {};
    for (const [hash, asset] of Object.entries(files)) {
      if (!isObject(asset) || !isObject(asset.source) || typeof asset.source.path !== 'string' || asset.source.packaging === 'zip') continue;
      // Confined when a nested stack is followed to it: most assets are never read.
      const file = path.resolve(dir, asset.source.path);
      assets.set(hash, file);
      for (const destination of Object.values(isObject(asset.destinations) ? asset.destinations : {})) {
        if (isObject(destination) && typeof destination.objectKey === 'string') assets.set(destination.objectKey, file);
      }
    }
  }
  return assets;
}

function typed(entries: unknown[] | undefined, type: string): Json | undefined {
  return entries?.find((e): e is Json => isObject(e) && e.type === type);
}

/** Is `prefix` the path or an ancestor of it, segment by segment? */
function within(p: string, prefix: string): boolean {
  return p === prefix || p.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

function stackTemplates(dir: string, id: string, artifact: Json, artifacts: Json, reader: AssemblyReader): CdkTemplate[] {
  const properties = artifact.properties as Json;
  const manifestFile = path.join(dir, 'manifest.json');
  const name = typeof artifact.displayName === 'string' ? artifact.displayName : id;
  const mainFile = reader.resolve(dir, properties.templateFile as string, manifestFile, `the template of stack ${name}`);
  if (mainFile === undefined) return [];
  const metadata = stackMetadata(dir, id, artifact, reader);
  const assets = stackAssets(dir, artifact, artifacts, reader);
  const stackTags = isObject(properties.tags) ? Object.keys(properties.tags) : [];
  const make = (file: string, stack: string): CdkTemplate => ({
    file,
    assembly: dir,
    stack,
    constructPaths: new Map(),
    creation: new Map(),
    plumbing: new Set(),
    nestedStacks: new Map(),
    assets,
    stackTags,
  });
  const main = make(mainFile, name);
  // Nested templates outside the project keep their place (their resources are theirs) but are not listed to lint.
  const refused = new Set<CdkTemplate>();

  // A construct path with `aws:cdk:templateFile` is the root of a template: the stack itself, or a nested stack.
  const roots: Array<{ path: string; template: CdkTemplate }> = [];
  const plumbingRoots: string[] = [];
  for (const [p, entries] of metadata) {
    const templateFile = typed(entries, 'aws:cdk:templateFile')?.data;
    if (typeof templateFile === 'string') {
      const file = reader.resolve(dir, templateFile, manifestFile, `the template of nested stack ${p.replace(/^\//, '')}`);
      const template = file === mainFile ? main : make(file ?? path.resolve(dir, templateFile), p.replace(/^\//, ''));
      if (file === undefined) refused.add(template);
      roots.push({ path: p, template });
    }
    // CDK marks the handlers it vends for its own custom resources (VPC default SG, S3 auto-delete, log retention...).
    if (entries.some((e) => isObject(e) && typeof e.type === 'string' && e.type.startsWith('aws:cdk:is-custom-resource-handler-'))) {
      plumbingRoots.push(p);
    }
  }
  // Deepest root first: a nested stack's resources belong to it, not to the stack around it.
  roots.sort((a, b) => b.path.length - a.path.length);
  const ownerOf = (p: string): CdkTemplate => roots.find((r) => within(p, r.path))?.template ?? main;

  const logicalIdAt = new Map<string, { template: CdkTemplate; logicalId: string }>();
  const base = path.dirname(dir);
  for (const [p, entries] of metadata) {
    const logicalId = typed(entries, 'aws:cdk:logicalId')?.data;
    if (typeof logicalId !== 'string') continue;
    const template = ownerOf(p);
    const constructPath = p.replace(/^\//, '');
    template.constructPaths.set(logicalId, constructPath);
    logicalIdAt.set(p, { template, logicalId });
    const frame = firstUserFrame(typed(entries, 'aws:cdk:creationStack')?.data, base);
    if (frame) template.creation.set(logicalId, frame);
    if (plumbingRoots.some((root) => within(p, root)) || isCdkPlumbingPath(constructPath)) template.plumbing.add(logicalId);
  }

  // NestedStack `X` at P/X deploys its template through the resource at P/X.NestedStack/X.NestedStackResource.
  const nested: CdkTemplate[] = [];
  for (const { path: p, template } of roots) {
    if (template === main) continue;
    const cut = p.lastIndexOf('/');
    const name = p.slice(cut + 1);
    const resource = logicalIdAt.get(`${p.slice(0, cut)}/${name}.NestedStack/${name}.NestedStackResource`);
    if (resource) {
      resource.template.nestedStacks.set(resource.logicalId, template.file);
      template.parent = resource.template.file;
    } else {
      template.parent = main.file;
    }
    if (!refused.has(template)) nested.push(template);
  }
  // Shallowest first, so a parent is listed before what it nests.
  nested.sort((a, b) => a.stack.length - b.stack.length);
  return [main, ...nested];
}

/**
 * CDK's own plumbing: the Lambda functions, roles and policies that CDK vends to run its custom resources
 * (CustomResourceProvider singletons named `Custom::…Provider`, AwsCustomResource, LogRetention, BucketDeployment,
 * bucket notifications, the custom-resources Provider framework, EKS's provider stacks). Their code and settings
 * come from aws-cdk-lib, so a finding about them (x86_64, no X-Ray, missing tags...) is noise the app cannot fix.
 * Identified by a segment of the construct path, as CDK names them.
 */
const PLUMBING_SEGMENTS: readonly RegExp[] = [
  /^Custom::.*Provider$/,
  /^Custom::CDKBucketDeployment[0-9a-fA-F]{32}$/,
  /^AWS679f53fac002430cb0da5b7982bd2287$/,
  /^LogRetention[0-9a-f]{32}$/,
  /^BucketNotificationsHandler[0-9a-f]{32}$/,
  /^framework-(onEvent|isComplete|onTimeout)$/,
  /^waiter-state-machine$/,
  /^@aws-cdk--/,
];

export function isCdkPlumbingPath(constructPath: string): boolean {
  return constructPath.split('/').some((segment) => PLUMBING_SEGMENTS.some((re) => re.test(segment)));
}

/**
 * The first frame of a creation stack in the app's own code: not aws-cdk-lib or other node_modules, not Node's
 * internals, not the `...` lines CDK writes for frames it elides. Relative paths resolve against `base`.
 */
export function firstUserFrame(trace: unknown, base: string): SourceFrame | undefined {
  if (!Array.isArray(trace)) return undefined;
  for (const raw of trace) {
    if (typeof raw !== 'string') continue;
    const frame = raw.trim().replace(/^at\s+/, '');
    if (frame.startsWith('...') || frame.startsWith('(')) continue;
    // "fn (file:line:col)" or a bare "file:line:col".
    const open = frame.lastIndexOf('(');
    const where = open >= 0 && frame.endsWith(')') ? frame.slice(open + 1, -1) : frame;
    const match = /^(.+?):(\d+)(?::(\d+))?$/.exec(where);
    if (!match) continue;
    let file = match[1]!;
    if (file.startsWith('file://')) {
      try {
        file = fileURLToPath(file);
      } catch {
        continue;
      }
    }
    if (file.startsWith('node:') || file.startsWith('internal/') || /[\\/]node_modules[\\/]/.test(file) || file === '<anonymous>') continue;
    return { file: path.resolve(base, file), line: Number(match[2]), ...(match[3] ? { column: Number(match[3]) } : {}) };
  }
  return undefined;
}
