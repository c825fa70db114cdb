import type { Formatter } from './types.ts';

export type { FormatOptions, Formatter } from './types.ts';

export const FORMATS = ['stylish', 'sarif', 'json', 'compact', 'github', 'markdown', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

// Dynamic imports so the CLI loads only the formatter it uses.
const loaders: Record<FormatName, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.ts'),
  sarif: () => import('./sarif.ts'),
  json: () => import('./json.ts'),
  compact: () => import('./compact.ts'),
  github: () => import('./github.ts'),
  markdown: () => import('./markdown.ts'),
  junit: () => import('./junit.ts'),
};

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export async function getFormatter(name: string): Promise<Formatter> {
  if (!isFormatName(name)) {
    throw new Error(`Unknown format "${name}". Valid formats: ${FORMATS.join(', ')}.`);
  }
  return (await loaders[name]()).default;
}
