// pillars-lint/testing: what a rule's tests need, for built-in rules and plugins alike.
export { RuleTester, lintCase, verifyCase, type Cases, type ExpectedError, type InvalidCase, type ValidCase } from './rule-tester.ts';
