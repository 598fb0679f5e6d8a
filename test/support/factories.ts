import { randomUUID } from 'node:crypto';
import { graphql } from '../__generated__/index.js';
import type { AppMode, Role } from '../__generated__/graphql.js';
import { execute } from './client.js';

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      expiresAt
      user {
        id
        email
        name
      }
    }
  }
`);

export const CreateWorkspace = graphql(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      workspace {
        id
        name
        viewerRole
      }
    }
  }
`);

const SwitchWorkspace = graphql(`
  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {
    switchWorkspace(input: $input) {
      workspace {
        id
      }
    }
  }
`);

const AddMember = graphql(`
  mutation AddMember($input: AddWorkspaceMemberInput!) {
    addWorkspaceMember(input: $input) {
      membership {
        id
        role
      }
    }
  }
`);

export const CreateApp = graphql(`
  mutation CreateApp($input: CreateAppInput!) {
    createApp(input: $input) {
      app {
        id
        name
        mode
        config
      }
    }
  }
`);

export const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        prefix
        scope
        role
      }
    }
  }
`);

export const PASSWORD = 'correct horse battery';

/** A new user through the public API; returns their session token. */
export async function signUpUser(url: string, name = 'Ada') {
  const data = await execute(url, SignUp, {
    input: { email: `${name.toLowerCase()}-${randomUUID()}@example.test`, name, password: PASSWORD },
  });
  return { token: data.signUp.token, user: data.signUp.user };
}

export async function createWorkspace(url: string, token: string, name = 'Acme') {
  const data = await execute(url, CreateWorkspace, { input: { name } }, { token });
  return data.createWorkspace.workspace;
}

export async function switchWorkspace(url: string, token: string, id: string) {
  await execute(url, SwitchWorkspace, { input: { id } }, { token });
}

export async function addMember(url: string, token: string, email: string, role: Role) {
  return (await execute(url, AddMember, { input: { email, role } }, { token })).addWorkspaceMember.membership;
}

export async function createApp(url: string, token: string, name = 'Helper', mode: AppMode = 'CHAT', config: unknown = {}) {
  return (await execute(url, CreateApp, { input: { name, mode, config } }, { token })).createApp.app;
}

export async function createApiKey(url: string, token: string, input: { name?: string; appId?: string; role?: Role } = {}) {
  return (await execute(url, CreateApiKey, { input: { name: input.name ?? 'ci', appId: input.appId, role: input.role } }, { token })).createApiKey;
}

/** A workspace with an owner and one signed-in user for each other role, all switched to it. */
export async function workspaceWithRoles(url: string, label = 'Team') {
  const owner = await signUpUser(url, `${label}Owner`);
  const workspace = await createWorkspace(url, owner.token, label);
  const members = { OWNER: owner } as Record<Role, Awaited<ReturnType<typeof signUpUser>>>;
  for (const role of ['ADMIN', 'EDITOR', 'MEMBER'] as const) {
    const user = await signUpUser(url, `${label}${role}`);
    await addMember(url, owner.token, user.user.email, role);
    await switchWorkspace(url, user.token, workspace.id);
    members[role] = user;
  }
  return { workspace, members };
}
