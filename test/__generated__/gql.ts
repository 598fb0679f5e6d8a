/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query KeyViewer {\n    viewer {\n      user {\n        id\n      }\n      apiKey {\n        id\n        name\n        scope\n      }\n      currentWorkspace {\n        id\n      }\n      role\n    }\n  }\n": typeof types.KeyViewerDocument,
    "\n  query ListKeys {\n    apiKeys {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          scope\n          role\n          lastUsedAt\n          revokedAt\n          creator {\n            id\n          }\n          app {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ListKeysDocument,
    "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeKeyDocument,
    "\n  query AppById($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.AppByIdDocument,
    "\n  query AppNames {\n    apps {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.AppNamesDocument,
    "mutation AppKeyCreates { createApp(input: { name: \"x\", mode: CHAT }) { app { id } } }": typeof types.AppKeyCreatesDocument,
    "query AppKeyMembers { viewer { currentWorkspace { members { role } } } }": typeof types.AppKeyMembersDocument,
    "mutation AppKeyRenames($id: ID!) { renameWorkspace(input: { id: $id, name: \"Mine now\" }) { workspace { id } } }": typeof types.AppKeyRenamesDocument,
    "mutation KeyMakesKey { createApiKey(input: { name: \"k\" }) { secret } }": typeof types.KeyMakesKeyDocument,
    "mutation KeyForForeignApp($appId: ID) { createApiKey(input: { name: \"k\", appId: $appId }) { secret } }": typeof types.KeyForForeignAppDocument,
    "\n  query Apps($first: Int, $after: String, $filter: AppFilter) {\n    apps(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          mode\n          description\n          icon\n          config\n          workspace {\n            id\n            name\n          }\n          creator {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AppsDocument,
    "\n  mutation UpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) {\n      app {\n        id\n        name\n        description\n        config\n      }\n    }\n  }\n": typeof types.UpdateAppDocument,
    "\n  mutation DeleteApp($input: DeleteAppInput!) {\n    deleteApp(input: $input) {\n      deletedAppId\n    }\n  }\n": typeof types.DeleteAppDocument,
    "\n  query GetApp($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.GetAppDocument,
    "\n  query NestedWorkspaces($first: Int) {\n    viewer {\n      workspaces(first: $first) {\n        edges {\n          node {\n            name\n            viewerRole\n            members {\n              role\n              user {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.NestedWorkspacesDocument,
    "\n  mutation CreateApiExtension($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n        name\n        module\n        kind\n        endpoint\n        apiKey\n        config\n        enabled\n        creator {\n          id\n        }\n      }\n    }\n  }\n": typeof types.CreateApiExtensionDocument,
    "\n  mutation UpdateApiExtension($input: UpdateApiExtensionInput!) {\n    updateApiExtension(input: $input) {\n      extension {\n        id\n        name\n        apiKey\n        config\n      }\n    }\n  }\n": typeof types.UpdateApiExtensionDocument,
    "\n  mutation SetExtensionEnabled($id: ID!, $enabled: Boolean!) {\n    setExtensionEnabled(input: { id: $id, enabled: $enabled }) {\n      extension {\n        id\n        enabled\n      }\n    }\n  }\n": typeof types.SetExtensionEnabledDocument,
    "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(input: { id: $id }) {\n      deletedExtensionId\n    }\n  }\n": typeof types.DeleteExtensionDocument,
    "\n  query ExtensionModules {\n    extensionModules {\n      name\n      apiBased\n      points {\n        name\n        inputSchema\n        outputSchema\n      }\n      configForm {\n        name\n        type\n        required\n        default\n      }\n    }\n  }\n": typeof types.ExtensionModulesDocument,
    "\n  query ExtensionsAndExecutions($filter: ExtensionFilter, $executions: ExtensionExecutionFilter) {\n    extensions(filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    extensionExecutions(first: 50, filter: $executions) {\n      totalCount\n      edges {\n        node {\n          id\n          point\n          status\n          errorCode\n          extension {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExtensionsAndExecutionsDocument,
    "\n  query CloudFile($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      url\n    }\n  }\n": typeof types.CloudFileDocument,
    "\n  mutation CloudCreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n": typeof types.CloudCreateUploadUrlDocument,
    "\n  mutation CloudCompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n": typeof types.CloudCompleteUploadDocument,
    "\n  mutation CloudDeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n": typeof types.CloudDeleteFileDocument,
    "\n  query FileById($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      purpose\n      url\n      urlExpiresAt\n      creator {\n        id\n      }\n    }\n  }\n": typeof types.FileByIdDocument,
    "\n  query FileList($first: Int, $after: String, $filter: FileFilter) {\n    files(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          mimeType\n          purpose\n        }\n      }\n    }\n  }\n": typeof types.FileListDocument,
    "\n  mutation CreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n": typeof types.CreateUploadUrlDocument,
    "\n  mutation CompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n": typeof types.CompleteUploadDocument,
    "\n  mutation DeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n": typeof types.DeleteFileDocument,
    "\n  mutation InvokeToolSavingOutputs($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        status\n      }\n      messages {\n        __typename\n        ... on FileMessage {\n          name\n          mimeType\n          url\n          fileId\n          size\n        }\n      }\n    }\n  }\n": typeof types.InvokeToolSavingOutputsDocument,
    "\n  query Viewer($first: Int, $after: String) {\n    viewer {\n      user {\n        id\n        email\n      }\n      workspaces(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            name\n            viewerRole\n            members {\n              role\n              user {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.WorkspaceDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      revoked\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation Rename($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenameDocument,
    "\n  mutation NewWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n": typeof types.NewWorkspaceDocument,
    "\n  mutation SignInAttempt($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": typeof types.SignInAttemptDocument,
    "\n  query Plugins {\n    plugins {\n      name\n      version\n      module\n      state\n      allowedHosts\n      tools {\n        name\n      }\n      configForm {\n        name\n        type\n        required\n      }\n    }\n  }\n": typeof types.PluginsDocument,
    "\n  mutation CreatePluginExtension($input: CreatePluginExtensionInput!) {\n    createPluginExtension(input: $input) {\n      extension {\n        id\n        kind\n        module\n        pluginName\n        config\n      }\n    }\n  }\n": typeof types.CreatePluginExtensionDocument,
    "\n  query PluginProvider($id: ID!) {\n    toolProvider(id: $id) {\n      id\n      kind\n      name\n      tools {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PluginProviderDocument,
    "\n  mutation UpdatePluginExtension($input: UpdatePluginExtensionInput!) {\n    updatePluginExtension(input: $input) {\n      extension {\n        id\n        name\n        config\n      }\n    }\n  }\n": typeof types.UpdatePluginExtensionDocument,
    "\n  mutation DisablePlugin($id: ID!) {\n    setExtensionEnabled(input: { id: $id, enabled: false }) {\n      extension {\n        enabled\n      }\n    }\n  }\n": typeof types.DisablePluginDocument,
    "\n  mutation InstallPlugin($input: InstallPluginInput!) {\n    installPlugin(input: $input) {\n      plugin {\n        name\n        version\n        tools {\n          name\n        }\n      }\n    }\n  }\n": typeof types.InstallPluginDocument,
    "\n  query MyWorkspaces {\n    viewer {\n      workspaces {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyWorkspacesDocument,
    "\n  query Current {\n    viewer {\n      role\n      currentWorkspace {\n        id\n      }\n    }\n  }\n": typeof types.CurrentDocument,
    "\n  mutation SignInAgain($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": typeof types.SignInAgainDocument,
    "\n  mutation Everywhere {\n    signOutEverywhere {\n      revoked\n    }\n  }\n": typeof types.EverywhereDocument,
    "\n  subscription WatchForShutdown($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n    }\n  }\n": typeof types.WatchForShutdownDocument,
    "\n  subscription WorkspaceUpdated($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.WorkspaceUpdatedDocument,
    "\n  mutation SignInForSubscription($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": typeof types.SignInForSubscriptionDocument,
    "\n  mutation SignOutForSubscription {\n    signOut {\n      revoked\n    }\n  }\n": typeof types.SignOutForSubscriptionDocument,
    "\n  mutation RenameForSubscription($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n": typeof types.RenameForSubscriptionDocument,
    "\n  mutation PreviewTools($input: PreviewOpenApiToolsInput!) {\n    previewOpenApiTools(input: $input) {\n      title\n      version\n      serverUrl\n      warnings\n      tools {\n        name\n        method\n        path\n        parameters {\n          name\n          type\n          required\n          location\n        }\n      }\n    }\n  }\n": typeof types.PreviewToolsDocument,
    "\n  mutation UpdateApiProvider($input: UpdateApiToolProviderInput!) {\n    updateApiToolProvider(input: $input) {\n      provider {\n        id\n        credentials {\n          apiKey\n          username\n          password\n          token\n        }\n        auth {\n          type\n          headerName\n          prefix\n          queryParam\n        }\n      }\n    }\n  }\n": typeof types.UpdateApiProviderDocument,
    "\n  query ProviderCredentials($id: ID!) {\n    toolProvider(id: $id) {\n      credentials {\n        apiKey\n        username\n        password\n        token\n      }\n    }\n  }\n": typeof types.ProviderCredentialsDocument,
    "\n  mutation TestApiTool($input: TestApiToolInput!) {\n    testApiTool(input: $input) {\n      status\n      errorCode\n      messages {\n        __typename\n        ... on JsonMessage {\n          json\n        }\n      }\n    }\n  }\n": typeof types.TestApiToolDocument,
    "\n  query ToolInvocations($filter: ToolInvocationFilter) {\n    toolInvocations(first: 50, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          toolId\n          status\n          errorCode\n          caller {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.ToolInvocationsDocument,
    "\n  query BuiltinTools {\n    builtinTools {\n      id\n      name\n      description\n      parameters {\n        name\n        type\n        required\n      }\n    }\n  }\n": typeof types.BuiltinToolsDocument,
    "\n  query ToolProviders {\n    toolProviders(first: 10) {\n      totalCount\n    }\n  }\n": typeof types.ToolProvidersDocument,
    "\n  mutation PublishToolProvider($input: PublishToolProviderInput!) {\n    publishToolProvider(input: $input) {\n      provider {\n        id\n        visibility\n      }\n    }\n  }\n": typeof types.PublishToolProviderDocument,
    "\n  query ToolMarketplace($filter: ToolMarketplaceFilter) {\n    toolMarketplace(first: 20, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          installCount\n          publisher\n          tools {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ToolMarketplaceDocument,
    "\n  mutation InstallToolProvider($input: InstallToolProviderInput!) {\n    installToolProvider(input: $input) {\n      provider {\n        id\n        name\n        credentials {\n          apiKey\n        }\n        tools {\n          id\n        }\n      }\n    }\n  }\n": typeof types.InstallToolProviderDocument,
    "\n  mutation ExecuteExtension($input: ExecuteExtensionInput!) {\n    executeExtension(input: $input) {\n      output\n      execution {\n        id\n        point\n        status\n        errorCode\n        durationMs\n        user {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ExecuteExtensionDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": typeof types.CreateWorkspaceDocument,
    "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n": typeof types.SwitchWorkspaceDocument,
    "\n  mutation AddMember($input: AddWorkspaceMemberInput!) {\n    addWorkspaceMember(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation CreateApp($input: CreateAppInput!) {\n    createApp(input: $input) {\n      app {\n        id\n        name\n        mode\n        config\n      }\n    }\n  }\n": typeof types.CreateAppDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n        scope\n        role\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation InviteMembers($input: InviteWorkspaceMembersInput!) {\n    inviteWorkspaceMembers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        language\n        expiresAt\n        invitedBy {\n          id\n        }\n        workspace {\n          id\n        }\n      }\n    }\n  }\n": typeof types.InviteMembersDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      workspaceId\n      role\n      email\n      auth {\n        token\n        user {\n          id\n          email\n          emailVerified\n        }\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(input: { id: $id }) {\n      invitation {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query Invitations($status: InvitationStatus) {\n    invitations(first: 50, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          status\n        }\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query MailDeliveries($filter: MailDeliveryFilter, $first: Int) {\n    mailDeliveries(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          language\n          status\n          attempts\n          providerMessageId\n          lastError\n          lastErrorCode\n          nextAttemptAt\n          sentAt\n        }\n      }\n    }\n  }\n": typeof types.MailDeliveriesDocument,
    "\n  query MailDeliveryById($id: ID!) {\n    mailDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.MailDeliveryByIdDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(input: { email: $email }) {\n      accepted\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(input: { token: $token, password: $password }) {\n      revokedSessions\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      accepted\n    }\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(input: { token: $token }) {\n      email\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation RequestSignInLink($email: String!) {\n    requestSignInLink(input: { email: $email }) {\n      accepted\n    }\n  }\n": typeof types.RequestSignInLinkDocument,
    "\n  mutation SignInWithLink($token: String!) {\n    signInWithLink(input: { token: $token }) {\n      token\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n": typeof types.SignInWithLinkDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        language\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  query ViewerEmail {\n    viewer {\n      user {\n        id\n        email\n        emailVerified\n        language\n      }\n      currentWorkspace {\n        id\n      }\n    }\n  }\n": typeof types.ViewerEmailDocument,
    "\n  mutation PasswordSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": typeof types.PasswordSignInDocument,
    "\n  mutation CreateApiProvider($input: CreateApiToolProviderInput!) {\n    createApiToolProvider(input: $input) {\n      provider {\n        id\n        name\n        serverUrl\n        warnings\n        tools {\n          id\n          name\n          method\n          path\n          parameters {\n            name\n            type\n            required\n            location\n          }\n        }\n      }\n    }\n  }\n": typeof types.CreateApiProviderDocument,
    "\n  mutation InvokeTool($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        id\n        toolId\n        toolName\n        status\n        errorCode\n        messageCount\n        durationMs\n        caller {\n          id\n        }\n      }\n      messages {\n        __typename\n        ... on TextMessage {\n          text\n        }\n        ... on JsonMessage {\n          json\n        }\n        ... on BlobMessage {\n          mimeType\n          sequence\n          data\n          totalLength\n          final\n        }\n      }\n    }\n  }\n": typeof types.InvokeToolDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) {\n      version {\n        id\n        version\n        isDraft\n        nodes {\n          id\n          type\n        }\n        inputs {\n          name\n          type\n          required\n        }\n      }\n    }\n  }\n": typeof types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) {\n      version {\n        id\n        version\n        isDraft\n      }\n    }\n  }\n": typeof types.PublishWorkflowDocument,
    "\n  mutation RunWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      run {\n        id\n        status\n        outputs\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.RunWorkflowDocument,
    "\n  mutation StopWorkflowRun($input: StopWorkflowRunInput!) {\n    stopWorkflowRun(input: $input) {\n      run {\n        id\n        status\n      }\n    }\n  }\n": typeof types.StopWorkflowRunDocument,
    "\n  query GetWorkflowRun($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      version\n      inputs\n      outputs\n      depth\n      parentRunId\n      error {\n        code\n        message\n      }\n      startedAt\n      finishedAt\n      nodeExecutions(first: 100) {\n        totalCount\n        edges {\n          node {\n            nodeId\n            nodeType\n            status\n            attempts\n            iterationIndex\n            inputs\n            outputs\n            startedAt\n            finishedAt\n            durationMs\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.GetWorkflowRunDocument,
    "\n  query ListWorkflowRuns($filter: WorkflowRunFilter, $first: Int) {\n    workflowRuns(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          depth\n          parentRunId\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ListWorkflowRunsDocument,
    "\n  query ListWorkflowRunsAfter($filter: WorkflowRunFilter, $first: Int, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ListWorkflowRunsAfterDocument,
    "\n  subscription FollowWorkflowRun($id: ID!, $afterSequence: Int) {\n    workflowRun(id: $id, afterSequence: $afterSequence) {\n      __typename\n      type\n      sequence\n      at\n      runId\n      ... on WorkflowNodeStarted {\n        nodeId\n        nodeType\n        iterationIndex\n      }\n      ... on WorkflowNodeFinished {\n        nodeId\n        nodeType\n        status\n        outputs\n        durationMs\n        attempts\n        iterationIndex\n        error {\n          code\n          message\n        }\n      }\n      ... on WorkflowTextChunk {\n        nodeId\n        text\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n      ... on WorkflowRunFailed {\n        runError: error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.FollowWorkflowRunDocument,
    "\n  subscription RunAndFollowWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      __typename\n      type\n      sequence\n      runId\n      ... on WorkflowNodeFinished {\n        nodeId\n        status\n        outputs\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n    }\n  }\n": typeof types.RunAndFollowWorkflowDocument,
    "\n  mutation CreateWorkflowTool($input: CreateWorkflowToolProviderInput!) {\n    createWorkflowToolProvider(input: $input) {\n      provider {\n        id\n        kind\n        tools {\n          id\n          name\n          parameters {\n            name\n            type\n            required\n          }\n        }\n      }\n    }\n  }\n": typeof types.CreateWorkflowToolDocument,
    "\n  mutation CreateExtensionForWorkflow($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n      }\n    }\n  }\n": typeof types.CreateExtensionForWorkflowDocument,
};
const documents: Documents = {
    "\n  query KeyViewer {\n    viewer {\n      user {\n        id\n      }\n      apiKey {\n        id\n        name\n        scope\n      }\n      currentWorkspace {\n        id\n      }\n      role\n    }\n  }\n": types.KeyViewerDocument,
    "\n  query ListKeys {\n    apiKeys {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          scope\n          role\n          lastUsedAt\n          revokedAt\n          creator {\n            id\n          }\n          app {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ListKeysDocument,
    "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.RevokeKeyDocument,
    "\n  query AppById($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n": types.AppByIdDocument,
    "\n  query AppNames {\n    apps {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.AppNamesDocument,
    "mutation AppKeyCreates { createApp(input: { name: \"x\", mode: CHAT }) { app { id } } }": types.AppKeyCreatesDocument,
    "query AppKeyMembers { viewer { currentWorkspace { members { role } } } }": types.AppKeyMembersDocument,
    "mutation AppKeyRenames($id: ID!) { renameWorkspace(input: { id: $id, name: \"Mine now\" }) { workspace { id } } }": types.AppKeyRenamesDocument,
    "mutation KeyMakesKey { createApiKey(input: { name: \"k\" }) { secret } }": types.KeyMakesKeyDocument,
    "mutation KeyForForeignApp($appId: ID) { createApiKey(input: { name: \"k\", appId: $appId }) { secret } }": types.KeyForForeignAppDocument,
    "\n  query Apps($first: Int, $after: String, $filter: AppFilter) {\n    apps(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          mode\n          description\n          icon\n          config\n          workspace {\n            id\n            name\n          }\n          creator {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AppsDocument,
    "\n  mutation UpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) {\n      app {\n        id\n        name\n        description\n        config\n      }\n    }\n  }\n": types.UpdateAppDocument,
    "\n  mutation DeleteApp($input: DeleteAppInput!) {\n    deleteApp(input: $input) {\n      deletedAppId\n    }\n  }\n": types.DeleteAppDocument,
    "\n  query GetApp($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n": types.GetAppDocument,
    "\n  query NestedWorkspaces($first: Int) {\n    viewer {\n      workspaces(first: $first) {\n        edges {\n          node {\n            name\n            viewerRole\n            members {\n              role\n              user {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.NestedWorkspacesDocument,
    "\n  mutation CreateApiExtension($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n        name\n        module\n        kind\n        endpoint\n        apiKey\n        config\n        enabled\n        creator {\n          id\n        }\n      }\n    }\n  }\n": types.CreateApiExtensionDocument,
    "\n  mutation UpdateApiExtension($input: UpdateApiExtensionInput!) {\n    updateApiExtension(input: $input) {\n      extension {\n        id\n        name\n        apiKey\n        config\n      }\n    }\n  }\n": types.UpdateApiExtensionDocument,
    "\n  mutation SetExtensionEnabled($id: ID!, $enabled: Boolean!) {\n    setExtensionEnabled(input: { id: $id, enabled: $enabled }) {\n      extension {\n        id\n        enabled\n      }\n    }\n  }\n": types.SetExtensionEnabledDocument,
    "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(input: { id: $id }) {\n      deletedExtensionId\n    }\n  }\n": types.DeleteExtensionDocument,
    "\n  query ExtensionModules {\n    extensionModules {\n      name\n      apiBased\n      points {\n        name\n        inputSchema\n        outputSchema\n      }\n      configForm {\n        name\n        type\n        required\n        default\n      }\n    }\n  }\n": types.ExtensionModulesDocument,
    "\n  query ExtensionsAndExecutions($filter: ExtensionFilter, $executions: ExtensionExecutionFilter) {\n    extensions(filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    extensionExecutions(first: 50, filter: $executions) {\n      totalCount\n      edges {\n        node {\n          id\n          point\n          status\n          errorCode\n          extension {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.ExtensionsAndExecutionsDocument,
    "\n  query CloudFile($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      url\n    }\n  }\n": types.CloudFileDocument,
    "\n  mutation CloudCreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n": types.CloudCreateUploadUrlDocument,
    "\n  mutation CloudCompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n": types.CloudCompleteUploadDocument,
    "\n  mutation CloudDeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n": types.CloudDeleteFileDocument,
    "\n  query FileById($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      purpose\n      url\n      urlExpiresAt\n      creator {\n        id\n      }\n    }\n  }\n": types.FileByIdDocument,
    "\n  query FileList($first: Int, $after: String, $filter: FileFilter) {\n    files(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          mimeType\n          purpose\n        }\n      }\n    }\n  }\n": types.FileListDocument,
    "\n  mutation CreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n": types.CreateUploadUrlDocument,
    "\n  mutation CompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n": types.CompleteUploadDocument,
    "\n  mutation DeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n": types.DeleteFileDocument,
    "\n  mutation InvokeToolSavingOutputs($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        status\n      }\n      messages {\n        __typename\n        ... on FileMessage {\n          name\n          mimeType\n          url\n          fileId\n          size\n        }\n      }\n    }\n  }\n": types.InvokeToolSavingOutputsDocument,
    "\n  query Viewer($first: Int, $after: String) {\n    viewer {\n      user {\n        id\n        email\n      }\n      workspaces(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            name\n            viewerRole\n            members {\n              role\n              user {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n": types.WorkspaceDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      revoked\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation Rename($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n": types.RenameDocument,
    "\n  mutation NewWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n": types.NewWorkspaceDocument,
    "\n  mutation SignInAttempt($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": types.SignInAttemptDocument,
    "\n  query Plugins {\n    plugins {\n      name\n      version\n      module\n      state\n      allowedHosts\n      tools {\n        name\n      }\n      configForm {\n        name\n        type\n        required\n      }\n    }\n  }\n": types.PluginsDocument,
    "\n  mutation CreatePluginExtension($input: CreatePluginExtensionInput!) {\n    createPluginExtension(input: $input) {\n      extension {\n        id\n        kind\n        module\n        pluginName\n        config\n      }\n    }\n  }\n": types.CreatePluginExtensionDocument,
    "\n  query PluginProvider($id: ID!) {\n    toolProvider(id: $id) {\n      id\n      kind\n      name\n      tools {\n        id\n        name\n      }\n    }\n  }\n": types.PluginProviderDocument,
    "\n  mutation UpdatePluginExtension($input: UpdatePluginExtensionInput!) {\n    updatePluginExtension(input: $input) {\n      extension {\n        id\n        name\n        config\n      }\n    }\n  }\n": types.UpdatePluginExtensionDocument,
    "\n  mutation DisablePlugin($id: ID!) {\n    setExtensionEnabled(input: { id: $id, enabled: false }) {\n      extension {\n        enabled\n      }\n    }\n  }\n": types.DisablePluginDocument,
    "\n  mutation InstallPlugin($input: InstallPluginInput!) {\n    installPlugin(input: $input) {\n      plugin {\n        name\n        version\n        tools {\n          name\n        }\n      }\n    }\n  }\n": types.InstallPluginDocument,
    "\n  query MyWorkspaces {\n    viewer {\n      workspaces {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MyWorkspacesDocument,
    "\n  query Current {\n    viewer {\n      role\n      currentWorkspace {\n        id\n      }\n    }\n  }\n": types.CurrentDocument,
    "\n  mutation SignInAgain($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": types.SignInAgainDocument,
    "\n  mutation Everywhere {\n    signOutEverywhere {\n      revoked\n    }\n  }\n": types.EverywhereDocument,
    "\n  subscription WatchForShutdown($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n    }\n  }\n": types.WatchForShutdownDocument,
    "\n  subscription WorkspaceUpdated($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n      name\n    }\n  }\n": types.WorkspaceUpdatedDocument,
    "\n  mutation SignInForSubscription($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": types.SignInForSubscriptionDocument,
    "\n  mutation SignOutForSubscription {\n    signOut {\n      revoked\n    }\n  }\n": types.SignOutForSubscriptionDocument,
    "\n  mutation RenameForSubscription($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n": types.RenameForSubscriptionDocument,
    "\n  mutation PreviewTools($input: PreviewOpenApiToolsInput!) {\n    previewOpenApiTools(input: $input) {\n      title\n      version\n      serverUrl\n      warnings\n      tools {\n        name\n        method\n        path\n        parameters {\n          name\n          type\n          required\n          location\n        }\n      }\n    }\n  }\n": types.PreviewToolsDocument,
    "\n  mutation UpdateApiProvider($input: UpdateApiToolProviderInput!) {\n    updateApiToolProvider(input: $input) {\n      provider {\n        id\n        credentials {\n          apiKey\n          username\n          password\n          token\n        }\n        auth {\n          type\n          headerName\n          prefix\n          queryParam\n        }\n      }\n    }\n  }\n": types.UpdateApiProviderDocument,
    "\n  query ProviderCredentials($id: ID!) {\n    toolProvider(id: $id) {\n      credentials {\n        apiKey\n        username\n        password\n        token\n      }\n    }\n  }\n": types.ProviderCredentialsDocument,
    "\n  mutation TestApiTool($input: TestApiToolInput!) {\n    testApiTool(input: $input) {\n      status\n      errorCode\n      messages {\n        __typename\n        ... on JsonMessage {\n          json\n        }\n      }\n    }\n  }\n": types.TestApiToolDocument,
    "\n  query ToolInvocations($filter: ToolInvocationFilter) {\n    toolInvocations(first: 50, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          toolId\n          status\n          errorCode\n          caller {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.ToolInvocationsDocument,
    "\n  query BuiltinTools {\n    builtinTools {\n      id\n      name\n      description\n      parameters {\n        name\n        type\n        required\n      }\n    }\n  }\n": types.BuiltinToolsDocument,
    "\n  query ToolProviders {\n    toolProviders(first: 10) {\n      totalCount\n    }\n  }\n": types.ToolProvidersDocument,
    "\n  mutation PublishToolProvider($input: PublishToolProviderInput!) {\n    publishToolProvider(input: $input) {\n      provider {\n        id\n        visibility\n      }\n    }\n  }\n": types.PublishToolProviderDocument,
    "\n  query ToolMarketplace($filter: ToolMarketplaceFilter) {\n    toolMarketplace(first: 20, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          installCount\n          publisher\n          tools {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ToolMarketplaceDocument,
    "\n  mutation InstallToolProvider($input: InstallToolProviderInput!) {\n    installToolProvider(input: $input) {\n      provider {\n        id\n        name\n        credentials {\n          apiKey\n        }\n        tools {\n          id\n        }\n      }\n    }\n  }\n": types.InstallToolProviderDocument,
    "\n  mutation ExecuteExtension($input: ExecuteExtensionInput!) {\n    executeExtension(input: $input) {\n      output\n      execution {\n        id\n        point\n        status\n        errorCode\n        durationMs\n        user {\n          id\n        }\n      }\n    }\n  }\n": types.ExecuteExtensionDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": types.CreateWorkspaceDocument,
    "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n": types.SwitchWorkspaceDocument,
    "\n  mutation AddMember($input: AddWorkspaceMemberInput!) {\n    addWorkspaceMember(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation CreateApp($input: CreateAppInput!) {\n    createApp(input: $input) {\n      app {\n        id\n        name\n        mode\n        config\n      }\n    }\n  }\n": types.CreateAppDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n        scope\n        role\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation InviteMembers($input: InviteWorkspaceMembersInput!) {\n    inviteWorkspaceMembers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        language\n        expiresAt\n        invitedBy {\n          id\n        }\n        workspace {\n          id\n        }\n      }\n    }\n  }\n": types.InviteMembersDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      workspaceId\n      role\n      email\n      auth {\n        token\n        user {\n          id\n          email\n          emailVerified\n        }\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(input: { id: $id }) {\n      invitation {\n        id\n        status\n      }\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query Invitations($status: InvitationStatus) {\n    invitations(first: 50, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          status\n        }\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  query MailDeliveries($filter: MailDeliveryFilter, $first: Int) {\n    mailDeliveries(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          language\n          status\n          attempts\n          providerMessageId\n          lastError\n          lastErrorCode\n          nextAttemptAt\n          sentAt\n        }\n      }\n    }\n  }\n": types.MailDeliveriesDocument,
    "\n  query MailDeliveryById($id: ID!) {\n    mailDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": types.MailDeliveryByIdDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(input: { email: $email }) {\n      accepted\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(input: { token: $token, password: $password }) {\n      revokedSessions\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      accepted\n    }\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(input: { token: $token }) {\n      email\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation RequestSignInLink($email: String!) {\n    requestSignInLink(input: { email: $email }) {\n      accepted\n    }\n  }\n": types.RequestSignInLinkDocument,
    "\n  mutation SignInWithLink($token: String!) {\n    signInWithLink(input: { token: $token }) {\n      token\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n": types.SignInWithLinkDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        language\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  query ViewerEmail {\n    viewer {\n      user {\n        id\n        email\n        emailVerified\n        language\n      }\n      currentWorkspace {\n        id\n      }\n    }\n  }\n": types.ViewerEmailDocument,
    "\n  mutation PasswordSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n": types.PasswordSignInDocument,
    "\n  mutation CreateApiProvider($input: CreateApiToolProviderInput!) {\n    createApiToolProvider(input: $input) {\n      provider {\n        id\n        name\n        serverUrl\n        warnings\n        tools {\n          id\n          name\n          method\n          path\n          parameters {\n            name\n            type\n            required\n            location\n          }\n        }\n      }\n    }\n  }\n": types.CreateApiProviderDocument,
    "\n  mutation InvokeTool($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        id\n        toolId\n        toolName\n        status\n        errorCode\n        messageCount\n        durationMs\n        caller {\n          id\n        }\n      }\n      messages {\n        __typename\n        ... on TextMessage {\n          text\n        }\n        ... on JsonMessage {\n          json\n        }\n        ... on BlobMessage {\n          mimeType\n          sequence\n          data\n          totalLength\n          final\n        }\n      }\n    }\n  }\n": types.InvokeToolDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) {\n      version {\n        id\n        version\n        isDraft\n        nodes {\n          id\n          type\n        }\n        inputs {\n          name\n          type\n          required\n        }\n      }\n    }\n  }\n": types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) {\n      version {\n        id\n        version\n        isDraft\n      }\n    }\n  }\n": types.PublishWorkflowDocument,
    "\n  mutation RunWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      run {\n        id\n        status\n        outputs\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.RunWorkflowDocument,
    "\n  mutation StopWorkflowRun($input: StopWorkflowRunInput!) {\n    stopWorkflowRun(input: $input) {\n      run {\n        id\n        status\n      }\n    }\n  }\n": types.StopWorkflowRunDocument,
    "\n  query GetWorkflowRun($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      version\n      inputs\n      outputs\n      depth\n      parentRunId\n      error {\n        code\n        message\n      }\n      startedAt\n      finishedAt\n      nodeExecutions(first: 100) {\n        totalCount\n        edges {\n          node {\n            nodeId\n            nodeType\n            status\n            attempts\n            iterationIndex\n            inputs\n            outputs\n            startedAt\n            finishedAt\n            durationMs\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": types.GetWorkflowRunDocument,
    "\n  query ListWorkflowRuns($filter: WorkflowRunFilter, $first: Int) {\n    workflowRuns(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          depth\n          parentRunId\n          createdAt\n        }\n      }\n    }\n  }\n": types.ListWorkflowRunsDocument,
    "\n  query ListWorkflowRunsAfter($filter: WorkflowRunFilter, $first: Int, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.ListWorkflowRunsAfterDocument,
    "\n  subscription FollowWorkflowRun($id: ID!, $afterSequence: Int) {\n    workflowRun(id: $id, afterSequence: $afterSequence) {\n      __typename\n      type\n      sequence\n      at\n      runId\n      ... on WorkflowNodeStarted {\n        nodeId\n        nodeType\n        iterationIndex\n      }\n      ... on WorkflowNodeFinished {\n        nodeId\n        nodeType\n        status\n        outputs\n        durationMs\n        attempts\n        iterationIndex\n        error {\n          code\n          message\n        }\n      }\n      ... on WorkflowTextChunk {\n        nodeId\n        text\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n      ... on WorkflowRunFailed {\n        runError: error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.FollowWorkflowRunDocument,
    "\n  subscription RunAndFollowWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      __typename\n      type\n      sequence\n      runId\n      ... on WorkflowNodeFinished {\n        nodeId\n        status\n        outputs\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n    }\n  }\n": types.RunAndFollowWorkflowDocument,
    "\n  mutation CreateWorkflowTool($input: CreateWorkflowToolProviderInput!) {\n    createWorkflowToolProvider(input: $input) {\n      provider {\n        id\n        kind\n        tools {\n          id\n          name\n          parameters {\n            name\n            type\n            required\n          }\n        }\n      }\n    }\n  }\n": types.CreateWorkflowToolDocument,
    "\n  mutation CreateExtensionForWorkflow($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n      }\n    }\n  }\n": types.CreateExtensionForWorkflowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyViewer {\n    viewer {\n      user {\n        id\n      }\n      apiKey {\n        id\n        name\n        scope\n      }\n      currentWorkspace {\n        id\n      }\n      role\n    }\n  }\n"): (typeof documents)["\n  query KeyViewer {\n    viewer {\n      user {\n        id\n      }\n      apiKey {\n        id\n        name\n        scope\n      }\n      currentWorkspace {\n        id\n      }\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListKeys {\n    apiKeys {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          scope\n          role\n          lastUsedAt\n          revokedAt\n          creator {\n            id\n          }\n          app {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListKeys {\n    apiKeys {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          prefix\n          scope\n          role\n          lastUsedAt\n          revokedAt\n          creator {\n            id\n          }\n          app {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppById($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AppById($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppNames {\n    apps {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppNames {\n    apps {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AppKeyCreates { createApp(input: { name: \"x\", mode: CHAT }) { app { id } } }"): (typeof documents)["mutation AppKeyCreates { createApp(input: { name: \"x\", mode: CHAT }) { app { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppKeyMembers { viewer { currentWorkspace { members { role } } } }"): (typeof documents)["query AppKeyMembers { viewer { currentWorkspace { members { role } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AppKeyRenames($id: ID!) { renameWorkspace(input: { id: $id, name: \"Mine now\" }) { workspace { id } } }"): (typeof documents)["mutation AppKeyRenames($id: ID!) { renameWorkspace(input: { id: $id, name: \"Mine now\" }) { workspace { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation KeyMakesKey { createApiKey(input: { name: \"k\" }) { secret } }"): (typeof documents)["mutation KeyMakesKey { createApiKey(input: { name: \"k\" }) { secret } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation KeyForForeignApp($appId: ID) { createApiKey(input: { name: \"k\", appId: $appId }) { secret } }"): (typeof documents)["mutation KeyForForeignApp($appId: ID) { createApiKey(input: { name: \"k\", appId: $appId }) { secret } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Apps($first: Int, $after: String, $filter: AppFilter) {\n    apps(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          mode\n          description\n          icon\n          config\n          workspace {\n            id\n            name\n          }\n          creator {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Apps($first: Int, $after: String, $filter: AppFilter) {\n    apps(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          mode\n          description\n          icon\n          config\n          workspace {\n            id\n            name\n          }\n          creator {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) {\n      app {\n        id\n        name\n        description\n        config\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) {\n      app {\n        id\n        name\n        description\n        config\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApp($input: DeleteAppInput!) {\n    deleteApp(input: $input) {\n      deletedAppId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteApp($input: DeleteAppInput!) {\n    deleteApp(input: $input) {\n      deletedAppId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetApp($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query GetApp($id: ID!) {\n    app(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NestedWorkspaces($first: Int) {\n    viewer {\n      workspaces(first: $first) {\n        edges {\n          node {\n            name\n            viewerRole\n            members {\n              role\n              user {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NestedWorkspaces($first: Int) {\n    viewer {\n      workspaces(first: $first) {\n        edges {\n          node {\n            name\n            viewerRole\n            members {\n              role\n              user {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiExtension($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n        name\n        module\n        kind\n        endpoint\n        apiKey\n        config\n        enabled\n        creator {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiExtension($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n        name\n        module\n        kind\n        endpoint\n        apiKey\n        config\n        enabled\n        creator {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiExtension($input: UpdateApiExtensionInput!) {\n    updateApiExtension(input: $input) {\n      extension {\n        id\n        name\n        apiKey\n        config\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiExtension($input: UpdateApiExtensionInput!) {\n    updateApiExtension(input: $input) {\n      extension {\n        id\n        name\n        apiKey\n        config\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetExtensionEnabled($id: ID!, $enabled: Boolean!) {\n    setExtensionEnabled(input: { id: $id, enabled: $enabled }) {\n      extension {\n        id\n        enabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetExtensionEnabled($id: ID!, $enabled: Boolean!) {\n    setExtensionEnabled(input: { id: $id, enabled: $enabled }) {\n      extension {\n        id\n        enabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(input: { id: $id }) {\n      deletedExtensionId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(input: { id: $id }) {\n      deletedExtensionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtensionModules {\n    extensionModules {\n      name\n      apiBased\n      points {\n        name\n        inputSchema\n        outputSchema\n      }\n      configForm {\n        name\n        type\n        required\n        default\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExtensionModules {\n    extensionModules {\n      name\n      apiBased\n      points {\n        name\n        inputSchema\n        outputSchema\n      }\n      configForm {\n        name\n        type\n        required\n        default\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtensionsAndExecutions($filter: ExtensionFilter, $executions: ExtensionExecutionFilter) {\n    extensions(filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    extensionExecutions(first: 50, filter: $executions) {\n      totalCount\n      edges {\n        node {\n          id\n          point\n          status\n          errorCode\n          extension {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExtensionsAndExecutions($filter: ExtensionFilter, $executions: ExtensionExecutionFilter) {\n    extensions(filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    extensionExecutions(first: 50, filter: $executions) {\n      totalCount\n      edges {\n        node {\n          id\n          point\n          status\n          errorCode\n          extension {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CloudFile($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      url\n    }\n  }\n"): (typeof documents)["\n  query CloudFile($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloudCreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CloudCreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloudCompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloudCompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloudDeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n"): (typeof documents)["\n  mutation CloudDeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FileById($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      purpose\n      url\n      urlExpiresAt\n      creator {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query FileById($id: ID!) {\n    file(id: $id) {\n      id\n      name\n      size\n      mimeType\n      sha256\n      purpose\n      url\n      urlExpiresAt\n      creator {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FileList($first: Int, $after: String, $filter: FileFilter) {\n    files(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          mimeType\n          purpose\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FileList($first: Int, $after: String, $filter: FileFilter) {\n    files(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          mimeType\n          purpose\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUploadUrl($input: CreateUploadUrlInput!) {\n    createUploadUrl(input: $input) {\n      fileId\n      url\n      method\n      headers\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteUpload($input: CompleteUploadInput!) {\n    completeUpload(input: $input) {\n      file {\n        id\n        name\n        size\n        mimeType\n        sha256\n        purpose\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteFile($input: DeleteFileInput!) {\n    deleteFile(input: $input) {\n      deletedFileId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvokeToolSavingOutputs($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        status\n      }\n      messages {\n        __typename\n        ... on FileMessage {\n          name\n          mimeType\n          url\n          fileId\n          size\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InvokeToolSavingOutputs($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        status\n      }\n      messages {\n        __typename\n        ... on FileMessage {\n          name\n          mimeType\n          url\n          fileId\n          size\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer($first: Int, $after: String) {\n    viewer {\n      user {\n        id\n        email\n      }\n      workspaces(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            name\n            viewerRole\n            members {\n              role\n              user {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer($first: Int, $after: String) {\n    viewer {\n      user {\n        id\n        email\n      }\n      workspaces(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            name\n            viewerRole\n            members {\n              role\n              user {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      revoked\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      revoked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Rename($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Rename($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation NewWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInAttempt($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignInAttempt($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plugins {\n    plugins {\n      name\n      version\n      module\n      state\n      allowedHosts\n      tools {\n        name\n      }\n      configForm {\n        name\n        type\n        required\n      }\n    }\n  }\n"): (typeof documents)["\n  query Plugins {\n    plugins {\n      name\n      version\n      module\n      state\n      allowedHosts\n      tools {\n        name\n      }\n      configForm {\n        name\n        type\n        required\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePluginExtension($input: CreatePluginExtensionInput!) {\n    createPluginExtension(input: $input) {\n      extension {\n        id\n        kind\n        module\n        pluginName\n        config\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePluginExtension($input: CreatePluginExtensionInput!) {\n    createPluginExtension(input: $input) {\n      extension {\n        id\n        kind\n        module\n        pluginName\n        config\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PluginProvider($id: ID!) {\n    toolProvider(id: $id) {\n      id\n      kind\n      name\n      tools {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PluginProvider($id: ID!) {\n    toolProvider(id: $id) {\n      id\n      kind\n      name\n      tools {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePluginExtension($input: UpdatePluginExtensionInput!) {\n    updatePluginExtension(input: $input) {\n      extension {\n        id\n        name\n        config\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePluginExtension($input: UpdatePluginExtensionInput!) {\n    updatePluginExtension(input: $input) {\n      extension {\n        id\n        name\n        config\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisablePlugin($id: ID!) {\n    setExtensionEnabled(input: { id: $id, enabled: false }) {\n      extension {\n        enabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DisablePlugin($id: ID!) {\n    setExtensionEnabled(input: { id: $id, enabled: false }) {\n      extension {\n        enabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InstallPlugin($input: InstallPluginInput!) {\n    installPlugin(input: $input) {\n      plugin {\n        name\n        version\n        tools {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InstallPlugin($input: InstallPluginInput!) {\n    installPlugin(input: $input) {\n      plugin {\n        name\n        version\n        tools {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWorkspaces {\n    viewer {\n      workspaces {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyWorkspaces {\n    viewer {\n      workspaces {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Current {\n    viewer {\n      role\n      currentWorkspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query Current {\n    viewer {\n      role\n      currentWorkspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInAgain($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignInAgain($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Everywhere {\n    signOutEverywhere {\n      revoked\n    }\n  }\n"): (typeof documents)["\n  mutation Everywhere {\n    signOutEverywhere {\n      revoked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchForShutdown($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription WatchForShutdown($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkspaceUpdated($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  subscription WorkspaceUpdated($id: ID!) {\n    workspaceUpdated(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInForSubscription($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignInForSubscription($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutForSubscription {\n    signOut {\n      revoked\n    }\n  }\n"): (typeof documents)["\n  mutation SignOutForSubscription {\n    signOut {\n      revoked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameForSubscription($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameForSubscription($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewTools($input: PreviewOpenApiToolsInput!) {\n    previewOpenApiTools(input: $input) {\n      title\n      version\n      serverUrl\n      warnings\n      tools {\n        name\n        method\n        path\n        parameters {\n          name\n          type\n          required\n          location\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PreviewTools($input: PreviewOpenApiToolsInput!) {\n    previewOpenApiTools(input: $input) {\n      title\n      version\n      serverUrl\n      warnings\n      tools {\n        name\n        method\n        path\n        parameters {\n          name\n          type\n          required\n          location\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiProvider($input: UpdateApiToolProviderInput!) {\n    updateApiToolProvider(input: $input) {\n      provider {\n        id\n        credentials {\n          apiKey\n          username\n          password\n          token\n        }\n        auth {\n          type\n          headerName\n          prefix\n          queryParam\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiProvider($input: UpdateApiToolProviderInput!) {\n    updateApiToolProvider(input: $input) {\n      provider {\n        id\n        credentials {\n          apiKey\n          username\n          password\n          token\n        }\n        auth {\n          type\n          headerName\n          prefix\n          queryParam\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderCredentials($id: ID!) {\n    toolProvider(id: $id) {\n      credentials {\n        apiKey\n        username\n        password\n        token\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProviderCredentials($id: ID!) {\n    toolProvider(id: $id) {\n      credentials {\n        apiKey\n        username\n        password\n        token\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestApiTool($input: TestApiToolInput!) {\n    testApiTool(input: $input) {\n      status\n      errorCode\n      messages {\n        __typename\n        ... on JsonMessage {\n          json\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestApiTool($input: TestApiToolInput!) {\n    testApiTool(input: $input) {\n      status\n      errorCode\n      messages {\n        __typename\n        ... on JsonMessage {\n          json\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolInvocations($filter: ToolInvocationFilter) {\n    toolInvocations(first: 50, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          toolId\n          status\n          errorCode\n          caller {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolInvocations($filter: ToolInvocationFilter) {\n    toolInvocations(first: 50, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          toolId\n          status\n          errorCode\n          caller {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuiltinTools {\n    builtinTools {\n      id\n      name\n      description\n      parameters {\n        name\n        type\n        required\n      }\n    }\n  }\n"): (typeof documents)["\n  query BuiltinTools {\n    builtinTools {\n      id\n      name\n      description\n      parameters {\n        name\n        type\n        required\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolProviders {\n    toolProviders(first: 10) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ToolProviders {\n    toolProviders(first: 10) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishToolProvider($input: PublishToolProviderInput!) {\n    publishToolProvider(input: $input) {\n      provider {\n        id\n        visibility\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishToolProvider($input: PublishToolProviderInput!) {\n    publishToolProvider(input: $input) {\n      provider {\n        id\n        visibility\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolMarketplace($filter: ToolMarketplaceFilter) {\n    toolMarketplace(first: 20, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          installCount\n          publisher\n          tools {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolMarketplace($filter: ToolMarketplaceFilter) {\n    toolMarketplace(first: 20, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          installCount\n          publisher\n          tools {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InstallToolProvider($input: InstallToolProviderInput!) {\n    installToolProvider(input: $input) {\n      provider {\n        id\n        name\n        credentials {\n          apiKey\n        }\n        tools {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InstallToolProvider($input: InstallToolProviderInput!) {\n    installToolProvider(input: $input) {\n      provider {\n        id\n        name\n        credentials {\n          apiKey\n        }\n        tools {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecuteExtension($input: ExecuteExtensionInput!) {\n    executeExtension(input: $input) {\n      output\n      execution {\n        id\n        point\n        status\n        errorCode\n        durationMs\n        user {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExecuteExtension($input: ExecuteExtensionInput!) {\n    executeExtension(input: $input) {\n      output\n      execution {\n        id\n        point\n        status\n        errorCode\n        durationMs\n        user {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) {\n      workspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($input: AddWorkspaceMemberInput!) {\n    addWorkspaceMember(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddMember($input: AddWorkspaceMemberInput!) {\n    addWorkspaceMember(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApp($input: CreateAppInput!) {\n    createApp(input: $input) {\n      app {\n        id\n        name\n        mode\n        config\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApp($input: CreateAppInput!) {\n    createApp(input: $input) {\n      app {\n        id\n        name\n        mode\n        config\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n        scope\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n        scope\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMembers($input: InviteWorkspaceMembersInput!) {\n    inviteWorkspaceMembers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        language\n        expiresAt\n        invitedBy {\n          id\n        }\n        workspace {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMembers($input: InviteWorkspaceMembersInput!) {\n    inviteWorkspaceMembers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        language\n        expiresAt\n        invitedBy {\n          id\n        }\n        workspace {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      workspaceId\n      role\n      email\n      auth {\n        token\n        user {\n          id\n          email\n          emailVerified\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      workspaceId\n      role\n      email\n      auth {\n        token\n        user {\n          id\n          email\n          emailVerified\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(input: { id: $id }) {\n      invitation {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(input: { id: $id }) {\n      invitation {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($status: InvitationStatus) {\n    invitations(first: 50, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($status: InvitationStatus) {\n    invitations(first: 50, status: $status) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailDeliveries($filter: MailDeliveryFilter, $first: Int) {\n    mailDeliveries(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          language\n          status\n          attempts\n          providerMessageId\n          lastError\n          lastErrorCode\n          nextAttemptAt\n          sentAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MailDeliveries($filter: MailDeliveryFilter, $first: Int) {\n    mailDeliveries(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          language\n          status\n          attempts\n          providerMessageId\n          lastError\n          lastErrorCode\n          nextAttemptAt\n          sentAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailDeliveryById($id: ID!) {\n    mailDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  query MailDeliveryById($id: ID!) {\n    mailDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(input: { email: $email }) {\n      accepted\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(input: { email: $email }) {\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(input: { token: $token, password: $password }) {\n      revokedSessions\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(input: { token: $token, password: $password }) {\n      revokedSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      accepted\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEmailVerification {\n    requestEmailVerification {\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(input: { token: $token }) {\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(input: { token: $token }) {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSignInLink($email: String!) {\n    requestSignInLink(input: { email: $email }) {\n      accepted\n    }\n  }\n"): (typeof documents)["\n  mutation RequestSignInLink($email: String!) {\n    requestSignInLink(input: { email: $email }) {\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInWithLink($token: String!) {\n    signInWithLink(input: { token: $token }) {\n      token\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignInWithLink($token: String!) {\n    signInWithLink(input: { token: $token }) {\n      token\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerEmail {\n    viewer {\n      user {\n        id\n        email\n        emailVerified\n        language\n      }\n      currentWorkspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerEmail {\n    viewer {\n      user {\n        id\n        email\n        emailVerified\n        language\n      }\n      currentWorkspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasswordSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation PasswordSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiProvider($input: CreateApiToolProviderInput!) {\n    createApiToolProvider(input: $input) {\n      provider {\n        id\n        name\n        serverUrl\n        warnings\n        tools {\n          id\n          name\n          method\n          path\n          parameters {\n            name\n            type\n            required\n            location\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiProvider($input: CreateApiToolProviderInput!) {\n    createApiToolProvider(input: $input) {\n      provider {\n        id\n        name\n        serverUrl\n        warnings\n        tools {\n          id\n          name\n          method\n          path\n          parameters {\n            name\n            type\n            required\n            location\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvokeTool($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        id\n        toolId\n        toolName\n        status\n        errorCode\n        messageCount\n        durationMs\n        caller {\n          id\n        }\n      }\n      messages {\n        __typename\n        ... on TextMessage {\n          text\n        }\n        ... on JsonMessage {\n          json\n        }\n        ... on BlobMessage {\n          mimeType\n          sequence\n          data\n          totalLength\n          final\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InvokeTool($input: InvokeToolInput!) {\n    invokeTool(input: $input) {\n      invocation {\n        id\n        toolId\n        toolName\n        status\n        errorCode\n        messageCount\n        durationMs\n        caller {\n          id\n        }\n      }\n      messages {\n        __typename\n        ... on TextMessage {\n          text\n        }\n        ... on JsonMessage {\n          json\n        }\n        ... on BlobMessage {\n          mimeType\n          sequence\n          data\n          totalLength\n          final\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) {\n      version {\n        id\n        version\n        isDraft\n        nodes {\n          id\n          type\n        }\n        inputs {\n          name\n          type\n          required\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) {\n      version {\n        id\n        version\n        isDraft\n        nodes {\n          id\n          type\n        }\n        inputs {\n          name\n          type\n          required\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) {\n      version {\n        id\n        version\n        isDraft\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) {\n      version {\n        id\n        version\n        isDraft\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      run {\n        id\n        status\n        outputs\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RunWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      run {\n        id\n        status\n        outputs\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopWorkflowRun($input: StopWorkflowRunInput!) {\n    stopWorkflowRun(input: $input) {\n      run {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StopWorkflowRun($input: StopWorkflowRunInput!) {\n    stopWorkflowRun(input: $input) {\n      run {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetWorkflowRun($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      version\n      inputs\n      outputs\n      depth\n      parentRunId\n      error {\n        code\n        message\n      }\n      startedAt\n      finishedAt\n      nodeExecutions(first: 100) {\n        totalCount\n        edges {\n          node {\n            nodeId\n            nodeType\n            status\n            attempts\n            iterationIndex\n            inputs\n            outputs\n            startedAt\n            finishedAt\n            durationMs\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetWorkflowRun($id: ID!) {\n    workflowRun(id: $id) {\n      id\n      status\n      version\n      inputs\n      outputs\n      depth\n      parentRunId\n      error {\n        code\n        message\n      }\n      startedAt\n      finishedAt\n      nodeExecutions(first: 100) {\n        totalCount\n        edges {\n          node {\n            nodeId\n            nodeType\n            status\n            attempts\n            iterationIndex\n            inputs\n            outputs\n            startedAt\n            finishedAt\n            durationMs\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListWorkflowRuns($filter: WorkflowRunFilter, $first: Int) {\n    workflowRuns(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          depth\n          parentRunId\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListWorkflowRuns($filter: WorkflowRunFilter, $first: Int) {\n    workflowRuns(filter: $filter, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          depth\n          parentRunId\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListWorkflowRunsAfter($filter: WorkflowRunFilter, $first: Int, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListWorkflowRunsAfter($filter: WorkflowRunFilter, $first: Int, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowWorkflowRun($id: ID!, $afterSequence: Int) {\n    workflowRun(id: $id, afterSequence: $afterSequence) {\n      __typename\n      type\n      sequence\n      at\n      runId\n      ... on WorkflowNodeStarted {\n        nodeId\n        nodeType\n        iterationIndex\n      }\n      ... on WorkflowNodeFinished {\n        nodeId\n        nodeType\n        status\n        outputs\n        durationMs\n        attempts\n        iterationIndex\n        error {\n          code\n          message\n        }\n      }\n      ... on WorkflowTextChunk {\n        nodeId\n        text\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n      ... on WorkflowRunFailed {\n        runError: error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription FollowWorkflowRun($id: ID!, $afterSequence: Int) {\n    workflowRun(id: $id, afterSequence: $afterSequence) {\n      __typename\n      type\n      sequence\n      at\n      runId\n      ... on WorkflowNodeStarted {\n        nodeId\n        nodeType\n        iterationIndex\n      }\n      ... on WorkflowNodeFinished {\n        nodeId\n        nodeType\n        status\n        outputs\n        durationMs\n        attempts\n        iterationIndex\n        error {\n          code\n          message\n        }\n      }\n      ... on WorkflowTextChunk {\n        nodeId\n        text\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n      ... on WorkflowRunFailed {\n        runError: error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunAndFollowWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      __typename\n      type\n      sequence\n      runId\n      ... on WorkflowNodeFinished {\n        nodeId\n        status\n        outputs\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RunAndFollowWorkflow($input: RunWorkflowInput!) {\n    runWorkflow(input: $input) {\n      __typename\n      type\n      sequence\n      runId\n      ... on WorkflowNodeFinished {\n        nodeId\n        status\n        outputs\n      }\n      ... on WorkflowRunFinished {\n        runOutputs: outputs\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkflowTool($input: CreateWorkflowToolProviderInput!) {\n    createWorkflowToolProvider(input: $input) {\n      provider {\n        id\n        kind\n        tools {\n          id\n          name\n          parameters {\n            name\n            type\n            required\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkflowTool($input: CreateWorkflowToolProviderInput!) {\n    createWorkflowToolProvider(input: $input) {\n      provider {\n        id\n        kind\n        tools {\n          id\n          name\n          parameters {\n            name\n            type\n            required\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExtensionForWorkflow($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExtensionForWorkflow($input: CreateApiExtensionInput!) {\n    createApiExtension(input: $input) {\n      extension {\n        id\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;