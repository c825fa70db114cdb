#!/usr/bin/env node
// Bundles the CLI and the public API into single files: one file to load means a fast cold start.
// The config validator and the AWS SDK stay external: they are imported only when a run needs them.
//
// The GitHub Action (action/index.js) is bundled with everything it needs, because the runner has no
// node_modules. It is committed, so only `npm run build` (or plain `node scripts/build.mjs`) rewrites it:
// `npm ci`'s prepare step and the test suite's setup leave it alone, and a test checks it is up to date.
// `--action-outfile FILE` builds only the action bundle, into FILE; `--declarations` only the type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'action-outfile': { type: 'string' }, declarations: { type: 'boolean' } } });

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

if (values.declarations) {
  declarations();
} else if (values['action-outfile'] !== undefined) {
  await build({ ...actionOptions, outfile: values['action-outfile'] });
} else {
  await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' });
  await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
  await build({ ...common, entryPoints: ['src/testing/index.ts'], outfile: 'dist/testing.js' });
  // The worker threads of --jobs load this file beside the bundle that starts them (src/engine/parallel.ts).
  await build({ ...common, entryPoints: ['src/engine/worker.ts'], outfile: 'dist/worker.js' });
  chmodSync('dist/cli.js', 0o755);
  const automatic = process.env.npm_lifecycle_event === 'prepare' || process.env.VITEST !== undefined;
  if (!automatic) await build({ ...actionOptions, outfile: 'action/index.js' });
  // Declarations for the package's users (types and exports in package.json): the test suite does not need them.
  if (process.env.VITEST === undefined) declarations();
}

/** dist/types: tsc's declarations of the public API, with the sources' `.ts` import paths made `.js` for consumers. */
function declarations() {
  rmSync('dist/types', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.d.ts')) writeFileSync(file, readFileSync(file, 'utf8').replace(/(from\s+['"]\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1.js$2'));
    }
  };
  walk('dist/types');
}
