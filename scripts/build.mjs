#!/usr/bin/env node
// Bundles the CLI and the public API into single files: one file to load means a fast cold start.
// The config validator and the AWS SDK stay external: they are imported only when a run needs them.
//
// The GitHub Action (action/index.js) is bundled with everything it needs, because the runner has no
// node_modules. It is committed, so only `npm run build` (or plain `node scripts/build.mjs`) rewrites it:
// `npm ci`'s prepare step and the test suite's setup leave it alone, and a test checks it is up to date.
// `--action-outfile FILE` builds only the action bundle, into FILE.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'action-outfile': { type: 'string' } } });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ajv', 'ajv-formats', '@aws-sdk/*'],
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's "main" is a UMD build that esbuild cannot bundle; its ESM build can.
  mainFields: ['module', 'main'],
};

export const actionOptions = {
  ...common,
  entryPoints: ['src/action/main.ts'],
  // The bundle must run from a checkout of this repository without node_modules. The action lints files
  // only, so the AWS SDK (deployed stacks, imported on demand) is never loaded and stays out.
  external: ['@aws-sdk/*'],
  // The bundled CommonJS packages (ajv) call require() for Node's built-ins, which ESM lacks.
  banner: { js: "import { createRequire as __plCreateRequire } from 'node:module';\nconst require = __plCreateRequire(import.meta.url);" },
  legalComments: 'eof',
};

if (values['action-outfile'] !== undefined) {
  await build({ ...actionOptions, outfile: values['action-outfile'] });
} else {
  await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' });
  await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
  chmodSync('dist/cli.js', 0o755);
  const automatic = process.env.npm_lifecycle_event === 'prepare' || process.env.VITEST !== undefined;
  if (!automatic) await build({ ...actionOptions, outfile: 'action/index.js' });
}
