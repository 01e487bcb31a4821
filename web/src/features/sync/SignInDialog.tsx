import { useState, type FormEvent, type ReactNode } from 'react';
import { authenticate, errorText } from './api-client';
import { Dialog } from './Dialog';

/** Register or sign in (tabs) against the server on this origin. */
export function SignInDialog({ onClose }: { onClose: () => void }): ReactNode {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    authenticate(mode, mode === 'register' ? { email, password, name } : { email, password }).then(onClose, (e: unknown) => {
      setBusy(false);
      setError(errorText(e));
    });
  };

  return (
    <Dialog title="Sign in" onClose={onClose}>
      <div role="tablist" aria-label="Account" className="sync-tabs">
        <button type="button" role="tab" aria-selected={mode === 'login'} onClick={() => setMode('login')}>
          Sign in
        </button>
        <button type="button" role="tab" aria-selected={mode === 'register'} onClick={() => setMode('register')}>
          Register
        </button>
      </div>
      <form className="sync-form" onSubmit={submit}>
        <label>
          Email
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete={mode === 'register' ? 'new-password' : 'current-password'} required minLength={mode === 'register' ? 8 : 1} value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {mode === 'register' ? (
          <label>
            Name
            <input type="text" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        ) : null}
        {error ? <p role="alert" className="sync-error">{error}</p> : null}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {mode === 'register' ? 'Create account' : 'Sign in'}
        </button>
      </form>
      <p className="sync-hint">Tessera works without an account; signing in lets you share workbooks and edit them together.</p>
    </Dialog>
  );
}
