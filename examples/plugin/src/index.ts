// The plugin: its name (rules are named queues/<rule-id>), its rules, and a preset that turns them on.
import type { Plugin } from 'pillars-lint';
import sqsRetentionPeriod from './sqs-retention-period.js';

const plugin: Plugin = {
  name: 'queues',
  rules: [sqsRetentionPeriod],
  presets: { recommended: ['sqs-retention-period'] },
};

export default plugin;
