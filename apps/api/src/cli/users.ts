import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '@ringwatch/config';
import { ROLES } from '@ringwatch/permissions';
import { NewUserSchema } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';
import { openApiContext } from './context';

const USAGE = `usage:
  npm run users -- list
  npm run users -- add --username NAME --role ROLE [--role ROLE…] [--brand BRAND…]
     roles: ${ROLES.join(' ')}; a password is generated and printed once`;

/** User management from the command line, for admins with access to the machine (audited as "cli"). */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { username: { type: 'string' }, role: { type: 'string', multiple: true, default: [] }, brand: { type: 'string', multiple: true, default: [] } },
  });
  const command = positionals[0];
  if (command !== 'list' && command !== 'add') {
    console.log(USAGE);
    process.exit(command === undefined ? 0 : 1);
  }
  const input =
    command === 'add'
      ? NewUserSchema.safeParse({ username: values.username, password: randomBytes(12).toString('base64url'), roles: values.role, brands: values.brand })
      : null;
  if (input && !input.success) throw new Error(`users: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);

  const config = loadConfig(process.env);
  const context = await openApiContext(config);
  try {
    const auth = context.app.get(AuthService);
    if (input?.success) {
      const user = await auth.createUser(input.data, { name: 'cli' });
      console.log(
        `created ${user.username} (${user.roles.join(', ')}${user.brands.length ? `; brands ${user.brands.join(', ')}` : ''}); password, shown once: ${input.data.password}`,
      );
    } else {
      for (const u of await auth.listUsers(0, 200))
        console.log(`${u.username.padEnd(20)} ${u.roles.join(',').padEnd(24)} ${u.brands.join(',')}${u.active ? '' : ' (inactive)'}`);
    }
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
