export type Paint = (text: string) => string;

export interface Colors {
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  green: Paint;
  dim: Paint;
  bold: Paint;
  underline: Paint;
}

const identity: Paint = (text) => text;

// Each style closes with its own reset code so nested styles keep working.
function sgr(open: number, close: number): Paint {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    return { red: identity, yellow: identity, cyan: identity, green: identity, dim: identity, bold: identity, underline: identity };
  }
  return {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    green: sgr(32, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
    underline: sgr(4, 24),
  };
}
