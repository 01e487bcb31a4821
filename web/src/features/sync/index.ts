export { AccountArea, PeopleHere } from './AccountArea';
export { SyncHost } from './SyncHost';
export { SyncBanner, SyncStatusItem } from './SyncStatusItem';
export { isReadOnly, useReadOnly, useSyncStore, READ_ONLY_REASON, type Peer } from './sync-store';
export { useAuthStore } from './auth-store';
export { PeerOutline } from './PeerOutline';
