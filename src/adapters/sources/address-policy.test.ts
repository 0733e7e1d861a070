import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedAddress } from './address-policy.ts';

describe('address policy', () => {
  it('refuses loopback, private, link-local, CGNAT and metadata addresses, in IPv4 and IPv6', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.31.255.1',
      '192.168.1.1',
      '169.254.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a00:1',
      '64:ff9b::10.0.0.1',
    ]) {
      assert.ok(refusedAddress(a, false), a);
    }
  });

  it('lets public addresses through', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(refusedAddress(a, false), null, a);
    }
  });

  it('allows private ranges on request, never the metadata services', () => {
    assert.equal(refusedAddress('127.0.0.1', true), null);
    assert.equal(refusedAddress('::1', true), null);
    assert.match(refusedAddress('169.254.169.254', true)!, /metadata/);
    assert.match(refusedAddress('::ffff:169.254.169.254', true)!, /metadata/);
    assert.match(refusedAddress('fd00:ec2::254', true)!, /metadata/);
  });
});
