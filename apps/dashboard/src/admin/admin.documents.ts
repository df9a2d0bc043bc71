import { graphql } from '../gql';

export const USERS = graphql(`
  query AdminUsers {
    users {
      id
      version
      email
      displayName
      role
      siteId
      active
      mustChangePassword
    }
    sites {
      id
      version
      code
      name
    }
  }
`);
export const CREATE_USER = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);
export const UPDATE_USER = graphql(`
  mutation AdminUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      version
      role
      siteId
      active
    }
  }
`);

export const RESET_PASSWORD = graphql(`
  mutation AdminResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      temporaryPassword
      user {
        id
        version
        mustChangePassword
      }
    }
  }
`);

export const SITES = graphql(`
  query AdminSites {
    sites {
      id
      version
      code
      name
      createdAt
    }
  }
`);
export const CREATE_SITE = graphql(`
  mutation AdminCreateSite($input: CreateSiteInput!) {
    createSite(input: $input) {
      id
    }
  }
`);
export const UPDATE_SITE = graphql(`
  mutation AdminUpdateSite($input: UpdateSiteInput!) {
    updateSite(input: $input) {
      id
      version
      code
      name
    }
  }
`);

export const AUDIT_LOG = graphql(`
  query AdminAuditLog($first: Int!, $before: ID, $entityType: String, $action: AuditAction, $actorEmail: String, $from: String, $to: String) {
    auditLog(first: $first, before: $before, entityType: $entityType, action: $action, actorEmail: $actorEmail, from: $from, to: $to) {
      id
      occurredAt
      actorEmail
      entityType
      entityId
      action
      before
      after
      reason
      names {
        id
        kind
        name
      }
    }
  }
`);
