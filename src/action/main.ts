// Entry of the GitHub Action (bundled to action/index.js). The runner starts it with `node action/index.js`
// in GITHUB_WORKSPACE; a non-zero exit code fails the step.
import { runAction } from './run.ts';

process.exitCode = await runAction(process.env);
