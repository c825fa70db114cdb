import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { parseDocument } from '../parse/index.ts';
import { relativeInside } from './paths.ts';

export interface StackOptions {
  /** Stack names or ids (--stack). */
  names: string[];
  /** Every active stack of the region (--all-stacks). */
  all?: boolean;
  region?: string;
  profile?: string;
  /** Write each template here as NAME.template.yaml|json and lint that file, so SARIF points at a real file. */
  templatesDir?: string;
  /** One line of progress for stderr; a transient one (a running count) is only worth showing on a terminal. */
  onProgress?: (message: string, transient?: boolean) => void;
  /**
   * How long one request may take, retries included, in milliseconds (default: PILLARS_LINT_AWS_TIMEOUT seconds, else
   * 30 s). Each attempt gets a sixth of it to connect and a third to answer.
   */
  timeoutMs?: number;
}

export interface DeployedStack {
  name: string;
  region: string;
  /** stack://REGION/NAME, the name percent-encoded. */
  uri: string;
  /** What the findings name: the written template when templatesDir is set, else the URI. */
  file: string;
  /** The template as submitted (GetTemplate, Original stage: before SAM and other transforms), NoEcho Defaults masked. */
  body: string;
  /** Parameter values as deployed (DescribeStacks). */
  parameters: Record<string, string>;
  /** NoEcho parameters, whose values CloudFormation shows as ****: unknown, not that text nor their Default. */
  masked: string[];
}

/** A problem reaching or reading the account: one line, exit 2, like a usage error. */
export class StackError extends UsageError {}

/** Stacks with deployed resources; failed creations, deletions and change-set reviews have none to lint. */
const ACTIVE_STATUSES = [
  'CREATE_IN_PROGRESS',
  'CREATE_COMPLETE',
  'DELETE_FAILED',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'IMPORT_IN_PROGRESS',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_IN_PROGRESS',
  'IMPORT_ROLLBACK_FAILED',
  'IMPORT_ROLLBACK_COMPLETE',
] as const;

/** Requests in flight at once: quick for --all-stacks without inviting throttling. */
const CONCURRENCY = 4;
const MASK = '****';
/** One request's budget, retries included: a silent endpoint ends the run in well under a minute. */
const DEFAULT_TIMEOUT_MS = 30_000;
const TIMEOUT_VARIABLE = 'PILLARS_LINT_AWS_TIMEOUT';
/** ListStacks pages (100 stacks each, far beyond any account's quota) before a server that keeps paging is cut off. */
const MAX_LIST_PAGES = 10_000;
/** How much of a server's error text reaches stderr. */
const MAX_MESSAGE = 300;

/** Fetches the templates and deployed parameter values of the stacks asked for. Errors are StackErrors with one line. */
export async function fetchStacks(options: StackOptions): Promise<DeployedStack[]> {
  // setTimeout takes at most 2^31 - 1 ms (about 24 days); beyond that Node would fire it at once.
  const timeoutMs = Math.min(options.timeoutMs ?? timeoutFromEnvironment() ?? DEFAULT_TIMEOUT_MS, 2 ** 31 - 1);
  // The SDK says on Node 20 that its releases after January 2027 will need Node 22; this install pins one that
  // runs on 20, so the multi-line warning would only bury the report. An explicit setting is left alone.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // About 150 ms to import, so only this path loads it.
  const sdk = await import('@aws-sdk/client-cloudformation');
  const client = new sdk.CloudFormationClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    logger: new QuietLogger(),
    // Per attempt: the SDK retries timeouts (AWS_MAX_ATTEMPTS, 3 by default) within the request's budget below.
    requestHandler: {
      connectionTimeout: Math.ceil(timeoutMs / 6),
      requestTimeout: Math.ceil(timeoutMs / 3),
      throwOnRequestTimeout: true,
      // A server that sends headers and then stalls the body goes quiet: that ends the attempt too.
      socketTimeout: Math.ceil(timeoutMs / 3),
    },
  });
  // Once the run is over (done, or one stack failed), requests still in flight are abandoned: none keeps the
  // process alive, and no worker starts another stack.
  const over = new AbortController();
  /** One request, retries included, ended after timeoutMs whatever the server does (a trickle defeats idle timeouts). */
  const withDeadline = <T>(request: (abortSignal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const abandon = () => controller.abort();
    over.signal.addEventListener('abort', abandon, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new DeadlineError(timeoutMs));
        controller.abort();
      }, timeoutMs);
    });
    return Promise.race([request(controller.signal), deadline]).finally(() => {
      clearTimeout(timer);
      over.signal.removeEventListener('abort', abandon);
    });
  };
  try {
    let region: string | undefined;
    try {
      region = await client.config.region();
    } catch {
      region = undefined;
    }
    if (!region) throw new StackError('no AWS region: pass --region, set AWS_REGION, or give the profile a region');
    const where = region;
    const fail = (error: unknown, stack?: string): never => {
      if (error instanceof StackError) throw error;
      throw new StackError(describeError(error, where, options.profile, stack));
    };

    let names = [...new Set(options.names)];
    if (options.all) {
      const listed: string[] = [];
      try {
        // Paged by hand: the SDK's paginator follows a repeated token forever (or, when told, stops without a word).
        const tokens = new Set<string>();
        let token: string | undefined;
        do {
          const page = await withDeadline((abortSignal) =>
            client.send(new sdk.ListStacksCommand({ StackStatusFilter: [...ACTIVE_STATUSES], NextToken: token }), { abortSignal }),
          );
          for (const summary of page.StackSummaries ?? []) if (summary.StackName) listed.push(summary.StackName);
          token = page.NextToken || undefined;
          if (token === undefined) break;
          if (tokens.has(token)) throw new StackError(`CloudFormation in ${region} sent the same page token twice while listing the stacks: stopped`);
          if (tokens.size >= MAX_LIST_PAGES) throw new StackError(`CloudFormation in ${region} sent more than ${MAX_LIST_PAGES} pages of stacks: stopped`);
          tokens.add(token);
        } while (token);
      } catch (error) {
        fail(error);
      }
      names = [...new Set([...names, ...listed.sort()])];
      options.onProgress?.(`${listed.length} active stack${listed.length === 1 ? '' : 's'} in ${region}`);
    }

    const fetchOne = async (name: string): Promise<DeployedStack> => {
      let described;
      let template;
      try {
        [described, template] = await Promise.all([
          withDeadline((abortSignal) => client.send(new sdk.DescribeStacksCommand({ StackName: name }), { abortSignal })),
          withDeadline((abortSignal) => client.send(new sdk.GetTemplateCommand({ StackName: name, TemplateStage: 'Original' }), { abortSignal })),
        ]);
      } catch (error) {
        return fail(error, name);
      }
      const stack = described.Stacks?.[0];
      if (!stack || template.TemplateBody === undefined) throw new StackError(`stack ${printable(name)} in ${region} returned no template`);
      const stackName = stack.StackName || name;
      const { body, noEcho } = maskNoEchoDefaults(template.TemplateBody, stackName);
      const parameters: Record<string, string> = {};
      const masked = new Set(noEcho);
      for (const p of stack.Parameters ?? []) {
        if (!p.ParameterKey || p.ParameterValue === undefined) continue;
        if (p.ParameterValue === MASK) masked.add(p.ParameterKey);
        else if (!masked.has(p.ParameterKey)) parameters[p.ParameterKey] = p.ParameterValue;
      }
      // The name is the server's: encoded, it cannot carry control characters into a report or a terminal.
      const uri = `stack://${region}/${encodeURIComponent(stackName)}`;
      return { name: stackName, region: where, uri, file: uri, body, parameters, masked: [...masked] };
    };

    const stacks: DeployedStack[] = new Array(names.length);
    let next = 0;
    let fetched = 0;
    const worker = async () => {
      while (next < names.length && !over.signal.aborted) {
        const i = next++;
        stacks[i] = await fetchOne(names[i]!);
        fetched++;
        if (options.all) options.onProgress?.(`fetched ${fetched}/${names.length} stacks (${printable(stacks[i]!.name)})`, true);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));

    if (options.templatesDir !== undefined) {
      const taken = new Set<string>();
      for (const stack of stacks) writeTemplate(stack, options.templatesDir, taken);
    }
    return stacks;
  } finally {
    over.abort();
    client.destroy();
  }
}

/** The request budget from PILLARS_LINT_AWS_TIMEOUT (seconds), if set. */
function timeoutFromEnvironment(): number | undefined {
  const text = process.env[TIMEOUT_VARIABLE];
  if (text === undefined || text.trim() === '') return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new StackError(`${TIMEOUT_VARIABLE} must be a number of seconds above 0 (got "${printable(text, 40)}")`);
  }
  return Math.ceil(seconds * 1000);
}

/** A request that outlasted its budget (retries included). */
class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = 'DeadlineError';
  }
}

/**
 * The template with the Default of every NoEcho parameter replaced by "****" (lines kept), so the secret a Default
 * may hold reaches neither the embedded SARIF text, the written file, a code frame nor a message; and the names of
 * those parameters, which are unknown rather than their Default. A template that does not parse cannot be masked,
 * so when it declares NoEcho parameters its text is replaced by a comment that says why.
 */
export function maskNoEchoDefaults(body: string, stackName: string): { body: string; noEcho: string[] } {
  const doc = parseDocument(body);
  if (doc.value === undefined || doc.diagnostics.some((d) => d.fatal)) {
    if (!body.includes('NoEcho')) return { body, noEcho: [] };
    const name = printable(stackName).replace(/[\r\n]/g, ' ');
    return { body: `# pillars-lint: the template of stack ${name} does not parse and declares NoEcho parameters, so its text is not shown\n`, noEcho: [] };
  }
  const parameters = (doc.value as { Parameters?: unknown } | null)?.Parameters;
  if (!parameters || typeof parameters !== 'object') return { body, noEcho: [] };
  const noEcho: string[] = [];
  const ranges: Array<{ start: number; end: number }> = [];
  for (const [name, parameter] of Object.entries(parameters)) {
    if (!parameter || typeof parameter !== 'object' || !('NoEcho' in parameter)) continue;
    // Anything but an explicit false hides the value, as CloudFormation would if it accepted it.
    const flag = (parameter as { NoEcho: unknown }).NoEcho;
    if (flag === false || (typeof flag === 'string' && flag.toLowerCase() === 'false')) continue;
    noEcho.push(name);
    const at = doc.locations.get(['Parameters', name, 'Default']);
    if (at) ranges.push({ start: at.start, end: at.end });
  }
  if (!ranges.length) return { body, noEcho };
  ranges.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const { start, end } of ranges) {
    if (start < from) continue;
    const lines = body.slice(start, end).split('\n').length - 1;
    out += body.slice(from, start) + `"${MASK}"` + '\n'.repeat(lines);
    from = end;
  }
  return { body: out + body.slice(from), noEcho };
}

/**
 * A file name for a stack's name, which comes from the server: only letters, digits, `.`, `_` and `-` (no path
 * separators, `..` or control characters), no leading dot or dash, no device name Windows reserves, at most 128
 * characters (CloudFormation's own limit).
 */
export function safeStackFileName(name: string): string {
  let stem = name
    .slice(0, 128)
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.-]+/, '');
  if (stem === '') stem = 'stack';
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(stem)) stem = `_${stem}`;
  return stem;
}

/** Free names tried for one stack before giving up (NAME-2 … NAME-99). */
const MAX_NAME_TRIES = 99;

/**
 * Beside the report, so SARIF regions point into a file a viewer can open: `<report dir>/<safe name>.template.yaml`.
 * An existing file is never overwritten: one with the same text is reused (a rerun), else the next free name
 * `<safe name>-2.template.yaml`… is taken. `taken` holds the files this run wrote, which no other stack may reuse.
 */
function writeTemplate(stack: DeployedStack, dir: string, taken: Set<string>): void {
  const extension = /^\s*[{[]/.test(stack.body) ? 'json' : 'yaml';
  const stem = safeStackFileName(stack.name);
  const shown = (file: string) => relativeInside(file, process.cwd()) ?? file;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StackError(`cannot create ${shown(dir)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const file = path.resolve(dir, `${stem}${n === 1 ? '' : `-${n}`}.template.${extension}`);
    if (taken.has(file)) continue;
    try {
      // 'wx': create only, so neither an existing file nor a symlink planted there is written through.
      writeFileSync(file, stack.body, { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && !sameText(file, stack.body)) continue;
      if (code !== 'EEXIST') throw new StackError(`cannot write ${shown(file)}: ${code ?? (error as Error).message}`);
    }
    taken.add(file);
    stack.file = file;
    return;
  }
  throw new StackError(
    `cannot write the template of stack ${printable(stack.name)}: ${shown(path.resolve(dir, stem))}.template.${extension} and ${MAX_NAME_TRIES - 1} other names are taken`,
  );
}

/** A regular file (not a link) that already holds this text. */
function sameText(file: string, text: string): boolean {
  try {
    const stat = lstatSync(file);
    return stat.isFile() && stat.size === Buffer.byteLength(text) && readFileSync(file, 'utf8') === text;
  } catch {
    return false;
  }
}

/**
 * The SDK writes advice to the console (e.g. that --profile wins over AWS_ACCESS_KEY_ID in the environment, which
 * is what --profile asks for); the report and its one-line errors are what this command prints.
 */
class QuietLogger {
  debug(): void {}
  info(): void {}
  warn(): void {}
  error(): void {}
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);
const REFUSED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** The SDK's errors as one line that says what to do; the server's text comes out printable and clipped. */
export function describeError(error: unknown, region: string, profile: string | undefined, stack?: string): string {
  const e = error as { name?: string; code?: string; message?: string; $retryable?: { throttling?: boolean } };
  const name = printable(typeof e?.name === 'string' ? e.name : '', 80);
  const message = printable(firstLine(typeof e?.message === 'string' ? e.message : String(error)));
  const which = stack === undefined ? undefined : printable(stack, 200);
  if (name === 'CredentialsProviderError' || (/could not load credentials/i.test(message) && !e.code)) {
    const from = profile ? `for profile ${printable(profile, 200)}` : 'found';
    return `no AWS credentials ${from} (${message.replace(/\.$/, '')}): set up a profile, environment variables or SSO`;
  }
  if (error instanceof DeadlineError || name === 'TimeoutError' || name === 'AbortError') {
    const budget = error instanceof DeadlineError ? ` within ${error.ms / 1000} s` : '';
    return `CloudFormation in ${region} did not answer${which ? ` for stack ${which}` : ''}${budget}: check the network, or set ${TIMEOUT_VARIABLE} (seconds) to wait longer`;
  }
  if (name === 'ValidationError' && which && /does not exist/i.test(message)) return `stack ${which} does not exist in ${region}`;
  if (THROTTLING.has(name) || e?.$retryable?.throttling) {
    return `CloudFormation kept throttling the requests (${name || 'throttled'}) after the SDK's retries: try again later, or lint fewer stacks at once`;
  }
  if (REFUSED.has(name)) return `AWS refused the request${which ? ` for stack ${which}` : ''} (${name}): ${message}`;
  if (/Region is missing/i.test(message)) return 'no AWS region: pass --region, set AWS_REGION, or give the profile a region';
  const code = e?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  if (code && NETWORK.has(code)) return `cannot reach CloudFormation in ${region} (${code})`;
  return `cannot read ${which ? `stack ${which}` : 'the stacks'} in ${region}: ${name ? `${name}: ` : ''}${message}`;
}

function firstLine(text: string): string {
  // Clipped first: the split and trim need not walk a megabyte of error text.
  return text
    .slice(0, 4 * MAX_MESSAGE)
    .split(/\r?\n/)[0]!
    .trim();
}

/** Control, bidirectional and line-separator characters a terminal would act on. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from the server (a stack name, an error message) made safe for one line of stderr: escaped and clipped. */
export function printable(text: string, max = MAX_MESSAGE): string {
  const clip = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  return clip(clip(text).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
