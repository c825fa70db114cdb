// Deployed stacks against a hostile CloudFormation endpoint: one that never answers, stalls or trickles a body,
// pages forever, names its stacks like paths or terminal escapes, and puts control characters in its error text.
// And a NoEcho parameter whose Default holds the machine's secret marker: it must reach no output at all.
// The real SDK talks to loopback servers (AWS_ENDPOINT_URL_CLOUDFORMATION) with static credentials, as in
// test/stack.test.ts; the CLI runs asynchronously, so this process's servers can answer it.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { maskNoEchoDefaults, printable, safeStackFileName } from '../../src/discover/stack.ts';
import { ROOT, sarifValidator } from '../helpers.ts';
import { expectBounded, expectNoSecret, machine, type Machine, type Run } from './harness.ts';

const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
/** The request budget the runs use (PILLARS_LINT_AWS_TIMEOUT, seconds), so a stalled endpoint costs a test ~1.5 s. */
const TIMEOUT_SECONDS = '1.5';
/** Well under the default's minute, and far under the run's kill budget. */
const STALL_LIMIT_MS = 10_000;

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 has no raw control characters; a hostile server sends them as character references.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);
const arn = (name: string) => `arn:aws:cloudformation:eu-west-1:123456789012:stack/${name}/0d7a4f10-0000-0000-0000-000000000000`;

function respond(action: string, body: string): string {
  return (
    `<${action}Response xmlns="${XMLNS}"><${action}Result>${body}</${action}Result>` +
    `<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${action}Response>`
  );
}

function errorResponse(code: string, message: string): string {
  return (
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${xml(code)}</Code><Message>${xml(message)}</Message></Error>` +
    '<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>'
  );
}

function describeStacks(name: string, parameters: Record<string, string> = {}): string {
  const params = Object.entries(parameters)
    .map(([k, v]) => `<member><ParameterKey>${k}</ParameterKey><ParameterValue>${xml(v)}</ParameterValue></member>`)
    .join('');
  return respond(
    'DescribeStacks',
    `<Stacks><member><StackName>${xml(name)}</StackName><StackId>${xml(arn(name))}</StackId>` +
      `<CreationTime>2026-11-01T10:00:00.000Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Parameters>${params}</Parameters></member></Stacks>`,
  );
}

function getTemplate(body: string): string {
  return respond('GetTemplate', `<TemplateBody>${xml(body)}</TemplateBody><StagesAvailable><member>Original</member></StagesAvailable>`);
}

function listStacks(names: string[], next?: string): string {
  const summaries = names
    .map(
      (n) =>
        `<member><StackName>${xml(n)}</StackName><StackId>${xml(arn(n))}</StackId>` +
        '<CreationTime>2026-11-01T10:00:00.000Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus></member>',
    )
    .join('');
  return respond('ListStacks', `<StackSummaries>${summaries}</StackSummaries>${next ? `<NextToken>${xml(next)}</NextToken>` : ''}`);
}

type Handler = (action: string, form: URLSearchParams, res: ServerResponse) => void;

const servers: Server[] = [];
const sockets = new Set<Socket>();

/** A loopback HTTP server answering CloudFormation's query protocol through `handle`; returns its endpoint. */
async function cloudFormation(handle: Handler): Promise<string> {
  const server = createHttpServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      handle(form.get('Action') ?? '', form, res);
    });
  });
  return listen(server);
}

async function listen(server: Server): Promise<string> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const send = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(body);
};

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const machines: Machine[] = [];
afterAll(() => {
  for (const m of machines.splice(0)) rmSync(m.base, { recursive: true, force: true });
});

function aMachine(): Machine {
  const m = machine();
  machines.push(m);
  return m;
}

/** The built CLI against `endpoint`, asynchronously, killed after `budgetMs` (the harness's runner is synchronous). */
function run(m: Machine, endpoint: string, args: string[], budgetMs = 30_000, env: Record<string, string> = {}): Promise<Run> {
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: m.home,
    AWS_ENDPOINT_URL_CLOUDFORMATION: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(m.base, 'no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(m.base, 'no-such-aws-credentials'),
    PILLARS_LINT_AWS_TIMEOUT: TIMEOUT_SECONDS,
    NO_COLOR: '1',
    CI: '1',
    ...env,
  };
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: m.repo, env: environment });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), budgetMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** One line on stderr, no escape or other control character in it, exit 2. */
function expectOneCleanLine(r: Run): void {
  expectBounded(r, [2]);
  expect(r.stderr).toMatch(/^pillars-lint: [^\n]+\n$/);
  expect(r.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

describe('a CloudFormation endpoint that does not answer', () => {
  it('one that accepts connections and never answers ends the run with exit 2 within the request budget', async () => {
    const m = aMachine();
    const endpoint = await listen(createTcpServer(() => {}));
    for (const args of [['--stack', 'orders'], ['--all-stacks']]) {
      const r = await run(m, endpoint, args);
      expectOneCleanLine(r);
      expect(r.stderr).toMatch(/CloudFormation in eu-west-1 did not answer.* within 1\.5 s: check the network, or set PILLARS_LINT_AWS_TIMEOUT/);
      expect(r.ms).toBeLessThan(STALL_LIMIT_MS);
    }
  });

  it('one that sends headers and then stalls the body, or trickles it a byte at a time, ends the same way', async () => {
    const m = aMachine();
    const stalled = await cloudFormation((_, __, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write(`<GetTemplateResponse xmlns="${XMLNS}"><GetTemplateResult><TemplateBody>`);
    });
    const trickling = await cloudFormation((_, __, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      // Never quiet long enough for an idle timeout: only the request's own deadline ends it.
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    });
    for (const endpoint of [stalled, trickling]) {
      const r = await run(m, endpoint, ['--stack', 'orders']);
      expectOneCleanLine(r);
      expect(r.stderr).toMatch(/did not answer for stack orders/);
      expect(r.ms).toBeLessThan(STALL_LIMIT_MS);
    }
  });

  it('when one stack fails while the others stall, the run ends with its error at once, not after their timeouts', async () => {
    const m = aMachine();
    const names = Array.from({ length: 60 }, (_, i) => `stack-${String(i).padStart(2, '0')}`);
    const endpoint = await cloudFormation((action, form, res) => {
      if (action === 'ListStacks') return send(res, 200, listStacks(names));
      // stack-03 is refused; every other request is left hanging.
      if (form.get('StackName') === 'stack-03') return send(res, 403, errorResponse('AccessDenied', 'not for you'));
    });
    const r = await run(m, endpoint, ['--all-stacks'], 30_000, { PILLARS_LINT_AWS_TIMEOUT: '3' });
    expectBounded(r, [2]);
    expect(r.stderr).toBe(
      'pillars-lint: 60 active stacks in eu-west-1\npillars-lint: AWS refused the request for stack stack-03 (AccessDenied): not for you\n',
    );
    // Not held by the other stacks' requests, nor by workers going on to the next stacks.
    expect(r.ms).toBeLessThan(1_500);
  });

  it('PILLARS_LINT_AWS_TIMEOUT must be a positive number of seconds', async () => {
    const m = aMachine();
    const r = await run(m, 'http://127.0.0.1:9', ['--stack', 'orders'], 30_000, { PILLARS_LINT_AWS_TIMEOUT: 'soon\u001b[2J' });
    expectOneCleanLine(r);
    expect(r.stderr).toBe('pillars-lint: PILLARS_LINT_AWS_TIMEOUT must be a number of seconds above 0 (got "soon\\u001b[2J")\n');
  });
});

describe('ListStacks that never ends', () => {
  it.each([
    ['repeats one NextToken forever', (n: number) => `again-${n >= 0 ? 'same' : ''}`],
    ['alternates two NextTokens', (n: number) => `token-${n % 2}`],
  ])('--all-stacks stops with exit 2 when the server %s', async (_, token) => {
    const m = aMachine();
    let pages = 0;
    const endpoint = await cloudFormation((action, _form, res) => {
      if (action !== 'ListStacks') return send(res, 400, errorResponse('InvalidAction', action));
      send(res, 200, listStacks([`stack-${pages}`], token(pages++)));
    });
    const r = await run(m, endpoint, ['--all-stacks']);
    expectOneCleanLine(r);
    expect(r.stderr).toBe('pillars-lint: CloudFormation in eu-west-1 sent the same page token twice while listing the stacks: stopped\n');
    expect(pages).toBeLessThanOrEqual(3);
  });
});

describe('stack names from the server', () => {
  const TEMPLATE = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
  // An absolute name points into the machine's folder, so a regression cannot write outside the test's files.
  const names = (m: Machine) => [
    '../../evil',
    path.join(m.base, 'absolute'),
    'a\u001b[31mb',
    'CON',
    'nul.txt',
    '..',
    '.hidden',
    '-rf',
    `long-${'x'.repeat(5000)}`,
    'a/b',
    'a_b',
    'existing',
    'rerun',
  ];

  it('are written only inside the report folder, under safe names, never over an existing file', async () => {
    const m = aMachine();
    const NAMES = names(m);
    const reports = path.join(m.repo, 'reports');
    mkdirSync(reports);
    writeFileSync(path.join(reports, 'existing.template.yaml'), "the user's own file\n");
    // What an earlier run wrote for this stack: the same text, so it is reused, not duplicated.
    writeFileSync(path.join(reports, 'rerun.template.yaml'), TEMPLATE);
    const endpoint = await cloudFormation((action, form, res) => {
      const name = form.get('StackName') ?? '';
      if (action === 'ListStacks') return send(res, 200, listStacks(NAMES));
      if (action === 'DescribeStacks') return send(res, 200, describeStacks(name));
      if (action === 'GetTemplate') return send(res, 200, getTemplate(TEMPLATE));
      send(res, 400, errorResponse('InvalidAction', action));
    });
    const r = await run(m, endpoint, ['--all-stacks', '-f', 'sarif', '-o', 'reports/deployed.sarif']);
    expectBounded(r, [0]);
    expect(r.stderr).toBe(`pillars-lint: ${NAMES.length} active stacks in eu-west-1\n`);
    // Nothing landed outside the report folder.
    expect(readdirSync(m.base).sort()).toEqual(['home', 'repo']);
    expect(readdirSync(m.repo).sort()).toEqual(['.git', 'reports']);
    expect(readFileSync(path.join(reports, 'existing.template.yaml'), 'utf8')).toBe("the user's own file\n");
    const written = readdirSync(reports).filter((f) => f !== 'deployed.sarif');
    for (const f of written) {
      expect(f).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.template\.yaml$/);
      expect(f.length).toBeLessThanOrEqual(128 + '-99.template.yaml'.length);
      expect(f).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
    }
    expect(written).toEqual(
      expect.arrayContaining([
        '_.._evil.template.yaml',
        `${safeStackFileName(path.join(m.base, 'absolute'))}.template.yaml`,
        'a__31mb.template.yaml',
        '_CON.template.yaml',
        '_nul.txt.template.yaml',
        'stack.template.yaml',
        'hidden.template.yaml',
        'rf.template.yaml',
        'a_b.template.yaml',
        'a_b-2.template.yaml',
        'existing.template.yaml',
        'existing-2.template.yaml',
        'rerun.template.yaml',
      ]),
    );
    // One file per stack: the user's file and the reused one were there before.
    expect(written).toHaveLength(NAMES.length + 1);
    expect(written.filter((f) => f.startsWith('rerun'))).toEqual(['rerun.template.yaml']);

    const log = JSON.parse(readFileSync(path.join(reports, 'deployed.sarif'), 'utf8'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const uris: string[] = log.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri);
    expect(uris).toHaveLength(NAMES.length);
    for (const uri of uris) expect(uri).toMatch(/^reports\/[^/]+\.template\.yaml$/);
    expect(uris).toContain('reports/existing-2.template.yaml');
  });

  it('never carry control characters to a terminal or a report', async () => {
    const m = aMachine();
    const endpoint = await cloudFormation((action, form, res) => {
      if (action === 'ListStacks') return send(res, 200, listStacks(['a\u001b[31mb', 'c\u0007\u202ed']));
      if (action === 'DescribeStacks') return send(res, 200, describeStacks(form.get('StackName') ?? ''));
      if (action === 'GetTemplate') return send(res, 200, getTemplate('Resources: [not, a, mapping]\n'));
      send(res, 400, errorResponse('InvalidAction', action));
    });
    for (const format of ['stylish', 'json', 'sarif', 'compact', 'github', 'markdown']) {
      const r = await run(m, endpoint, ['--all-stacks', '-f', format]);
      expectBounded(r, [1]);
      expect(r.stdout + r.stderr, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      // The github format names files only; the others name the stack by its encoded URI.
      if (format !== 'github') expect(r.stdout, format).toContain('a%1B%5B31mb');
    }
  });
});

describe('error text from the server', () => {
  it('reaches stderr as one printable, clipped line', async () => {
    const m = aMachine();
    const hostile = `Stack \u001b[2J\u001b]0;pwned\u0007 with id x does not exist\u202e\r\u0085 ${'A'.repeat(100_000)}\nsecond line`;
    const endpoint = await cloudFormation((_, __, res) => send(res, 400, errorResponse(`Evil\u001b[31mCode`, hostile)));
    for (const args of [['--stack', 'orders'], ['--all-stacks'], ['--stack', 'x\u001b[1m']]) {
      const r = await run(m, endpoint, args);
      expectOneCleanLine(r);
      expect(r.stderr.length).toBeLessThan(800);
      expect(r.stderr).toContain('Evil\\u001b[31mCode: Stack \\u001b[2J\\u001b]0;pwned\\u0007 with id x does not exist\\u202e');
      expect(r.stderr).not.toContain('second line');
    }
  });
});

describe('NoEcho parameters', () => {
  const template = (marker: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  MultiAz:
    Type: String
    NoEcho: true
    Default: 'false-${marker}'
  Password:
    Type: String
    NoEcho: "true"
    Default: |
      ${marker}
      more of it
  Visible:
    Type: String
    Default: visible-default
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MultiAZ: !Ref MultiAz
      MasterUserPassword: !Ref Password
      DBName: !Ref Visible
      Broken: !Sub '\${MultiAz}-\${Password}-${marker}-in-a-Sub'
`;
  const jsonTemplate = (marker: string) =>
    JSON.stringify({
      Parameters: { Secret: { Type: 'String', NoEcho: true, Default: marker } },
      Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'Secret' } } } },
    });

  it('have their Default masked in every output: stdout, stderr, SARIF contents, written templates', async () => {
    const m = aMachine();
    // The marker in a Sub literal is the template's own text, not a Default: the test removes it from what it checks.
    const yamlBody = template(m.marker);
    const endpoint = await cloudFormation((action, form, res) => {
      const name = form.get('StackName') ?? '';
      if (action === 'ListStacks') return send(res, 200, listStacks(['db', 'bucket']));
      // A server that does not mask NoEcho values as CloudFormation does must not get them shown either.
      if (action === 'DescribeStacks') return send(res, 200, describeStacks(name, { MultiAz: `false-${m.marker}`, Password: m.marker }));
      if (action === 'GetTemplate') return send(res, 200, getTemplate(name === 'db' ? yamlBody.replace(/\n.*in-a-Sub'\n$/, '\n') : jsonTemplate(m.marker)));
      send(res, 400, errorResponse('InvalidAction', action));
    });
    const outputs: string[] = [];
    for (const format of ['stylish', 'json', 'sarif', 'markdown', 'github']) {
      const r = await run(m, endpoint, ['--all-stacks', '--report-unknown', '--fail-on', 'note', '-f', format]);
      expectBounded(r, [1]);
      outputs.push(r.stdout, r.stderr);
      if (format === 'sarif') {
        const artifacts = JSON.parse(r.stdout).runs[0].artifacts as Array<{ location: { uri: string }; contents: { text: string } }>;
        expect(artifacts.map((a) => a.location.uri)).toEqual(['stack://eu-west-1/bucket', 'stack://eu-west-1/db']);
        const db = artifacts[1]!.contents.text;
        // Masked where it stood, lines kept, the rest of the text as sent.
        expect(db).toContain('    NoEcho: true\n    Default: "****"\n  Password:');
        expect(db).toContain('    Default: "****"\n\n\n  Visible:');
        expect(db).toContain('Default: visible-default');
        expect(db.split('\n')).toHaveLength(yamlBody.split('\n').length - 1);
        expect(artifacts[0]!.contents.text).toContain('"Default":"****"');
      }
    }
    const r = await run(m, endpoint, ['--all-stacks', '--report-unknown', '-f', 'sarif', '-o', 'out/deployed.sarif']);
    expectBounded(r, [0, 1]);
    const written = readdirSync(path.join(m.repo, 'out')).map((f) => readFileSync(path.join(m.repo, 'out', f), 'utf8'));
    expect(written).toHaveLength(3);
    expectNoSecret(m, ...outputs, r.stdout, r.stderr, ...written);
  });

  it('masks Defaults in place, keeping every line, and names the NoEcho parameters', () => {
    expect(maskNoEchoDefaults(template('s3cr3t'), 'db')).toMatchObject({ noEcho: ['MultiAz', 'Password'] });
    const masked = maskNoEchoDefaults(template('s3cr3t'), 'db').body;
    expect(masked.split('\n')).toHaveLength(template('s3cr3t').split('\n').length);
    expect(masked.match(/s3cr3t/g)).toHaveLength(1); // the Sub literal, which is not a Default
    // NoEcho false (boolean or string) shows its Default; a flow mapping and a JSON escape are masked.
    expect(
      maskNoEchoDefaults('Parameters:\n  A: {NoEcho: false, Default: a1}\n  B: {NoEcho: "False", Default: b1}\n  C: {NoEcho: yes, Default: "c\\u0031"}\n', 's'),
    ).toEqual({
      body: 'Parameters:\n  A: {NoEcho: false, Default: a1}\n  B: {NoEcho: "False", Default: b1}\n  C: {NoEcho: yes, Default: "****"}\n',
      noEcho: ['C'],
    });
    // A template that does not parse cannot be masked: its text is withheld when it declares NoEcho parameters.
    const broken = maskNoEchoDefaults('Parameters:\n  P:\n    NoEcho: true\n    Default: "s3cr3t\n  [', 'db\u001b');
    expect(broken.body).not.toContain('s3cr3t');
    expect(broken.body).toBe('# pillars-lint: the template of stack db\\u001b does not parse and declares NoEcho parameters, so its text is not shown\n');
  });
});

describe('helpers', () => {
  it('safeStackFileName keeps CloudFormation names and defuses the rest', () => {
    expect(safeStackFileName('orders-db')).toBe('orders-db');
    expect(safeStackFileName('../../evil')).toBe('_.._evil');
    expect(safeStackFileName('/etc/x')).toBe('_etc_x');
    expect(safeStackFileName('..')).toBe('stack');
    expect(safeStackFileName('lpt1')).toBe('_lpt1');
    expect(safeStackFileName('x'.repeat(1000))).toHaveLength(128);
  });

  it('printable escapes control characters and clips', () => {
    expect(printable('a\u001b[31mb\u202e\n')).toBe('a\\u001b[31mb\\u202e\\u000a');
    expect(printable('x'.repeat(1000), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(printable('\u0007'.repeat(1000), 10)).toHaveLength(10);
  });
});
