// The resource facts: the committed data/resource-facts.json is in the format the loader reads, and scripts/resource-facts.mjs turns a database in @aws-cdk/aws-service-spec's layout into that format (the
// package is not installed here, so the test builds a small database of the same shape).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { resourceFacts } from '../src/template/resource-facts.ts';
import { ROOT } from './helpers.ts';

const FIELDS = new Set(['tags', 'tagForm', 'required']);

describe('resource facts', () => {
  it('are sorted by type, with only the fields the loader knows', () => {
    const file = JSON.parse(readFileSync(path.join(ROOT, 'data/resource-facts.json'), 'utf8'));
    if (file.version === null) expect(file.source).toMatch(/^hand list, replace by running scripts\/resource-facts\.mjs/);
    else expect([file.source, typeof file.version, file.date]).toEqual(['@aws-cdk/aws-service-spec', 'string', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    const names = Object.keys(file.types);
    expect(names).toEqual([...names].sort());
    for (const [name, facts] of Object.entries<Record<string, unknown>>(file.types)) {
      expect(name).toMatch(/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      expect(
        Object.keys(facts).filter((k) => !FIELDS.has(k)),
        name,
      ).toEqual([]);
      if (facts.tagForm !== undefined) expect(['map', 'other'], name).toContain(facts.tagForm);
      if (facts.required !== undefined) expect(facts.required, name).toEqual([...(facts.required as string[])].sort());
    }
  });

  it("give the property that holds a type's tags, and nothing for types they do not list", () => {
    expect(resourceFacts('AWS::S3::Bucket')?.tags).toBe('Tags');
    expect(resourceFacts('AWS::Serverless::Function')).toMatchObject({ tags: 'Tags', tagForm: 'map' });
    expect(resourceFacts('AWS::S3::BucketPolicy')?.tags).toBeUndefined();
    expect(resourceFacts('Custom::Provisioner')).toBeUndefined();
    // Type names are looked up as own keys, never through the prototype.
    expect(resourceFacts('constructor')).toBeUndefined();
    expect(resourceFacts('__proto__')).toBeUndefined();
  });

  describe('scripts/resource-facts.mjs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-facts-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const str = { type: 'string' };
    const resources = [
      {
        $id: '1',
        cloudFormationType: 'AWS::S3::Bucket',
        properties: { Tags: { type: { type: 'array', element: { type: 'tag' } } } },
        tagInformation: { tagPropertyName: 'Tags', variant: 'standard' },
      },
      {
        $id: '2',
        cloudFormationType: 'AWS::AutoScaling::AutoScalingGroup',
        properties: {
          MinSize: { type: str, required: true },
          MaxSize: { type: str, required: true },
          Tags: { type: { type: 'array', element: { type: 'ref', reference: { $ref: 'asgTag' } } } },
        },
        tagInformation: { tagPropertyName: 'Tags', variant: 'asg' },
      },
      {
        $id: '3',
        cloudFormationType: 'AWS::EFS::FileSystem',
        properties: { FileSystemTags: { type: { type: 'array', element: { type: 'ref', reference: { $ref: 'efsTag' } } } } },
        tagInformation: { tagPropertyName: 'FileSystemTags', variant: 'standard' },
      },
      {
        $id: '4',
        cloudFormationType: 'AWS::EC2::LaunchTemplate',
        properties: { TagSpecifications: { type: { type: 'array', element: { type: 'ref', reference: { $ref: 'ltSpec' } } } } },
        tagInformation: { tagPropertyName: 'TagSpecifications', variant: 'standard' },
      },
      {
        $id: '5',
        cloudFormationType: 'AWS::SSM::Parameter',
        properties: { Value: { type: str, required: true }, Type: { type: str, required: true }, Tags: { type: { type: 'json' } } },
        tagInformation: { tagPropertyName: 'Tags', variant: 'map' },
      },
      {
        $id: '6',
        cloudFormationType: 'AWS::Lambda::Permission',
        properties: { Principal: { type: str, required: true }, Action: { type: str, required: true } },
      },
    ];
    const typeDefinitions = [
      { $id: 'asgTag', properties: { Key: { type: str }, PropagateAtLaunch: { type: { type: 'boolean' } }, Value: { type: str } } },
      { $id: 'efsTag', properties: { Key: { type: str }, Value: { type: str } } },
      { $id: 'ltSpec', properties: { ResourceType: { type: str }, Tags: { type: { type: 'array', element: { type: 'tag' } } } } },
    ];
    const expected = {
      'AWS::AutoScaling::AutoScalingGroup': { tags: 'Tags', required: ['MaxSize', 'MinSize'] },
      'AWS::EC2::LaunchTemplate': { tags: 'TagSpecifications', tagForm: 'other' },
      'AWS::EFS::FileSystem': { tags: 'FileSystemTags' },
      'AWS::Lambda::Permission': { required: ['Action', 'Principal'] },
      'AWS::S3::Bucket': { tags: 'Tags' },
      'AWS::SSM::Parameter': { tags: 'Tags', tagForm: 'map', required: ['Type', 'Value'] },
    };

    // Releases of the spec have saved entities as an array, older ones as a record by id.
    for (const layout of ['array', 'record'] as const) {
      it(`reads a database whose entities are ${layout === 'array' ? 'an array' : 'a record by id'}`, () => {
        const spec = path.join(dir, layout);
        const out = path.join(dir, `${layout}.json`);
        const collection = (entities: Array<{ $id: string }>) => ({
          type: 'entities',
          entities: layout === 'array' ? entities : Object.fromEntries(entities.map((e) => [e.$id, e])),
        });
        mkdirSync(spec, { recursive: true });
        writeFileSync(path.join(spec, 'package.json'), JSON.stringify({ name: '@aws-cdk/aws-service-spec', version: '0.1.42' }));
        const db = {
          idCtr: 9,
          schema: { resource: collection(resources), typeDefinition: collection(typeDefinitions), hasResource: { type: 'rel', forward: {}, backward: {} } },
        };
        writeFileSync(path.join(spec, 'db.json.gz'), gzipSync(JSON.stringify(db)));
        execFileSync(process.execPath, ['scripts/resource-facts.mjs', '--spec', spec, '--date', '2025-07-01', '--out', out], { cwd: ROOT, stdio: 'pipe' });
        const text = readFileSync(out, 'utf8');
        const file = JSON.parse(text);
        expect([file.source, file.version, file.date]).toEqual(['@aws-cdk/aws-service-spec', '0.1.42', '2025-07-01']);
        expect(file.types).toEqual(expected);
        // One line per type, so that a spec update reads as a diff of the types that changed.
        expect(text.split('\n').filter((line) => line.startsWith('    "AWS::')).length).toBe(Object.keys(expected).length);
      });
    }
  });
});
