// The instance and node-class facts shared by the current-generation and Graviton rules: every family is classified,
// names what to move to where a move exists, and the rules read these tables (not lists of their own).
import { describe, expect, it } from 'vitest';
import ec2CurrentGeneration from '../rules/cost-optimization/ec2-instance-type-current-generation.ts';
import {
  EC2_FAMILIES,
  ELASTICACHE_FAMILIES,
  FACTS_DATE,
  familyFacts,
  familyOf,
  familyTable,
  olderFamilies,
  previousGenerationFamilies,
  RDS_FAMILIES,
  type Service,
} from '../src/rule-helpers/instance-families.ts';
import { lintFile } from '../src/engine/lint.ts';
import { lintCase } from '../src/testing/index.ts';

const SERVICES: Service[] = ['ec2', 'rds', 'elasticache'];
/** The Graviton family test of the catalog: a1, or a processor suffix `g` after the generation digit (m7g, c7gn, x2gd). */
const GRAVITON_NAME = /^(a1|[a-z]+[0-9]+g[a-z0-9-]*)$/;

describe('instance-family facts', () => {
  it('are dated', () => {
    expect(FACTS_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  for (const service of SERVICES) {
    describe(service, () => {
      const table = familyTable(service);
      for (const [family, facts] of Object.entries(table)) {
        it(`${family} is classified`, () => {
          expect(family).toMatch(/^[a-z][a-z0-9-]*$/);
          expect(['current', 'previous']).toContain(facts.generation);
          expect(typeof facts.graviton).toBe('boolean');
          if (facts.graviton) {
            // A Graviton family is current, needs no equivalent, and is named like one (g5g is the one GPU family).
            expect(facts.generation).toBe('current');
            expect(facts.gravitonEquivalent).toBeUndefined();
            expect(family).toMatch(GRAVITON_NAME);
          } else {
            // Every other family says which Graviton family does its job, or that none does (null).
            expect(facts.gravitonEquivalent === null || typeof facts.gravitonEquivalent === 'string').toBe(true);
            if (facts.gravitonEquivalent) {
              const equivalent = familyFacts(service, `${facts.gravitonEquivalent}.large`);
              expect(equivalent?.graviton, `${family} → ${facts.gravitonEquivalent}`).toBe(true);
              expect(equivalent?.generation).toBe('current');
            }
          }
          if (facts.generation === 'previous' || facts.older) {
            expect(facts.successors?.length).toBeGreaterThan(0);
            for (const successor of facts.successors ?? []) {
              const next = familyFacts(service, `${successor}.large`);
              expect(next, `${family} → ${successor}`).toBeDefined();
              expect(next?.generation).toBe('current');
              expect(next?.older).toBeUndefined();
            }
          } else {
            expect(facts.successors).toBeUndefined();
          }
          if (facts.older) expect(facts.generation).toBe('current');
        });
      }
    });
  }

  it('read the family from the type, with the service prefix', () => {
    expect(familyOf('ec2', 'm7i-flex.large')).toBe('m7i-flex');
    expect(familyOf('ec2', 'U-6TB1.112xlarge')).toBe('u-6tb1');
    expect(familyOf('rds', 'db.r5.large.tpc2.mem2x')).toBe('r5');
    expect(familyOf('rds', 'm5.large')).toBeUndefined();
    expect(familyOf('elasticache', 'cache.r7g.large')).toBe('r7g');
    expect(familyFacts('ec2', 'm5.large')?.gravitonEquivalent).toBe('m7g');
    expect(familyFacts('rds', 'db.m5.large')?.gravitonEquivalent).toBe('db.m7g');
  });

  it('leave an unknown family unknown', () => {
    expect(familyFacts('ec2', 'zz9.large')).toBeUndefined();
    // Names of Object's own members are not families either (a template could name them).
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(familyFacts('ec2', `${name}.large`)).toBeUndefined();
      expect(familyFacts('rds', `db.${name}.large`)).toBeUndefined();
    }
    expect(familyFacts('rds', 'db.serverless')).toBeUndefined();
    expect(familyFacts('elasticache', 'cache.zz9.large')).toBeUndefined();
  });

  it('leave an unknown family to --report-unknown in the rules', () => {
    const code = [
      'Resources:',
      '  Box:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      InstanceType: m99z.large',
      '      ImageId: ami-12345678',
    ].join('\n');
    const { findings } = lintFile('unknown-family.yaml', Buffer.from(code), true, [ec2CurrentGeneration], { reportUnknown: true });
    expect(findings.map((f) => [f.kind, f.message])).toEqual([['review', expect.stringContaining('"m99z"')]]);
  });

  it('are what ec2-instance-type-current-generation uses', () => {
    expect(ec2CurrentGeneration.defaultOptions).toEqual({
      previousGenerationFamilies: previousGenerationFamilies('ec2'),
      olderFamilies: olderFamilies('ec2'),
    });
    for (const family of [...previousGenerationFamilies('ec2'), ...olderFamilies('ec2')]) expect(EC2_FAMILIES[family]).toBeDefined();
    // Its message names the successors of the table.
    const code = [
      'Resources:',
      '  Box:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      InstanceType: m3.large',
      '      ImageId: ami-12345678',
    ].join('\n');
    const [finding] = lintCase(ec2CurrentGeneration, { code }).filter((f) => f.ruleId === ec2CurrentGeneration.id);
    expect(finding?.message).toContain(EC2_FAMILIES.m3!.successors!.join(' or '));
  });

  it('cover the previous-generation classes AWS lists for RDS and ElastiCache', () => {
    expect(previousGenerationFamilies('rds')).toEqual(['t1', 'm1', 'm2', 'm3', 'r3']);
    expect(previousGenerationFamilies('elasticache')).toEqual(['t1', 'm1', 'm2', 'm3', 'c1', 'r3']);
    expect(Object.keys(RDS_FAMILIES).length).toBeGreaterThan(30);
    expect(Object.keys(ELASTICACHE_FAMILIES).length).toBeGreaterThan(15);
  });
});
