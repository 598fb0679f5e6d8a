import { graphql } from '../__generated__/index.js';

export const ExecuteExtension = graphql(`
  mutation ExecuteExtension($input: ExecuteExtensionInput!) {
    executeExtension(input: $input) {
      output
      execution {
        id
        point
        status
        errorCode
        durationMs
        user {
          id
        }
      }
    }
  }
`);
