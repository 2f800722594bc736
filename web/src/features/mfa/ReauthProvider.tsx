import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { ReauthModal } from './ReauthModal.js';

/** Thrown when the user closes the password dialog instead of re-authenticating. */
export class ReauthCancelled extends Error {}

type Guard = <T>(action: () => Promise<T>) => Promise<T>;

const ReauthContext = createContext<Guard>((action) => action());

/**
 * Enrolling or removing a factor needs the password again within 5 minutes: a request refused
 * with `reauth_required` opens the password dialog and is repeated once the password is right.
 */
export function ReauthProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<{ resolve: () => void; reject: (e: Error) => void } | null>(null);

  const guard = useCallback<Guard>(async (action) => {
    try {
      return await action();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.code === 'reauth_required')) throw failure;
      await new Promise<void>((resolve, reject) => {
        waiting.current = { resolve, reject };
        setOpen(true);
      });
      return action();
    }
  }, []);

  const finish = (ok: boolean) => {
    setOpen(false);
    if (ok) waiting.current?.resolve();
    else waiting.current?.reject(new ReauthCancelled());
    waiting.current = null;
  };

  return (
    <ReauthContext.Provider value={guard}>
      {children}
      <ReauthModal open={open} onDone={() => finish(true)} onCancel={() => finish(false)} />
    </ReauthContext.Provider>
  );
}

export function useReauthGuard(): Guard {
  return useContext(ReauthContext);
}
