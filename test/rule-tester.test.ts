// The RuleTester of pillars-lint/testing: exact expectations, and a table that is itself checked (duplicates,
// undeclared message ids, invalid cases that expect nothing).
import { describe, expect, it } from 'vitest';
import { verifyCase, RuleTester } from '../src/testing/index.ts';
import { rules } from '../rules/index.ts';

const rule = rules.find((r) => r.id === 'rds-deletion-protection-enabled')!;
const unprotected = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      DeletionProtection: false\n';
const protectedDb = unprotected.replace('false', 'true');

describe('verifyCase', () => {
  it('passes a valid case without findings and an invalid one with exactly the expected findings', () => {
    expect(verifyCase(rule, { code: protectedDb })).toEqual([]);
    expect(verifyCase(rule, { code: unprotected, errors: [{ messageId: 'unprotected', line: 6, column: 27, level: 'warning', logicalId: 'Db' }] })).toEqual([]);
    expect(verifyCase(rule, { code: unprotected, errors: [{ messageId: 'unprotected', message: /can be deleted by a single API call/ }] })).toEqual([]);
  });

  it('says what differs: the count, the message id, the place, the level, the message', () => {
    expect(verifyCase(rule, { code: unprotected })[0]).toMatch(
      /^expected 0 finding\(s\) of rds-deletion-protection-enabled, got 1:\n {2}6:27 warning unprotected Db:/,
    );
    const wrong = verifyCase(rule, { code: unprotected, errors: [{ messageId: 'unprotected', line: 5, column: 1, level: 'error', message: 'nope' }] });
    expect(wrong).toEqual([
      expect.stringMatching(/: line is 6, expected 5$/),
      expect.stringMatching(/: column is 27, expected 1$/),
      expect.stringMatching(/: level is warning, expected error$/),
      expect.stringMatching(/: message differs, expected "nope"$/),
    ]);
    expect(verifyCase(rule, { code: 'Resources: [' })[0]).toMatch(/^the template does not parse/);
  });

  it('takes the rule options and parameters of a case', () => {
    const backups = rules.find((r) => r.id === 'rds-automated-backups-enabled')!;
    const db =
      'Parameters:\n  Days: {Type: Number, Default: 3}\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: mysql, BackupRetentionPeriod: !Ref Days}\n';
    expect(verifyCase(backups, { code: db, options: { minRetentionDays: 3 } })).toEqual([]);
    expect(verifyCase(backups, { code: db, parameters: { Days: '7' } })).toEqual([]);
  });
});

describe('RuleTester.run', () => {
  const registered: string[] = [];
  const collect = () => {
    RuleTester.describe = (name, fn) => {
      registered.push(`describe ${name}`);
      fn();
    };
    RuleTester.it = (name) => {
      registered.push(`it ${name}`);
    };
  };

  it('registers one test per case, named after the case', () => {
    collect();
    new RuleTester().run(rule, {
      valid: [{ name: 'protected', code: protectedDb }],
      invalid: [{ name: 'unprotected', code: unprotected, errors: [{ messageId: 'unprotected' }] }],
    });
    expect(registered).toEqual(['describe rds-deletion-protection-enabled', 'describe valid', 'it protected', 'describe invalid', 'it unprotected']);
  });

  it('rejects a table with duplicates, undeclared message ids or an invalid case that expects nothing', () => {
    collect();
    const tester = new RuleTester();
    expect(() => tester.run(rule, { valid: [protectedDb, protectedDb], invalid: [] })).toThrow(/duplicate case/);
    expect(() => tester.run(rule, { valid: [], invalid: [{ code: unprotected, errors: [{ messageId: 'nope' }] }] })).toThrow(
      /expects messageId "nope", which the rule does not declare/,
    );
    expect(() => tester.run(rule, { valid: [], invalid: [{ code: unprotected, errors: [] }] })).toThrow(/expects no finding/);
  });
});
