import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { databasePath, openStore } from '../../../compose.ts';
import { ROLES } from '../../../domain/account.ts';
import type { Store } from '../../../domain/store.ts';
import { addUser, isRole, issueToken } from '../../../pipeline/user-accounts.ts';
import { usageErrorsExitTwo } from './extract.ts';
import { UsageError, table, withStore } from './incidents.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

async function passwordOf(opts: { passwordStdin?: boolean }): Promise<string> {
  if (opts.passwordStdin) return readStdin();
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to ask for the password on: pipe it in with --password-stdin');
  const first = await askHidden('Password: ');
  const second = await askHidden('Password again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

/** Opens (creating when missing) the database, runs `work`, closes; problems become one line. */
async function withNewOrExistingStore(
  db: string | undefined,
  setCode: (code: number) => void,
  work: (store: Store) => Promise<void>,
): Promise<void> {
  const result = await openStore(databasePath(db));
  if (!result.ok) {
    console.error(`strikewatch: ${result.error}`);
    setCode(1);
    return;
  }
  try {
    await work(result.opened.store);
  } catch (err) {
    console.error(`strikewatch: ${err instanceof Error ? err.message : String(err)}`);
    setCode(err instanceof UsageError ? 2 : 1);
  } finally {
    await result.opened.store.close();
  }
}

const DB_OPTION = ['--db <path>', 'database file (default $STRIKEWATCH_DB or ./strikewatch.db)'] as const;

export function registerUser(program: Command, setCode: (code: number) => void): void {
  const user = program.command('user').description('Accounts for the web site: viewers, analysts, admins');
  usageErrorsExitTwo(user);
  const add = user
    .command('add')
    .description('Add an account; the password is asked for (never echoed) or read from stdin')
    .argument('<name>', 'login name')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .option(...DB_OPTION)
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean; db?: string }) => {
      if (!isRole(opts.role)) {
        console.error(`strikewatch: --role expects ${ROLES.join(', ')}, got "${opts.role}"`);
        setCode(2);
        return;
      }
      const role = opts.role;
      await withNewOrExistingStore(opts.db, setCode, async (store) => {
        const password = await passwordOf(opts);
        const added = await addUser(store, name, role, password);
        if (!added.ok) throw new UsageError(added.problem);
        console.log(`added ${added.value.role} ${added.value.name}`);
      });
    });
  usageErrorsExitTwo(add);
  const list = user
    .command('list')
    .description('List the accounts')
    .option(...DB_OPTION)
    .action(async (opts: { db?: string }) => {
      await withStore(opts.db, setCode, async ({ store }) => {
        const users = await store.accounts.users();
        if (users.length === 0) console.log('no users (strikewatch user add NAME --role analyst adds one)');
        else
          console.log(
            table(
              ['NAME', 'ROLE', 'CREATED'],
              users.map((u) => [u.name, u.role, u.createdAt]),
            ),
          );
      });
    });
  usageErrorsExitTwo(list);
  const remove = user
    .command('remove')
    .description('Remove an account with its sessions and API tokens')
    .argument('<name>', 'login name')
    .option(...DB_OPTION)
    .action(async (name: string, opts: { db?: string }) => {
      await withStore(opts.db, setCode, async ({ store }) => {
        if (!(await store.accounts.removeUser(name))) throw new UsageError(`there is no user ${name}`);
        console.log(`removed ${name}`);
      });
    });
  usageErrorsExitTwo(remove);
  const token = user
    .command('token')
    .description(
      'Print a new API token for the write endpoints (Authorization: Bearer TOKEN); only its hash is kept',
    )
    .argument('<name>', 'login name')
    .option(...DB_OPTION)
    .action(async (name: string, opts: { db?: string }) => {
      await withStore(opts.db, setCode, async ({ store }) => {
        const issued = await issueToken(store, name);
        if (!issued.ok) throw new UsageError(issued.problem);
        console.log(issued.value);
      });
    });
  usageErrorsExitTwo(token);
}
