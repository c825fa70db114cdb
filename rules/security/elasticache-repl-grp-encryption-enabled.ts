import { defineRule } from '../../src/engine/rule.ts';
import { requireValue, stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';

const GROUP = 'AWS::ElastiCache::ReplicationGroup';
const CLUSTER = 'AWS::ElastiCache::CacheCluster';
const on = { text: 'true', description: 'Turn on encryption' };

export default defineRule({
  id: 'elasticache-repl-grp-encryption-enabled',
  pillar: 'security',
  level: 'warning',
  title: 'ElastiCache replication groups encrypt at rest and in transit',
  rationale:
    'Without at-rest encryption, cached data, backups and snapshots are stored in the clear; without in-transit encryption, ' +
    'every command and value (sessions, tokens, personal data) crosses the network unencrypted, and an AUTH token or RBAC ' +
    'user cannot be used. Both are off unless the template turns them on, and at-rest encryption can only be chosen when ' +
    'the group is created.',
  remediation:
    'Set `AtRestEncryptionEnabled: true` (optionally with a customer managed `KmsKeyId`) and `TransitEncryptionEnabled: true` ' +
    'on the replication group; on a Memcached cluster (1.6.12 or later), set `TransitEncryptionEnabled: true`. Clients must ' +
    'then connect with TLS.\n\n' +
    '```yaml\nAtRestEncryptionEnabled: true\nTransitEncryptionEnabled: true\nKmsKeyId: !Ref CacheKey   # optional\n```',
  wellArchitected: ['SEC08-BP02', 'SEC09-BP02'],
  securityHub: ['ElastiCache.4', 'ElastiCache.5'],
  securitySeverity: '5.5',
  appliesTo: [GROUP, CLUSTER],
  peers: {
    checkov: [
      { id: 'CKV_AWS_29', messages: ['atRest'] }, // replication group AtRestEncryptionEnabled
      { id: 'CKV_AWS_30', messages: ['transit', 'transitPreferred'] }, // replication group TransitEncryptionEnabled
    ],
    cfn_nag: [
      { id: 'F25', messages: ['atRest'] }, // replication group at rest
      { id: 'F33', messages: ['transit'] }, // replication group in transit
    ],
    // AEC3: a replication group without both halves.
    cdk_nag: [{ id: 'AwsSolutions-AEC3', messages: ['atRest', 'transit'] }],
    guard: [
      { id: 'ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST', messages: ['atRest'] },
      { id: 'ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT', messages: ['transit'] },
    ],
  },
  messages: {
    atRest: 'Replication group {{logicalId}} stores its data, backups and snapshots unencrypted: AtRestEncryptionEnabled is {{state}}.',
    transit: 'Replication group {{logicalId}} sends its traffic unencrypted: TransitEncryptionEnabled is {{state}}.',
    transitPreferred:
      'Replication group {{logicalId}} accepts unencrypted connections as well as TLS: TransitEncryptionMode is "preferred" (set it to "required" once every client uses TLS).',
    clusterTransit: '{{engine}} cache cluster {{logicalId}} sends its traffic unencrypted: TransitEncryptionEnabled is {{state}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  SessionCache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: user sessions',
      '      Engine: valkey',
      '      CacheNodeType: cache.r7g.large',
      '      NumCacheClusters: 2',
      '      AutomaticFailoverEnabled: true',
      '      CacheSubnetGroupName: private-cache-subnets',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SessionCache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: user sessions',
      '      Engine: valkey',
      '      CacheNodeType: cache.r7g.large',
      '      NumCacheClusters: 2',
      '      AutomaticFailoverEnabled: true',
      '      CacheSubnetGroupName: private-cache-subnets',
      '      AtRestEncryptionEnabled: true',
      '      TransitEncryptionEnabled: true',
    ].join('\n'),
    notes:
      'Replication groups (Redis OSS and Valkey) are checked for both halves, each reported on its own; both default to ' +
      'false. `TransitEncryptionMode: preferred` (the step used while migrating clients to TLS) is a note. A cache cluster ' +
      'that is not part of a replication group is checked for `TransitEncryptionEnabled` only (at-rest encryption does ' +
      'not exist for it); Memcached supports it from engine version 1.6.12. Not applicable: cache clusters with ' +
      '`ReplicationGroupId` (the group decides), replication groups joining a global datastore (`GlobalReplicationGroupId`, ' +
      'whose primary decides) or built from an existing cluster (`PrimaryClusterId`), and serverless caches, which are ' +
      'always encrypted. A value only known at deploy time (an import, a parameter without a Default) is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(cache, ctx) {
    const prop = (name: string) => ctx.value(cache, ['Properties', name]);
    if (cache.type === GROUP) {
      for (const [global, primary] of ctx.each(prop('GlobalReplicationGroupId'), prop('PrimaryClusterId'))) {
        // Settings come from the global datastore's primary, or from the existing cluster the group is built on.
        if (isSet(global) || isSet(primary)) continue;
        const because = [global, primary];
        requireValue(ctx, cache, {
          path: ['Properties', 'AtRestEncryptionEnabled'],
          what: 'AtRestEncryptionEnabled',
          ok: (v) => asBoolean(v) === true,
          messageId: 'atRest',
          absent: 'the default is false',
          because,
          fix: on,
        });
        for (const [transit, mode] of ctx.each(prop('TransitEncryptionEnabled'), prop('TransitEncryptionMode'))) {
          if (!ctx.each([transit, mode], because).length) continue;
          if (!ctx.known(transit, 'TransitEncryptionEnabled')) continue;
          if (asBoolean(transit) !== true) {
            ctx.report({
              messageId: 'transit',
              at: transit,
              because: [...because, mode],
              data: { state: stateText(transit, 'the default is false') },
              fix: transit.kind === 'literal' ? on : undefined,
            });
          } else if (ctx.known(mode, 'TransitEncryptionMode') && asString(mode)?.toLowerCase() === 'preferred') {
            ctx.report({
              messageId: 'transitPreferred',
              level: 'note',
              at: mode,
              because: [...because, transit],
              fix: { text: 'required', description: 'Require TLS' },
            });
          }
        }
      }
      return;
    }
    for (const [group, engine] of ctx.each(prop('ReplicationGroupId'), prop('Engine'))) {
      if (isSet(group)) continue; // a member: its replication group is checked
      if (!ctx.known(engine, 'Engine')) continue;
      const name = asString(engine)?.toLowerCase();
      const label = name === 'memcached' ? 'Memcached' : name === 'valkey' ? 'Valkey' : name === 'redis' ? 'Redis OSS' : 'The';
      requireValue(ctx, cache, {
        path: ['Properties', 'TransitEncryptionEnabled'],
        what: 'TransitEncryptionEnabled',
        ok: (v) => asBoolean(v) === true,
        messageId: 'clusterTransit',
        data: { engine: label },
        absent: 'the default is false',
        because: [group, engine],
        fix: on,
      });
    }
  },
});
