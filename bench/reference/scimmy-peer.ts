/**
 * The peer a user would pick instead of Roster for creates: a SCIM server built the way the SCIMMY
 * documentation shows (scimmy + scimmy-routers on Express), users kept in memory. Issue 15 measured it
 * faster than Roster on POST /Users; the bench loads it with the same create requests as Roster and
 * reports both side by side.
 *
 *   node scimmy-peer.js     prints "listening on http://127.0.0.1:PORT"; SCIM base /scim
 *
 * Its store is the least a correct server must keep: users by id, and their userNames (folded) so a
 * second create of one is a 409, as RFC 7644 §3.3 asks and Roster answers. Any bearer token is accepted:
 * the load sends Roster's.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

interface StoredUser {
  readonly id: string;
  readonly userName: string;
  readonly meta: { readonly created: string; readonly lastModified: string };
  readonly [attribute: string]: unknown;
}

const users = new Map<string, StoredUser>();
const idByUserName = new Map<string, string>();

function notFound(id: string | undefined): never {
  throw new SCIMMY.Types.Error(404, '', `Resource ${String(id)} not found`);
}

SCIMMY.Resources.declare(SCIMMY.Resources.User)
  .ingress((resource, data) => {
    const now = new Date().toISOString();
    const attributes = data as unknown as Record<string, unknown>;
    const userName = String(attributes.userName);
    const key = userName.toLowerCase();
    const holder = idByUserName.get(key);
    if (holder !== undefined && holder !== resource.id) {
      throw new SCIMMY.Types.Error(409, 'uniqueness', 'userName is already taken');
    }
    const old = resource.id === undefined ? undefined : users.get(resource.id);
    if (resource.id !== undefined && !old) notFound(resource.id);
    const id = old?.id ?? randomUUID();
    const user: StoredUser = {
      ...attributes,
      id,
      userName,
      meta: { created: old?.meta.created ?? now, lastModified: now },
    };
    if (old) idByUserName.delete(old.userName.toLowerCase());
    users.set(id, user);
    idByUserName.set(key, id);
    return user as never;
  })
  .egress((resource) => {
    if (resource.id === undefined) return [...users.values()] as never;
    return (users.get(resource.id) ?? notFound(resource.id)) as never;
  })
  .degress((resource) => {
    const user = resource.id === undefined ? undefined : users.get(resource.id);
    if (!user) notFound(resource.id);
    users.delete(user.id);
    idByUserName.delete(user.userName.toLowerCase());
  });

const app = express();
app.use(
  '/scim',
  new SCIMMYRouters({
    type: 'bearer',
    docUri: 'http://127.0.0.1/',
    handler: (request) => {
      if (!request.header('authorization')?.startsWith('Bearer ')) throw new Error('No bearer token');
      return 'bench';
    },
  }),
);
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
