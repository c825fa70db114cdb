// Deployed stacks (--stack, --all-stacks) through the real AWS SDK, against a loopback server that speaks the
// CloudFormation query protocol (form-encoded POST, XML answers): no account, no network, static credentials.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sarifValidator } from './helpers.ts';

const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

// MultiAz defaults to true (no finding); the deployed stack runs with false.
const DB_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  MultiAz:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
  Password:
    Type: String
    NoEcho: true
    Default: not-the-deployed-one
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MultiAZ: !Ref MultiAz
      MasterUserPassword: !Ref Password
      StorageEncrypted: true
`;

// What pillars-lint shows of it: the NoEcho parameter's Default masked.
const DB_TEMPLATE_SHOWN = DB_TEMPLATE.replace('Default: not-the-deployed-one', 'Default: "****"');

const QUEUE_TEMPLATE = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } }, null, 2);

interface Stack {
  name: string;
  body: string;
  parameters: Record<string, string>;
}
const STACKS: Stack[] = [
  { name: 'orders-db', body: DB_TEMPLATE, parameters: { MultiAz: 'false', Password: '****' } },
  { name: 'orders-queue', body: QUEUE_TEMPLATE, parameters: {} },
  { name: 'orders-db-ha', body: DB_TEMPLATE, parameters: { MultiAz: 'true', Password: '****' } },
  {
    name: 'orders-db-hidden',
    body: DB_TEMPLATE.replace("Type: String\n    Default: 'true'", "Type: String\n    NoEcho: true\n    Default: 'true'"),
    parameters: { MultiAz: '****', Password: '****' },
  },
];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const arn = (name: string) => `arn:aws:cloudformation:eu-west-1:123456789012:stack/${name}/0d7a4f10-0000-0000-0000-000000000000`;

function respond(action: string, body: string): string {
  return (
    `<${action}Response xmlns="${XMLNS}"><${action}Result>${body}</${action}Result>` +
    `<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${action}Response>`
  );
}

function errorResponse(code: string, message: string): string {
  return (
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>` +
    '<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>'
  );
}

let server: Server;
let endpoint: string;
const seen: Array<{ action: string; authorized: boolean; form: URLSearchParams }> = [];
let throttle = false;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const form = new URLSearchParams(await readBody(req));
    const action = form.get('Action') ?? '';
    seen.push({ action, authorized: /^AWS4-HMAC-SHA256 /.test(String(req.headers.authorization)), form });
    const send = (status: number, xml: string) => {
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(xml);
    };
    if (throttle) return send(400, errorResponse('Throttling', 'Rate exceeded'));
    const name = form.get('StackName') ?? '';
    const stack = STACKS.find((s) => s.name === name || arn(s.name) === name);
    if ((action === 'GetTemplate' || action === 'DescribeStacks') && !stack) {
      return send(400, errorResponse('ValidationError', `Stack with id ${name} does not exist`));
    }
    if (action === 'GetTemplate') {
      return send(
        200,
        respond(
          action,
          `<TemplateBody>${escapeXml(stack!.body)}</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>`,
        ),
      );
    }
    if (action === 'DescribeStacks') {
      const params = Object.entries(stack!.parameters)
        .map(([k, v]) => `<member><ParameterKey>${k}</ParameterKey><ParameterValue>${escapeXml(v)}</ParameterValue></member>`)
        .join('');
      return send(
        200,
        respond(
          action,
          `<Stacks><member><StackName>${stack!.name}</StackName><StackId>${arn(stack!.name)}</StackId>` +
            `<CreationTime>2026-11-01T10:00:00.000Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Parameters>${params}</Parameters></member></Stacks>`,
        ),
      );
    }
    if (action === 'ListStacks') {
      // Two pages, to exercise the paginator.
      const page = form.get('NextToken') === 'page-2' ? STACKS.slice(2) : STACKS.slice(0, 2);
      const summaries = page
        .map(
          (s) =>
            `<member><StackName>${s.name}</StackName><StackId>${arn(s.name)}</StackId>` +
            '<CreationTime>2026-11-01T10:00:00.000Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus></member>',
        )
        .join('');
      const next = form.get('NextToken') === 'page-2' ? '' : '<NextToken>page-2</NextToken>';
      return send(200, respond(action, `<StackSummaries>${summaries}</StackSummaries>${next}`));
    }
    send(400, errorResponse('InvalidAction', `unknown action ${action}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The built CLI, run asynchronously so this process's server can answer it. */
function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base: Record<string, string | undefined> = {
    ...process.env,
    AWS_ENDPOINT_URL_CLOUDFORMATION: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    // No shared config of the machine running the tests.
    AWS_CONFIG_FILE: path.join(ROOT, 'no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(ROOT, 'no-such-aws-credentials'),
    AWS_PROFILE: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...env,
  };
  const clean = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, env: clean });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const RULE = ['--rule', 'rds-multi-az-enabled'];

describe('deployed stacks', () => {
  it('lints a stack with its deployed parameter values, not the Defaults', async () => {
    const r = await cli(['--stack', 'orders-db', ...RULE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stack://eu-west-1/orders-db');
    expect(r.stdout).toMatch(/18:16\s+error\s+DB instance Db runs in a single Availability Zone: MultiAZ is false \(with parameter MultiAz = "false"\)/);
    expect(r.stdout).toContain('> 18 |       MultiAZ: !Ref MultiAz');
    // The same template deployed with the Default's value is clean.
    const ha = await cli(['--stack', 'orders-db-ha', ...RULE]);
    expect(ha.code).toBe(0);
    const actions = seen.map((s) => s.action);
    expect(actions).toEqual(expect.arrayContaining(['GetTemplate', 'DescribeStacks']));
    expect(seen.every((s) => s.authorized)).toBe(true);
    expect(seen.find((s) => s.action === 'GetTemplate')!.form.get('TemplateStage')).toBe('Original');
  });

  it('keeps the template in memory as stack://REGION/NAME in SARIF, with its text', async () => {
    const r = await cli(['--stack', 'orders-db', '--stack', 'orders-queue', ...RULE, '-f', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['stack://eu-west-1/orders-db', 'stack://eu-west-1/orders-queue']);
    expect(run.artifacts[0].contents.text).toBe(DB_TEMPLATE_SHOWN);
    expect(run.results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'stack://eu-west-1/orders-db' }, region: { startLine: 18 } });
  });

  it('with -o, writes each template next to the report and points SARIF at it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-stack-'));
    const out = path.join(dir, 'reports', 'deployed.sarif');
    const r = await cli(['--stack', 'orders-db', '--stack', 'orders-queue', ...RULE, '-f', 'sarif', '-o', out], {}, dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, 'reports', 'orders-db.template.yaml'), 'utf8')).toBe(DB_TEMPLATE_SHOWN);
    expect(readFileSync(path.join(dir, 'reports', 'orders-queue.template.json'), 'utf8')).toBe(QUEUE_TEMPLATE);
    const run = JSON.parse(readFileSync(out, 'utf8')).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'reports/orders-db.template.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('--all-stacks lists the active stacks (paginated) and lints each, with progress on stderr', async () => {
    seen.length = 0;
    const r = await cli(['--all-stacks', ...RULE, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('pillars-lint: 4 active stacks in eu-west-1\n');
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(
      ['orders-db', 'orders-db-ha', 'orders-db-hidden', 'orders-queue'].map((name) => `stack://eu-west-1/${name}`),
    );
    expect(report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toEqual(['stack://eu-west-1/orders-db rds-multi-az-enabled']);
    const lists = seen.filter((s) => s.action === 'ListStacks');
    expect(lists).toHaveLength(2);
    expect(lists[0]!.form.get('StackStatusFilter.member.1')).toBe('CREATE_IN_PROGRESS');
    expect([...lists[0]!.form.keys()]).not.toContain(expect.stringMatching(/DELETE_COMPLETE/));
    expect([...lists[0]!.form.values()]).not.toContain('DELETE_COMPLETE');
  });

  it('treats NoEcho values (shown as ****) as unknown, not as that text or the Default', async () => {
    const r = await cli(['--stack', 'orders-db-hidden', ...RULE, '--report-unknown', '-f', 'json']);
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout).findings;
    // The Default (true) would pass silently; "****" would fail. Unknown is a review item.
    expect(findings.map((f: { kind: string; logicalId: string; propertyPath: string[] }) => `${f.kind} ${f.logicalId} ${f.propertyPath.join('.')}`)).toEqual([
      'review Db Properties.MultiAZ',
    ]);
  });

  it.each([
    ['an unknown stack', ['--stack', 'no-such-stack'], {}, /^pillars-lint: stack no-such-stack does not exist in eu-west-1\n$/],
    ['no region', ['--stack', 'orders-db'], { AWS_REGION: undefined }, /^pillars-lint: no AWS region: pass --region, set AWS_REGION/],
    ['no credentials', ['--stack', 'orders-db'], { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }, /^pillars-lint: no AWS credentials found/],
    ['an unknown profile', ['--stack', 'orders-db', '--profile', 'nobody'], {}, /^pillars-lint: no AWS credentials for profile nobody/],
    ['--region without a stack', ['template.yaml', '--region', 'eu-west-1'], {}, /^pillars-lint: --region applies only with --stack or --all-stacks\n$/],
  ])('fails with one line and exit 2 for %s', async (_, args, env, message) => {
    const r = await cli([...args, ...RULE], env as Record<string, string | undefined>);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('fails with one line and exit 2 when throttled beyond the retries', async () => {
    throttle = true;
    try {
      const r = await cli(['--stack', 'orders-db', ...RULE], { AWS_MAX_ATTEMPTS: '2' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^pillars-lint: CloudFormation kept throttling the requests \(Throttling\) after the SDK's retries/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      throttle = false;
    }
  });

  it('a region given on the command line wins, and shows in the URI', async () => {
    const r = await cli(['--stack', 'orders-queue', '--region', 'ap-southeast-2', '-f', 'json'], { AWS_REGION: undefined });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).files[0].path).toBe('stack://ap-southeast-2/orders-queue');
  });
});
