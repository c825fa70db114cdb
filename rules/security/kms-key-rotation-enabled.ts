import { defineRule } from '../../src/engine/rule.ts';
import { requireValue } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';

export default defineRule({
  id: 'kms-key-rotation-enabled',
  pillar: 'security',
  level: 'warning',
  title: 'Customer managed symmetric KMS keys rotate automatically',
  rationale:
    'Automatic rotation gives a KMS key new key material every year (or the period you choose) while old material stays ' +
    'available to decrypt, so the amount of data protected by any one piece of key material stays bounded and a ' +
    'compromise of old material does not reach new data. Customer managed keys do not rotate unless asked to.',
  remediation:
    'Set `EnableKeyRotation: true` on symmetric encryption keys; `RotationPeriodInDays` (90 to 2560, default 365) sets ' +
    'the period.\n\n```yaml\nEnableKeyRotation: true\nRotationPeriodInDays: 365\n```',
  wellArchitected: ['SEC08-BP01', 'SEC09-BP01'],
  securityHub: ['KMS.4'],
  securitySeverity: '4.0',
  appliesTo: ['AWS::KMS::Key'],
  peers: {
    checkov: ['CKV_AWS_7'], // EnableKeyRotation true on symmetric keys
    cfn_nag: ['F19'], // EnableKeyRotation true
    cdk_nag: ['AwsSolutions-KMS5', 'KMSBackingKeyRotationEnabled'], // symmetric keys
    guard: ['CMK_BACKING_KEY_ROTATION_ENABLED'],
  },
  messages: {
    notRotated: 'KMS key {{logicalId}} never rotates its key material: EnableKeyRotation is {{state}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  DataKey:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      Description: Encrypts the orders table and its backups',
      '      KeyPolicy:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      "            Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'}",
      '            Action: kms:*',
      '            Resource: "*"',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  DataKey:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      Description: Encrypts the orders table and its backups',
      '      EnableKeyRotation: true',
      '      RotationPeriodInDays: 365',
      '      KeyPolicy:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      "            Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'}",
      '            Action: kms:*',
      '            Resource: "*"',
    ].join('\n'),
    notes:
      'Only symmetric encryption keys can rotate automatically: keys with a `KeySpec` other than `SYMMETRIC_DEFAULT` ' +
      '(asymmetric RSA, ECC and SM2 keys, HMAC keys) and keys with imported key material (`Origin: EXTERNAL`) are not ' +
      'applicable, as AWS KMS refuses rotation for them. A multi-Region primary key is checked like any key; its ' +
      'replicas (`AWS::KMS::ReplicaKey`) take their rotation from the primary and have no setting of their own. ' +
      'AWS managed keys rotate every year by themselves and are not in templates. A value only known at deploy time ' +
      '(an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(key, ctx) {
    for (const [spec, origin] of ctx.each(ctx.value(key, ['Properties', 'KeySpec']), ctx.value(key, ['Properties', 'Origin']))) {
      if (!ctx.known(spec, 'KeySpec') || !ctx.known(origin, 'Origin')) continue;
      // Rotation exists only for symmetric encryption keys whose material KMS made (both the defaults).
      if (spec.kind === 'literal' && asString(spec) !== 'SYMMETRIC_DEFAULT') continue;
      if (origin.kind === 'literal' && asString(origin) !== 'AWS_KMS') continue;
      requireValue(ctx, key, {
        path: ['Properties', 'EnableKeyRotation'],
        what: 'EnableKeyRotation',
        ok: (v) => asBoolean(v) === true,
        messageId: 'notRotated',
        absent: 'the default is false',
        because: [spec, origin],
        fix: { text: 'true', description: 'Turn on automatic key rotation' },
      });
    }
  },
});
