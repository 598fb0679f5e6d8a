import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { User as UserModel, Workspace as WorkspaceModel, Membership as MembershipModel, ApiKey as ApiKeyModel } from '../../src/identity/identity.entities.js';
import type { Viewer as ViewerModel } from '../../src/identity/viewer.js';
import type { WorkspaceMembershipPage as WorkspaceMembershipPageModel, WorkspaceMembershipEdge as WorkspaceMembershipEdgeModel } from '../../src/identity/workspace.service.js';
import type { ApiKeyPage as ApiKeyPageModel, ApiKeyEdge as ApiKeyEdgeModel } from '../../src/identity/api-key.service.js';
import type { App as AppModel } from '../../src/apps/app.entity.js';
import type { AppPage as AppPageModel, AppEdge as AppEdgeModel } from '../../src/apps/app.service.js';
import type { ProviderModel as ProviderModelModel, ToolModel as ToolModelModel, ParameterModel as ParameterModelModel, ToolEventModel as ToolEventModelModel } from '../../src/tools/tool.models.js';
import type { ProviderPage as ProviderPageModel, ProviderEdge as ProviderEdgeModel, TestResult as TestResultModel } from '../../src/tools/tool.service.js';
import type { ApiAuth as ApiAuthModel, ApiSpec as ApiSpecModel, ApiOperation as ApiOperationModel } from '../../src/tools/openapi/index.js';
import type { ApiCredentials as ApiCredentialsModel } from '../../src/tools/api/api-credentials.js';
import type { ToolInvocationRecord as ToolInvocationRecordModel, ToolProviderRecord as ToolProviderRecordModel } from '../../src/tools/tool.entities.js';
import type { InvocationPage as InvocationPageModel, InvocationEdge as InvocationEdgeModel } from '../../src/tools/tool-manager.js';
import type { ToolMessage as ToolMessageModel } from '../../src/tools/tool.types.js';
import type { Invitation as InvitationModel } from '../../src/identity/account.entities.js';
import type { InvitationPage as InvitationPageModel, InvitationEdge as InvitationEdgeModel, AcceptedInvitation as AcceptedInvitationModel } from '../../src/identity/invitation.service.js';
import type { MailDelivery as MailDeliveryModel } from '../../src/mail/mail-delivery.entity.js';
import type { DeliveryPage as DeliveryPageModel, DeliveryEdge as DeliveryEdgeModel } from '../../src/mail/mail.service.js';
import type { ExtensionRecord as ExtensionRecordModel, ExtensionExecution as ExtensionExecutionModel, InstalledPlugin as InstalledPluginModel } from '../../src/extensions/extension.entities.js';
import type { ExtensionPage as ExtensionPageModel, ExtensionEdge as ExtensionEdgeModel, ExecutionPage as ExecutionPageModel, ExecutionEdge as ExecutionEdgeModel, ExecutionResult as ExecutionResultModel } from '../../src/extensions/extension-manager.js';
import type { ExtensionModule as ExtensionModuleModel, ExtensionPoint as ExtensionPointModel } from '../../src/extensions/extension-modules.js';
import type { FormField as FormFieldModel, PluginToolManifest as PluginToolManifestModel } from '../../src/extensions/plugins/plugin.types.js';
import type { FileRecord as FileRecordModel } from '../../src/files/file.entity.js';
import type { FilePage as FilePageModel, FileEdge as FileEdgeModel } from '../../src/files/file.service.js';
import type { WorkflowModel as WorkflowModelModel, VersionPage as VersionPageModel, VersionEdge as VersionEdgeModel, RunPage as RunPageModel, RunEdge as RunEdgeModel, NodeExecutionPage as NodeExecutionPageModel, NodeExecutionEdge as NodeExecutionEdgeModel } from '../../src/workflows/workflow.models.js';
import type { WorkflowVersion as WorkflowVersionModel, WorkflowRun as WorkflowRunModel, NodeExecution as NodeExecutionModel } from '../../src/workflows/workflow.entities.js';
import type { WorkflowNode as WorkflowNodeModel, StartInput as StartInputModel } from '../../src/workflows/graph/graph.types.js';
import type { RunError as RunErrorModel, WorkflowEvent as WorkflowEventModel } from '../../src/workflows/runs/run-events.js';
import type { Context } from '../../src/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-25T12:00:00.000Z. */
  DateTime: { input: Date | string; output: Date | string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /** A file sent with the GraphQL multipart request spec (send the `apollo-require-preflight: true` header). */
  Upload: { input: Promise<unknown>; output: Promise<unknown>; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AcceptInvitationInput = {
  /** For a new account, when no user has the invited address yet. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** For a new account: at least 10 characters. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** The token from the invitation link (after `#token=`). */
  token: Scalars['String']['input'];
};

export type AcceptInvitationPayload = {
  __typename?: 'AcceptInvitationPayload';
  /** A session for the account created by accepting; null when an existing account was linked. */
  auth?: Maybe<AuthPayload>;
  email: Scalars['String']['output'];
  role: Role;
  workspaceId: Scalars['ID']['output'];
};

export type AddWorkspaceMemberInput = {
  /** An existing user's email. */
  email: Scalars['String']['input'];
  role: Role;
};

export type ApiAuth = {
  __typename?: 'ApiAuth';
  customPrefix?: Maybe<Scalars['String']['output']>;
  headerName?: Maybe<Scalars['String']['output']>;
  prefix?: Maybe<ApiKeyPrefix>;
  queryParam?: Maybe<Scalars['String']['output']>;
  type: ApiAuthType;
};

export type ApiAuthInput = {
  customPrefix?: InputMaybe<Scalars['String']['input']>;
  /** API_KEY_HEADER: the header name (default Authorization). */
  headerName?: InputMaybe<Scalars['String']['input']>;
  prefix?: InputMaybe<ApiKeyPrefix>;
  /** API_KEY_QUERY: the query parameter name. */
  queryParam?: InputMaybe<Scalars['String']['input']>;
  type: ApiAuthType;
};

export type ApiAuthType =
  /** The API key in a header (`headerName`), after `prefix`. */
  | 'API_KEY_HEADER'
  /** The API key in a query parameter (`queryParam`). */
  | 'API_KEY_QUERY'
  /** HTTP basic: `username` and `password`. */
  | 'BASIC'
  /** `Authorization: Bearer <token>`. */
  | 'BEARER'
  | 'NONE';

/** Stored credentials, masked (`ab******yz`; short values fully). Send a masked value back unchanged to keep the secret. */
export type ApiCredentials = {
  __typename?: 'ApiCredentials';
  apiKey?: Maybe<Scalars['String']['output']>;
  password?: Maybe<Scalars['String']['output']>;
  token?: Maybe<Scalars['String']['output']>;
  username?: Maybe<Scalars['String']['output']>;
};

export type ApiCredentialsInput = {
  apiKey?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  token?: InputMaybe<Scalars['String']['input']>;
  username?: InputMaybe<Scalars['String']['input']>;
};

/** A key for calling the API without a user session. The secret is shown once, at creation. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  /** The one app this key may use, for APP-scoped keys. */
  app?: Maybe<App>;
  createdAt: Scalars['DateTime']['output'];
  creator?: Maybe<User>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first characters of the key, to tell keys apart. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: Role;
  scope: ApiKeyScope;
};

export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  edges: Array<ApiKeyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  cursor: Scalars['String']['output'];
  node: ApiKey;
};

export type ApiKeyPrefix =
  | 'BASIC'
  | 'BEARER'
  /** `customPrefix` then the key. */
  | 'CUSTOM'
  | 'NONE';

export type ApiKeyScope =
  | 'APP'
  | 'WORKSPACE';

/** An LLM app (workflow, chat, completion or agent). Fields are added by the apps domain. */
export type App = Node & {
  __typename?: 'App';
  /** Mode-specific settings, validated per mode (e.g. model, prePrompt, suggestedQuestions). */
  config: Scalars['JSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Null when the creator's account was deleted, or the app was created with an API key. */
  creator?: Maybe<User>;
  description: Scalars['String']['output'];
  /** An emoji or icon name. */
  icon?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  mode: AppMode;
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The app's workflow; null unless the app's mode is WORKFLOW. */
  workflow?: Maybe<Workflow>;
  workspace: Workspace;
};

export type AppConnection = {
  __typename?: 'AppConnection';
  edges: Array<AppEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AppEdge = {
  __typename?: 'AppEdge';
  cursor: Scalars['String']['output'];
  node: App;
};

export type AppFilter = {
  mode?: InputMaybe<AppMode>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

export type AppMode =
  | 'AGENT'
  | 'CHAT'
  | 'COMPLETION'
  | 'WORKFLOW';

export type AuthPayload = {
  __typename?: 'AuthPayload';
  expiresAt: Scalars['DateTime']['output'];
  /** Send as `Authorization: Bearer <token>` (HTTP, SSE) or `connectionParams.authorization` (graphql-ws). Shown once. */
  token: Scalars['String']['output'];
  user: User;
};

/** A chunk of binary output: base64 `data`, `sequence` from 0, `final` on the last one. */
export type BlobMessage = {
  __typename?: 'BlobMessage';
  data: Scalars['String']['output'];
  final: Scalars['Boolean']['output'];
  mimeType: Scalars['String']['output'];
  sequence: Scalars['Int']['output'];
  /** The whole blob's byte length, when known up front. */
  totalLength?: Maybe<Scalars['Int']['output']>;
};

export type ChangeWorkspaceMemberRoleInput = {
  role: Role;
  userId: Scalars['ID']['input'];
};

export type CompleteUploadInput = {
  id: Scalars['ID']['input'];
};

export type CreateApiExtensionInput = {
  apiKey: Scalars['String']['input'];
  /** Values of the module's configuration form. */
  config?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Receives POST { point, params } with Authorization: Bearer <apiKey>; must answer ping with {"result": "pong"}. */
  endpoint: Scalars['String']['input'];
  module: ExtensionModuleName;
  /** Unique in the workspace. */
  name: Scalars['String']['input'];
};

export type CreateApiKeyInput = {
  /** Limit the key to one app of the current workspace. */
  appId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  /** The key's role; at most the creator's. Default EDITOR. */
  role?: InputMaybe<Role>;
};

export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  apiKey: ApiKey;
  /** The key itself. Shown only here: store it now. */
  secret: Scalars['String']['output'];
};

export type CreateApiToolProviderInput = {
  auth?: InputMaybe<ApiAuthInput>;
  /** Defaults: 10000 and 60000 (PLUGBOARD_TOOL_CONNECT_TIMEOUT_MS / PLUGBOARD_TOOL_TIMEOUT_MS). */
  connectTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  credentials?: InputMaybe<ApiCredentialsInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  icon?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Overrides the document's server URL (required when it has none, or a relative one). */
  serverUrl?: InputMaybe<Scalars['String']['input']>;
  source: OpenApiSourceInput;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  totalTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateAppInput = {
  config?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  icon?: InputMaybe<Scalars['String']['input']>;
  mode: AppMode;
  name: Scalars['String']['input'];
};

export type CreateAppPayload = {
  __typename?: 'CreateAppPayload';
  app: App;
};

export type CreatePluginExtensionInput = {
  /** Values of the plugin's configuration form. */
  config?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique in the workspace. */
  name: Scalars['String']['input'];
  /** An installed plugin's name (see plugins). */
  pluginName: Scalars['String']['input'];
};

export type CreateUploadUrlInput = {
  name: Scalars['String']['input'];
  purpose?: InputMaybe<FilePurpose>;
  /** The exact byte count that will be uploaded. */
  size: Scalars['Float']['input'];
};

export type CreateUploadUrlPayload = {
  __typename?: 'CreateUploadUrlPayload';
  expiresAt: Scalars['DateTime']['output'];
  /** The pending file: call completeUpload with its ID once the bytes are uploaded. */
  fileId: Scalars['ID']['output'];
  headers: Scalars['JSON']['output'];
  method: Scalars['String']['output'];
  /** PUT the bytes here, with `headers`. */
  url: Scalars['String']['output'];
};

export type CreateWorkflowToolProviderInput = {
  /** A WORKFLOW app with a published version: its START inputs become the tool's parameters (refreshed at each publish). */
  appId: Scalars['ID']['input'];
  /** Default: the app's description. */
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** The one tool's name; default `run` (tool ID `<providerId>/run`). */
  toolName?: InputMaybe<Scalars['String']['input']>;
};

export type CreateWorkspaceInput = {
  name: Scalars['String']['input'];
};

export type CreateWorkspacePayload = {
  __typename?: 'CreateWorkspacePayload';
  workspace: Workspace;
};

export type DeleteAppInput = {
  id: Scalars['ID']['input'];
};

export type DeleteAppPayload = {
  __typename?: 'DeleteAppPayload';
  deletedAppId: Scalars['ID']['output'];
};

export type DeleteExtensionInput = {
  id: Scalars['ID']['input'];
};

export type DeleteExtensionPayload = {
  __typename?: 'DeleteExtensionPayload';
  deletedExtensionId: Scalars['ID']['output'];
};

export type DeleteFileInput = {
  id: Scalars['ID']['input'];
};

export type DeleteFilePayload = {
  __typename?: 'DeleteFilePayload';
  deletedFileId: Scalars['ID']['output'];
};

export type DeleteToolProviderInput = {
  id: Scalars['ID']['input'];
};

export type DeleteToolProviderPayload = {
  __typename?: 'DeleteToolProviderPayload';
  deletedProviderId: Scalars['ID']['output'];
};

export type EmailInput = {
  email: Scalars['String']['input'];
};

export type ExecuteExtensionInput = {
  extensionId: Scalars['ID']['input'];
  /** The point's params, as the module's inputSchema describes. */
  input: Scalars['JSON']['input'];
  /** Dify's point name (app.moderation.input, app.moderation.output, app.external_data_tool.query); optional when the module has one. */
  point?: InputMaybe<Scalars['String']['input']>;
};

export type ExecuteExtensionPayload = {
  __typename?: 'ExecuteExtensionPayload';
  execution: ExtensionExecution;
  /** The extension's answer, checked against the point's outputSchema. */
  output: Scalars['JSON']['output'];
};

export type Extension = Node & {
  __typename?: 'Extension';
  /** API extensions: the key, masked (ab******yz). Send it back unchanged to keep it. */
  apiKey?: Maybe<Scalars['String']['output']>;
  /** The form's values; secrets masked. */
  config: Scalars['JSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  creator?: Maybe<User>;
  description: Scalars['String']['output'];
  enabled: Scalars['Boolean']['output'];
  /** API extensions: the endpoint Plugboard POSTs { point, params } to. */
  endpoint?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ExtensionKind;
  module: ExtensionModuleName;
  name: Scalars['String']['output'];
  /** Code extensions: the plugin's name. */
  pluginName?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type ExtensionConnection = {
  __typename?: 'ExtensionConnection';
  edges: Array<ExtensionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ExtensionEdge = {
  __typename?: 'ExtensionEdge';
  cursor: Scalars['String']['output'];
  node: Extension;
};

/** One execution of an extension: who, which point, how it went (never its input or output). */
export type ExtensionExecution = Node & {
  __typename?: 'ExtensionExecution';
  createdAt: Scalars['DateTime']['output'];
  durationMs: Scalars['Int']['output'];
  errorCode?: Maybe<Scalars['String']['output']>;
  extension?: Maybe<Extension>;
  id: Scalars['ID']['output'];
  point: Scalars['String']['output'];
  status: ExtensionExecutionStatus;
  user?: Maybe<User>;
};

export type ExtensionExecutionConnection = {
  __typename?: 'ExtensionExecutionConnection';
  edges: Array<ExtensionExecutionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ExtensionExecutionEdge = {
  __typename?: 'ExtensionExecutionEdge';
  cursor: Scalars['String']['output'];
  node: ExtensionExecution;
};

export type ExtensionExecutionFilter = {
  extensionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ExtensionExecutionStatus>;
};

export type ExtensionExecutionStatus =
  | 'FAILED'
  | 'SUCCEEDED';

export type ExtensionFilter = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<ExtensionKind>;
  module?: InputMaybe<ExtensionModuleName>;
  /** Part of the name, case-insensitive. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type ExtensionKind =
  /** An HTTP endpoint speaking Dify's API-based extension protocol. */
  | 'API'
  /** An installed code plugin, run isolated from the gateway. */
  | 'CODE';

/** An extension point of the ExtensionManager. */
export type ExtensionModule = {
  __typename?: 'ExtensionModule';
  /** Whether an API endpoint can implement it (TOOL is for code plugins). */
  apiBased: Scalars['Boolean']['output'];
  /** The configuration form of an extension of this module. */
  configForm: Array<FormField>;
  description: Scalars['String']['output'];
  name: ExtensionModuleName;
  points: Array<ExtensionPoint>;
};

export type ExtensionModuleName =
  | 'EXTERNAL_DATA_TOOL'
  | 'MODERATION'
  | 'TOOL';

export type ExtensionPayload = {
  __typename?: 'ExtensionPayload';
  extension: Extension;
};

/** One call an extension answers: Dify's point name and the JSON Schemas of its params and answer. */
export type ExtensionPoint = {
  __typename?: 'ExtensionPoint';
  inputSchema: Scalars['JSON']['output'];
  name: Scalars['String']['output'];
  outputSchema: Scalars['JSON']['output'];
};

export type File = Node & {
  __typename?: 'File';
  createdAt: Scalars['DateTime']['output'];
  /** Null when the uploader's account was deleted, or an API key uploaded it. */
  creator?: Maybe<User>;
  id: Scalars['ID']['output'];
  /** Sniffed from the content, not taken from the client. */
  mimeType: Scalars['String']['output'];
  /** The name it was uploaded with (no path). */
  name: Scalars['String']['output'];
  purpose: FilePurpose;
  /** Hex SHA-256 of the content. */
  sha256: Scalars['String']['output'];
  /** Bytes. */
  size: Scalars['Float']['output'];
  /** A short-lived signed URL that downloads it (Range requests supported). */
  url: Scalars['String']['output'];
  urlExpiresAt: Scalars['DateTime']['output'];
};

export type FileConnection = {
  __typename?: 'FileConnection';
  edges: Array<FileEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type FileEdge = {
  __typename?: 'FileEdge';
  cursor: Scalars['String']['output'];
  node: File;
};

export type FileFilter = {
  /** e.g. `image/` or `application/pdf`. */
  mimeTypePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  purpose?: InputMaybe<FilePurpose>;
};

export type FileMessage = {
  __typename?: 'FileMessage';
  fileId?: Maybe<Scalars['ID']['output']>;
  mimeType: Scalars['String']['output'];
  name: Scalars['String']['output'];
  size?: Maybe<Scalars['Int']['output']>;
  url?: Maybe<Scalars['String']['output']>;
};

export type FilePurpose =
  /** PDF, text, Markdown, CSV, JSON, Office documents, EPUB. */
  | 'DOCUMENT'
  /** Any type. */
  | 'GENERAL'
  /** PNG, JPEG, GIF, WebP, AVIF, BMP, TIFF (not SVG). */
  | 'IMAGE'
  /** Produced by a tool; any type. */
  | 'TOOL_OUTPUT';

/** One setting of an extension's configuration form. */
export type FormField = {
  __typename?: 'FormField';
  default?: Maybe<Scalars['JSON']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  label: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The allowed values of a SELECT field. */
  options?: Maybe<Array<Scalars['String']['output']>>;
  required: Scalars['Boolean']['output'];
  type: FormFieldType;
};

export type FormFieldType =
  | 'BOOLEAN'
  | 'NUMBER'
  | 'PARAGRAPH'
  | 'SECRET'
  | 'SELECT'
  | 'STRING';

export type ImageMessage = {
  __typename?: 'ImageMessage';
  mimeType?: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

export type InstallPluginInput = {
  /** An uploaded package (uploadFile): an npm-pack style .tgz with plugboard.json and the entry. */
  fileId?: InputMaybe<Scalars['ID']['input']>;
  /** Or an absolute folder path on the server. */
  path?: InputMaybe<Scalars['String']['input']>;
};

export type InstallPluginPayload = {
  __typename?: 'InstallPluginPayload';
  plugin: Plugin;
};

export type InstallToolProviderInput = {
  /** A marketplace listing's ID. */
  listingId: Scalars['ID']['input'];
  /** The name in this workspace (default: the listing's). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** An invitation to join a workspace, mailed as a single-use link. */
export type Invitation = Node & {
  __typename?: 'Invitation';
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  invitedBy?: Maybe<User>;
  /** The language of the invitation mail. */
  language: Language;
  /** The role the invitee gets on accepting. */
  role: Role;
  status: InvitationStatus;
  workspace: Workspace;
};

export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  edges: Array<InvitationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  cursor: Scalars['String']['output'];
  node: Invitation;
};

export type InvitationStatus =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

export type InviteWorkspaceMembersInput = {
  /** 1 to 50 addresses. Inviting an address again replaces its open invitation. */
  emails: Array<Scalars['String']['input']>;
  /** The language of the mail. Default: the inviter's. */
  language?: InputMaybe<Language>;
  role: Role;
};

export type InviteWorkspaceMembersPayload = {
  __typename?: 'InviteWorkspaceMembersPayload';
  invitations: Array<Invitation>;
};

export type InvokeToolInput = {
  /** An object of parameter values; validated and coerced against the tool's parameters. FILE parameters take a file ID. */
  parameters?: InputMaybe<Scalars['JSON']['input']>;
  /** Save binary output (BLOB messages) as files of the workspace: one FileMessage with its ID and a download URL replaces the chunks. */
  saveOutputs?: InputMaybe<Scalars['Boolean']['input']>;
  toolId: Scalars['ID']['input'];
};

export type InvokeToolPayload = {
  __typename?: 'InvokeToolPayload';
  invocation: ToolInvocation;
  messages: Array<ToolMessage>;
};

export type JsonMessage = {
  __typename?: 'JsonMessage';
  json?: Maybe<Scalars['JSON']['output']>;
};

/** Languages of Plugboard's mail. */
export type Language =
  | 'EN'
  /** Simplified Chinese. */
  | 'ZH_HANS';

export type LinkMessage = {
  __typename?: 'LinkMessage';
  title?: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

export type LogLevel =
  | 'DEBUG'
  | 'ERROR'
  | 'INFO'
  | 'WARN';

export type LogMessage = {
  __typename?: 'LogMessage';
  data?: Maybe<Scalars['JSON']['output']>;
  level: LogLevel;
  message: Scalars['String']['output'];
};

/** One message to one recipient, sent in the background with retries. */
export type MailDelivery = Node & {
  __typename?: 'MailDelivery';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  language: Language;
  /** Why the last attempt failed (never credentials). */
  lastError?: Maybe<Scalars['String']['output']>;
  /** SMTP reply code, HTTP status or network error code of the last failure. */
  lastErrorCode?: Maybe<Scalars['String']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The provider's ID for the message (SMTP queue ID or Message-ID, SendGrid x-message-id). */
  providerMessageId?: Maybe<Scalars['String']['output']>;
  recipient: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  status: MailDeliveryStatus;
  subject: Scalars['String']['output'];
  template: MailTemplate;
  updatedAt: Scalars['DateTime']['output'];
};

export type MailDeliveryConnection = {
  __typename?: 'MailDeliveryConnection';
  edges: Array<MailDeliveryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type MailDeliveryEdge = {
  __typename?: 'MailDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: MailDelivery;
};

export type MailDeliveryFilter = {
  /** An exact address. */
  recipient?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<MailDeliveryStatus>;
  template?: InputMaybe<MailTemplate>;
};

/**
 * QUEUED: waiting for its first attempt; SENDING: an attempt is in progress; RETRYING: a
 * temporary failure, next attempt at nextAttemptAt; SENT and FAILED are final.
 */
export type MailDeliveryStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RETRYING'
  | 'SENDING'
  | 'SENT';

export type MailTemplate =
  | 'API_KEY_CREATED'
  | 'EMAIL_VERIFICATION'
  | 'MEMBER_INVITATION'
  | 'PASSWORD_RESET'
  | 'SIGN_IN_LINK'
  | 'WORKFLOW_RUN_FAILED'
  | 'WORKFLOW_RUN_FINISHED';

export type Membership = Node & {
  __typename?: 'Membership';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  role: Role;
  user: User;
  workspace: Workspace;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Joins the invited workspace: signed in as the invited address, or anonymously creating the account (UNAUTHENTICATED when an account has the address: sign in first). */
  acceptInvitation: AcceptInvitationPayload;
  addWorkspaceMember: WorkspaceMemberPayload;
  changeWorkspaceMemberRole: WorkspaceMemberPayload;
  /** Checks what arrived at the upload URL and lists the file. */
  completeUpload: UploadFilePayload;
  /** Registers an API-based extension after checking that it answers ping. */
  createApiExtension: ExtensionPayload;
  createApiKey: CreateApiKeyPayload;
  createApiToolProvider: ToolProviderPayload;
  createApp: CreateAppPayload;
  /** Enables an installed code plugin in the workspace; a TOOL plugin's tools then appear as a PLUGIN tool provider with the extension's ID. */
  createPluginExtension: ExtensionPayload;
  /** For large files: a signed URL to PUT the bytes to directly. */
  createUploadUrl: CreateUploadUrlPayload;
  /** Offers a published workflow as a tool: a call runs its latest published version as a child run (nested at most PLUGBOARD_WORKFLOW_MAX_DEPTH deep). */
  createWorkflowToolProvider: ToolProviderPayload;
  createWorkspace: CreateWorkspacePayload;
  deleteApp: DeleteAppPayload;
  deleteExtension: DeleteExtensionPayload;
  /** Removes the object and the record (the uploader or an ADMIN). */
  deleteFile: DeleteFilePayload;
  deleteToolProvider: DeleteToolProviderPayload;
  /** Runs one point of an extension, for testing; recorded like any execution. */
  executeExtension: ExecuteExtensionPayload;
  /** Installs or upgrades a code plugin on this server (server administrators: PLUGBOARD_ADMIN_EMAILS). A lower version than the installed one is refused. */
  installPlugin: InstallPluginPayload;
  /** Copies a published provider into the current workspace, without credentials. */
  installToolProvider: ToolProviderPayload;
  /** Mails invitations to join the current workspace. Only an OWNER invites OWNERs. */
  inviteWorkspaceMembers: InviteWorkspaceMembersPayload;
  /** Calls a tool and answers when it is done, with every message. Fails with the tool's error code. */
  invokeTool: InvokeToolPayload;
  /** Parses and checks a document without saving anything. */
  previewOpenApiTools: OpenApiPreview;
  /** Lists the provider in the marketplace (its credentials never leave the workspace). */
  publishToolProvider: ToolProviderPayload;
  publishWorkflow: WorkflowVersionPayload;
  /** Removes a member of the current workspace; any member may remove themselves. */
  removeWorkspaceMember: RemoveWorkspaceMemberPayload;
  renameWorkspace: RenameWorkspacePayload;
  /** Mails a verification link to the signed-in user's address (nothing when already verified). */
  requestEmailVerification: RequestAcceptedPayload;
  /** Mails a password reset link if an account has this address; the answer is the same either way. */
  requestPasswordReset: RequestAcceptedPayload;
  /** Mails a sign-in link if an account has this address (when the server enables them: PLUGBOARD_SIGN_IN_LINKS). */
  requestSignInLink: RequestAcceptedPayload;
  /** Sets a new password with a reset link and signs the account out everywhere. */
  resetPassword: ResetPasswordPayload;
  revokeApiKey: RevokeApiKeyPayload;
  revokeInvitation: RevokeInvitationPayload;
  /** Starts a run and answers with it at once (QUEUED), or when it has ended with `blocking`. Over the app's active-run limit: RATE_LIMITED. */
  runWorkflow: RunWorkflowPayload;
  saveWorkflowDraft: WorkflowVersionPayload;
  setExtensionEnabled: ExtensionPayload;
  signIn: AuthPayload;
  signInWithLink: AuthPayload;
  /** Revokes the session used for this request. */
  signOut: SignOutPayload;
  /** Revokes every session of the signed-in user. */
  signOutEverywhere: SignOutPayload;
  signUp: AuthPayload;
  /** Stops a queued or running run; the tool calls in flight are cancelled. A run that has ended is returned as it is. */
  stopWorkflowRun: StopWorkflowRunPayload;
  /** Makes a workspace the current one for this session. */
  switchWorkspace: SwitchWorkspacePayload;
  testApiTool: TestApiToolPayload;
  unpublishToolProvider: ToolProviderPayload;
  updateApiExtension: ExtensionPayload;
  updateApiToolProvider: ToolProviderPayload;
  updateApp: UpdateAppPayload;
  updatePluginExtension: ExtensionPayload;
  /** Changes the signed-in user's name or mail language. */
  updateProfile: UpdateProfilePayload;
  /** Uploads one file (multipart request). */
  uploadFile: UploadFilePayload;
  /** Uploads several files (at most PLUGBOARD_UPLOAD_MAX_FILES). */
  uploadFiles: UploadFilesPayload;
  /** Marks the signed-in user's address verified with the link mailed to it (the account's own session is required). */
  verifyEmail: VerifyEmailPayload;
};


export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


export type MutationAddWorkspaceMemberArgs = {
  input: AddWorkspaceMemberInput;
};


export type MutationChangeWorkspaceMemberRoleArgs = {
  input: ChangeWorkspaceMemberRoleInput;
};


export type MutationCompleteUploadArgs = {
  input: CompleteUploadInput;
};


export type MutationCreateApiExtensionArgs = {
  input: CreateApiExtensionInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateApiToolProviderArgs = {
  input: CreateApiToolProviderInput;
};


export type MutationCreateAppArgs = {
  input: CreateAppInput;
};


export type MutationCreatePluginExtensionArgs = {
  input: CreatePluginExtensionInput;
};


export type MutationCreateUploadUrlArgs = {
  input: CreateUploadUrlInput;
};


export type MutationCreateWorkflowToolProviderArgs = {
  input: CreateWorkflowToolProviderInput;
};


export type MutationCreateWorkspaceArgs = {
  input: CreateWorkspaceInput;
};


export type MutationDeleteAppArgs = {
  input: DeleteAppInput;
};


export type MutationDeleteExtensionArgs = {
  input: DeleteExtensionInput;
};


export type MutationDeleteFileArgs = {
  input: DeleteFileInput;
};


export type MutationDeleteToolProviderArgs = {
  input: DeleteToolProviderInput;
};


export type MutationExecuteExtensionArgs = {
  input: ExecuteExtensionInput;
};


export type MutationInstallPluginArgs = {
  input: InstallPluginInput;
};


export type MutationInstallToolProviderArgs = {
  input: InstallToolProviderInput;
};


export type MutationInviteWorkspaceMembersArgs = {
  input: InviteWorkspaceMembersInput;
};


export type MutationInvokeToolArgs = {
  input: InvokeToolInput;
};


export type MutationPreviewOpenApiToolsArgs = {
  input: PreviewOpenApiToolsInput;
};


export type MutationPublishToolProviderArgs = {
  input: PublishToolProviderInput;
};


export type MutationPublishWorkflowArgs = {
  input: PublishWorkflowInput;
};


export type MutationRemoveWorkspaceMemberArgs = {
  input: RemoveWorkspaceMemberInput;
};


export type MutationRenameWorkspaceArgs = {
  input: RenameWorkspaceInput;
};


export type MutationRequestPasswordResetArgs = {
  input: EmailInput;
};


export type MutationRequestSignInLinkArgs = {
  input: EmailInput;
};


export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


export type MutationRevokeInvitationArgs = {
  input: RevokeInvitationInput;
};


export type MutationRunWorkflowArgs = {
  input: RunWorkflowInput;
};


export type MutationSaveWorkflowDraftArgs = {
  input: SaveWorkflowDraftInput;
};


export type MutationSetExtensionEnabledArgs = {
  input: SetExtensionEnabledInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignInWithLinkArgs = {
  input: TokenInput;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStopWorkflowRunArgs = {
  input: StopWorkflowRunInput;
};


export type MutationSwitchWorkspaceArgs = {
  input: SwitchWorkspaceInput;
};


export type MutationTestApiToolArgs = {
  input: TestApiToolInput;
};


export type MutationUnpublishToolProviderArgs = {
  input: PublishToolProviderInput;
};


export type MutationUpdateApiExtensionArgs = {
  input: UpdateApiExtensionInput;
};


export type MutationUpdateApiToolProviderArgs = {
  input: UpdateApiToolProviderInput;
};


export type MutationUpdateAppArgs = {
  input: UpdateAppInput;
};


export type MutationUpdatePluginExtensionArgs = {
  input: UpdatePluginExtensionInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};


export type MutationUploadFileArgs = {
  file: Scalars['Upload']['input'];
  purpose?: InputMaybe<FilePurpose>;
};


export type MutationUploadFilesArgs = {
  files: Array<Scalars['Upload']['input']>;
  purpose?: InputMaybe<FilePurpose>;
};


export type MutationVerifyEmailArgs = {
  input: TokenInput;
};

/** An object with a globally unique, unguessable ID. */
export type Node = {
  id: Scalars['ID']['output'];
};

export type OpenApiPreview = {
  __typename?: 'OpenApiPreview';
  description: Scalars['String']['output'];
  serverUrl?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  tools: Array<ToolPreview>;
  version: Scalars['String']['output'];
  warnings: Array<Scalars['String']['output']>;
};

/** Exactly one of `document` (JSON or YAML text) and `url` (fetched through the outbound guard). */
export type OpenApiSourceInput = {
  document?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A code plugin installed on this server (PLUGBOARD_PLUGIN_DIR); workspaces enable it with createPluginExtension. */
export type Plugin = {
  __typename?: 'Plugin';
  /** Hosts the plugin may call through ctx.fetch. */
  allowedHosts: Array<Scalars['String']['output']>;
  author: Scalars['String']['output'];
  /** The form a workspace fills in to enable it. */
  configForm: Array<FormField>;
  description: Scalars['String']['output'];
  installedAt: Scalars['DateTime']['output'];
  module: ExtensionModuleName;
  name: Scalars['String']['output'];
  state: PluginState;
  tools: Array<PluginTool>;
  version: Scalars['String']['output'];
};

export type PluginState =
  /** Crashed too often; calls fail PLUGIN_DISABLED until it is installed again. */
  | 'DISABLED'
  | 'RESTARTING'
  | 'RUNNING'
  /** Not started yet (started on first use). */
  | 'STOPPED';

export type PluginTool = {
  __typename?: 'PluginTool';
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type PreviewOpenApiToolsInput = {
  source: OpenApiSourceInput;
};

export type PublishToolProviderInput = {
  id: Scalars['ID']['input'];
};

export type PublishWorkflowInput = {
  appId: Scalars['ID']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** API keys of the current workspace. */
  apiKeys: ApiKeyConnection;
  app: App;
  /** Apps of the current workspace, oldest first. */
  apps: AppConnection;
  builtinTools: Array<Tool>;
  extension: Extension;
  extensionExecution: ExtensionExecution;
  /** Executions in the current workspace, newest first. */
  extensionExecutions: ExtensionExecutionConnection;
  /** The extension points and their contracts. */
  extensionModules: Array<ExtensionModule>;
  /** Extensions of the current workspace. */
  extensions: ExtensionConnection;
  file: File;
  /** Files of the current workspace, oldest first. */
  files: FileConnection;
  /** Invitations of the current workspace, oldest first. */
  invitations: InvitationConnection;
  /** Mail sent for the current workspace (invitations, notices), newest first. Account mail (verification, password reset) belongs to no workspace. */
  mailDeliveries: MailDeliveryConnection;
  mailDelivery: MailDelivery;
  /** Code plugins installed on this server. */
  plugins: Array<Plugin>;
  tool: Tool;
  toolInvocation: ToolInvocation;
  /** Calls made in the current workspace, newest first. */
  toolInvocations: ToolInvocationConnection;
  /** Published providers of every workspace, in the order they were published. */
  toolMarketplace: ToolListingConnection;
  /** A provider by ID; `builtin` is the built-in one. */
  toolProvider: ToolProvider;
  /** Providers stored in the current workspace (the built-in tools are in `builtinTools`), oldest first. */
  toolProviders: ToolProviderConnection;
  /** The caller, or null when anonymous. */
  viewer?: Maybe<Viewer>;
  workflow: Workflow;
  workflowRun: WorkflowRun;
  /** Runs of the current workspace, newest first. */
  workflowRuns: WorkflowRunConnection;
  /** A workspace the caller belongs to; NOT_FOUND otherwise. */
  workspace: Workspace;
};


export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAppArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAppsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AppFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExtensionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExtensionExecutionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExtensionExecutionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExtensionExecutionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExtensionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExtensionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFileArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFilesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FileFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InvitationStatus>;
};


export type QueryMailDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MailDeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMailDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryToolArgs = {
  id: Scalars['ID']['input'];
};


export type QueryToolInvocationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryToolInvocationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ToolInvocationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryToolMarketplaceArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ToolMarketplaceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryToolProviderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryToolProvidersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ToolProviderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWorkflowArgs = {
  appId: Scalars['ID']['input'];
};


export type QueryWorkflowRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWorkflowRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowRunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWorkspaceArgs = {
  id: Scalars['ID']['input'];
};

export type RateLimitBy =
  | 'CALLER'
  | 'IP';

export type RemoveWorkspaceMemberInput = {
  userId: Scalars['ID']['input'];
};

export type RemoveWorkspaceMemberPayload = {
  __typename?: 'RemoveWorkspaceMemberPayload';
  removedUserId: Scalars['ID']['output'];
};

export type RenameWorkspaceInput = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type RenameWorkspacePayload = {
  __typename?: 'RenameWorkspacePayload';
  workspace: Workspace;
};

export type RequestAcceptedPayload = {
  __typename?: 'RequestAcceptedPayload';
  /** Always true: the answer does not tell whether an account has this address. */
  accepted: Scalars['Boolean']['output'];
};

export type ResetPasswordInput = {
  /** At least 10 characters. */
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};

export type ResetPasswordPayload = {
  __typename?: 'ResetPasswordPayload';
  /** Sessions of the account that were signed out. */
  revokedSessions: Scalars['Int']['output'];
};

export type RevokeApiKeyInput = {
  id: Scalars['ID']['input'];
};

export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  apiKey: ApiKey;
};

export type RevokeInvitationInput = {
  id: Scalars['ID']['input'];
};

export type RevokeInvitationPayload = {
  __typename?: 'RevokeInvitationPayload';
  invitation: Invitation;
};

/** Roles in a workspace, strongest first. */
export type Role =
  | 'ADMIN'
  | 'EDITOR'
  | 'MEMBER'
  | 'OWNER';

export type RunWorkflowInput = {
  appId: Scalars['ID']['input'];
  /** Mutation only: answer when the run has ended, with its outputs, instead of at once. */
  blocking?: InputMaybe<Scalars['Boolean']['input']>;
  /** Run the draft instead of the published version (EDITOR or stronger). */
  draft?: InputMaybe<Scalars['Boolean']['input']>;
  /** Values for the START node's inputs, by name. */
  inputs?: InputMaybe<Scalars['JSON']['input']>;
};

export type RunWorkflowPayload = {
  __typename?: 'RunWorkflowPayload';
  run: WorkflowRun;
};

export type SaveWorkflowDraftInput = {
  appId: Scalars['ID']['input'];
  /** { nodes, edges }: validated at save; errors (WORKFLOW_INVALID) name the node in `problems`. */
  graph: Scalars['JSON']['input'];
};

export type SetExtensionEnabledInput = {
  enabled: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};

export type SignInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type SignOutPayload = {
  __typename?: 'SignOutPayload';
  /** Sessions revoked. */
  revoked: Scalars['Int']['output'];
};

export type SignUpInput = {
  email: Scalars['String']['input'];
  /** For the mail they receive. Default EN. */
  language?: InputMaybe<Language>;
  name: Scalars['String']['input'];
  /** At least 10 characters. */
  password: Scalars['String']['input'];
};

export type StopWorkflowRunInput = {
  id: Scalars['ID']['input'];
};

export type StopWorkflowRunPayload = {
  __typename?: 'StopWorkflowRunPayload';
  run: WorkflowRun;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Calls a tool and streams its messages as they come, then a ToolInvocationFinished. Unsubscribing cancels the call. */
  invokeTool: ToolEvent;
  /** Starts a run and streams its events until it ends. Unsubscribing does not stop the run: use stopWorkflowRun. */
  runWorkflow: WorkflowEvent;
  /** A run's events after `afterSequence`: those already recorded first, then live ones, each once; ends after the run's last event. */
  workflowRun: WorkflowEvent;
  /** Emits the workspace each time it changes. */
  workspaceUpdated: Workspace;
};


export type SubscriptionInvokeToolArgs = {
  input: InvokeToolInput;
};


export type SubscriptionRunWorkflowArgs = {
  input: RunWorkflowInput;
};


export type SubscriptionWorkflowRunArgs = {
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type SubscriptionWorkspaceUpdatedArgs = {
  id: Scalars['ID']['input'];
};

export type SwitchWorkspaceInput = {
  id: Scalars['ID']['input'];
};

export type SwitchWorkspacePayload = {
  __typename?: 'SwitchWorkspacePayload';
  workspace: Workspace;
};

/** Runs one operation of an unsaved API provider with sample parameters (or of a saved one, with `providerId`). */
export type TestApiToolInput = {
  auth?: InputMaybe<ApiAuthInput>;
  credentials?: InputMaybe<ApiCredentialsInput>;
  parameters?: InputMaybe<Scalars['JSON']['input']>;
  /** A saved provider to test; the fields below override its settings (masked credentials keep the stored ones). */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  serverUrl?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<OpenApiSourceInput>;
  /** The operation's tool name. */
  toolName: Scalars['String']['input'];
};

export type TestApiToolPayload = {
  __typename?: 'TestApiToolPayload';
  durationMs: Scalars['Int']['output'];
  errorCode?: Maybe<Scalars['String']['output']>;
  errorMessage?: Maybe<Scalars['String']['output']>;
  messages: Array<ToolMessage>;
  status: ToolInvocationStatus;
};

export type TextMessage = {
  __typename?: 'TextMessage';
  text: Scalars['String']['output'];
};

export type TokenInput = {
  /** The token from the mailed link (after `#token=`). */
  token: Scalars['String']['input'];
};

/** A callable tool. Its ID is stable: `builtin/<name>` or `<providerId>/<name>`. */
export type Tool = {
  __typename?: 'Tool';
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** API tools: the HTTP method and path template. */
  method?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  parameters: Array<ToolParameter>;
  path?: Maybe<Scalars['String']['output']>;
  provider: ToolProvider;
};

/** What the `invokeTool` subscription streams: messages as they come, then one ToolInvocationFinished. */
export type ToolEvent = BlobMessage | FileMessage | ImageMessage | JsonMessage | LinkMessage | LogMessage | TextMessage | ToolInvocationFinished | VariableMessage;

/** The record of one tool call (never its parameters or output). */
export type ToolInvocation = {
  __typename?: 'ToolInvocation';
  apiKeyId?: Maybe<Scalars['ID']['output']>;
  /** Who called: a user, or null with `apiKeyId` for an API key. */
  caller?: Maybe<User>;
  durationMs: Scalars['Int']['output'];
  errorCode?: Maybe<Scalars['String']['output']>;
  errorMessage?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  messageCount: Scalars['Int']['output'];
  /** Null for built-in tools, or when the provider was deleted. */
  provider?: Maybe<ToolProvider>;
  startedAt: Scalars['DateTime']['output'];
  status: ToolInvocationStatus;
  toolId: Scalars['ID']['output'];
  toolName: Scalars['String']['output'];
};

export type ToolInvocationConnection = {
  __typename?: 'ToolInvocationConnection';
  edges: Array<ToolInvocationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ToolInvocationEdge = {
  __typename?: 'ToolInvocationEdge';
  cursor: Scalars['String']['output'];
  node: ToolInvocation;
};

export type ToolInvocationFilter = {
  status?: InputMaybe<ToolInvocationStatus>;
  toolId?: InputMaybe<Scalars['ID']['input']>;
};

/** Ends a streamed call: how it went (on failure, `errorCode` says why). */
export type ToolInvocationFinished = {
  __typename?: 'ToolInvocationFinished';
  invocation: ToolInvocation;
};

export type ToolInvocationStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'SUCCEEDED'
  | 'TIMED_OUT';

/** A published provider, as the marketplace lists it. */
export type ToolListing = {
  __typename?: 'ToolListing';
  description: Scalars['String']['output'];
  icon?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  installCount: Scalars['Int']['output'];
  kind: ToolProviderKind;
  name: Scalars['String']['output'];
  publishedAt: Scalars['DateTime']['output'];
  /** The publishing workspace's name. */
  publisher: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  /** What installing it gives (call them once installed, with your own credentials). */
  tools: Array<ToolPreview>;
};

export type ToolListingConnection = {
  __typename?: 'ToolListingConnection';
  edges: Array<ToolListingEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ToolListingEdge = {
  __typename?: 'ToolListingEdge';
  cursor: Scalars['String']['output'];
  node: ToolListing;
};

export type ToolMarketplaceFilter = {
  /** Case-insensitive words matched against name, description and tags. */
  search?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};

export type ToolMessage = BlobMessage | FileMessage | ImageMessage | JsonMessage | LinkMessage | LogMessage | TextMessage | VariableMessage;

export type ToolParameter = {
  __typename?: 'ToolParameter';
  default?: Maybe<Scalars['JSON']['output']>;
  /** Written for a person or an LLM choosing the value. */
  description: Scalars['String']['output'];
  /** API tools: where the value goes in the HTTP request. */
  location?: Maybe<ToolParameterLocation>;
  name: Scalars['String']['output'];
  /** Allowed values of a SELECT parameter. */
  options?: Maybe<Array<Scalars['String']['output']>>;
  required: Scalars['Boolean']['output'];
  /** JSON Schema of the value when the type alone says too little. */
  schema?: Maybe<Scalars['JSON']['output']>;
  type: ToolParameterType;
};

/** Where an API tool sends a parameter. */
export type ToolParameterLocation =
  | 'BODY'
  | 'COOKIE'
  | 'HEADER'
  | 'PATH'
  | 'QUERY';

export type ToolParameterType =
  | 'ARRAY'
  | 'BOOLEAN'
  /** A file ID. */
  | 'FILE'
  | 'INTEGER'
  | 'NUMBER'
  | 'OBJECT'
  /** One of `options`. */
  | 'SELECT'
  | 'STRING';

/** A tool as it would be imported. */
export type ToolPreview = {
  __typename?: 'ToolPreview';
  description: Scalars['String']['output'];
  method: Scalars['String']['output'];
  name: Scalars['String']['output'];
  parameters: Array<ToolParameter>;
  path: Scalars['String']['output'];
};

export type ToolProvider = {
  __typename?: 'ToolProvider';
  auth?: Maybe<ApiAuth>;
  connectTimeoutMs: Scalars['Int']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  creator?: Maybe<User>;
  credentials?: Maybe<ApiCredentials>;
  description: Scalars['String']['output'];
  /** The imported document as given. */
  document?: Maybe<Scalars['String']['output']>;
  icon?: Maybe<Scalars['String']['output']>;
  /** `builtin` for the built-in tools. */
  id: Scalars['ID']['output'];
  /** How many times it was installed from the marketplace. */
  installCount: Scalars['Int']['output'];
  kind: ToolProviderKind;
  name: Scalars['String']['output'];
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** API providers: the base URL calls go to. */
  serverUrl?: Maybe<Scalars['String']['output']>;
  tags: Array<Scalars['String']['output']>;
  tools: Array<Tool>;
  totalTimeoutMs: Scalars['Int']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  visibility: ToolProviderVisibility;
  /** Notes from the import (skipped bodies, renamed parameters, deprecated operations). */
  warnings: Array<Scalars['String']['output']>;
  /** Null for BUILTIN. */
  workspace?: Maybe<Workspace>;
};

export type ToolProviderConnection = {
  __typename?: 'ToolProviderConnection';
  edges: Array<ToolProviderEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ToolProviderEdge = {
  __typename?: 'ToolProviderEdge';
  cursor: Scalars['String']['output'];
  node: ToolProvider;
};

export type ToolProviderFilter = {
  kind?: InputMaybe<ToolProviderKind>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

export type ToolProviderKind =
  /** Imported from an OpenAPI 3.0/3.1 or Swagger 2.0 document. */
  | 'API'
  | 'BUILTIN'
  /** Provided by a code plugin. */
  | 'PLUGIN'
  /** A published workflow app used as a tool. */
  | 'WORKFLOW';

export type ToolProviderPayload = {
  __typename?: 'ToolProviderPayload';
  provider: ToolProvider;
};

export type ToolProviderVisibility =
  /** Only its workspace sees it. */
  | 'PRIVATE'
  /** Listed in the tool marketplace (without credentials). */
  | 'PUBLISHED';

export type UpdateApiExtensionInput = {
  /** A new key; the masked value as read keeps the current one. */
  apiKey?: InputMaybe<Scalars['String']['input']>;
  config?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  endpoint?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateApiToolProviderInput = {
  auth?: InputMaybe<ApiAuthInput>;
  connectTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces the stored credentials; masked values sent back keep their secret. Leave out to keep them all. */
  credentials?: InputMaybe<ApiCredentialsInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  icon?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  serverUrl?: InputMaybe<Scalars['String']['input']>;
  /** Re-imports the tools from this document. */
  source?: InputMaybe<OpenApiSourceInput>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  totalTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateAppInput = {
  /** Replaces the whole config; validated against the app's mode. */
  config?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  icon?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateAppPayload = {
  __typename?: 'UpdateAppPayload';
  app: App;
};

export type UpdatePluginExtensionInput = {
  /** New values of the plugin's form; a SECRET sent back masked keeps its value. */
  config?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateProfileInput = {
  language?: InputMaybe<Language>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateProfilePayload = {
  __typename?: 'UpdateProfilePayload';
  user: User;
};

export type UploadFilePayload = {
  __typename?: 'UploadFilePayload';
  file: File;
};

export type UploadFilesPayload = {
  __typename?: 'UploadFilesPayload';
  files: Array<File>;
};

/** A person who signs in. Fields are added by the identity domain. */
export type User = Node & {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  /** Whether the user proved the address (a mailed link, an invitation, or a provider that verified it). */
  emailVerified: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The language of the mail they receive. */
  language: Language;
  name: Scalars['String']['output'];
};

export type VariableMessage = {
  __typename?: 'VariableMessage';
  name: Scalars['String']['output'];
  value?: Maybe<Scalars['JSON']['output']>;
};

export type VerifyEmailPayload = {
  __typename?: 'VerifyEmailPayload';
  /** The address now verified. */
  email: Scalars['String']['output'];
};

/** Who is calling: a signed-in user or an API key. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Set when the caller is an API key. */
  apiKey?: Maybe<ApiKey>;
  /** The workspace this caller acts in; null for a user who belongs to none yet. */
  currentWorkspace?: Maybe<Workspace>;
  /** The caller's role in the current workspace. */
  role?: Maybe<Role>;
  /** Null when the caller is an API key. */
  user?: Maybe<User>;
  /** The user's workspaces (an API key sees none). */
  workspaces: WorkspaceConnection;
};


/** Who is calling: a signed-in user or an API key. */
export type ViewerWorkspacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The workflow of a WORKFLOW app. */
export type Workflow = {
  __typename?: 'Workflow';
  app: App;
  /** The editable version (saved with saveWorkflowDraft); null until the first save. */
  draft?: Maybe<WorkflowVersion>;
  /** The latest published version: what runWorkflow runs. */
  published?: Maybe<WorkflowVersion>;
  /** Published versions, newest first. */
  versions: WorkflowVersionConnection;
};


/** The workflow of a WORKFLOW app. */
export type WorkflowVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WorkflowError = {
  __typename?: 'WorkflowError';
  /** A stable code: the failing node's (a tool's code, CODE_ERROR, NODE_TIMEOUT…), or RUN_TIMEOUT, WORKER_LOST, WORKER_STOPPED. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** Something that happened in a run. `sequence` counts from 1 without gaps; resume with afterSequence. */
export type WorkflowEvent = {
  at: Scalars['DateTime']['output'];
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  type: WorkflowEventType;
};

export type WorkflowEventType =
  | 'NODE_FINISHED'
  | 'NODE_STARTED'
  | 'RUN_FAILED'
  | 'RUN_FINISHED'
  | 'RUN_STARTED'
  | 'RUN_STOPPED'
  /** Text a node produced, as it came (e.g. a tool's streamed TEXT messages). */
  | 'TEXT_CHUNK';

export type WorkflowInput = {
  __typename?: 'WorkflowInput';
  default?: Maybe<Scalars['JSON']['output']>;
  label?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** SELECT only. */
  options?: Maybe<Array<Scalars['String']['output']>>;
  required: Scalars['Boolean']['output'];
  type: WorkflowInputType;
};

export type WorkflowInputType =
  /** A file ID (from the files domain). */
  | 'FILE'
  /** Any JSON value. */
  | 'JSON'
  | 'NUMBER'
  /** Several lines of text. */
  | 'PARAGRAPH'
  /** One of `options`. */
  | 'SELECT'
  /** One line of text. */
  | 'TEXT';

export type WorkflowNode = {
  __typename?: 'WorkflowNode';
  id: Scalars['String']['output'];
  title?: Maybe<Scalars['String']['output']>;
  type: WorkflowNodeType;
};

export type WorkflowNodeExecution = {
  __typename?: 'WorkflowNodeExecution';
  /** Tries made (the node's retry policy). */
  attempts: Scalars['Int']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<WorkflowError>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  inputs?: Maybe<Scalars['JSON']['output']>;
  /** Inside an ITERATION: its node ID and the element's index. */
  iterationId?: Maybe<Scalars['String']['output']>;
  iterationIndex?: Maybe<Scalars['Int']['output']>;
  nodeId: Scalars['String']['output'];
  nodeType: WorkflowNodeType;
  outputs?: Maybe<Scalars['JSON']['output']>;
  startedAt: Scalars['DateTime']['output'];
  status: WorkflowNodeStatus;
  title?: Maybe<Scalars['String']['output']>;
};

export type WorkflowNodeExecutionConnection = {
  __typename?: 'WorkflowNodeExecutionConnection';
  edges: Array<WorkflowNodeExecutionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WorkflowNodeExecutionEdge = {
  __typename?: 'WorkflowNodeExecutionEdge';
  cursor: Scalars['String']['output'];
  node: WorkflowNodeExecution;
};

export type WorkflowNodeExecutionFilter = {
  nodeId?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<WorkflowNodeStatus>;
};

export type WorkflowNodeFinished = WorkflowEvent & {
  __typename?: 'WorkflowNodeFinished';
  at: Scalars['DateTime']['output'];
  attempts: Scalars['Int']['output'];
  durationMs: Scalars['Int']['output'];
  error?: Maybe<WorkflowError>;
  iterationId?: Maybe<Scalars['String']['output']>;
  iterationIndex?: Maybe<Scalars['Int']['output']>;
  nodeExecutionId: Scalars['ID']['output'];
  nodeId: Scalars['String']['output'];
  nodeType: WorkflowNodeType;
  outputs?: Maybe<Scalars['JSON']['output']>;
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  status: WorkflowNodeStatus;
  title?: Maybe<Scalars['String']['output']>;
  type: WorkflowEventType;
};

export type WorkflowNodeStarted = WorkflowEvent & {
  __typename?: 'WorkflowNodeStarted';
  at: Scalars['DateTime']['output'];
  inputs?: Maybe<Scalars['JSON']['output']>;
  iterationId?: Maybe<Scalars['String']['output']>;
  iterationIndex?: Maybe<Scalars['Int']['output']>;
  nodeExecutionId: Scalars['ID']['output'];
  nodeId: Scalars['String']['output'];
  nodeType: WorkflowNodeType;
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  title?: Maybe<Scalars['String']['output']>;
  type: WorkflowEventType;
};

export type WorkflowNodeStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'STOPPED'
  | 'SUCCEEDED';

export type WorkflowNodeType =
  | 'CODE'
  | 'END'
  | 'EXTENSION'
  | 'HTTP_REQUEST'
  | 'IF_ELSE'
  | 'ITERATION'
  | 'START'
  | 'TEMPLATE'
  | 'TOOL'
  | 'VARIABLE_AGGREGATOR';

/** One run of a workflow version. */
export type WorkflowRun = {
  __typename?: 'WorkflowRun';
  app: App;
  createdAt: Scalars['DateTime']['output'];
  /** 0 for runs started by clients; deeper for runs started by a WORKFLOW tool inside another run. */
  depth: Scalars['Int']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<WorkflowError>;
  /** The events recorded so far after `afterSequence`, at most `first` (0 to 100): what the workflowRun subscription replays. */
  events: Array<WorkflowEvent>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  inputs: Scalars['JSON']['output'];
  /** Each node's execution, in the order they started. */
  nodeExecutions: WorkflowNodeExecutionConnection;
  /** The END node's outputs; null until the run succeeds. */
  outputs?: Maybe<Scalars['JSON']['output']>;
  parentRunId?: Maybe<Scalars['ID']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: WorkflowRunStatus;
  /** Null for runs started with an API key, or when the account was deleted. */
  triggeredBy?: Maybe<User>;
  /** The version run (0: the draft). */
  version: Scalars['Int']['output'];
};


/** One run of a workflow version. */
export type WorkflowRunEventsArgs = {
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** One run of a workflow version. */
export type WorkflowRunNodeExecutionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowNodeExecutionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WorkflowRunConnection = {
  __typename?: 'WorkflowRunConnection';
  edges: Array<WorkflowRunEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WorkflowRunEdge = {
  __typename?: 'WorkflowRunEdge';
  cursor: Scalars['String']['output'];
  node: WorkflowRun;
};

export type WorkflowRunFailed = WorkflowEvent & {
  __typename?: 'WorkflowRunFailed';
  at: Scalars['DateTime']['output'];
  durationMs: Scalars['Int']['output'];
  error: WorkflowError;
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  type: WorkflowEventType;
};

export type WorkflowRunFilter = {
  appId?: InputMaybe<Scalars['ID']['input']>;
  /** Runs created at or after this time. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Runs created before this time. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<WorkflowRunStatus>;
};

export type WorkflowRunFinished = WorkflowEvent & {
  __typename?: 'WorkflowRunFinished';
  at: Scalars['DateTime']['output'];
  durationMs: Scalars['Int']['output'];
  outputs: Scalars['JSON']['output'];
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  type: WorkflowEventType;
};

export type WorkflowRunStarted = WorkflowEvent & {
  __typename?: 'WorkflowRunStarted';
  at: Scalars['DateTime']['output'];
  inputs: Scalars['JSON']['output'];
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  type: WorkflowEventType;
};

export type WorkflowRunStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'STOPPED'
  | 'SUCCEEDED';

export type WorkflowRunStopped = WorkflowEvent & {
  __typename?: 'WorkflowRunStopped';
  at: Scalars['DateTime']['output'];
  durationMs: Scalars['Int']['output'];
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  type: WorkflowEventType;
};

export type WorkflowTextChunk = WorkflowEvent & {
  __typename?: 'WorkflowTextChunk';
  at: Scalars['DateTime']['output'];
  nodeExecutionId: Scalars['ID']['output'];
  nodeId: Scalars['String']['output'];
  runId: Scalars['ID']['output'];
  sequence: Scalars['Int']['output'];
  text: Scalars['String']['output'];
  type: WorkflowEventType;
};

/** A graph as saved: see the README for the node types and their `data`. */
export type WorkflowVersion = {
  __typename?: 'WorkflowVersion';
  createdAt: Scalars['DateTime']['output'];
  /** Null when the account was deleted or an API key saved it. */
  createdBy?: Maybe<User>;
  /** The whole graph: { nodes, edges }. */
  graph: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  /** What a run of this version takes, declared by its START node. */
  inputs: Array<WorkflowInput>;
  isDraft: Scalars['Boolean']['output'];
  /** The top-level nodes, typed (ITERATION sub-graphs are in `graph`). */
  nodes: Array<WorkflowNode>;
  updatedAt: Scalars['DateTime']['output'];
  /** 0 for the draft; published versions count from 1. */
  version: Scalars['Int']['output'];
};

export type WorkflowVersionConnection = {
  __typename?: 'WorkflowVersionConnection';
  edges: Array<WorkflowVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WorkflowVersionEdge = {
  __typename?: 'WorkflowVersionEdge';
  cursor: Scalars['String']['output'];
  node: WorkflowVersion;
};

export type WorkflowVersionPayload = {
  __typename?: 'WorkflowVersionPayload';
  version: WorkflowVersion;
};

/** A tenant: owns apps, tools, extensions, files and runs. Fields are added by the identity domain. */
export type Workspace = Node & {
  __typename?: 'Workspace';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  members: Array<Membership>;
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The caller's role here. */
  viewerRole: Role;
};

export type WorkspaceConnection = {
  __typename?: 'WorkspaceConnection';
  edges: Array<WorkspaceEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WorkspaceEdge = {
  __typename?: 'WorkspaceEdge';
  cursor: Scalars['String']['output'];
  node: Workspace;
};

export type WorkspaceMemberPayload = {
  __typename?: 'WorkspaceMemberPayload';
  membership: Membership;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  App: App;
  File: File;
  User: User;
  Workspace: Workspace;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  App:
    ( { __typename: 'App' }
    & GraphQLRecursivePick<FederationTypes['App'], {"id":true}> );
  File:
    ( { __typename: 'File' }
    & GraphQLRecursivePick<FederationTypes['File'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  Workspace:
    ( { __typename: 'Workspace' }
    & GraphQLRecursivePick<FederationTypes['Workspace'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  ToolEvent:
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolEventModelModel )
    | ( ToolMessageModel )
  ;
  ToolMessage:
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
    | ( ToolMessageModel )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( ApiKeyModel )
    | ( AppModel )
    | ( ExtensionRecordModel )
    | ( ExtensionExecutionModel )
    | ( FileRecordModel )
    | ( InvitationModel )
    | ( MailDeliveryModel )
    | ( MembershipModel )
    | ( UserModel )
    | ( WorkspaceModel )
  ;
  WorkflowEvent:
    | ( WorkflowEventModel )
    | ( WorkflowEventModel )
    | ( WorkflowEventModel )
    | ( WorkflowEventModel )
    | ( WorkflowEventModel )
    | ( WorkflowEventModel )
    | ( WorkflowEventModel )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AcceptInvitationInput: AcceptInvitationInput;
  AcceptInvitationPayload: ResolverTypeWrapper<AcceptedInvitationModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AddWorkspaceMemberInput: AddWorkspaceMemberInput;
  ApiAuth: ResolverTypeWrapper<ApiAuthModel>;
  ApiAuthInput: ApiAuthInput;
  ApiAuthType: ApiAuthType;
  ApiCredentials: ResolverTypeWrapper<ApiCredentialsModel>;
  ApiCredentialsInput: ApiCredentialsInput;
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ApiKeyConnection: ResolverTypeWrapper<ApiKeyPageModel>;
  ApiKeyEdge: ResolverTypeWrapper<ApiKeyEdgeModel>;
  ApiKeyPrefix: ApiKeyPrefix;
  ApiKeyScope: ApiKeyScope;
  App: ResolverTypeWrapper<AppModel>;
  AppConnection: ResolverTypeWrapper<AppPageModel>;
  AppEdge: ResolverTypeWrapper<AppEdgeModel>;
  AppFilter: AppFilter;
  AppMode: AppMode;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  BlobMessage: ResolverTypeWrapper<ToolMessageModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChangeWorkspaceMemberRoleInput: ChangeWorkspaceMemberRoleInput;
  CompleteUploadInput: CompleteUploadInput;
  CreateApiExtensionInput: CreateApiExtensionInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  CreateApiToolProviderInput: CreateApiToolProviderInput;
  CreateAppInput: CreateAppInput;
  CreateAppPayload: ResolverTypeWrapper<Omit<CreateAppPayload, 'app'> & { app: ResolversTypes['App'] }>;
  CreatePluginExtensionInput: CreatePluginExtensionInput;
  CreateUploadUrlInput: CreateUploadUrlInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CreateUploadUrlPayload: ResolverTypeWrapper<CreateUploadUrlPayload>;
  CreateWorkflowToolProviderInput: CreateWorkflowToolProviderInput;
  CreateWorkspaceInput: CreateWorkspaceInput;
  CreateWorkspacePayload: ResolverTypeWrapper<Omit<CreateWorkspacePayload, 'workspace'> & { workspace: ResolversTypes['Workspace'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteAppInput: DeleteAppInput;
  DeleteAppPayload: ResolverTypeWrapper<DeleteAppPayload>;
  DeleteExtensionInput: DeleteExtensionInput;
  DeleteExtensionPayload: ResolverTypeWrapper<DeleteExtensionPayload>;
  DeleteFileInput: DeleteFileInput;
  DeleteFilePayload: ResolverTypeWrapper<DeleteFilePayload>;
  DeleteToolProviderInput: DeleteToolProviderInput;
  DeleteToolProviderPayload: ResolverTypeWrapper<DeleteToolProviderPayload>;
  EmailInput: EmailInput;
  ExecuteExtensionInput: ExecuteExtensionInput;
  ExecuteExtensionPayload: ResolverTypeWrapper<ExecutionResultModel>;
  Extension: ResolverTypeWrapper<ExtensionRecordModel>;
  ExtensionConnection: ResolverTypeWrapper<ExtensionPageModel>;
  ExtensionEdge: ResolverTypeWrapper<ExtensionEdgeModel>;
  ExtensionExecution: ResolverTypeWrapper<ExtensionExecutionModel>;
  ExtensionExecutionConnection: ResolverTypeWrapper<ExecutionPageModel>;
  ExtensionExecutionEdge: ResolverTypeWrapper<ExecutionEdgeModel>;
  ExtensionExecutionFilter: ExtensionExecutionFilter;
  ExtensionExecutionStatus: ExtensionExecutionStatus;
  ExtensionFilter: ExtensionFilter;
  ExtensionKind: ExtensionKind;
  ExtensionModule: ResolverTypeWrapper<ExtensionModuleModel>;
  ExtensionModuleName: ExtensionModuleName;
  ExtensionPayload: ResolverTypeWrapper<Omit<ExtensionPayload, 'extension'> & { extension: ResolversTypes['Extension'] }>;
  ExtensionPoint: ResolverTypeWrapper<ExtensionPointModel>;
  File: ResolverTypeWrapper<FileRecordModel>;
  FileConnection: ResolverTypeWrapper<FilePageModel>;
  FileEdge: ResolverTypeWrapper<FileEdgeModel>;
  FileFilter: FileFilter;
  FileMessage: ResolverTypeWrapper<ToolMessageModel>;
  FilePurpose: FilePurpose;
  FormField: ResolverTypeWrapper<FormFieldModel>;
  FormFieldType: FormFieldType;
  ImageMessage: ResolverTypeWrapper<ToolMessageModel>;
  InstallPluginInput: InstallPluginInput;
  InstallPluginPayload: ResolverTypeWrapper<Omit<InstallPluginPayload, 'plugin'> & { plugin: ResolversTypes['Plugin'] }>;
  InstallToolProviderInput: InstallToolProviderInput;
  Invitation: ResolverTypeWrapper<InvitationModel>;
  InvitationConnection: ResolverTypeWrapper<InvitationPageModel>;
  InvitationEdge: ResolverTypeWrapper<InvitationEdgeModel>;
  InvitationStatus: InvitationStatus;
  InviteWorkspaceMembersInput: InviteWorkspaceMembersInput;
  InviteWorkspaceMembersPayload: ResolverTypeWrapper<Omit<InviteWorkspaceMembersPayload, 'invitations'> & { invitations: Array<ResolversTypes['Invitation']> }>;
  InvokeToolInput: InvokeToolInput;
  InvokeToolPayload: ResolverTypeWrapper<Omit<InvokeToolPayload, 'invocation' | 'messages'> & { invocation: ResolversTypes['ToolInvocation'], messages: Array<ResolversTypes['ToolMessage']> }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JsonMessage: ResolverTypeWrapper<ToolMessageModel>;
  Language: Language;
  LinkMessage: ResolverTypeWrapper<ToolMessageModel>;
  LogLevel: LogLevel;
  LogMessage: ResolverTypeWrapper<ToolMessageModel>;
  MailDelivery: ResolverTypeWrapper<MailDeliveryModel>;
  MailDeliveryConnection: ResolverTypeWrapper<DeliveryPageModel>;
  MailDeliveryEdge: ResolverTypeWrapper<DeliveryEdgeModel>;
  MailDeliveryFilter: MailDeliveryFilter;
  MailDeliveryStatus: MailDeliveryStatus;
  MailTemplate: MailTemplate;
  Membership: ResolverTypeWrapper<MembershipModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OpenApiPreview: ResolverTypeWrapper<ApiSpecModel>;
  OpenApiSourceInput: OpenApiSourceInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Plugin: ResolverTypeWrapper<InstalledPluginModel>;
  PluginState: PluginState;
  PluginTool: ResolverTypeWrapper<PluginToolManifestModel>;
  PreviewOpenApiToolsInput: PreviewOpenApiToolsInput;
  PublishToolProviderInput: PublishToolProviderInput;
  PublishWorkflowInput: PublishWorkflowInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateLimitBy: RateLimitBy;
  RemoveWorkspaceMemberInput: RemoveWorkspaceMemberInput;
  RemoveWorkspaceMemberPayload: ResolverTypeWrapper<RemoveWorkspaceMemberPayload>;
  RenameWorkspaceInput: RenameWorkspaceInput;
  RenameWorkspacePayload: ResolverTypeWrapper<Omit<RenameWorkspacePayload, 'workspace'> & { workspace: ResolversTypes['Workspace'] }>;
  RequestAcceptedPayload: ResolverTypeWrapper<RequestAcceptedPayload>;
  ResetPasswordInput: ResetPasswordInput;
  ResetPasswordPayload: ResolverTypeWrapper<ResetPasswordPayload>;
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: ResolverTypeWrapper<Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  RevokeInvitationInput: RevokeInvitationInput;
  RevokeInvitationPayload: ResolverTypeWrapper<Omit<RevokeInvitationPayload, 'invitation'> & { invitation: ResolversTypes['Invitation'] }>;
  Role: Role;
  RunWorkflowInput: RunWorkflowInput;
  RunWorkflowPayload: ResolverTypeWrapper<Omit<RunWorkflowPayload, 'run'> & { run: ResolversTypes['WorkflowRun'] }>;
  SaveWorkflowDraftInput: SaveWorkflowDraftInput;
  SetExtensionEnabledInput: SetExtensionEnabledInput;
  SignInInput: SignInInput;
  SignOutPayload: ResolverTypeWrapper<SignOutPayload>;
  SignUpInput: SignUpInput;
  StopWorkflowRunInput: StopWorkflowRunInput;
  StopWorkflowRunPayload: ResolverTypeWrapper<Omit<StopWorkflowRunPayload, 'run'> & { run: ResolversTypes['WorkflowRun'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SwitchWorkspaceInput: SwitchWorkspaceInput;
  SwitchWorkspacePayload: ResolverTypeWrapper<Omit<SwitchWorkspacePayload, 'workspace'> & { workspace: ResolversTypes['Workspace'] }>;
  TestApiToolInput: TestApiToolInput;
  TestApiToolPayload: ResolverTypeWrapper<TestResultModel>;
  TextMessage: ResolverTypeWrapper<ToolMessageModel>;
  TokenInput: TokenInput;
  Tool: ResolverTypeWrapper<ToolModelModel>;
  ToolEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ToolEvent']>;
  ToolInvocation: ResolverTypeWrapper<ToolInvocationRecordModel>;
  ToolInvocationConnection: ResolverTypeWrapper<InvocationPageModel>;
  ToolInvocationEdge: ResolverTypeWrapper<InvocationEdgeModel>;
  ToolInvocationFilter: ToolInvocationFilter;
  ToolInvocationFinished: ResolverTypeWrapper<ToolEventModelModel>;
  ToolInvocationStatus: ToolInvocationStatus;
  ToolListing: ResolverTypeWrapper<ToolProviderRecordModel>;
  ToolListingConnection: ResolverTypeWrapper<ProviderPageModel>;
  ToolListingEdge: ResolverTypeWrapper<ProviderEdgeModel>;
  ToolMarketplaceFilter: ToolMarketplaceFilter;
  ToolMessage: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ToolMessage']>;
  ToolParameter: ResolverTypeWrapper<ParameterModelModel>;
  ToolParameterLocation: ToolParameterLocation;
  ToolParameterType: ToolParameterType;
  ToolPreview: ResolverTypeWrapper<ApiOperationModel>;
  ToolProvider: ResolverTypeWrapper<ProviderModelModel>;
  ToolProviderConnection: ResolverTypeWrapper<ProviderPageModel>;
  ToolProviderEdge: ResolverTypeWrapper<ProviderEdgeModel>;
  ToolProviderFilter: ToolProviderFilter;
  ToolProviderKind: ToolProviderKind;
  ToolProviderPayload: ResolverTypeWrapper<Omit<ToolProviderPayload, 'provider'> & { provider: ResolversTypes['ToolProvider'] }>;
  ToolProviderVisibility: ToolProviderVisibility;
  UpdateApiExtensionInput: UpdateApiExtensionInput;
  UpdateApiToolProviderInput: UpdateApiToolProviderInput;
  UpdateAppInput: UpdateAppInput;
  UpdateAppPayload: ResolverTypeWrapper<Omit<UpdateAppPayload, 'app'> & { app: ResolversTypes['App'] }>;
  UpdatePluginExtensionInput: UpdatePluginExtensionInput;
  UpdateProfileInput: UpdateProfileInput;
  UpdateProfilePayload: ResolverTypeWrapper<Omit<UpdateProfilePayload, 'user'> & { user: ResolversTypes['User'] }>;
  Upload: ResolverTypeWrapper<Scalars['Upload']['output']>;
  UploadFilePayload: ResolverTypeWrapper<Omit<UploadFilePayload, 'file'> & { file: ResolversTypes['File'] }>;
  UploadFilesPayload: ResolverTypeWrapper<Omit<UploadFilesPayload, 'files'> & { files: Array<ResolversTypes['File']> }>;
  User: ResolverTypeWrapper<UserModel>;
  VariableMessage: ResolverTypeWrapper<ToolMessageModel>;
  VerifyEmailPayload: ResolverTypeWrapper<VerifyEmailPayload>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  Workflow: ResolverTypeWrapper<WorkflowModelModel>;
  WorkflowError: ResolverTypeWrapper<RunErrorModel>;
  WorkflowEvent: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowEventType: WorkflowEventType;
  WorkflowInput: ResolverTypeWrapper<StartInputModel>;
  WorkflowInputType: WorkflowInputType;
  WorkflowNode: ResolverTypeWrapper<WorkflowNodeModel>;
  WorkflowNodeExecution: ResolverTypeWrapper<NodeExecutionModel>;
  WorkflowNodeExecutionConnection: ResolverTypeWrapper<NodeExecutionPageModel>;
  WorkflowNodeExecutionEdge: ResolverTypeWrapper<NodeExecutionEdgeModel>;
  WorkflowNodeExecutionFilter: WorkflowNodeExecutionFilter;
  WorkflowNodeFinished: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowNodeStarted: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowNodeStatus: WorkflowNodeStatus;
  WorkflowNodeType: WorkflowNodeType;
  WorkflowRun: ResolverTypeWrapper<WorkflowRunModel>;
  WorkflowRunConnection: ResolverTypeWrapper<RunPageModel>;
  WorkflowRunEdge: ResolverTypeWrapper<RunEdgeModel>;
  WorkflowRunFailed: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowRunFilter: WorkflowRunFilter;
  WorkflowRunFinished: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowRunStarted: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowRunStatus: WorkflowRunStatus;
  WorkflowRunStopped: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowTextChunk: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowVersion: ResolverTypeWrapper<WorkflowVersionModel>;
  WorkflowVersionConnection: ResolverTypeWrapper<VersionPageModel>;
  WorkflowVersionEdge: ResolverTypeWrapper<VersionEdgeModel>;
  WorkflowVersionPayload: ResolverTypeWrapper<Omit<WorkflowVersionPayload, 'version'> & { version: ResolversTypes['WorkflowVersion'] }>;
  Workspace: ResolverTypeWrapper<WorkspaceModel>;
  WorkspaceConnection: ResolverTypeWrapper<WorkspaceMembershipPageModel>;
  WorkspaceEdge: ResolverTypeWrapper<WorkspaceMembershipEdgeModel>;
  WorkspaceMemberPayload: ResolverTypeWrapper<Omit<WorkspaceMemberPayload, 'membership'> & { membership: ResolversTypes['Membership'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AcceptInvitationInput: AcceptInvitationInput;
  AcceptInvitationPayload: AcceptedInvitationModel;
  ID: Scalars['ID']['output'];
  AddWorkspaceMemberInput: AddWorkspaceMemberInput;
  ApiAuth: ApiAuthModel;
  ApiAuthInput: ApiAuthInput;
  ApiCredentials: ApiCredentialsModel;
  ApiCredentialsInput: ApiCredentialsInput;
  ApiKey: ApiKeyModel;
  ApiKeyConnection: ApiKeyPageModel;
  ApiKeyEdge: ApiKeyEdgeModel;
  App: AppModel;
  AppConnection: AppPageModel;
  AppEdge: AppEdgeModel;
  AppFilter: AppFilter;
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  BlobMessage: ToolMessageModel;
  Boolean: Scalars['Boolean']['output'];
  ChangeWorkspaceMemberRoleInput: ChangeWorkspaceMemberRoleInput;
  CompleteUploadInput: CompleteUploadInput;
  CreateApiExtensionInput: CreateApiExtensionInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  CreateApiToolProviderInput: CreateApiToolProviderInput;
  CreateAppInput: CreateAppInput;
  CreateAppPayload: Omit<CreateAppPayload, 'app'> & { app: ResolversParentTypes['App'] };
  CreatePluginExtensionInput: CreatePluginExtensionInput;
  CreateUploadUrlInput: CreateUploadUrlInput;
  Float: Scalars['Float']['output'];
  CreateUploadUrlPayload: CreateUploadUrlPayload;
  CreateWorkflowToolProviderInput: CreateWorkflowToolProviderInput;
  CreateWorkspaceInput: CreateWorkspaceInput;
  CreateWorkspacePayload: Omit<CreateWorkspacePayload, 'workspace'> & { workspace: ResolversParentTypes['Workspace'] };
  DateTime: Scalars['DateTime']['output'];
  DeleteAppInput: DeleteAppInput;
  DeleteAppPayload: DeleteAppPayload;
  DeleteExtensionInput: DeleteExtensionInput;
  DeleteExtensionPayload: DeleteExtensionPayload;
  DeleteFileInput: DeleteFileInput;
  DeleteFilePayload: DeleteFilePayload;
  DeleteToolProviderInput: DeleteToolProviderInput;
  DeleteToolProviderPayload: DeleteToolProviderPayload;
  EmailInput: EmailInput;
  ExecuteExtensionInput: ExecuteExtensionInput;
  ExecuteExtensionPayload: ExecutionResultModel;
  Extension: ExtensionRecordModel;
  ExtensionConnection: ExtensionPageModel;
  ExtensionEdge: ExtensionEdgeModel;
  ExtensionExecution: ExtensionExecutionModel;
  ExtensionExecutionConnection: ExecutionPageModel;
  ExtensionExecutionEdge: ExecutionEdgeModel;
  ExtensionExecutionFilter: ExtensionExecutionFilter;
  ExtensionFilter: ExtensionFilter;
  ExtensionModule: ExtensionModuleModel;
  ExtensionPayload: Omit<ExtensionPayload, 'extension'> & { extension: ResolversParentTypes['Extension'] };
  ExtensionPoint: ExtensionPointModel;
  File: FileRecordModel;
  FileConnection: FilePageModel;
  FileEdge: FileEdgeModel;
  FileFilter: FileFilter;
  FileMessage: ToolMessageModel;
  FormField: FormFieldModel;
  ImageMessage: ToolMessageModel;
  InstallPluginInput: InstallPluginInput;
  InstallPluginPayload: Omit<InstallPluginPayload, 'plugin'> & { plugin: ResolversParentTypes['Plugin'] };
  InstallToolProviderInput: InstallToolProviderInput;
  Invitation: InvitationModel;
  InvitationConnection: InvitationPageModel;
  InvitationEdge: InvitationEdgeModel;
  InviteWorkspaceMembersInput: InviteWorkspaceMembersInput;
  InviteWorkspaceMembersPayload: Omit<InviteWorkspaceMembersPayload, 'invitations'> & { invitations: Array<ResolversParentTypes['Invitation']> };
  InvokeToolInput: InvokeToolInput;
  InvokeToolPayload: Omit<InvokeToolPayload, 'invocation' | 'messages'> & { invocation: ResolversParentTypes['ToolInvocation'], messages: Array<ResolversParentTypes['ToolMessage']> };
  JSON: Scalars['JSON']['output'];
  JsonMessage: ToolMessageModel;
  LinkMessage: ToolMessageModel;
  LogMessage: ToolMessageModel;
  MailDelivery: MailDeliveryModel;
  MailDeliveryConnection: DeliveryPageModel;
  MailDeliveryEdge: DeliveryEdgeModel;
  MailDeliveryFilter: MailDeliveryFilter;
  Membership: MembershipModel;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  OpenApiPreview: ApiSpecModel;
  OpenApiSourceInput: OpenApiSourceInput;
  PageInfo: PageInfo;
  Plugin: InstalledPluginModel;
  PluginTool: PluginToolManifestModel;
  PreviewOpenApiToolsInput: PreviewOpenApiToolsInput;
  PublishToolProviderInput: PublishToolProviderInput;
  PublishWorkflowInput: PublishWorkflowInput;
  Query: Record<PropertyKey, never>;
  RemoveWorkspaceMemberInput: RemoveWorkspaceMemberInput;
  RemoveWorkspaceMemberPayload: RemoveWorkspaceMemberPayload;
  RenameWorkspaceInput: RenameWorkspaceInput;
  RenameWorkspacePayload: Omit<RenameWorkspacePayload, 'workspace'> & { workspace: ResolversParentTypes['Workspace'] };
  RequestAcceptedPayload: RequestAcceptedPayload;
  ResetPasswordInput: ResetPasswordInput;
  ResetPasswordPayload: ResetPasswordPayload;
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  RevokeInvitationInput: RevokeInvitationInput;
  RevokeInvitationPayload: Omit<RevokeInvitationPayload, 'invitation'> & { invitation: ResolversParentTypes['Invitation'] };
  RunWorkflowInput: RunWorkflowInput;
  RunWorkflowPayload: Omit<RunWorkflowPayload, 'run'> & { run: ResolversParentTypes['WorkflowRun'] };
  SaveWorkflowDraftInput: SaveWorkflowDraftInput;
  SetExtensionEnabledInput: SetExtensionEnabledInput;
  SignInInput: SignInInput;
  SignOutPayload: SignOutPayload;
  SignUpInput: SignUpInput;
  StopWorkflowRunInput: StopWorkflowRunInput;
  StopWorkflowRunPayload: Omit<StopWorkflowRunPayload, 'run'> & { run: ResolversParentTypes['WorkflowRun'] };
  Subscription: Record<PropertyKey, never>;
  SwitchWorkspaceInput: SwitchWorkspaceInput;
  SwitchWorkspacePayload: Omit<SwitchWorkspacePayload, 'workspace'> & { workspace: ResolversParentTypes['Workspace'] };
  TestApiToolInput: TestApiToolInput;
  TestApiToolPayload: TestResultModel;
  TextMessage: ToolMessageModel;
  TokenInput: TokenInput;
  Tool: ToolModelModel;
  ToolEvent: ResolversUnionTypes<ResolversParentTypes>['ToolEvent'];
  ToolInvocation: ToolInvocationRecordModel;
  ToolInvocationConnection: InvocationPageModel;
  ToolInvocationEdge: InvocationEdgeModel;
  ToolInvocationFilter: ToolInvocationFilter;
  ToolInvocationFinished: ToolEventModelModel;
  ToolListing: ToolProviderRecordModel;
  ToolListingConnection: ProviderPageModel;
  ToolListingEdge: ProviderEdgeModel;
  ToolMarketplaceFilter: ToolMarketplaceFilter;
  ToolMessage: ResolversUnionTypes<ResolversParentTypes>['ToolMessage'];
  ToolParameter: ParameterModelModel;
  ToolPreview: ApiOperationModel;
  ToolProvider: ProviderModelModel;
  ToolProviderConnection: ProviderPageModel;
  ToolProviderEdge: ProviderEdgeModel;
  ToolProviderFilter: ToolProviderFilter;
  ToolProviderPayload: Omit<ToolProviderPayload, 'provider'> & { provider: ResolversParentTypes['ToolProvider'] };
  UpdateApiExtensionInput: UpdateApiExtensionInput;
  UpdateApiToolProviderInput: UpdateApiToolProviderInput;
  UpdateAppInput: UpdateAppInput;
  UpdateAppPayload: Omit<UpdateAppPayload, 'app'> & { app: ResolversParentTypes['App'] };
  UpdatePluginExtensionInput: UpdatePluginExtensionInput;
  UpdateProfileInput: UpdateProfileInput;
  UpdateProfilePayload: Omit<UpdateProfilePayload, 'user'> & { user: ResolversParentTypes['User'] };
  Upload: Scalars['Upload']['output'];
  UploadFilePayload: Omit<UploadFilePayload, 'file'> & { file: ResolversParentTypes['File'] };
  UploadFilesPayload: Omit<UploadFilesPayload, 'files'> & { files: Array<ResolversParentTypes['File']> };
  User: UserModel;
  VariableMessage: ToolMessageModel;
  VerifyEmailPayload: VerifyEmailPayload;
  Viewer: ViewerModel;
  Workflow: WorkflowModelModel;
  WorkflowError: RunErrorModel;
  WorkflowEvent: WorkflowEventModel;
  WorkflowInput: StartInputModel;
  WorkflowNode: WorkflowNodeModel;
  WorkflowNodeExecution: NodeExecutionModel;
  WorkflowNodeExecutionConnection: NodeExecutionPageModel;
  WorkflowNodeExecutionEdge: NodeExecutionEdgeModel;
  WorkflowNodeExecutionFilter: WorkflowNodeExecutionFilter;
  WorkflowNodeFinished: WorkflowEventModel;
  WorkflowNodeStarted: WorkflowEventModel;
  WorkflowRun: WorkflowRunModel;
  WorkflowRunConnection: RunPageModel;
  WorkflowRunEdge: RunEdgeModel;
  WorkflowRunFailed: WorkflowEventModel;
  WorkflowRunFilter: WorkflowRunFilter;
  WorkflowRunFinished: WorkflowEventModel;
  WorkflowRunStarted: WorkflowEventModel;
  WorkflowRunStopped: WorkflowEventModel;
  WorkflowTextChunk: WorkflowEventModel;
  WorkflowVersion: WorkflowVersionModel;
  WorkflowVersionConnection: VersionPageModel;
  WorkflowVersionEdge: VersionEdgeModel;
  WorkflowVersionPayload: Omit<WorkflowVersionPayload, 'version'> & { version: ResolversParentTypes['WorkflowVersion'] };
  Workspace: WorkspaceModel;
  WorkspaceConnection: WorkspaceMembershipPageModel;
  WorkspaceEdge: WorkspaceMembershipEdgeModel;
  WorkspaceMemberPayload: Omit<WorkspaceMemberPayload, 'membership'> & { membership: ResolversParentTypes['Membership'] };
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
}>;

export type AuthDirectiveArgs = {
  requires?: Maybe<Role>;
};

export type AuthDirectiveResolver<Result, Parent, ContextType = Context, Args = AuthDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RateLimitDirectiveArgs = {
  by?: Maybe<RateLimitBy>;
  max: Scalars['Int']['input'];
  window: Scalars['String']['input'];
};

export type RateLimitDirectiveResolver<Result, Parent, ContextType = Context, Args = RateLimitDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AcceptInvitationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AcceptInvitationPayload'] = ResolversParentTypes['AcceptInvitationPayload']> = ResolversObject<{
  auth?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  workspaceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ApiAuthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiAuth'] = ResolversParentTypes['ApiAuth']> = ResolversObject<{
  customPrefix?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  headerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  prefix?: Resolver<Maybe<ResolversTypes['ApiKeyPrefix']>, ParentType, ContextType>;
  queryParam?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ApiAuthType'], ParentType, ContextType>;
}>;

export type ApiCredentialsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiCredentials'] = ResolversParentTypes['ApiCredentials']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  password?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  app?: Resolver<Maybe<ResolversTypes['App']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creator?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['ApiKeyScope'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ApiKeyConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyConnection'] = ResolversParentTypes['ApiKeyConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ApiKeyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ApiKeyEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyEdge'] = ResolversParentTypes['ApiKeyEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
}>;

export type AppResolvers<ContextType = Context, ParentType extends ResolversParentTypes['App'] = ResolversParentTypes['App'], FederationReferenceType extends FederationReferenceTypes['App'] = FederationReferenceTypes['App']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['App']> | FederationReferenceType, FederationReferenceType, ContextType>;
  config?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creator?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  icon?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['AppMode'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  workflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType>;
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AppConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppConnection'] = ResolversParentTypes['AppConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AppEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AppEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppEdge'] = ResolversParentTypes['AppEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['App'], ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type BlobMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BlobMessage'] = ResolversParentTypes['BlobMessage']> = ResolversObject<{
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  final?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mimeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalLength?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CreateApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CreateAppPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateAppPayload'] = ResolversParentTypes['CreateAppPayload']> = ResolversObject<{
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType>;
}>;

export type CreateUploadUrlPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateUploadUrlPayload'] = ResolversParentTypes['CreateUploadUrlPayload']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fileId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  headers?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CreateWorkspacePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateWorkspacePayload'] = ResolversParentTypes['CreateWorkspacePayload']> = ResolversObject<{
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteAppPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteAppPayload'] = ResolversParentTypes['DeleteAppPayload']> = ResolversObject<{
  deletedAppId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DeleteExtensionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteExtensionPayload'] = ResolversParentTypes['DeleteExtensionPayload']> = ResolversObject<{
  deletedExtensionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DeleteFilePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteFilePayload'] = ResolversParentTypes['DeleteFilePayload']> = ResolversObject<{
  deletedFileId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DeleteToolProviderPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteToolProviderPayload'] = ResolversParentTypes['DeleteToolProviderPayload']> = ResolversObject<{
  deletedProviderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ExecuteExtensionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExecuteExtensionPayload'] = ResolversParentTypes['ExecuteExtensionPayload']> = ResolversObject<{
  execution?: Resolver<ResolversTypes['ExtensionExecution'], ParentType, ContextType>;
  output?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
}>;

export type ExtensionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Extension'] = ResolversParentTypes['Extension']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  config?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creator?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endpoint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExtensionKind'], ParentType, ContextType>;
  module?: Resolver<ResolversTypes['ExtensionModuleName'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pluginName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ExtensionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionConnection'] = ResolversParentTypes['ExtensionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ExtensionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ExtensionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionEdge'] = ResolversParentTypes['ExtensionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Extension'], ParentType, ContextType>;
}>;

export type ExtensionExecutionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionExecution'] = ResolversParentTypes['ExtensionExecution']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  extension?: Resolver<Maybe<ResolversTypes['Extension']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  point?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExtensionExecutionStatus'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ExtensionExecutionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionExecutionConnection'] = ResolversParentTypes['ExtensionExecutionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ExtensionExecutionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ExtensionExecutionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionExecutionEdge'] = ResolversParentTypes['ExtensionExecutionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ExtensionExecution'], ParentType, ContextType>;
}>;

export type ExtensionModuleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionModule'] = ResolversParentTypes['ExtensionModule']> = ResolversObject<{
  apiBased?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  configForm?: Resolver<Array<ResolversTypes['FormField']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['ExtensionModuleName'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['ExtensionPoint']>, ParentType, ContextType>;
}>;

export type ExtensionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionPayload'] = ResolversParentTypes['ExtensionPayload']> = ResolversObject<{
  extension?: Resolver<ResolversTypes['Extension'], ParentType, ContextType>;
}>;

export type ExtensionPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtensionPoint'] = ResolversParentTypes['ExtensionPoint']> = ResolversObject<{
  inputSchema?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputSchema?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
}>;

export type FileResolvers<ContextType = Context, ParentType extends ResolversParentTypes['File'] = ResolversParentTypes['File'], FederationReferenceType extends FederationReferenceTypes['File'] = FederationReferenceTypes['File']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['File']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creator?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mimeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['FilePurpose'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  urlExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FileConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FileConnection'] = ResolversParentTypes['FileConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FileEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FileEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FileEdge'] = ResolversParentTypes['FileEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['File'], ParentType, ContextType>;
}>;

export type FileMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FileMessage'] = ResolversParentTypes['FileMessage']> = ResolversObject<{
  fileId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  mimeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FormFieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FormField'] = ResolversParentTypes['FormField']> = ResolversObject<{
  default?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['FormFieldType'], ParentType, ContextType>;
}>;

export type ImageMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImageMessage'] = ResolversParentTypes['ImageMessage']> = ResolversObject<{
  mimeType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InstallPluginPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InstallPluginPayload'] = ResolversParentTypes['InstallPluginPayload']> = ResolversObject<{
  plugin?: Resolver<ResolversTypes['Plugin'], ParentType, ContextType>;
}>;

export type InvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = ResolversObject<{
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  language?: Resolver<ResolversTypes['Language'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvitationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationConnection'] = ResolversParentTypes['InvitationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InvitationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InvitationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationEdge'] = ResolversParentTypes['InvitationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType>;
}>;

export type InviteWorkspaceMembersPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InviteWorkspaceMembersPayload'] = ResolversParentTypes['InviteWorkspaceMembersPayload']> = ResolversObject<{
  invitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType>;
}>;

export type InvokeToolPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvokeToolPayload'] = ResolversParentTypes['InvokeToolPayload']> = ResolversObject<{
  invocation?: Resolver<ResolversTypes['ToolInvocation'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['ToolMessage']>, ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JsonMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JsonMessage'] = ResolversParentTypes['JsonMessage']> = ResolversObject<{
  json?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LinkMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LinkMessage'] = ResolversParentTypes['LinkMessage']> = ResolversObject<{
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LogMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LogMessage'] = ResolversParentTypes['LogMessage']> = ResolversObject<{
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['LogLevel'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MailDeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailDelivery'] = ResolversParentTypes['MailDelivery']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['Language'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastErrorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  providerMessageId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MailDeliveryStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  template?: Resolver<ResolversTypes['MailTemplate'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MailDeliveryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailDeliveryConnection'] = ResolversParentTypes['MailDeliveryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MailDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MailDeliveryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailDeliveryEdge'] = ResolversParentTypes['MailDeliveryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MailDelivery'], ParentType, ContextType>;
}>;

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptInvitation?: Resolver<ResolversTypes['AcceptInvitationPayload'], ParentType, ContextType, RequireFields<MutationAcceptInvitationArgs, 'input'>>;
  addWorkspaceMember?: Resolver<ResolversTypes['WorkspaceMemberPayload'], ParentType, ContextType, RequireFields<MutationAddWorkspaceMemberArgs, 'input'>>;
  changeWorkspaceMemberRole?: Resolver<ResolversTypes['WorkspaceMemberPayload'], ParentType, ContextType, RequireFields<MutationChangeWorkspaceMemberRoleArgs, 'input'>>;
  completeUpload?: Resolver<ResolversTypes['UploadFilePayload'], ParentType, ContextType, RequireFields<MutationCompleteUploadArgs, 'input'>>;
  createApiExtension?: Resolver<ResolversTypes['ExtensionPayload'], ParentType, ContextType, RequireFields<MutationCreateApiExtensionArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createApiToolProvider?: Resolver<ResolversTypes['ToolProviderPayload'], ParentType, ContextType, RequireFields<MutationCreateApiToolProviderArgs, 'input'>>;
  createApp?: Resolver<ResolversTypes['CreateAppPayload'], ParentType, ContextType, RequireFields<MutationCreateAppArgs, 'input'>>;
  createPluginExtension?: Resolver<ResolversTypes['ExtensionPayload'], ParentType, ContextType, RequireFields<MutationCreatePluginExtensionArgs, 'input'>>;
  createUploadUrl?: Resolver<ResolversTypes['CreateUploadUrlPayload'], ParentType, ContextType, RequireFields<MutationCreateUploadUrlArgs, 'input'>>;
  createWorkflowToolProvider?: Resolver<ResolversTypes['ToolProviderPayload'], ParentType, ContextType, RequireFields<MutationCreateWorkflowToolProviderArgs, 'input'>>;
  createWorkspace?: Resolver<ResolversTypes['CreateWorkspacePayload'], ParentType, ContextType, RequireFields<MutationCreateWorkspaceArgs, 'input'>>;
  deleteApp?: Resolver<ResolversTypes['DeleteAppPayload'], ParentType, ContextType, RequireFields<MutationDeleteAppArgs, 'input'>>;
  deleteExtension?: Resolver<ResolversTypes['DeleteExtensionPayload'], ParentType, ContextType, RequireFields<MutationDeleteExtensionArgs, 'input'>>;
  deleteFile?: Resolver<ResolversTypes['DeleteFilePayload'], ParentType, ContextType, RequireFields<MutationDeleteFileArgs, 'input'>>;
  deleteToolProvider?: Resolver<ResolversTypes['DeleteToolProviderPayload'], ParentType, ContextType, RequireFields<MutationDeleteToolProviderArgs, 'input'>>;
  executeExtension?: Resolver<ResolversTypes['ExecuteExtensionPayload'], ParentType, ContextType, RequireFields<MutationExecuteExtensionArgs, 'input'>>;
  installPlugin?: Resolver<ResolversTypes['InstallPluginPayload'], ParentType, ContextType, RequireFields<MutationInstallPluginArgs, 'input'>>;
  installToolProvider?: Resolver<ResolversTypes['ToolProviderPayload'], ParentType, ContextType, RequireFields<MutationInstallToolProviderArgs, 'input'>>;
  inviteWorkspaceMembers?: Resolver<ResolversTypes['InviteWorkspaceMembersPayload'], ParentType, ContextType, RequireFields<MutationInviteWorkspaceMembersArgs, 'input'>>;
  invokeTool?: Resolver<ResolversTypes['InvokeToolPayload'], ParentType, ContextType, RequireFields<MutationInvokeToolArgs, 'input'>>;
  previewOpenApiTools?: Resolver<ResolversTypes['OpenApiPreview'], ParentType, ContextType, RequireFields<MutationPreviewOpenApiToolsArgs, 'input'>>;
  publishToolProvider?: Resolver<ResolversTypes['ToolProviderPayload'], ParentType, ContextType, RequireFields<MutationPublishToolProviderArgs, 'input'>>;
  publishWorkflow?: Resolver<ResolversTypes['WorkflowVersionPayload'], ParentType, ContextType, RequireFields<MutationPublishWorkflowArgs, 'input'>>;
  removeWorkspaceMember?: Resolver<ResolversTypes['RemoveWorkspaceMemberPayload'], ParentType, ContextType, RequireFields<MutationRemoveWorkspaceMemberArgs, 'input'>>;
  renameWorkspace?: Resolver<ResolversTypes['RenameWorkspacePayload'], ParentType, ContextType, RequireFields<MutationRenameWorkspaceArgs, 'input'>>;
  requestEmailVerification?: Resolver<ResolversTypes['RequestAcceptedPayload'], ParentType, ContextType>;
  requestPasswordReset?: Resolver<ResolversTypes['RequestAcceptedPayload'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'input'>>;
  requestSignInLink?: Resolver<ResolversTypes['RequestAcceptedPayload'], ParentType, ContextType, RequireFields<MutationRequestSignInLinkArgs, 'input'>>;
  resetPassword?: Resolver<ResolversTypes['ResetPasswordPayload'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['RevokeApiKeyPayload'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'input'>>;
  revokeInvitation?: Resolver<ResolversTypes['RevokeInvitationPayload'], ParentType, ContextType, RequireFields<MutationRevokeInvitationArgs, 'input'>>;
  runWorkflow?: Resolver<ResolversTypes['RunWorkflowPayload'], ParentType, ContextType, RequireFields<MutationRunWorkflowArgs, 'input'>>;
  saveWorkflowDraft?: Resolver<ResolversTypes['WorkflowVersionPayload'], ParentType, ContextType, RequireFields<MutationSaveWorkflowDraftArgs, 'input'>>;
  setExtensionEnabled?: Resolver<ResolversTypes['ExtensionPayload'], ParentType, ContextType, RequireFields<MutationSetExtensionEnabledArgs, 'input'>>;
  signIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'input'>>;
  signInWithLink?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignInWithLinkArgs, 'input'>>;
  signOut?: Resolver<ResolversTypes['SignOutPayload'], ParentType, ContextType>;
  signOutEverywhere?: Resolver<ResolversTypes['SignOutPayload'], ParentType, ContextType>;
  signUp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  stopWorkflowRun?: Resolver<ResolversTypes['StopWorkflowRunPayload'], ParentType, ContextType, RequireFields<MutationStopWorkflowRunArgs, 'input'>>;
  switchWorkspace?: Resolver<ResolversTypes['SwitchWorkspacePayload'], ParentType, ContextType, RequireFields<MutationSwitchWorkspaceArgs, 'input'>>;
  testApiTool?: Resolver<ResolversTypes['TestApiToolPayload'], ParentType, ContextType, RequireFields<MutationTestApiToolArgs, 'input'>>;
  unpublishToolProvider?: Resolver<ResolversTypes['ToolProviderPayload'], ParentType, ContextType, RequireFields<MutationUnpublishToolProviderArgs, 'input'>>;
  updateApiExtension?: Resolver<ResolversTypes['ExtensionPayload'], ParentType, ContextType, RequireFields<MutationUpdateApiExtensionArgs, 'input'>>;
  updateApiToolProvider?: Resolver<ResolversTypes['ToolProviderPayload'], ParentType, ContextType, RequireFields<MutationUpdateApiToolProviderArgs, 'input'>>;
  updateApp?: Resolver<ResolversTypes['UpdateAppPayload'], ParentType, ContextType, RequireFields<MutationUpdateAppArgs, 'input'>>;
  updatePluginExtension?: Resolver<ResolversTypes['ExtensionPayload'], ParentType, ContextType, RequireFields<MutationUpdatePluginExtensionArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['UpdateProfilePayload'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
  uploadFile?: Resolver<ResolversTypes['UploadFilePayload'], ParentType, ContextType, RequireFields<MutationUploadFileArgs, 'file' | 'purpose'>>;
  uploadFiles?: Resolver<ResolversTypes['UploadFilesPayload'], ParentType, ContextType, RequireFields<MutationUploadFilesArgs, 'files' | 'purpose'>>;
  verifyEmail?: Resolver<ResolversTypes['VerifyEmailPayload'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'input'>>;
}>;

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ApiKey' | 'App' | 'Extension' | 'ExtensionExecution' | 'File' | 'Invitation' | 'MailDelivery' | 'Membership' | 'User' | 'Workspace', ParentType, ContextType>;
}>;

export type OpenApiPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpenApiPreview'] = ResolversParentTypes['OpenApiPreview']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serverUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tools?: Resolver<Array<ResolversTypes['ToolPreview']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PluginResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Plugin'] = ResolversParentTypes['Plugin']> = ResolversObject<{
  allowedHosts?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  configForm?: Resolver<Array<ResolversTypes['FormField']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  installedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  module?: Resolver<ResolversTypes['ExtensionModuleName'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['PluginState'], ParentType, ContextType>;
  tools?: Resolver<Array<ResolversTypes['PluginTool']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PluginToolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PluginTool'] = ResolversParentTypes['PluginTool']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<ResolversTypes['ApiKeyConnection'], ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'first'>>;
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType, RequireFields<QueryAppArgs, 'id'>>;
  apps?: Resolver<ResolversTypes['AppConnection'], ParentType, ContextType, RequireFields<QueryAppsArgs, 'first'>>;
  builtinTools?: Resolver<Array<ResolversTypes['Tool']>, ParentType, ContextType>;
  extension?: Resolver<ResolversTypes['Extension'], ParentType, ContextType, RequireFields<QueryExtensionArgs, 'id'>>;
  extensionExecution?: Resolver<ResolversTypes['ExtensionExecution'], ParentType, ContextType, RequireFields<QueryExtensionExecutionArgs, 'id'>>;
  extensionExecutions?: Resolver<ResolversTypes['ExtensionExecutionConnection'], ParentType, ContextType, RequireFields<QueryExtensionExecutionsArgs, 'first'>>;
  extensionModules?: Resolver<Array<ResolversTypes['ExtensionModule']>, ParentType, ContextType>;
  extensions?: Resolver<ResolversTypes['ExtensionConnection'], ParentType, ContextType, RequireFields<QueryExtensionsArgs, 'first'>>;
  file?: Resolver<ResolversTypes['File'], ParentType, ContextType, RequireFields<QueryFileArgs, 'id'>>;
  files?: Resolver<ResolversTypes['FileConnection'], ParentType, ContextType, RequireFields<QueryFilesArgs, 'first'>>;
  invitations?: Resolver<ResolversTypes['InvitationConnection'], ParentType, ContextType, RequireFields<QueryInvitationsArgs, 'first'>>;
  mailDeliveries?: Resolver<ResolversTypes['MailDeliveryConnection'], ParentType, ContextType, RequireFields<QueryMailDeliveriesArgs, 'first'>>;
  mailDelivery?: Resolver<ResolversTypes['MailDelivery'], ParentType, ContextType, RequireFields<QueryMailDeliveryArgs, 'id'>>;
  plugins?: Resolver<Array<ResolversTypes['Plugin']>, ParentType, ContextType>;
  tool?: Resolver<ResolversTypes['Tool'], ParentType, ContextType, RequireFields<QueryToolArgs, 'id'>>;
  toolInvocation?: Resolver<ResolversTypes['ToolInvocation'], ParentType, ContextType, RequireFields<QueryToolInvocationArgs, 'id'>>;
  toolInvocations?: Resolver<ResolversTypes['ToolInvocationConnection'], ParentType, ContextType, RequireFields<QueryToolInvocationsArgs, 'first'>>;
  toolMarketplace?: Resolver<ResolversTypes['ToolListingConnection'], ParentType, ContextType, RequireFields<QueryToolMarketplaceArgs, 'first'>>;
  toolProvider?: Resolver<ResolversTypes['ToolProvider'], ParentType, ContextType, RequireFields<QueryToolProviderArgs, 'id'>>;
  toolProviders?: Resolver<ResolversTypes['ToolProviderConnection'], ParentType, ContextType, RequireFields<QueryToolProvidersArgs, 'first'>>;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['Workflow'], ParentType, ContextType, RequireFields<QueryWorkflowArgs, 'appId'>>;
  workflowRun?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType, RequireFields<QueryWorkflowRunArgs, 'id'>>;
  workflowRuns?: Resolver<ResolversTypes['WorkflowRunConnection'], ParentType, ContextType, RequireFields<QueryWorkflowRunsArgs, 'first'>>;
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType, RequireFields<QueryWorkspaceArgs, 'id'>>;
}>;

export type RemoveWorkspaceMemberPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RemoveWorkspaceMemberPayload'] = ResolversParentTypes['RemoveWorkspaceMemberPayload']> = ResolversObject<{
  removedUserId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type RenameWorkspacePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RenameWorkspacePayload'] = ResolversParentTypes['RenameWorkspacePayload']> = ResolversObject<{
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
}>;

export type RequestAcceptedPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RequestAcceptedPayload'] = ResolversParentTypes['RequestAcceptedPayload']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ResetPasswordPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResetPasswordPayload'] = ResolversParentTypes['ResetPasswordPayload']> = ResolversObject<{
  revokedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RevokeApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevokeApiKeyPayload'] = ResolversParentTypes['RevokeApiKeyPayload']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
}>;

export type RevokeInvitationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevokeInvitationPayload'] = ResolversParentTypes['RevokeInvitationPayload']> = ResolversObject<{
  invitation?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType>;
}>;

export type RunWorkflowPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunWorkflowPayload'] = ResolversParentTypes['RunWorkflowPayload']> = ResolversObject<{
  run?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType>;
}>;

export type SignOutPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignOutPayload'] = ResolversParentTypes['SignOutPayload']> = ResolversObject<{
  revoked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StopWorkflowRunPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StopWorkflowRunPayload'] = ResolversParentTypes['StopWorkflowRunPayload']> = ResolversObject<{
  run?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  invokeTool?: SubscriptionResolver<ResolversTypes['ToolEvent'], "invokeTool", ParentType, ContextType, RequireFields<SubscriptionInvokeToolArgs, 'input'>>;
  runWorkflow?: SubscriptionResolver<ResolversTypes['WorkflowEvent'], "runWorkflow", ParentType, ContextType, RequireFields<SubscriptionRunWorkflowArgs, 'input'>>;
  workflowRun?: SubscriptionResolver<ResolversTypes['WorkflowEvent'], "workflowRun", ParentType, ContextType, RequireFields<SubscriptionWorkflowRunArgs, 'afterSequence' | 'id'>>;
  workspaceUpdated?: SubscriptionResolver<ResolversTypes['Workspace'], "workspaceUpdated", ParentType, ContextType, RequireFields<SubscriptionWorkspaceUpdatedArgs, 'id'>>;
}>;

export type SwitchWorkspacePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SwitchWorkspacePayload'] = ResolversParentTypes['SwitchWorkspacePayload']> = ResolversObject<{
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
}>;

export type TestApiToolPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TestApiToolPayload'] = ResolversParentTypes['TestApiToolPayload']> = ResolversObject<{
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['ToolMessage']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ToolInvocationStatus'], ParentType, ContextType>;
}>;

export type TextMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TextMessage'] = ResolversParentTypes['TextMessage']> = ResolversObject<{
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ToolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Tool'] = ResolversParentTypes['Tool']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parameters?: Resolver<Array<ResolversTypes['ToolParameter']>, ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['ToolProvider'], ParentType, ContextType>;
}>;

export type ToolEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolEvent'] = ResolversParentTypes['ToolEvent']> = ResolversObject<{
  __resolveType: TypeResolveFn<'BlobMessage' | 'FileMessage' | 'ImageMessage' | 'JsonMessage' | 'LinkMessage' | 'LogMessage' | 'TextMessage' | 'ToolInvocationFinished' | 'VariableMessage', ParentType, ContextType>;
}>;

export type ToolInvocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolInvocation'] = ResolversParentTypes['ToolInvocation']> = ResolversObject<{
  apiKeyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  caller?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['ToolProvider']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ToolInvocationStatus'], ParentType, ContextType>;
  toolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  toolName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ToolInvocationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolInvocationConnection'] = ResolversParentTypes['ToolInvocationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ToolInvocationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ToolInvocationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolInvocationEdge'] = ResolversParentTypes['ToolInvocationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ToolInvocation'], ParentType, ContextType>;
}>;

export type ToolInvocationFinishedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolInvocationFinished'] = ResolversParentTypes['ToolInvocationFinished']> = ResolversObject<{
  invocation?: Resolver<ResolversTypes['ToolInvocation'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ToolListingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolListing'] = ResolversParentTypes['ToolListing']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  icon?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  installCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ToolProviderKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  publisher?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tools?: Resolver<Array<ResolversTypes['ToolPreview']>, ParentType, ContextType>;
}>;

export type ToolListingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolListingConnection'] = ResolversParentTypes['ToolListingConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ToolListingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ToolListingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolListingEdge'] = ResolversParentTypes['ToolListingEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ToolListing'], ParentType, ContextType>;
}>;

export type ToolMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolMessage'] = ResolversParentTypes['ToolMessage']> = ResolversObject<{
  __resolveType: TypeResolveFn<'BlobMessage' | 'FileMessage' | 'ImageMessage' | 'JsonMessage' | 'LinkMessage' | 'LogMessage' | 'TextMessage' | 'VariableMessage', ParentType, ContextType>;
}>;

export type ToolParameterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolParameter'] = ResolversParentTypes['ToolParameter']> = ResolversObject<{
  default?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['ToolParameterLocation']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  schema?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ToolParameterType'], ParentType, ContextType>;
}>;

export type ToolPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolPreview'] = ResolversParentTypes['ToolPreview']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parameters?: Resolver<Array<ResolversTypes['ToolParameter']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ToolProviderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolProvider'] = ResolversParentTypes['ToolProvider']> = ResolversObject<{
  auth?: Resolver<Maybe<ResolversTypes['ApiAuth']>, ParentType, ContextType>;
  connectTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  creator?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  credentials?: Resolver<Maybe<ResolversTypes['ApiCredentials']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  icon?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  installCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ToolProviderKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  serverUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tools?: Resolver<Array<ResolversTypes['Tool']>, ParentType, ContextType>;
  totalTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['ToolProviderVisibility'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  workspace?: Resolver<Maybe<ResolversTypes['Workspace']>, ParentType, ContextType>;
}>;

export type ToolProviderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolProviderConnection'] = ResolversParentTypes['ToolProviderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ToolProviderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ToolProviderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolProviderEdge'] = ResolversParentTypes['ToolProviderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ToolProvider'], ParentType, ContextType>;
}>;

export type ToolProviderPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ToolProviderPayload'] = ResolversParentTypes['ToolProviderPayload']> = ResolversObject<{
  provider?: Resolver<ResolversTypes['ToolProvider'], ParentType, ContextType>;
}>;

export type UpdateAppPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateAppPayload'] = ResolversParentTypes['UpdateAppPayload']> = ResolversObject<{
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType>;
}>;

export type UpdateProfilePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateProfilePayload'] = ResolversParentTypes['UpdateProfilePayload']> = ResolversObject<{
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export interface UploadScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Upload'], any> {
  name: 'Upload';
}

export type UploadFilePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UploadFilePayload'] = ResolversParentTypes['UploadFilePayload']> = ResolversObject<{
  file?: Resolver<ResolversTypes['File'], ParentType, ContextType>;
}>;

export type UploadFilesPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UploadFilesPayload'] = ResolversParentTypes['UploadFilesPayload']> = ResolversObject<{
  files?: Resolver<Array<ResolversTypes['File']>, ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['Language'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type VariableMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariableMessage'] = ResolversParentTypes['VariableMessage']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type VerifyEmailPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VerifyEmailPayload'] = ResolversParentTypes['VerifyEmailPayload']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  currentWorkspace?: Resolver<Maybe<ResolversTypes['Workspace']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  workspaces?: Resolver<ResolversTypes['WorkspaceConnection'], ParentType, ContextType, RequireFields<ViewerWorkspacesArgs, 'first'>>;
}>;

export type WorkflowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Workflow'] = ResolversParentTypes['Workflow']> = ResolversObject<{
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType>;
  draft?: Resolver<Maybe<ResolversTypes['WorkflowVersion']>, ParentType, ContextType>;
  published?: Resolver<Maybe<ResolversTypes['WorkflowVersion']>, ParentType, ContextType>;
  versions?: Resolver<ResolversTypes['WorkflowVersionConnection'], ParentType, ContextType, RequireFields<WorkflowVersionsArgs, 'first'>>;
}>;

export type WorkflowErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowError'] = ResolversParentTypes['WorkflowError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WorkflowEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowEvent'] = ResolversParentTypes['WorkflowEvent']> = ResolversObject<{
  __resolveType: TypeResolveFn<'WorkflowNodeFinished' | 'WorkflowNodeStarted' | 'WorkflowRunFailed' | 'WorkflowRunFinished' | 'WorkflowRunStarted' | 'WorkflowRunStopped' | 'WorkflowTextChunk', ParentType, ContextType>;
}>;

export type WorkflowInputResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowInput'] = ResolversParentTypes['WorkflowInput']> = ResolversObject<{
  default?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowInputType'], ParentType, ContextType>;
}>;

export type WorkflowNodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowNode'] = ResolversParentTypes['WorkflowNode']> = ResolversObject<{
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowNodeType'], ParentType, ContextType>;
}>;

export type WorkflowNodeExecutionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowNodeExecution'] = ResolversParentTypes['WorkflowNodeExecution']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['WorkflowError']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  iterationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  iterationIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeType?: Resolver<ResolversTypes['WorkflowNodeType'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkflowNodeStatus'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type WorkflowNodeExecutionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowNodeExecutionConnection'] = ResolversParentTypes['WorkflowNodeExecutionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WorkflowNodeExecutionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WorkflowNodeExecutionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowNodeExecutionEdge'] = ResolversParentTypes['WorkflowNodeExecutionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WorkflowNodeExecution'], ParentType, ContextType>;
}>;

export type WorkflowNodeFinishedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowNodeFinished'] = ResolversParentTypes['WorkflowNodeFinished']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['WorkflowError']>, ParentType, ContextType>;
  iterationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  iterationIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nodeExecutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeType?: Resolver<ResolversTypes['WorkflowNodeType'], ParentType, ContextType>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkflowNodeStatus'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowEventType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkflowNodeStartedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowNodeStarted'] = ResolversParentTypes['WorkflowNodeStarted']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  inputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  iterationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  iterationIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nodeExecutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeType?: Resolver<ResolversTypes['WorkflowNodeType'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowEventType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkflowRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowRun'] = ResolversParentTypes['WorkflowRun']> = ResolversObject<{
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['WorkflowError']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['WorkflowEvent']>, ParentType, ContextType, RequireFields<WorkflowRunEventsArgs, 'afterSequence' | 'first'>>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  nodeExecutions?: Resolver<ResolversTypes['WorkflowNodeExecutionConnection'], ParentType, ContextType, RequireFields<WorkflowRunNodeExecutionsArgs, 'first'>>;
  outputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  parentRunId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkflowRunStatus'], ParentType, ContextType>;
  triggeredBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WorkflowRunConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowRunConnection'] = ResolversParentTypes['WorkflowRunConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WorkflowRunEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WorkflowRunEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowRunEdge'] = ResolversParentTypes['WorkflowRunEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType>;
}>;

export type WorkflowRunFailedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowRunFailed'] = ResolversParentTypes['WorkflowRunFailed']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<ResolversTypes['WorkflowError'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowEventType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkflowRunFinishedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowRunFinished'] = ResolversParentTypes['WorkflowRunFinished']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outputs?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowEventType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkflowRunStartedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowRunStarted'] = ResolversParentTypes['WorkflowRunStarted']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  inputs?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowEventType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkflowRunStoppedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowRunStopped'] = ResolversParentTypes['WorkflowRunStopped']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowEventType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkflowTextChunkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowTextChunk'] = ResolversParentTypes['WorkflowTextChunk']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  nodeExecutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['WorkflowEventType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkflowVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowVersion'] = ResolversParentTypes['WorkflowVersion']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  graph?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['WorkflowInput']>, ParentType, ContextType>;
  isDraft?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['WorkflowNode']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WorkflowVersionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowVersionConnection'] = ResolversParentTypes['WorkflowVersionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WorkflowVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WorkflowVersionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowVersionEdge'] = ResolversParentTypes['WorkflowVersionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WorkflowVersion'], ParentType, ContextType>;
}>;

export type WorkflowVersionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkflowVersionPayload'] = ResolversParentTypes['WorkflowVersionPayload']> = ResolversObject<{
  version?: Resolver<ResolversTypes['WorkflowVersion'], ParentType, ContextType>;
}>;

export type WorkspaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Workspace'] = ResolversParentTypes['Workspace'], FederationReferenceType extends FederationReferenceTypes['Workspace'] = FederationReferenceTypes['Workspace']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Workspace']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  viewerRole?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkspaceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkspaceConnection'] = ResolversParentTypes['WorkspaceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WorkspaceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WorkspaceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkspaceEdge'] = ResolversParentTypes['WorkspaceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
}>;

export type WorkspaceMemberPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkspaceMemberPayload'] = ResolversParentTypes['WorkspaceMemberPayload']> = ResolversObject<{
  membership?: Resolver<ResolversTypes['Membership'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AcceptInvitationPayload?: AcceptInvitationPayloadResolvers<ContextType>;
  ApiAuth?: ApiAuthResolvers<ContextType>;
  ApiCredentials?: ApiCredentialsResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyConnection?: ApiKeyConnectionResolvers<ContextType>;
  ApiKeyEdge?: ApiKeyEdgeResolvers<ContextType>;
  App?: AppResolvers<ContextType>;
  AppConnection?: AppConnectionResolvers<ContextType>;
  AppEdge?: AppEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  BlobMessage?: BlobMessageResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  CreateAppPayload?: CreateAppPayloadResolvers<ContextType>;
  CreateUploadUrlPayload?: CreateUploadUrlPayloadResolvers<ContextType>;
  CreateWorkspacePayload?: CreateWorkspacePayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteAppPayload?: DeleteAppPayloadResolvers<ContextType>;
  DeleteExtensionPayload?: DeleteExtensionPayloadResolvers<ContextType>;
  DeleteFilePayload?: DeleteFilePayloadResolvers<ContextType>;
  DeleteToolProviderPayload?: DeleteToolProviderPayloadResolvers<ContextType>;
  ExecuteExtensionPayload?: ExecuteExtensionPayloadResolvers<ContextType>;
  Extension?: ExtensionResolvers<ContextType>;
  ExtensionConnection?: ExtensionConnectionResolvers<ContextType>;
  ExtensionEdge?: ExtensionEdgeResolvers<ContextType>;
  ExtensionExecution?: ExtensionExecutionResolvers<ContextType>;
  ExtensionExecutionConnection?: ExtensionExecutionConnectionResolvers<ContextType>;
  ExtensionExecutionEdge?: ExtensionExecutionEdgeResolvers<ContextType>;
  ExtensionModule?: ExtensionModuleResolvers<ContextType>;
  ExtensionPayload?: ExtensionPayloadResolvers<ContextType>;
  ExtensionPoint?: ExtensionPointResolvers<ContextType>;
  File?: FileResolvers<ContextType>;
  FileConnection?: FileConnectionResolvers<ContextType>;
  FileEdge?: FileEdgeResolvers<ContextType>;
  FileMessage?: FileMessageResolvers<ContextType>;
  FormField?: FormFieldResolvers<ContextType>;
  ImageMessage?: ImageMessageResolvers<ContextType>;
  InstallPluginPayload?: InstallPluginPayloadResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  InvitationConnection?: InvitationConnectionResolvers<ContextType>;
  InvitationEdge?: InvitationEdgeResolvers<ContextType>;
  InviteWorkspaceMembersPayload?: InviteWorkspaceMembersPayloadResolvers<ContextType>;
  InvokeToolPayload?: InvokeToolPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  JsonMessage?: JsonMessageResolvers<ContextType>;
  LinkMessage?: LinkMessageResolvers<ContextType>;
  LogMessage?: LogMessageResolvers<ContextType>;
  MailDelivery?: MailDeliveryResolvers<ContextType>;
  MailDeliveryConnection?: MailDeliveryConnectionResolvers<ContextType>;
  MailDeliveryEdge?: MailDeliveryEdgeResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  OpenApiPreview?: OpenApiPreviewResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Plugin?: PluginResolvers<ContextType>;
  PluginTool?: PluginToolResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RemoveWorkspaceMemberPayload?: RemoveWorkspaceMemberPayloadResolvers<ContextType>;
  RenameWorkspacePayload?: RenameWorkspacePayloadResolvers<ContextType>;
  RequestAcceptedPayload?: RequestAcceptedPayloadResolvers<ContextType>;
  ResetPasswordPayload?: ResetPasswordPayloadResolvers<ContextType>;
  RevokeApiKeyPayload?: RevokeApiKeyPayloadResolvers<ContextType>;
  RevokeInvitationPayload?: RevokeInvitationPayloadResolvers<ContextType>;
  RunWorkflowPayload?: RunWorkflowPayloadResolvers<ContextType>;
  SignOutPayload?: SignOutPayloadResolvers<ContextType>;
  StopWorkflowRunPayload?: StopWorkflowRunPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SwitchWorkspacePayload?: SwitchWorkspacePayloadResolvers<ContextType>;
  TestApiToolPayload?: TestApiToolPayloadResolvers<ContextType>;
  TextMessage?: TextMessageResolvers<ContextType>;
  Tool?: ToolResolvers<ContextType>;
  ToolEvent?: ToolEventResolvers<ContextType>;
  ToolInvocation?: ToolInvocationResolvers<ContextType>;
  ToolInvocationConnection?: ToolInvocationConnectionResolvers<ContextType>;
  ToolInvocationEdge?: ToolInvocationEdgeResolvers<ContextType>;
  ToolInvocationFinished?: ToolInvocationFinishedResolvers<ContextType>;
  ToolListing?: ToolListingResolvers<ContextType>;
  ToolListingConnection?: ToolListingConnectionResolvers<ContextType>;
  ToolListingEdge?: ToolListingEdgeResolvers<ContextType>;
  ToolMessage?: ToolMessageResolvers<ContextType>;
  ToolParameter?: ToolParameterResolvers<ContextType>;
  ToolPreview?: ToolPreviewResolvers<ContextType>;
  ToolProvider?: ToolProviderResolvers<ContextType>;
  ToolProviderConnection?: ToolProviderConnectionResolvers<ContextType>;
  ToolProviderEdge?: ToolProviderEdgeResolvers<ContextType>;
  ToolProviderPayload?: ToolProviderPayloadResolvers<ContextType>;
  UpdateAppPayload?: UpdateAppPayloadResolvers<ContextType>;
  UpdateProfilePayload?: UpdateProfilePayloadResolvers<ContextType>;
  Upload?: GraphQLScalarType;
  UploadFilePayload?: UploadFilePayloadResolvers<ContextType>;
  UploadFilesPayload?: UploadFilesPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  VariableMessage?: VariableMessageResolvers<ContextType>;
  VerifyEmailPayload?: VerifyEmailPayloadResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  Workflow?: WorkflowResolvers<ContextType>;
  WorkflowError?: WorkflowErrorResolvers<ContextType>;
  WorkflowEvent?: WorkflowEventResolvers<ContextType>;
  WorkflowInput?: WorkflowInputResolvers<ContextType>;
  WorkflowNode?: WorkflowNodeResolvers<ContextType>;
  WorkflowNodeExecution?: WorkflowNodeExecutionResolvers<ContextType>;
  WorkflowNodeExecutionConnection?: WorkflowNodeExecutionConnectionResolvers<ContextType>;
  WorkflowNodeExecutionEdge?: WorkflowNodeExecutionEdgeResolvers<ContextType>;
  WorkflowNodeFinished?: WorkflowNodeFinishedResolvers<ContextType>;
  WorkflowNodeStarted?: WorkflowNodeStartedResolvers<ContextType>;
  WorkflowRun?: WorkflowRunResolvers<ContextType>;
  WorkflowRunConnection?: WorkflowRunConnectionResolvers<ContextType>;
  WorkflowRunEdge?: WorkflowRunEdgeResolvers<ContextType>;
  WorkflowRunFailed?: WorkflowRunFailedResolvers<ContextType>;
  WorkflowRunFinished?: WorkflowRunFinishedResolvers<ContextType>;
  WorkflowRunStarted?: WorkflowRunStartedResolvers<ContextType>;
  WorkflowRunStopped?: WorkflowRunStoppedResolvers<ContextType>;
  WorkflowTextChunk?: WorkflowTextChunkResolvers<ContextType>;
  WorkflowVersion?: WorkflowVersionResolvers<ContextType>;
  WorkflowVersionConnection?: WorkflowVersionConnectionResolvers<ContextType>;
  WorkflowVersionEdge?: WorkflowVersionEdgeResolvers<ContextType>;
  WorkflowVersionPayload?: WorkflowVersionPayloadResolvers<ContextType>;
  Workspace?: WorkspaceResolvers<ContextType>;
  WorkspaceConnection?: WorkspaceConnectionResolvers<ContextType>;
  WorkspaceEdge?: WorkspaceEdgeResolvers<ContextType>;
  WorkspaceMemberPayload?: WorkspaceMemberPayloadResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  auth?: AuthDirectiveResolver<any, any, ContextType>;
  public?: PublicDirectiveResolver<any, any, ContextType>;
  rateLimit?: RateLimitDirectiveResolver<any, any, ContextType>;
}>;
