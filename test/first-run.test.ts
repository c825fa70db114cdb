// What a new user meets on a real repository: valid templates are linted, broken ones give one located error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse/index.ts';
import { rules } from '../rules/index.ts';
import { lintFixture, render, ROOT } from './helpers.ts';

const fixture = (name: string) => path.join(ROOT, 'fixtures/templates/first-run', name);

describe('JSON-looking YAML', () => {
  it('is parsed as YAML when strict JSON fails, with exact positions', () => {
    const doc = parseDocument(readFileSync(fixture('prettier-installer.template'), 'utf8'));
    expect(doc.diagnostics).toEqual([]);
    expect(doc.format).toBe('yaml');
    expect(doc.value).toMatchObject({ Resources: { BuildCache: { Properties: { Encrypted: false } } } });
  });

  it('is linted like any template: its findings, no parse error', () => {
    const findings = lintFixture(fixture('prettier-installer.template'), rules).map(render);
    expect(findings.filter((f) => f.includes('template-parse-error'))).toEqual([]);
    expect(findings).toContain('18:20 error ebs-volume-encrypted BuildCache: EBS volume BuildCache is not encrypted: Encrypted is false.');
  });

  it('keeps the JSON error for comments, which YAML would read as text', () => {
    const doc = parseDocument('{\n  // note\n  "Resources": {}\n}\n');
    expect(doc.format).toBe('json');
    expect(doc.diagnostics[0]).toMatchObject({ code: 'JSON_COMMENT', fatal: true });
  });

  it('keeps strict JSON for valid JSON', () => {
    expect(parseDocument('{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}').format).toBe('json');
  });
});

describe('a broken file', () => {
  it('gives exactly one parse error, at the first problem', () => {
    const findings = lintFixture(fixture('broken-string.json'), rules);
    expect(findings.map(render)).toEqual([expect.stringMatching(/^7:22 error template-parse-error -: /)]);
  });
});
