import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;

/** The project's home: package.json's homepage is the one place the URL lives (SARIF, help links, docs). */
export const PROJECT_URL: string = pkg.homepage.replace(/#.*$/, '');

/** A built-in rule's documentation page. */
export function ruleDocsUrl(id: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${id}.md`;
}
