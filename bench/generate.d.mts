export function generateTemplate(resources: number, options?: { encrypted?: boolean }): string;
export function unencryptedVolumes(count: number): string;
