// Facts about CloudFormation resource types that rules need and a template does not say: which property holds a type's
// tags, which properties it requires. They come from data/resource-facts.json, which scripts/resource-facts.mjs
// generates from @aws-cdk/aws-service-spec; the static import puts them in the bundle, so no file is read at run time.
import data from '../../data/resource-facts.json' with { type: 'json' };

/** What the data knows about one resource type. */
export interface ResourceTypeFacts {
  /** The property that holds the type's tags; absent when the type cannot be tagged. */
  readonly tags?: string;
  /**
   * How that property holds them: absent for a list of `{Key, Value}` (Auto Scaling groups add PropagateAtLaunch),
   * 'map' for a `{key: value}` map, 'other' for any other shape (a launch template's TagSpecifications).
   */
  readonly tagForm?: 'map' | 'other';
  /** The properties the type requires; absent when it requires none. */
  readonly required?: readonly string[];
}

interface FactsFile {
  /** The package the facts come from, or a note that they were made by hand. */
  readonly source: string;
  /** The package's version and release date (null for facts made by hand). */
  readonly version: string | null;
  readonly date: string | null;
  readonly types: Readonly<Record<string, ResourceTypeFacts>>;
}

const facts: FactsFile = data as FactsFile;

/** What the data knows about a resource type; undefined for a type it does not list (newer than the data, or custom). */
export function resourceFacts(type: string): ResourceTypeFacts | undefined {
  return Object.hasOwn(facts.types, type) ? facts.types[type] : undefined;
}
