/** Accounts: the user commands, password hashes, API tokens and the login limiter. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../src/compose.ts';
import { LoginLimiter } from '../src/apps/server/login-limiter.ts';
import { hashPassword, secretHash, verifyPassword } from '../src/pipeline/password-hash.ts';
import { checkPassword, tokenUser } from '../src/pipeline/user-accounts.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/strikewatch');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let db: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikewatch-users-'));
  db = join(dir, 'users.db');
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strikewatch user', () => {
  const password = 'correct horse battery staple';
  let token = '';

  it('adds an account with the password from stdin, never printing it', () => {
    const r = run(
      ['user', 'add', 'Alice', '--role', 'analyst', '--password-stdin', '--db', db],
      `${password}\n`,
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'added analyst Alice\n');
    assert.ok(!r.stdout.includes(password) && !r.stderr.includes(password));
    assert.equal(
      run(['user', 'add', 'bob', '--role', 'viewer', '--password-stdin', '--db', db], password).status,
      0,
    );
  });

  it('refuses a taken name (in any case), a bad role, a short password, a bad name, and a missing password', () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [
        ['user', 'add', 'alice', '--role', 'viewer', '--password-stdin'],
        password,
        /there is a user alice already/,
      ],
      [
        ['user', 'add', 'carol', '--role', 'boss', '--password-stdin'],
        password,
        /--role expects viewer, analyst, admin, got "boss"/,
      ],
      [['user', 'add', 'carol', '--role', 'viewer', '--password-stdin'], 'short', /at least 10 characters/],
      [['user', 'add', 'a b', '--role', 'viewer', '--password-stdin'], password, /name "a b" must be/],
      [['user', 'add', 'carol', '--role', 'viewer'], '', /pipe it in with --password-stdin/],
      [['user', 'add', 'carol'], password, /required option '--role <role>'/],
    ];
    for (const [args, input, message] of cases) {
      const r = run([...args, '--db', db], input);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /^\s+at /m);
    }
  });

  it('lists the accounts with their roles, no secrets', () => {
    const r = run(['user', 'list', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^NAME\s+ROLE\s+CREATED\nAlice\s+analyst\s+\S+\nbob\s+viewer\s+\S+\n$/);
    assert.doesNotMatch(r.stdout, /scrypt/);
  });

  it('issues API tokens, kept only as hashes', async () => {
    const r = run(['user', 'token', 'alice', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    token = r.stdout.trim();
    assert.match(token, /^swt_[A-Za-z0-9_-]{43}$/);
    const opened = await openStore(db);
    assert.ok(opened.ok);
    const store = opened.opened.store;
    try {
      assert.equal((await tokenUser(store, token))?.name, 'Alice');
      assert.equal(await store.accounts.tokenUser(token), null, 'the token itself is not stored');
      assert.equal((await store.accounts.tokenUser(secretHash(token)))?.role, 'analyst');
      const stored = await store.accounts.user('alice');
      assert.match(
        stored?.passwordHash ?? '',
        /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/,
      );
      assert.equal((await checkPassword(store, 'alice', password))?.name, 'Alice');
      assert.equal(await checkPassword(store, 'alice', 'wrong password!'), null);
      assert.equal(await checkPassword(store, 'nobody', password), null);
    } finally {
      await store.close();
    }
    assert.match(run(['user', 'token', 'nobody', '--db', db]).stderr, /there is no user nobody/);
  });

  it('removes an account with its tokens', async () => {
    const r = run(['user', 'remove', 'alice', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'removed alice\n');
    const again = run(['user', 'remove', 'alice', '--db', db]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /there is no user alice/);
    const opened = await openStore(db);
    assert.ok(opened.ok);
    try {
      assert.equal(await tokenUser(opened.opened.store, token), null);
    } finally {
      await opened.opened.store.close();
    }
    assert.match(run(['user', 'list', '--db', db]).stdout, /^NAME\s+ROLE\s+CREATED\nbob\s+viewer/);
  });
});

describe('password hashes', () => {
  it('are salted scrypt with their parameters, and verify only the right password', async () => {
    const [a, b] = [await hashPassword('the same password'), await hashPassword('the same password')];
    assert.notEqual(a, b, 'each hash has its own salt');
    assert.equal(a.split('$').length, 6);
    assert.ok(await verifyPassword('the same password', a));
    assert.ok(await verifyPassword('the same password', b));
    assert.ok(!(await verifyPassword('the same passworD', a)));
    assert.ok(!(await verifyPassword('', a)));
  });

  it('verify with the parameters stored in the hash, and a malformed hash matches nothing', async () => {
    const cheap = await new Promise<string>((resolve, reject) =>
      import('node:crypto').then(({ scrypt }) =>
        scrypt('pw', Buffer.from('salt'), 32, { N: 1024, r: 8, p: 1 }, (err, key) =>
          err
            ? reject(err)
            : resolve(`scrypt$1024$8$1$${Buffer.from('salt').toString('base64')}$${key.toString('base64')}`),
        ),
      ),
    );
    assert.ok(await verifyPassword('pw', cheap));
    for (const bad of [
      '',
      'plain',
      'scrypt$0$8$1$c2FsdA==$AAAA',
      'bcrypt$1$2$3$4$5',
      'scrypt$1024$8$1$c2FsdA==$AAAA',
    ])
      assert.equal(await verifyPassword('pw', bad), false, bad);
  });
});

describe('the login limiter', () => {
  it('refuses a key after 5 failures within 15 minutes, until the oldest leaves the window', () => {
    let now = 0;
    const limiter = new LoginLimiter(5, 15 * 60_000, () => now);
    for (let i = 0; i < 5; i++) {
      assert.equal(limiter.retryAfter(['ip:a', 'name:x']), 0);
      limiter.fail(['ip:a', 'name:x']);
      now += 60_000;
    }
    assert.equal(limiter.retryAfter(['ip:a']), 10 * 60_000);
    assert.equal(limiter.retryAfter(['ip:b', 'name:x']), 10 * 60_000, 'the name is limited from any address');
    assert.equal(limiter.retryAfter(['ip:b', 'name:y']), 0);
    now += 10 * 60_000;
    assert.equal(limiter.retryAfter(['ip:a', 'name:x']), 0);
    limiter.fail(['name:y']);
    limiter.clear('name:y');
    assert.equal(limiter.retryAfter(['name:y']), 0);
  });
});
