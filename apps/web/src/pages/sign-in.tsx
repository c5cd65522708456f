import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../api/session';
import { graphql } from '../gql';
import { ErrorMessage } from '../ui/errors';

const RequestLink = graphql(`
  mutation RequestSignInLink($email: String!) {
    requestSignInLink(email: $email)
  }
`);

const SignIn = graphql(`
  mutation SignIn($token: String!) {
    signIn(token: $token) {
      token
      expiresAt
    }
  }
`);

const NEXT_KEY = 'ecava.next';

/** Request an emailed link; the link (`/sign-in?token=…`) comes back here and signs the person in. */
export default function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const linkToken = params.get('token');
  const { token } = useSession();
  if (linkToken) return <Redeem linkToken={linkToken} />;
  if (token) return <Navigate to="/" replace />;
  return (
    <main id="main" className="narrow">
      <h1>{t('signIn.title')}</h1>
      <RequestForm next={params.get('next')} />
    </main>
  );
}

function RequestForm({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [result, request] = useMutation(RequestLink);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next?.startsWith('/')) localStorage.setItem(NEXT_KEY, next);
    const answer = await request({ email: email.trim() });
    if (!answer.error) setSentTo(email.trim());
  };
  if (sentTo) {
    return (
      <div role="status" className="notice">
        <h2>{t('signIn.checkEmail')}</h2>
        <p>{t('signIn.sent', { email: sentTo })}</p>
        <button type="button" className="button subtle" onClick={() => setSentTo(null)}>
          {t('signIn.again')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="form">
      <p>{t('signIn.intro')}</p>
      <ErrorMessage error={result.error} labels={{ email: t('signIn.email') }} />
      <label htmlFor="email">{t('signIn.email')}</label>
      <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" className="button primary" disabled={result.fetching}>
        {t('signIn.send')}
      </button>
    </form>
  );
}

function Redeem({ linkToken }: { linkToken: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [result, redeem] = useMutation(SignIn);
  const started = useRef(false);
  useEffect(() => {
    // Once: the token is single-use, and StrictMode runs effects twice in development.
    if (started.current) return;
    started.current = true;
    void redeem({ token: linkToken }).then((answer) => {
      const session = answer.data?.signIn;
      if (!session) return;
      signIn(session.token);
      const next = localStorage.getItem(NEXT_KEY);
      localStorage.removeItem(NEXT_KEY);
      void navigate(next?.startsWith('/') ? next : '/', { replace: true });
    });
  }, [linkToken, redeem, signIn, navigate]);
  return (
    <main id="main" className="narrow">
      <h1>{t('signIn.title')}</h1>
      {result.error ? (
        <>
          <ErrorMessage error={result.error} />
          <p>
            <a href="/sign-in">{t('signIn.requestNew')}</a>
          </p>
        </>
      ) : (
        <p role="status">{t('signIn.signingIn')}</p>
      )}
    </main>
  );
}
