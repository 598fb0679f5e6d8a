import { randomUUID } from 'node:crypto';
import { graphql } from '../__generated__/index.js';
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

/** A new user through the public API; returns their session token. */
export async function signUpUser(url: string, name = 'Ada') {
  const data = await execute(url, SignUp, {
    input: { email: `${name.toLowerCase()}-${randomUUID()}@example.test`, name, password: 'correct horse battery' },
  });
  return { token: data.signUp.token, user: data.signUp.user };
}

export async function createWorkspace(url: string, token: string, name = 'Acme') {
  const data = await execute(url, CreateWorkspace, { input: { name } }, { token });
  return data.createWorkspace.workspace;
}
