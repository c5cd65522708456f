import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService, Context, CurrentViewer, GqlContext, LISTED_ACCESS_TOKENS, LISTED_SESSIONS, MaxItems, Public, SignInService, Viewer } from '@app/core';
import { PeopleService } from '../people.service';
import { AccessToken, ActiveSession, CreatedAccessToken, Session } from './session.model';
import { CreateAccessTokenArgs, RequestSignInLinkArgs, SignInArgs } from './sign-in.args';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly signInService: SignInService,
    private readonly auth: AuthService,
    private readonly people: PeopleService,
  ) {}

  @Public()
  @Mutation(() => Boolean, { description: 'Always returns true, whether or not the address is known.' })
  async requestSignInLink(@Args() { email }: RequestSignInLinkArgs, @Context() ctx: GqlContext): Promise<boolean> {
    await this.signInService.requestLink(email, ctx.req.ip ?? 'unknown');
    return true;
  }

  @Public()
  @Mutation(() => Session, { description: 'Exchanges a sign-in link token (single use, 15 minutes) for a session.' })
  async signIn(@Args() { token }: SignInArgs, @Context() ctx: GqlContext): Promise<Session> {
    const { token: sessionToken, session } = await this.signInService.signIn(token);
    // The rest of this response is read as the person who just signed in (e.g. their own email).
    ctx.viewer = (await this.auth.resolveBearer(sessionToken)).viewer;
    const person = await this.people.findById(session.personId);
    return { token: sessionToken, expiresAt: session.expiresAt, person: person! };
  }

  @Mutation(() => Boolean, { description: 'Revokes the current session; false when signed in with an access token.' })
  signOut(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.auth.signOut(viewer);
  }

  @Mutation(() => CreatedAccessToken)
  createAccessToken(@CurrentViewer() viewer: Viewer, @Args() { name }: CreateAccessTokenArgs): Promise<CreatedAccessToken> {
    return this.auth.createAccessToken(viewer.id, name);
  }

  @Mutation(() => Boolean, { description: 'Your own tokens (admins: anyone\'s). Unknown or revoked ids are NOT_FOUND.' })
  revokeAccessToken(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeAccessToken(viewer, id);
  }

  @Query(() => [AccessToken], { description: `Your active personal access tokens, oldest first; the first ${LISTED_ACCESS_TOKENS}.` })
  @MaxItems(LISTED_ACCESS_TOKENS)
  myAccessTokens(@CurrentViewer() viewer: Viewer) {
    return this.auth.listAccessTokens(viewer.id);
  }

  @Query(() => [ActiveSession], { description: `Your sessions that can still sign in, newest first; the first ${LISTED_SESSIONS}.` })
  @MaxItems(LISTED_SESSIONS)
  mySessions(@CurrentViewer() viewer: Viewer) {
    return this.auth.listSessions(viewer);
  }

  @Mutation(() => Boolean, { description: 'Ends one of your own sessions (its browser is signed out at once). Unknown, revoked or other people\'s ids are NOT_FOUND.' })
  revokeSession(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeSession(viewer, id);
  }
}
