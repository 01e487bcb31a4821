import { MeResponseSchema, type MeResponse } from '@tessera/shared';
import { useCallback, useEffect, useState } from 'react';
import { callApi, errorText } from './api-client';
import { useAuthStore } from './auth-store';

/** GET /api/me for the signed-in user, with a reload function. */
export function useMe(): { me: MeResponse | null; error: string | null; reload: () => void } {
  const user = useAuthStore((s) => s.user);
  const [me, setMe] = useState<MeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!user) return;
    let live = true;
    callApi(MeResponseSchema, '/api/me').then(
      (value) => live && (setMe(value), setError(null)),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [user, tick]);
  return { me: user ? me : null, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
