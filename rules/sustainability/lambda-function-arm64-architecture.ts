import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { fromSamGlobals, isCdkFrameworkHandler, isCdkSingletonFunction } from '../../src/rule-helpers/resources.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { mergeAssumptions, variantWith, type Variant } from '../../src/values/variant.ts';

/** Runtimes that never ran on arm64 (all retired): switching is not possible. */
const NO_ARM64_RUNTIMES = new Set([
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'go1.x',
  'java8',
  'ruby2.5',
  'provided',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
]);

const LAYER_TYPES = new Set(['AWS::Lambda::LayerVersion', 'AWS::Serverless::LayerVersion']);

export default defineRule({
  id: 'lambda-function-arm64-architecture',
  pillar: 'sustainability',
  level: 'note',
  title: 'Lambda functions run on arm64 (Graviton)',
  rationale:
    'Lambda on arm64 (Graviton) costs about 20% less per GB-second than x86_64 and usually runs as fast or faster, using less ' +
    'energy for the same work. Whether a function can switch depends on its code (native dependencies, container images), ' +
    'which a template does not show, so this is a note.',
  remediation:
    'Set `Architectures: [arm64]` after checking that native dependencies, container images and layers have arm64 builds ' +
    '(for SAM, once in `Globals`).\n\n```yaml\nArchitectures: [arm64]\n# SAM: Globals: {Function: {Architectures: [arm64]}}\n```',
  wellArchitected: ['SUS05-BP02', 'COST06-BP02', 'PERF02-BP01'],
  appliesTo: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Lambda::LayerVersion'],
  tags: ['cost-optimization', 'performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    x86: 'Lambda function {{logicalId}} runs on x86_64 ({{state}}): arm64 (Graviton) costs about 20% less per GB-second.',
    image: 'Lambda function {{logicalId}} is a container image on x86_64 ({{state}}): rebuilt for arm64 it would cost about 20% less per GB-second.',
    layerX86Only:
      'Lambda function {{logicalId}} runs on x86_64 ({{state}}), and its layer {{layer}} is built for x86_64 only: publish an arm64 build of the layer before switching.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  ThumbnailFunction:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.12',
      '      Handler: app.handler',
      '      MemorySize: 1024',
      '      Timeout: 30',
      '      Role: arn:aws:iam::123456789012:role/thumbnail-function',
      '      Code:',
      '        S3Bucket: acme-artifacts',
      '        S3Key: thumbnail/v42.zip',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  ThumbnailFunction:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.12',
      '      Handler: app.handler',
      '      MemorySize: 1024',
      '      Timeout: 30',
      '      Architectures: [arm64]',
      '      Role: arn:aws:iam::123456789012:role/thumbnail-function',
      '      Code:',
      '        S3Bucket: acme-artifacts',
      '        S3Key: thumbnail/v42.zip',
    ].join('\n'),
    notes:
      'A note, not a warning: whether the code runs on arm64 (native dependencies, a container image built for x86_64) is ' +
      'not in the template. Container images get a message of their own (they must be rebuilt), and so do functions using ' +
      'a layer of the template whose `CompatibleArchitectures` lists x86_64 only. Not applicable: runtimes that never ran ' +
      'on arm64 (all retired: `go1.x`, `python3.7` and older, `nodejs10.x` and older, `java8`, `dotnetcore2.1`...), and the ' +
      'handlers the CDK adds itself (custom resource providers, log retention, bucket notifications and deployments), whose ' +
      'architecture is not yours to set. A runtime or `Architectures` value only known at deploy time is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(resource, ctx) {
    // Layers are read through the functions that use them.
    if (LAYER_TYPES.has(resource.type)) return;
    if (isCdkSingletonFunction(resource)) return;
    // SAM Globals are already merged into a serverless function's Properties by the template stage.
    const prop = (name: string) => ctx.value(resource, ['Properties', name]);
    const blocking = x86OnlyLayers(ctx, resource);
    for (const [runtime, packageType, list, handler] of ctx.each(prop('Runtime'), prop('PackageType'), prop('Architectures'), prop('Handler'))) {
      if (isCdkFrameworkHandler(handler)) continue;
      const image = asString(packageType) === 'Image';
      if (!image) {
        if (!ctx.known(runtime, 'the runtime')) continue;
        const name = asString(runtime);
        if (name === undefined || NO_ARM64_RUNTIMES.has(name)) continue;
      }
      for (const arch of architectures(ctx, list)) {
        if (arch === 'arm64' || !ctx.known(arch, 'Architectures')) continue;
        const state =
          arch.kind === 'absent'
            ? 'Architectures is not set, and the default is x86_64'
            : fromSamGlobals(ctx, resource, arch)
              ? 'Globals sets Architectures to x86_64'
              : 'Architectures is x86_64';
        const because = [runtime, packageType];
        // A layer blocks the switch only in the deployments where the function runs on this architecture value.
        const layer = blocking.find((l) => ctx.each([arch], [l.variant]).length > 0);
        if (layer) {
          ctx.report({ messageId: 'layerX86Only', at: arch, because: [...because, layer.variant], data: { state, layer: layer.name } });
        } else if (image) {
          ctx.report({ messageId: 'image', at: arch, because, data: { state } });
        } else {
          ctx.report({
            messageId: 'x86',
            at: arch,
            because,
            data: { state },
            fix: arch.kind === 'literal' ? { text: 'arm64', description: 'Run on arm64' } : undefined,
          });
        }
      }
    }
  },
});

/**
 * One entry per way the list can come out: 'arm64' when it names arm64, else the variant that says x86_64
 * (the element, or the list itself when it is absent or empty and the default applies).
 */
function architectures(ctx: RuleContext<any, any>, list: Variant): Array<'arm64' | Variant> {
  if (list.kind !== 'literal' || !Array.isArray(list.value)) return [list];
  const slots = list.value.map((_, i) => ctx.value(list, [i]));
  return ctx.each(...slots).map((combo) => {
    const elements = combo.filter((e) => e.kind !== 'absent');
    if (elements.length === 0) return variantWith(list, { kind: 'absent' }); // an empty list is the default
    if (elements.some((e) => asString(e) === 'arm64')) return 'arm64';
    const unknown = elements.find((e) => e.kind === 'unknown');
    if (unknown) return unknown;
    return (
      elements.find((e) => asString(e) === 'x86_64') ?? variantWith(list, { kind: 'unknown', reason: 'not a known architecture', origin: { kind: 'other' } })
    );
  });
}

/** Layers of this template that the function uses and that declare x86_64 but not arm64. */
function x86OnlyLayers(ctx: RuleContext<any, any>, fn: Resource): Array<{ name: string; variant: Variant }> {
  const lists = ctx.value(fn, ['Properties', 'Layers']);
  const out: Array<{ name: string; variant: Variant }> = [];
  for (const layer of lists.flatMap((list) => ctx.items(list, []))) {
    const target = layer.ref && ctx.template.resources.get(layer.ref.logicalId);
    if (!target || !LAYER_TYPES.has(target.type)) continue;
    for (const compatible of ctx.value(target, ['Properties', 'CompatibleArchitectures'])) {
      if (compatible.kind !== 'literal') continue; // not declared: no known obstacle
      const names = ctx.items(compatible, []).map(asString);
      if (names.includes('x86_64') && !names.includes('arm64') && names.every((n) => n !== undefined)) {
        const assumptions = mergeAssumptions(layer.assumptions, compatible.assumptions);
        if (assumptions) out.push({ name: target.logicalId, variant: variantWith(layer, { assumptions }) });
      }
    }
  }
  return out;
}
