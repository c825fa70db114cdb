// YAML templates: js-yaml's event parser (re-parsed leniently where PyYAML is lenient), then one walk over the events
// that builds the value and every node's location. The parts, by job:
//   yaml/tags.ts     CloudFormation short-form tags and YAML's standard tags
//   yaml/scalars.ts  plain scalars resolved as PyYAML (YAML 1.1) does
//   yaml/walker.ts   events → value, locations and diagnostics
//   yaml/lenient.ts  the re-indenting re-parse and its offset map
import { YAMLException } from 'js-yaml';
import { computeLineStarts } from './locate.ts';
import { NodeLocations } from './locations.ts';
import { MAX_DEPTH } from './shared.ts';
import type { ParseDiagnostic, ParsedDocument } from './types.ts';
import { offsetMapper, parseEventsLenient } from './yaml/lenient.ts';
import { Walker } from './yaml/walker.ts';

export { MAX_DEPTH, setOwn } from './shared.ts';
export { resolvePlainScalar } from './yaml/scalars.ts';
export { ALIAS_NODE_BUDGET } from './yaml/walker.ts';

function stripBom(source: string): string {
  return source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
}

export function parseYaml(input: string): ParsedDocument {
  const source = stripBom(input);
  const lineStarts = computeLineStarts(source);
  const parsed = parseEventsLenient(source);
  if ('error' in parsed) {
    const err = parsed.error;
    const position = err instanceof YAMLException && err.mark ? parsed.map(err.mark.position) : 0;
    let reason = err instanceof YAMLException ? err.reason : String((err as Error)?.message ?? err);
    if (reason === 'deficient indentation' && source.slice(position).trim() === '') {
      reason = 'unexpected end of input inside a quoted scalar or flow collection (is a closing quote or bracket missing?)';
    }
    const start = Math.max(0, Math.min(position, source.length));
    const end = Math.min(start + 1, source.length);
    const depth = reason.startsWith('nesting exceeded maxDepth');
    const diagnostic: ParseDiagnostic = depth
      ? { code: 'DEPTH_LIMIT', message: `Nesting deeper than ${MAX_DEPTH} levels is not supported`, start, end, fatal: true }
      : { code: 'YAML_SYNTAX', message: `YAML syntax error: ${reason}`, start, end, fatal: true };
    return { format: 'yaml', value: undefined, source, lineStarts, locations: new NodeLocations(), diagnostics: [diagnostic] };
  }
  const walker = new Walker(parsed.text, parsed.events);
  walker.run();
  if (parsed.inserts.length > 0) {
    const map = offsetMapper(parsed.inserts);
    walker.locations.mapOffsets(map);
    for (const d of walker.diagnostics) {
      d.start = map(d.start);
      d.end = map(d.end);
    }
  }
  return {
    format: 'yaml',
    value: walker.root,
    source,
    lineStarts,
    locations: walker.locations,
    diagnostics: walker.diagnostics,
  };
}
