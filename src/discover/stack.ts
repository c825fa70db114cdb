import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';

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
}

export interface DeployedStack {
  name: string;
  region: string;
  /** stack://REGION/NAME */
  uri: string;
  /** What the findings name: the written template when templatesDir is set, else the URI. */
  file: string;
  /** The template as submitted (GetTemplate, Original stage: before SAM and other transforms). */
  body: string;
  /** Parameter values as deployed (DescribeStacks). */
  parameters: Record<string, string>;
  /** NoEcho parameters, whose values CloudFormation shows as ****: unknown, not that text. */
  masked: string[];
}

/** A problem reaching or reading the account: one line, exit 2, like a usage error. */
export class StackError extends UsageError {}

/** Stacks with deployed resources; failed creations, deletions and change-set reviews have none to lint. */
const ACTIVE_STATUSES = [
  'CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'DELETE_FAILED',
  'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_COMPLETE', 'UPDATE_FAILED',
  'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED', 'IMPORT_IN_PROGRESS', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_IN_PROGRESS', 'IMPORT_ROLLBACK_FAILED', 'IMPORT_ROLLBACK_COMPLETE',
] as const;

/** Requests in flight at once: quick for --all-stacks without inviting throttling. */
const CONCURRENCY = 4;
const MASK = '****';

/** Fetches the templates and deployed parameter values of the stacks asked for. Errors are StackErrors with one line. */
export async function fetchStacks(options: StackOptions): Promise<DeployedStack[]> {
  // The SDK says on Node 20 that its releases after January 2027 will need Node 22; this install pins one that
  // runs on 20, so the multi-line warning would only bury the report. An explicit setting is left alone.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // About 150 ms to import, so only this path loads it.
  const sdk = await import('@aws-sdk/client-cloudformation');
  const client = new sdk.CloudFormationClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    logger: new QuietLogger(),
  });
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
      throw new StackError(describeError(error, where, options.profile, stack));
    };

    let names = [...new Set(options.names)];
    if (options.all) {
      const listed: string[] = [];
      try {
        for await (const page of sdk.paginateListStacks({ client }, { StackStatusFilter: [...ACTIVE_STATUSES] })) {
          for (const summary of page.StackSummaries ?? []) if (summary.StackName) listed.push(summary.StackName);
        }
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
          client.send(new sdk.DescribeStacksCommand({ StackName: name })),
          client.send(new sdk.GetTemplateCommand({ StackName: name, TemplateStage: 'Original' })),
        ]);
      } catch (error) {
        return fail(error, name);
      }
      const stack = described.Stacks?.[0];
      const body = template.TemplateBody;
      if (!stack || body === undefined) throw new StackError(`stack ${name} in ${region} returned no template`);
      const stackName = stack.StackName ?? name;
      const parameters: Record<string, string> = {};
      const masked: string[] = [];
      for (const p of stack.Parameters ?? []) {
        if (!p.ParameterKey || p.ParameterValue === undefined) continue;
        if (p.ParameterValue === MASK) masked.push(p.ParameterKey);
        else parameters[p.ParameterKey] = p.ParameterValue;
      }
      const uri = `stack://${region}/${stackName}`;
      return { name: stackName, region: where, uri, file: uri, body, parameters, masked };
    };

    const stacks: DeployedStack[] = new Array(names.length);
    let next = 0;
    let fetched = 0;
    const worker = async () => {
      while (next < names.length) {
        const i = next++;
        stacks[i] = await fetchOne(names[i]!);
        fetched++;
        if (options.all) options.onProgress?.(`fetched ${fetched}/${names.length} stacks (${stacks[i]!.name})`, true);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));

    if (options.templatesDir !== undefined) for (const stack of stacks) writeTemplate(stack, options.templatesDir);
    return stacks;
  } finally {
    client.destroy();
  }
}

/** Beside the report, so SARIF regions point into a file a viewer can open. */
function writeTemplate(stack: DeployedStack, dir: string): void {
  const extension = /^\s*[{[]/.test(stack.body) ? 'json' : 'yaml';
  const file = path.resolve(dir, `${stack.name}.template.${extension}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, stack.body);
  } catch (error) {
    throw new StackError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  stack.file = file;
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
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'ExpiredToken', 'ExpiredTokenException',
  'InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** The SDK's errors as one line that says what to do. */
export function describeError(error: unknown, region: string, profile: string | undefined, stack?: string): string {
  const e = error as { name?: string; code?: string; message?: string; $retryable?: { throttling?: boolean } };
  const name = e?.name ?? '';
  const message = firstLine(e?.message ?? String(error));
  if (name === 'CredentialsProviderError' || (/could not load credentials/i.test(message) && !e.code)) {
    const which = profile ? `for profile ${profile}` : 'found';
    return `no AWS credentials ${which} (${message.replace(/\.$/, '')}): set up a profile, environment variables or SSO`;
  }
  if (name === 'ValidationError' && stack && /does not exist/i.test(message)) return `stack ${stack} does not exist in ${region}`;
  if (THROTTLING.has(name) || e?.$retryable?.throttling) {
    return `CloudFormation kept throttling the requests (${name || 'throttled'}) after the SDK's retries: try again later, or lint fewer stacks at once`;
  }
  if (REFUSED.has(name)) return `AWS refused the request${stack ? ` for stack ${stack}` : ''} (${name}): ${message}`;
  if (/Region is missing/i.test(message)) return 'no AWS region: pass --region, set AWS_REGION, or give the profile a region';
  const code = e?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  if (code && NETWORK.has(code)) return `cannot reach CloudFormation in ${region} (${code})`;
  return `cannot read ${stack ? `stack ${stack}` : 'the stacks'} in ${region}: ${name ? `${name}: ` : ''}${message}`;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!.trim();
}
