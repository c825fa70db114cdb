import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
}

const STACK = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY = 'cdk:cloud-assembly';
const ASSET_MANIFEST = 'cdk:asset-manifest';
/** Stages nest assemblies; real apps go two or three deep. A bound guards against a manifest that loops. */
const MAX_ASSEMBLY_DEPTH = 16;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A cloud assembly manifest, not just any manifest.json (web app manifests, extension manifests). */
function assemblyManifest(dir: string): Json | undefined {
  const manifest = readJson(path.join(dir, 'manifest.json'));
  return isObject(manifest) && typeof manifest.version === 'string' && isObject(manifest.artifacts) ? manifest : undefined;
}

/**
 * Reads a cloud assembly (cdk.out): every stack artifact's template, nested assemblies of Stages, and the nested
 * stack templates each stack records in its metadata. Undefined when `dir` holds no assembly manifest.
 */
export function readCloudAssembly(dir: string): CloudAssembly | undefined {
  const root = path.resolve(dir);
  if (!assemblyManifest(root)) return undefined;
  const templates: CdkTemplate[] = [];
  readInto(root, templates, new Set(), 0);
  return { dir: root, templates };
}

function readInto(dir: string, out: CdkTemplate[], visited: Set<string>, depth: number): void {
  if (depth > MAX_ASSEMBLY_DEPTH || visited.has(dir)) return;
  visited.add(dir);
  const manifest = assemblyManifest(dir);
  if (!manifest) return;
  const artifacts = manifest.artifacts as Json;
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isObject(artifact)) continue;
    const properties = isObject(artifact.properties) ? artifact.properties : {};
    if (artifact.type === NESTED_ASSEMBLY && typeof properties.directoryName === 'string') {
      readInto(path.resolve(dir, properties.directoryName), out, visited, depth + 1);
    } else if (artifact.type === STACK && typeof properties.templateFile === 'string') {
      out.push(...stackTemplates(dir, id, artifact, artifacts));
    }
  }
}

/** The metadata of a stack artifact: inline in the manifest (older CDK) and in its additional metadata file (newer). */
function stackMetadata(dir: string, artifact: Json): Map<string, unknown[]> {
  const byPath = new Map<string, unknown[]>();
  const add = (source: unknown) => {
    if (!isObject(source)) return;
    for (const [p, entries] of Object.entries(source)) {
      if (Array.isArray(entries)) byPath.set(p, [...(byPath.get(p) ?? []), ...entries]);
    }
  };
  add(artifact.metadata);
  if (typeof artifact.additionalMetadataFile === 'string') add(readJson(path.resolve(dir, artifact.additionalMetadataFile)));
  return byPath;
}

/** Asset hash and object key → local file, from the stack's asset manifests (how a nested stack's TemplateURL is found). */
function stackAssets(dir: string, artifact: Json, artifacts: Json): Map<string, string> {
  const assets = new Map<string, string>();
  const dependencies = Array.isArray(artifact.dependencies) ? artifact.dependencies : [];
  for (const dep of dependencies) {
    const entry = typeof dep === 'string' ? artifacts[dep] : undefined;
    if (!isObject(entry) || entry.type !== ASSET_MANIFEST || !isObject(entry.properties) || typeof entry.properties.file !== 'string') continue;
    const manifest = readJson(path.resolve(dir, entry.properties.file));
    const files = isObject(manifest) && isObject(manifest.files) ? manifest.files : {};
    for (const [hash, asset] of Object.entries(files)) {
      if (!isObject(asset) || !isObject(asset.source) || typeof asset.source.path !== 'string' || asset.source.packaging === 'zip') continue;
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

function stackTemplates(dir: string, id: string, artifact: Json, artifacts: Json): CdkTemplate[] {
  const properties = artifact.properties as Json;
  const metadata = stackMetadata(dir, artifact);
  const assets = stackAssets(dir, artifact, artifacts);
  const mainFile = path.resolve(dir, properties.templateFile as string);
  const stackTags = isObject(properties.tags) ? Object.keys(properties.tags) : [];
  const make = (file: string, stack: string): CdkTemplate => ({
    file, assembly: dir, stack, constructPaths: new Map(), creation: new Map(), plumbing: new Set(), nestedStacks: new Map(), assets, stackTags,
  });
  const main = make(mainFile, typeof artifact.displayName === 'string' ? artifact.displayName : id);

  // A construct path with `aws:cdk:templateFile` is the root of a template: the stack itself, or a nested stack.
  const roots: Array<{ path: string; template: CdkTemplate }> = [];
  const plumbingRoots: string[] = [];
  for (const [p, entries] of metadata) {
    const templateFile = typed(entries, 'aws:cdk:templateFile')?.data;
    if (typeof templateFile === 'string') {
      const file = path.resolve(dir, templateFile);
      roots.push({ path: p, template: file === mainFile ? main : make(file, p.replace(/^\//, '')) });
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
    nested.push(template);
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
