// The sign-in form staff and customers share: e-mail and password, the expired-session notice,
// one clear message for a wrong pair, and a link to the other sign-in. Each screen gives its
// words, its heading and what signing in does.

import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "./ErrorNotice.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";
import { PageTitle } from "./PageTitle.js";

/** The words of one sign-in screen, already in the reader's language. */
export interface SignInWords {
  title: string;
  intro: string;
  expired: string;
  email: string;
  password: string;
  wrong: string;
  submit: string;
  signingIn: string;
  /** The link to the other sign-in (staff ↔ customers). */
  other: { to: string; label: string };
}

interface SignInFormProps {
  words: SignInWords;
  expired: boolean;
  /** Above the title: the brand. */
  brand: ReactNode;
  /** Signs in; a rejection is shown (a 400 or 401 as the wrong pair). */
  signIn(email: string, password: string): Promise<void>;
  className?: string;
}

export function SignInForm({ words, expired, brand, signIn, className }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emailId = useId();
  const passwordId = useId();
  const expiredId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const wrongPair = error instanceof ApiError && (error.status === 401 || error.status === 400);
  return (
    <div className={className ? `login ${className}` : "login"}>
      <div className="login-language">
        <LanguageSwitcher />
      </div>
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-describedby={expired ? expiredId : undefined}>
        {brand}
        <PageTitle title={words.title} />
        <p className="muted">{words.intro}</p>
        {expired && (
          <p id={expiredId} className="notice notice-info" role="status">
            {words.expired}
          </p>
        )}
        <div className="field">
          <label htmlFor={emailId}>{words.email}</label>
          <input id={emailId} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{words.password}</label>
          <input
            id={passwordId}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {wrongPair ? (
          <p className="notice notice-error" role="alert">
            {words.wrong}
          </p>
        ) : (
          error !== null && <ErrorNotice error={error} />
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? words.signingIn : words.submit}
        </button>
        <p className="portal-login-other">
          <Link to={words.other.to}>{words.other.label}</Link>
        </p>
      </form>
    </div>
  );
}
