#!/usr/bin/env node
// Writes data/resource-facts.json, the facts about CloudFormation resource types that rules read through
// src/template/resource-facts.ts (which property holds a type's tags, which properties it requires), from the database
// of @aws-cdk/aws-service-spec. The package is a dev dependency: its facts are compacted here, once per spec update, so
// that neither the package nor its database ships or loads at run time.
//
//   node scripts/resource-facts.mjs [--spec DIR] [--date YYYY-MM-DD] [--out FILE]
//
// --spec is the package's folder (default node_modules/@aws-cdk/aws-service-spec). The spec's version comes from its
// package.json; its release date from --date, else from `npm view` (one registry call for that package). --out is for
// tests (default data/resource-facts.json).
//
// The database, db.json.gz, is a saved @cdklabs/tskb database: {idCtr, schema: {resource: {type: 'entities', entities},
// typeDefinition: {...}, ...}}, where `entities` is an array of entities with an `$id` (a record by id in older
// releases). A resource has `cloudFormationType`, `properties` ({Name: {type, required?}}) and, when CloudFormation can
// tag it, `tagInformation` ({tagPropertyName, variant}). A property type is {type: 'string' | 'json' | 'tag' | ...},
// {type: 'array' | 'map', element}, {type: 'ref', reference: {$ref: typeDefinition id}} or {type: 'union', types}.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const PACKAGE = '@aws-cdk/aws-service-spec';
/** What the file's fields mean, written into it for whoever opens it. */
const FORMAT =
  'types: CloudFormation resource type (SAM included) -> {tags: the property that holds its tags, absent when it cannot be ' +
  'tagged; tagForm: "map" when they are a {key: value} map, "other" when neither that nor a [{Key, Value}] list (which ' +
  'is meant when tagForm is absent); required: the properties it requires, absent when none}';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { spec: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(root, 'data/resource-facts.json'));
const specDir = path.resolve(values.spec ?? path.join(root, 'node_modules', PACKAGE));

const fail = (message) => {
  console.error(`resource-facts: ${message}`);
  process.exit(1);
};

if (!existsSync(path.join(specDir, 'db.json.gz'))) {
  fail(`no ${path.join(specDir, 'db.json.gz')}: install the spec first (npm install --save-dev --save-exact ${PACKAGE})`);
}
const { version } = JSON.parse(readFileSync(path.join(specDir, 'package.json'), 'utf8'));
const date = values.date ?? releaseDate(version);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`the date must be YYYY-MM-DD, not ${date}`);

const db = JSON.parse(gunzipSync(readFileSync(path.join(specDir, 'db.json.gz'))).toString('utf8'));
const entities = (collection) => Object.values(db.schema?.[collection]?.entities ?? {});
const typeDefinitions = new Map(entities('typeDefinition').map((t) => [t.$id, t]));

const types = {};
for (const resource of entities('resource')) {
  const type = resource.cloudFormationType;
  if (typeof type !== 'string') continue;
  if (Object.hasOwn(types, type)) fail(`${type} is in the database twice`);
  const facts = {};
  const tagProperty = resource.tagInformation?.tagPropertyName;
  const tagType = tagProperty && resource.properties?.[tagProperty]?.type;
  if (tagType) {
    facts.tags = tagProperty;
    // The form is read from the property's type: the variant says how CDK tags it, and a taggable type may keep its
    // tags in another shape altogether (a launch template's TagSpecifications).
    const form = tagForm(tagType);
    if (form !== 'list') facts.tagForm = form;
  } else if (tagProperty) {
    console.warn(`resource-facts: ${type} is taggable by ${tagProperty}, which is not one of its properties: left out`);
  }
  const required = Object.entries(resource.properties ?? {})
    .filter(([, p]) => p.required === true)
    .map(([name]) => name)
    .sort();
  if (required.length) facts.required = required;
  types[type] = facts;
}
const names = Object.keys(types).sort();
if (names.length === 0) fail(`no resource types in ${specDir}/db.json.gz: has the database's layout changed?`);

report(names);
const lines = names.map((name, i) => `    ${JSON.stringify(name)}: ${JSON.stringify(types[name])}${i < names.length - 1 ? ',' : ''}`);
writeFileSync(
  out,
  [
    '{',
    `  "source": ${JSON.stringify(PACKAGE)},`,
    `  "version": ${JSON.stringify(version)},`,
    `  "date": ${JSON.stringify(date)},`,
    `  "format": ${JSON.stringify(FORMAT)},`,
    '  "types": {',
    ...lines,
    '  }',
    '}',
    '',
  ].join('\n'),
);
console.log(`wrote ${path.relative(root, out)}: ${PACKAGE} ${version} (${date})`);

/** How a tag property holds its tags: 'list' ([{Key, Value}], also with PropagateAtLaunch), 'map' ({key: value}), or 'other'. */
function tagForm(type) {
  if (type.type === 'union') {
    const forms = type.types.map(tagForm);
    return forms.find((f) => f === 'list') ?? forms.find((f) => f === 'map') ?? 'other';
  }
  if (type.type === 'map' || type.type === 'json') return 'map';
  if (type.type !== 'array') return 'other';
  const element = type.element;
  if (element.type === 'tag') return 'list';
  if (element.type !== 'ref') return 'other';
  const properties = typeDefinitions.get(element.reference?.$ref)?.properties ?? {};
  return 'Key' in properties && 'Value' in properties ? 'list' : 'other';
}

/** The release date of this version of the spec, from the npm registry. */
function releaseDate(version) {
  try {
    const time = JSON.parse(execFileSync('npm', ['view', PACKAGE, 'time', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' }));
    if (typeof time[version] === 'string') return time[version].slice(0, 10);
  } catch {}
  return fail(`cannot find the release date of ${PACKAGE} ${version} with npm view: give it with --date YYYY-MM-DD`);
}

/** What changed for the tag rule since the file this one replaces, so that a spec update is reviewed, not just taken. */
function report(names) {
  let previous = {};
  try {
    previous = JSON.parse(readFileSync(out, 'utf8')).types ?? {};
  } catch {}
  const readable = (facts) => (facts?.tags && facts.tagForm !== 'other' ? facts.tags : undefined);
  const taggable = names.filter((n) => types[n].tags);
  console.log(`${names.length} resource types, ${taggable.length} taggable:`);
  console.log(`  ${taggable.filter((n) => types[n].tags !== 'Tags').length} by a property other than Tags,`);
  console.log(`  ${taggable.filter((n) => types[n].tagForm === 'map').length} as a {key: value} map,`);
  console.log(`  ${taggable.filter((n) => types[n].tagForm === 'other').length} in another shape (not read by rules).`);
  const lost = Object.keys(previous).filter((n) => readable(previous[n]) && !readable(types[n]));
  const moved = Object.keys(previous).filter((n) => readable(previous[n]) && readable(types[n]) && readable(previous[n]) !== readable(types[n]));
  if (lost.length) console.log(`No longer read as taggable (cfn-resource-required-tags stops checking them unless they write Tags): ${lost.join(', ')}`);
  if (moved.length) console.log(`Tagged by another property than before: ${moved.map((n) => `${n} (${readable(types[n])})`).join(', ')}`);
}
