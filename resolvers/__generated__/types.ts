import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { User as UserModel, Workspace as WorkspaceModel, Membership as MembershipModel, ApiKey as ApiKeyModel } from '../../src/identity/identity.entities.js';
import type { Viewer as ViewerModel } from '../../src/identity/viewer.js';
import type { WorkspaceMembershipPage as WorkspaceMembershipPageModel, WorkspaceMembershipEdge as WorkspaceMembershipEdgeModel } from '../../src/identity/workspace.service.js';
import type { ApiKeyPage as ApiKeyPageModel, ApiKeyEdge as ApiKeyEdgeModel } from '../../src/identity/api-key.service.js';
import type { App as AppModel } from '../../src/apps/app.entity.js';
import type { AppPage as AppPageModel, AppEdge as AppEdgeModel } from '../../src/apps/app.service.js';
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
  _FieldSet: { input: unknown; output: unknown; }
};

export type AddWorkspaceMemberInput = {
  /** An existing user's email. */
  email: Scalars['String']['input'];
  role: Role;
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

export type ChangeWorkspaceMemberRoleInput = {
  role: Role;
  userId: Scalars['ID']['input'];
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
  addWorkspaceMember: WorkspaceMemberPayload;
  changeWorkspaceMemberRole: WorkspaceMemberPayload;
  createApiKey: CreateApiKeyPayload;
  createApp: CreateAppPayload;
  createWorkspace: CreateWorkspacePayload;
  deleteApp: DeleteAppPayload;
  /** Removes a member of the current workspace; any member may remove themselves. */
  removeWorkspaceMember: RemoveWorkspaceMemberPayload;
  renameWorkspace: RenameWorkspacePayload;
  revokeApiKey: RevokeApiKeyPayload;
  signIn: AuthPayload;
  /** Revokes the session used for this request. */
  signOut: SignOutPayload;
  /** Revokes every session of the signed-in user. */
  signOutEverywhere: SignOutPayload;
  signUp: AuthPayload;
  /** Makes a workspace the current one for this session. */
  switchWorkspace: SwitchWorkspacePayload;
  updateApp: UpdateAppPayload;
};


export type MutationAddWorkspaceMemberArgs = {
  input: AddWorkspaceMemberInput;
};


export type MutationChangeWorkspaceMemberRoleArgs = {
  input: ChangeWorkspaceMemberRoleInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateAppArgs = {
  input: CreateAppInput;
};


export type MutationCreateWorkspaceArgs = {
  input: CreateWorkspaceInput;
};


export type MutationDeleteAppArgs = {
  input: DeleteAppInput;
};


export type MutationRemoveWorkspaceMemberArgs = {
  input: RemoveWorkspaceMemberInput;
};


export type MutationRenameWorkspaceArgs = {
  input: RenameWorkspaceInput;
};


export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationSwitchWorkspaceArgs = {
  input: SwitchWorkspaceInput;
};


export type MutationUpdateAppArgs = {
  input: UpdateAppInput;
};

/** An object with a globally unique, unguessable ID. */
export type Node = {
  id: Scalars['ID']['output'];
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** API keys of the current workspace. */
  apiKeys: ApiKeyConnection;
  app: App;
  /** Apps of the current workspace, oldest first. */
  apps: AppConnection;
  /** The caller, or null when anonymous. */
  viewer?: Maybe<Viewer>;
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

export type RevokeApiKeyInput = {
  id: Scalars['ID']['input'];
};

export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  apiKey: ApiKey;
};

/** Roles in a workspace, strongest first. */
export type Role =
  | 'ADMIN'
  | 'EDITOR'
  | 'MEMBER'
  | 'OWNER';

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
  name: Scalars['String']['input'];
  /** At least 10 characters. */
  password: Scalars['String']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Emits the workspace each time it changes. */
  workspaceUpdated: Workspace;
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

/** A person who signs in. Fields are added by the identity domain. */
export type User = Node & {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
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
  User: User;
  Workspace: Workspace;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  App:
    ( { __typename: 'App' }
    & GraphQLRecursivePick<FederationTypes['App'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  Workspace:
    ( { __typename: 'Workspace' }
    & GraphQLRecursivePick<FederationTypes['Workspace'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( ApiKeyModel )
    | ( AppModel )
    | ( MembershipModel )
    | ( UserModel )
    | ( WorkspaceModel )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddWorkspaceMemberInput: AddWorkspaceMemberInput;
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApiKeyConnection: ResolverTypeWrapper<ApiKeyPageModel>;
  ApiKeyEdge: ResolverTypeWrapper<ApiKeyEdgeModel>;
  ApiKeyScope: ApiKeyScope;
  App: ResolverTypeWrapper<AppModel>;
  AppConnection: ResolverTypeWrapper<AppPageModel>;
  AppEdge: ResolverTypeWrapper<AppEdgeModel>;
  AppFilter: AppFilter;
  AppMode: AppMode;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  ChangeWorkspaceMemberRoleInput: ChangeWorkspaceMemberRoleInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  CreateAppInput: CreateAppInput;
  CreateAppPayload: ResolverTypeWrapper<Omit<CreateAppPayload, 'app'> & { app: ResolversTypes['App'] }>;
  CreateWorkspaceInput: CreateWorkspaceInput;
  CreateWorkspacePayload: ResolverTypeWrapper<Omit<CreateWorkspacePayload, 'workspace'> & { workspace: ResolversTypes['Workspace'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteAppInput: DeleteAppInput;
  DeleteAppPayload: ResolverTypeWrapper<DeleteAppPayload>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Membership: ResolverTypeWrapper<MembershipModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateLimitBy: RateLimitBy;
  RemoveWorkspaceMemberInput: RemoveWorkspaceMemberInput;
  RemoveWorkspaceMemberPayload: ResolverTypeWrapper<RemoveWorkspaceMemberPayload>;
  RenameWorkspaceInput: RenameWorkspaceInput;
  RenameWorkspacePayload: ResolverTypeWrapper<Omit<RenameWorkspacePayload, 'workspace'> & { workspace: ResolversTypes['Workspace'] }>;
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: ResolverTypeWrapper<Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  Role: Role;
  SignInInput: SignInInput;
  SignOutPayload: ResolverTypeWrapper<SignOutPayload>;
  SignUpInput: SignUpInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SwitchWorkspaceInput: SwitchWorkspaceInput;
  SwitchWorkspacePayload: ResolverTypeWrapper<Omit<SwitchWorkspacePayload, 'workspace'> & { workspace: ResolversTypes['Workspace'] }>;
  UpdateAppInput: UpdateAppInput;
  UpdateAppPayload: ResolverTypeWrapper<Omit<UpdateAppPayload, 'app'> & { app: ResolversTypes['App'] }>;
  User: ResolverTypeWrapper<UserModel>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  Workspace: ResolverTypeWrapper<WorkspaceModel>;
  WorkspaceConnection: ResolverTypeWrapper<WorkspaceMembershipPageModel>;
  WorkspaceEdge: ResolverTypeWrapper<WorkspaceMembershipEdgeModel>;
  WorkspaceMemberPayload: ResolverTypeWrapper<Omit<WorkspaceMemberPayload, 'membership'> & { membership: ResolversTypes['Membership'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddWorkspaceMemberInput: AddWorkspaceMemberInput;
  ApiKey: ApiKeyModel;
  ID: Scalars['ID']['output'];
  ApiKeyConnection: ApiKeyPageModel;
  ApiKeyEdge: ApiKeyEdgeModel;
  App: AppModel;
  AppConnection: AppPageModel;
  AppEdge: AppEdgeModel;
  AppFilter: AppFilter;
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  ChangeWorkspaceMemberRoleInput: ChangeWorkspaceMemberRoleInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  CreateAppInput: CreateAppInput;
  CreateAppPayload: Omit<CreateAppPayload, 'app'> & { app: ResolversParentTypes['App'] };
  CreateWorkspaceInput: CreateWorkspaceInput;
  CreateWorkspacePayload: Omit<CreateWorkspacePayload, 'workspace'> & { workspace: ResolversParentTypes['Workspace'] };
  DateTime: Scalars['DateTime']['output'];
  DeleteAppInput: DeleteAppInput;
  DeleteAppPayload: DeleteAppPayload;
  JSON: Scalars['JSON']['output'];
  Membership: MembershipModel;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  RemoveWorkspaceMemberInput: RemoveWorkspaceMemberInput;
  RemoveWorkspaceMemberPayload: RemoveWorkspaceMemberPayload;
  RenameWorkspaceInput: RenameWorkspaceInput;
  RenameWorkspacePayload: Omit<RenameWorkspacePayload, 'workspace'> & { workspace: ResolversParentTypes['Workspace'] };
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  SignInInput: SignInInput;
  SignOutPayload: SignOutPayload;
  SignUpInput: SignUpInput;
  Subscription: Record<PropertyKey, never>;
  SwitchWorkspaceInput: SwitchWorkspaceInput;
  SwitchWorkspacePayload: Omit<SwitchWorkspacePayload, 'workspace'> & { workspace: ResolversParentTypes['Workspace'] };
  UpdateAppInput: UpdateAppInput;
  UpdateAppPayload: Omit<UpdateAppPayload, 'app'> & { app: ResolversParentTypes['App'] };
  User: UserModel;
  Viewer: ViewerModel;
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

export type CreateApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CreateAppPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateAppPayload'] = ResolversParentTypes['CreateAppPayload']> = ResolversObject<{
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType>;
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

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addWorkspaceMember?: Resolver<ResolversTypes['WorkspaceMemberPayload'], ParentType, ContextType, RequireFields<MutationAddWorkspaceMemberArgs, 'input'>>;
  changeWorkspaceMemberRole?: Resolver<ResolversTypes['WorkspaceMemberPayload'], ParentType, ContextType, RequireFields<MutationChangeWorkspaceMemberRoleArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createApp?: Resolver<ResolversTypes['CreateAppPayload'], ParentType, ContextType, RequireFields<MutationCreateAppArgs, 'input'>>;
  createWorkspace?: Resolver<ResolversTypes['CreateWorkspacePayload'], ParentType, ContextType, RequireFields<MutationCreateWorkspaceArgs, 'input'>>;
  deleteApp?: Resolver<ResolversTypes['DeleteAppPayload'], ParentType, ContextType, RequireFields<MutationDeleteAppArgs, 'input'>>;
  removeWorkspaceMember?: Resolver<ResolversTypes['RemoveWorkspaceMemberPayload'], ParentType, ContextType, RequireFields<MutationRemoveWorkspaceMemberArgs, 'input'>>;
  renameWorkspace?: Resolver<ResolversTypes['RenameWorkspacePayload'], ParentType, ContextType, RequireFields<MutationRenameWorkspaceArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['RevokeApiKeyPayload'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'input'>>;
  signIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'input'>>;
  signOut?: Resolver<ResolversTypes['SignOutPayload'], ParentType, ContextType>;
  signOutEverywhere?: Resolver<ResolversTypes['SignOutPayload'], ParentType, ContextType>;
  signUp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  switchWorkspace?: Resolver<ResolversTypes['SwitchWorkspacePayload'], ParentType, ContextType, RequireFields<MutationSwitchWorkspaceArgs, 'input'>>;
  updateApp?: Resolver<ResolversTypes['UpdateAppPayload'], ParentType, ContextType, RequireFields<MutationUpdateAppArgs, 'input'>>;
}>;

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ApiKey' | 'App' | 'Membership' | 'User' | 'Workspace', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<ResolversTypes['ApiKeyConnection'], ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'first'>>;
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType, RequireFields<QueryAppArgs, 'id'>>;
  apps?: Resolver<ResolversTypes['AppConnection'], ParentType, ContextType, RequireFields<QueryAppsArgs, 'first'>>;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType, RequireFields<QueryWorkspaceArgs, 'id'>>;
}>;

export type RemoveWorkspaceMemberPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RemoveWorkspaceMemberPayload'] = ResolversParentTypes['RemoveWorkspaceMemberPayload']> = ResolversObject<{
  removedUserId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type RenameWorkspacePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RenameWorkspacePayload'] = ResolversParentTypes['RenameWorkspacePayload']> = ResolversObject<{
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
}>;

export type RevokeApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevokeApiKeyPayload'] = ResolversParentTypes['RevokeApiKeyPayload']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
}>;

export type SignOutPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignOutPayload'] = ResolversParentTypes['SignOutPayload']> = ResolversObject<{
  revoked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  workspaceUpdated?: SubscriptionResolver<ResolversTypes['Workspace'], "workspaceUpdated", ParentType, ContextType, RequireFields<SubscriptionWorkspaceUpdatedArgs, 'id'>>;
}>;

export type SwitchWorkspacePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SwitchWorkspacePayload'] = ResolversParentTypes['SwitchWorkspacePayload']> = ResolversObject<{
  workspace?: Resolver<ResolversTypes['Workspace'], ParentType, ContextType>;
}>;

export type UpdateAppPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateAppPayload'] = ResolversParentTypes['UpdateAppPayload']> = ResolversObject<{
  app?: Resolver<ResolversTypes['App'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  currentWorkspace?: Resolver<Maybe<ResolversTypes['Workspace']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  workspaces?: Resolver<ResolversTypes['WorkspaceConnection'], ParentType, ContextType, RequireFields<ViewerWorkspacesArgs, 'first'>>;
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
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyConnection?: ApiKeyConnectionResolvers<ContextType>;
  ApiKeyEdge?: ApiKeyEdgeResolvers<ContextType>;
  App?: AppResolvers<ContextType>;
  AppConnection?: AppConnectionResolvers<ContextType>;
  AppEdge?: AppEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  CreateAppPayload?: CreateAppPayloadResolvers<ContextType>;
  CreateWorkspacePayload?: CreateWorkspacePayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteAppPayload?: DeleteAppPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Membership?: MembershipResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RemoveWorkspaceMemberPayload?: RemoveWorkspaceMemberPayloadResolvers<ContextType>;
  RenameWorkspacePayload?: RenameWorkspacePayloadResolvers<ContextType>;
  RevokeApiKeyPayload?: RevokeApiKeyPayloadResolvers<ContextType>;
  SignOutPayload?: SignOutPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SwitchWorkspacePayload?: SwitchWorkspacePayloadResolvers<ContextType>;
  UpdateAppPayload?: UpdateAppPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
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
