/**
 * Connects the open workbook to the server when it is shared and someone is signed in; keeps the
 * user's role (viewer → read-only) and publishes the report selection as presence. Renders nothing.
 */
import { MeResponseSchema } from '@tessera/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useWorkbookDoc, useWorkbookInfo } from '../../workbook';
import { useReportStore } from '../report/report-store';
import { callApi } from './api-client';
import { useAuthStore } from './auth-store';
import { serverLinkOf } from './server-links';
import { SyncConnection } from './sync-connection';
import { colorFor, useSyncStore } from './sync-store';

export function SyncHost(): ReactNode {
  const doc = useWorkbookDoc();
  const { id } = useWorkbookInfo();
  const user = useAuthStore((s) => s.user);
  const link = useSyncStore((s) => s.link);
  const [roleTick, setRoleTick] = useState(0);

  useEffect(() => {
    useSyncStore.getState().set({ link: serverLinkOf(id) ?? null });
  }, [id]);

  // The role on the workbook's workspace (re-read when the server says it changed).
  useEffect(() => {
    if (!user || !link) {
      useSyncStore.getState().set({ role: null });
      return;
    }
    let live = true;
    callApi(MeResponseSchema, '/api/me').then(
      (me) => live && useSyncStore.getState().set({ role: me.workspaces.find((ws) => ws.id === link.workspaceId)?.role ?? null }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [user, link, roleTick]);

  useEffect(() => {
    if (!user || !link) return;
    useSyncStore.getState().set({ notice: null });
    const connection = new SyncConnection(doc, link.workbookId, { name: user.name, color: colorFor(user.id) }, () => setRoleTick((t) => t + 1));
    connection.setSelection(useReportStore.getState().selection);
    const stop = useReportStore.subscribe((state, previous) => {
      if (state.selection !== previous.selection) connection.setSelection(state.selection);
    });
    return () => {
      stop();
      connection.destroy();
    };
  }, [doc, user, link]);

  return null;
}
