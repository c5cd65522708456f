/**
 * The instance-wide signal that a person's credentials, or what their cached viewer says, changed. It
 * travels through PubSubService (Redis across instances), so every instance drops its cached viewers
 * at once, and on `revoked` closes the sockets that authenticated with those credentials (4403).
 */
export const CREDENTIALS_CHANGED = "credentialsChanged";

export interface CredentialsChanged {
  personId: string;
  /** One session or access token; absent: every credential of the person. */
  credentialId?: string;
  /** The credentials no longer sign anyone in (sign-out, revocation, erasure), rather than just the viewer's details changing. */
  revoked: boolean;
}
